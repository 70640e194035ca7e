"""Opening a database safely: check it, copy it before an upgrade, refuse what we cannot read.

Every refusal is a :class:`DatabaseOpenError` that names the file (or the server) and says
what to do; nothing is changed when one is raised.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.store.backup import backup_name, copy_database
from basc_desktop.store.engine import Database, display_url, make_engine, sqlite_path
from basc_desktop.store.schema import current_revision, has_tables, head_revision, known_revisions
from basc_desktop.store.schema import upgrade as upgrade_schema

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(BascError):
    """The database cannot be opened; the message names it and says why."""


def open_database(url: str, *, backups_dir: Path | None = None) -> Database:
    """Open (creating or upgrading as needed) the database at ``url``.

    An SQLite file at an older schema is first copied to ``backups_dir``.
    """
    try:
        path = sqlite_path(url)
        where = str(path) if path is not None else display_url(url)
    except ArgumentError as exc:
        raise DatabaseOpenError(
            _("“{url}” is not a database address. Use e.g. postgresql+psycopg://user@server/basc."),
            url=url.split("@")[-1],
        ) from exc
    if path is not None:
        _check_sqlite_file(path)
    try:
        engine = make_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseOpenError(
            _("The database {where} cannot be used: {detail}. Supported: SQLite and PostgreSQL."),
            where=where,
            detail=_first_line(exc),
        ) from exc
    try:
        revision = _inspect(engine, where, is_file=path is not None)
        if revision != head_revision():
            if path is not None and revision is not None and backups_dir is not None:
                copy = backups_dir / backup_name(path, f"before-upgrade-from-{revision}")
                copy_database(path, copy)
                log.info("copied %s to %s before upgrading it", path, copy)
            upgrade_schema(engine)
            log.info("upgraded %s from %s to %s", where, revision, head_revision())
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if not path.is_file():
            raise DatabaseOpenError(_("{path} is a folder, not a database file."), path=path)
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise DatabaseOpenError(
                _(
                    "The file {path} is not a BASC Desktop database, or it is damaged. "
                    "Nothing was changed. Open another file or restore a backup."
                ),
                path=path,
            )
        if not os.access(path, os.W_OK):
            raise DatabaseOpenError(
                _("The database file {path} cannot be written. Check its permissions."),
                path=path,
            )
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            _("The folder {folder} cannot be created: {reason}."),
            folder=folder,
            reason=exc.strerror or exc,
        ) from exc
    if not os.access(folder, os.W_OK):
        raise DatabaseOpenError(
            _("The folder {folder} cannot be written, so no database can be created there."),
            folder=folder,
        )


def _inspect(engine: Engine, where: str, *, is_file: bool) -> str | None:
    """The schema revision of the database; raises if it is damaged, foreign or newer."""
    try:
        with engine.connect() as connection:
            if is_file:
                verdict = connection.execute(text("PRAGMA quick_check")).scalar()
                if verdict != "ok":
                    raise DatabaseOpenError(
                        _(
                            "The database {where} is damaged ({detail}). Nothing was changed. "
                            "Restore a backup."
                        ),
                        where=where,
                        detail=verdict,
                    )
            revision = current_revision(connection)
            foreign = revision is None and has_tables(connection)
    except DBAPIError as exc:
        if is_file:
            raise DatabaseOpenError(
                _(
                    "The database {where} is damaged or not a database ({detail}). "
                    "Nothing was changed. Restore a backup."
                ),
                where=where,
                detail=_first_line(exc.orig),
            ) from exc
        raise DatabaseOpenError(
            _("Cannot connect to the database {where}: {detail}"),
            where=where,
            detail=_first_line(exc.orig),
        ) from exc
    except SQLAlchemyError as exc:
        raise DatabaseOpenError(
            _("Cannot open the database {where}: {detail}"), where=where, detail=_first_line(exc)
        ) from exc
    if foreign:
        raise DatabaseOpenError(
            _("The database {where} holds other tables: it is not a BASC Desktop database."),
            where=where,
        )
    if revision is not None and revision not in known_revisions():
        raise DatabaseOpenError(
            _(
                "The database {where} was made by a newer version of BASC Desktop "
                "(schema {revision}). Install the newer version to open it; nothing was changed."
            ),
            where=where,
            revision=revision,
        )
    return revision


def _first_line(exc: BaseException | None) -> str:
    return str(exc).strip().splitlines()[0] if exc is not None and str(exc).strip() else "?"
