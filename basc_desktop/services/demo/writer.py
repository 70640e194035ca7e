"""Bulk writing: rows buffered per table and inserted in batches, parents first.

The demo gives every row its primary key itself (continuing after the largest id
already in the table), so a batch goes to the database as one ``executemany``
without a round trip per row.  Buffers are flushed in the order of the schema's
foreign keys whenever enough rows are waiting, which keeps memory bounded however
many companies are built.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.orm import Session

from basc_desktop.store.models import Base

Row = dict[str, Any]


class Writer:
    def __init__(self, session: Session, *, flush_at: int = 20_000) -> None:
        self._session = session
        self._flush_at = flush_at
        self._tables: list[Table] = list(Base.metadata.sorted_tables)
        self._rows: dict[str, list[Row]] = {table.name: [] for table in self._tables}
        self._next_id: dict[str, int] = {}
        self._waiting = 0
        self.written: Counter[str] = Counter()
        for table in self._tables:
            if _has_integer_id(table):
                largest = session.scalar(select(func.max(table.c.id)))
                self._next_id[table.name] = (largest or 0) + 1

    def new_id(self, table: str) -> int:
        """The primary key for the next row of ``table``."""
        found = self._next_id[table]
        self._next_id[table] = found + 1
        return found

    def add(self, table: str, row: Row) -> None:
        """Queue ``row`` (every column given) for ``table``; may write the queues out."""
        self._rows[table].append(row)
        self._waiting += 1
        if self._waiting >= self._flush_at:
            self.flush()

    def flush(self) -> None:
        """Write every queued row, parent tables before the tables that point to them."""
        if not self._waiting:
            return
        for table in self._tables:
            rows = self._rows[table.name]
            if rows:
                self._session.execute(insert(table), rows)
                self.written[table.name] += len(rows)
                self._rows[table.name] = []
        self._waiting = 0

    def finish(self) -> None:
        """Write what is left; on PostgreSQL, move the id sequences past the ids we gave."""
        self.flush()
        bind = self._session.get_bind()
        if bind.dialect.name != "postgresql":
            return  # SQLite continues after the largest rowid by itself.
        for table in self._tables:
            if self.written[table.name] and table.name in self._next_id:
                self._session.execute(
                    text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)"),
                    {"table": table.name, "last": self._next_id[table.name] - 1},
                )


def _has_integer_id(table: Table) -> bool:
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id" and isinstance(keys[0].type, Integer)
