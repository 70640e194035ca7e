"""A substring index over ``companies.search_text``, so a search keystroke stays fast.

``LIKE '%term%'`` reads every row: about 0.1 s for 100,000 companies on SQLite.  So:

- **SQLite** (3.34 or newer): an FTS5 table ``companies_search`` with the *trigram*
  tokenizer, over ``companies.search_text`` (external content: the text is not stored
  twice), kept in step by triggers.  A term of 3 characters or more is looked up in it
  with ``MATCH``, which finds the same rows as ``LIKE '%term%'`` (substring, no case);
  shorter terms fall back to ``LIKE``.
- **PostgreSQL**: a GIN index with ``pg_trgm`` on ``search_text``, when the extension
  can be created; the planner then uses it for the same ``LIKE`` queries by itself.

Both are optional: without them the search uses ``LIKE`` and is only slower.  They are
not in the models (SQLAlchemy cannot describe them): migration 0002 installs them with
:func:`install_search_index`.  A later migration that *recreates* ``companies`` (an
Alembic batch "move and copy" on SQLite) drops the triggers, and must call
:func:`install_search_index` again (it is idempotent).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Integer, column, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from basc_desktop.store.members import Company

SEARCH_TABLE = "companies_search"
TRIGRAM_INDEX = "ix_companies_search_text_trgm"
SHORTEST_INDEXED = 3
"""Trigram lookups need at least three characters; shorter terms use LIKE."""

_SQLITE_OBJECTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
    "search_text, content='companies', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {SEARCH_TABLE}_insert AFTER INSERT ON companies BEGIN "
    f"INSERT INTO {SEARCH_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {SEARCH_TABLE}_delete AFTER DELETE ON companies BEGIN "
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {SEARCH_TABLE}_update AFTER UPDATE OF search_text "
    f"ON companies BEGIN "
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {SEARCH_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')",
)

_known: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()


def is_search_index(name: str | None, kind: str) -> bool:
    """Whether a schema object is part of the search index (which the models do not describe):
    for Alembic's ``include_name``, so autogenerate neither drops nor compares it."""
    if kind == "table":
        return (name or "").startswith(SEARCH_TABLE)
    return name == TRIGRAM_INDEX


def sqlite_has_trigram() -> bool:
    """Whether this SQLite library has FTS5's trigram tokenizer (3.34, 2020)."""
    return sqlite3.sqlite_version_info >= (3, 34, 0)


def install_search_index(connection: Connection) -> bool:
    """Create (or re-create) the search index of the database; False if it cannot have one."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        if not sqlite_has_trigram():
            return False
        for statement in _SQLITE_OBJECTS:
            connection.exec_driver_sql(statement)
        return True
    if dialect == "postgresql":
        try:
            with connection.begin_nested():
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
                connection.execute(
                    text(
                        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON companies "
                        "USING gin (search_text gin_trgm_ops)"
                    )
                )
        except DBAPIError:
            return False  # no pg_trgm here, or no right to create it: LIKE still works
        return True
    return False


def remove_search_index(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        for suffix in ("_insert", "_delete", "_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {SEARCH_TABLE}{suffix}")
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
    elif connection.dialect.name == "postgresql":
        connection.execute(text(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}"))


def _installed(connection: Connection) -> bool:
    if connection.dialect.name == "sqlite":
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
        return bool(connection.execute(text(query), {"name": SEARCH_TABLE}).first())
    if connection.dialect.name == "postgresql":
        query = "SELECT 1 FROM pg_indexes WHERE indexname = :name"
        return bool(connection.execute(text(query), {"name": TRIGRAM_INDEX}).first())
    return False


@contextmanager
def search_index_paused(connection: Connection) -> Iterator[None]:
    """For a bulk load of companies: drop the search index, then build it once at the end,
    in the same transaction (much faster than keeping it up to date row by row).

    On PostgreSQL the planner's statistics of ``companies`` are refreshed at the end too,
    so the first page of a freshly loaded list is read through its indexes.
    """
    installed = _installed(connection)
    if installed:
        remove_search_index(connection)
    yield
    if installed:
        install_search_index(connection)
    if connection.dialect.name == "postgresql":
        connection.execute(text("ANALYZE companies"))


def has_fts(engine: Engine) -> bool:
    """Whether the SQLite database behind ``engine`` has the FTS search table (cached)."""
    if engine.dialect.name != "sqlite":
        return False
    found = _known.get(engine)
    if found is None:
        with engine.connect() as connection:
            found = bool(
                connection.execute(
                    text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
                    {"name": SEARCH_TABLE},
                ).first()
            )
        _known[engine] = found
    return found


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> ColumnElement[bool]:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Company.search_text.like(f"%{escaped}%", escape="\\")


def search_conditions(engine: Engine, terms: list[str]) -> list[ColumnElement[bool]]:
    """WHERE conditions on ``companies`` finding every term (folded) as a substring."""
    indexed = [t for t in terms if len(t) >= SHORTEST_INDEXED]
    if not indexed or not has_fts(engine):
        return [_like(term) for term in terms]
    query = " AND ".join(_fts_phrase(t) for t in indexed)
    matches = text(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :fts_query")
    found = Company.id.in_(matches.bindparams(fts_query=query).columns(column("rowid", Integer)))
    return [found, *(_like(t) for t in terms if len(t) < SHORTEST_INDEXED)]
