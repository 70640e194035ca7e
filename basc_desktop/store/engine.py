"""Engines and sessions: SQLite with WAL and foreign keys, or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

SQLITE_BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "basc_write"
SERVER_CONNECT_TIMEOUT_S = 10
"""An unreachable server is reported after this long, not after minutes."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL; None for an in-memory or non-SQLite database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous = NORMAL")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if mode not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _begin_sqlite(conn: Any) -> None:
    # A unit of work takes the write lock from the start, so two writers wait for
    # each other (busy_timeout) instead of failing half-way with "database is
    # locked"; reads begin deferred and never block anyone.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


_SQLITE_INTEGER = range(-(2**63), 2**63)
_SERVER_INTEGER = range(-(2**31), 2**31)
"""The integers a column can hold: SQLite's 8 bytes, PostgreSQL's INTEGER."""


def _impossible_values_match_nothing(
    held: range, *, nul: bool = False
) -> Callable[..., tuple[str, Any]]:
    """A ``before_cursor_execute`` hook: in a SELECT, an integer no column can hold (an
    absurd id typed by a user) becomes NULL, which matches no row, instead of failing in
    the driver (OverflowError on SQLite, "integer out of range" on PostgreSQL).  With
    ``nul``, so does a text with a NUL character (PostgreSQL stores none and refuses one)."""

    def odd(v: Any) -> bool:
        return (type(v) is int and v not in held) or (nul and type(v) is str and "\x00" in v)

    def hook(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, many: bool
    ) -> tuple[str, Any]:
        if many or statement[:16].lstrip()[:6].upper() != "SELECT":
            return statement, parameters
        if isinstance(parameters, dict):
            if any(odd(v) for v in parameters.values()):
                parameters = {k: None if odd(v) else v for k, v in parameters.items()}
        elif isinstance(parameters, tuple | list) and any(odd(v) for v in parameters):
            parameters = tuple(None if odd(v) else v for v in parameters)
        return statement, parameters

    return hook


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if is_sqlite(url):
        engine = create_engine(url, echo=echo, poolclass=NullPool)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
        event.listen(
            engine,
            "before_cursor_execute",
            _impossible_values_match_nothing(_SQLITE_INTEGER),
            retval=True,
        )
        return engine
    connect_args = {"connect_timeout": SERVER_CONNECT_TIMEOUT_S} if _is_postgres(url) else {}
    engine = create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args)
    if make_url(url).get_backend_name() == "postgresql":
        event.listen(
            engine,
            "before_cursor_execute",
            _impossible_values_match_nothing(_SERVER_INTEGER, nul=True),
            retval=True,
        )
    return engine


def _is_postgres(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query


class Database:
    """An open database: its engine and a factory of sessions, one per transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; nothing it does is committed."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        self.engine.dispose()
