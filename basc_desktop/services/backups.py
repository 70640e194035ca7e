"""Backing up the register and restoring a backup: what File ▸ Back up now… and Restore…,
the automatic backup at start, and ``basc backup`` / ``basc restore`` do.

Only an SQLite file is backed up here; a shared PostgreSQL database is backed up on its
server.  Every refusal is a :class:`BackupError` naming the file and the reason, and a
refused restore changes nothing.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.store.backup import (
    AUTOMATIC,
    SQLITE_HEADER,
    BackupError,
    Cancelled,
    Progress,
    check_database,
    companions,
    copy_database,
    free_name,
    parse_backup_name,
    remove_database_file,
    rotate_backups,
    sync_file,
    sync_folder,
)
from basc_desktop.store.engine import sqlite_path, sqlite_url
from basc_desktop.store.schema import current_revision, has_tables, head_revision, known_revisions

log = logging.getLogger(__name__)

MANUAL = "manual"
BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: which file it put in place, and where the old data went."""

    database: Path
    backup: Path
    kept: Path | None
    """The copy of the data that was there before; None if there was no file."""
    revision: str
    """The backup's schema revision; older than ``head_revision()`` means the next
    opening upgrades it (after copying it first)."""

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != head_revision()


@dataclass(frozen=True)
class BackupInfo:
    """What the coordinator is told about a backup before restoring it."""

    path: Path
    taken_at: datetime
    """From the file's name when we named it, else the file's modification time."""
    size: int


def database_file(url: str) -> Path:
    """The SQLite file behind ``url``; a server database is refused with a clear message."""
    path = sqlite_path(url)
    if path is None:
        raise BackupError(
            _(
                "A shared PostgreSQL database is backed up on its server, e.g. with pg_dump; "
                "ask its administrator."
            )
        )
    return path


def back_up(
    source: Workspace | str,
    destination: Path | None = None,
    *,
    backups_dir: Path | None = None,
    label: str = MANUAL,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy the database (an open workspace's, or the one at a URL) and return the copy.

    ``destination`` None: the backups folder (``backups_dir``, else the workspace's data
    folder ``backups``), named by date and ``label``; a folder: that name inside it.
    """
    url = source if isinstance(source, str) else source.db.url
    path = database_file(url)
    if destination is None:
        if backups_dir is None:
            if isinstance(source, str):
                raise ValueError("a URL needs backups_dir or a destination")
            backups_dir = source.data_dir / "backups" if source.data_dir else None
        if backups_dir is None:
            raise ValueError("a workspace without a data folder needs a destination")
        destination = free_name(backups_dir, path, label, now)
    elif destination.is_dir():
        destination = free_name(destination, path, label, now)
    if destination.resolve() == path.resolve():
        raise BackupError(_("A backup cannot be written over its own database {path}."), path=path)
    try:
        copy_database(path, destination, progress=progress, cancelled=cancelled)
    except OSError as exc:
        raise BackupError(
            _("The backup {path} cannot be written: {reason}."),
            path=destination,
            reason=exc.strerror or exc,
        ) from exc
    log.info("backed up %s to %s", path, destination)
    return destination


def automatic_backup(
    settings: Settings,
    url: str,
    *,
    now: datetime | None = None,
    cancelled: Cancelled | None = None,
) -> Path | None:
    """The backup made at start, then the rotation of the automatic ones.

    None (nothing done) for a server database and for the demo database, which is
    fictional and rebuilt at will.
    """
    if sqlite_path(url) is None or url == settings.demo_database_url:
        return None
    moment = now or datetime.now()
    copy = back_up(
        url, backups_dir=settings.backups_dir, label=AUTOMATIC, now=moment, cancelled=cancelled
    )
    prefs = settings.preferences
    deleted = rotate_backups(
        settings.backups_dir,
        keep_last=prefs.backups_keep_last,
        keep_daily=prefs.backups_keep_daily,
        keep_weekly=prefs.backups_keep_weekly,
        now=moment,
    )
    if deleted:
        log.info("rotation removed %d old automatic backups", len(deleted))
    return copy


def describe_backup(path: Path) -> BackupInfo:
    """The date and size of a backup file, for the question before restoring it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BackupError(
            _("The backup {path} cannot be read: {reason}."), path=path, reason=exc.strerror or exc
        ) from exc
    named = parse_backup_name(path)
    taken_at = named.taken_at if named else datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, taken_at, size)


def restore_backup(settings: Settings, backup_file: Path, target_url: str) -> RestoreOutcome:
    """Put ``backup_file`` in place of the database at ``target_url`` (which must be closed).

    The backup is copied next to the target and checked there (integrity, a schema this
    program knows); the current file is then copied to the backups folder, and only then
    is the checked copy swapped in.  Any refusal leaves everything as it was.
    """
    target = database_file(target_url)
    if not backup_file.is_file():
        raise BackupError(_("The backup {path} does not exist."), path=backup_file)
    incoming = target.with_name(f".{target.name}.restoring")
    remove_database_file(incoming)
    try:
        _copy_checked(backup_file, incoming)
        revision = _known_revision(backup_file, incoming)
        kept = None
        if target.exists():
            kept = _keep_current(settings, target, readable=_ensure_closed(target))
            for companion in companions(target):
                companion.unlink(missing_ok=True)
        os.replace(incoming, target)
        sync_folder(target.parent)
    except BaseException:
        remove_database_file(incoming)
        raise
    log.info("restored %s into %s (schema %s); kept %s", backup_file, target, revision, kept)
    return RestoreOutcome(target, backup_file, kept, revision)


def _copy_checked(backup_file: Path, incoming: Path) -> None:
    try:
        with backup_file.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise BackupError(
                _("The file {path} is not a BASC Desktop backup: it is not an SQLite database."),
                path=backup_file,
            )
        shutil.copyfile(backup_file, incoming)
        sync_file(incoming)
    except OSError as exc:
        raise BackupError(
            _("The backup {path} cannot be copied: {reason}."),
            path=backup_file,
            reason=exc.strerror or exc,
        ) from exc
    verdict = check_database(incoming, "integrity_check")
    if verdict != "ok":
        raise BackupError(
            _("The backup {path} is damaged ({detail}); nothing was restored."),
            path=backup_file,
            detail=verdict,
        )


def _known_revision(backup_file: Path, incoming: Path) -> str:
    engine = create_engine(sqlite_url(incoming), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            foreign = revision is None and has_tables(connection)
    except SQLAlchemyError as exc:
        raise BackupError(
            _("The backup {path} cannot be read: {reason}."), path=backup_file, reason=exc
        ) from exc
    finally:
        engine.dispose()
    if revision is None:
        raise BackupError(
            _("The file {path} is not a BASC Desktop backup: it holds no BASC Desktop data.")
            if not foreign
            else _("The file {path} is not a BASC Desktop backup: it holds other tables."),
            path=backup_file,
        )
    if revision not in known_revisions():
        raise BackupError(
            _(
                "The backup {path} was made by a newer version of BASC Desktop (schema "
                "{revision}). Install that version to restore it; nothing was restored."
            ),
            path=backup_file,
            revision=revision,
        )
    return revision


def _keep_current(settings: Settings, target: Path, *, readable: bool) -> Path:
    """Copy the database about to be replaced into the backups folder.

    A damaged file (the usual reason to restore) is kept as it is, byte for byte.
    """
    if readable:
        try:
            return back_up(
                sqlite_url(target), backups_dir=settings.backups_dir, label=BEFORE_RESTORE
            )
        except BackupError as error:
            log.warning("keeping %s byte for byte: %s", target, error)
    kept = free_name(settings.backups_dir, target, BEFORE_RESTORE)
    try:
        shutil.copyfile(target, kept)
        sync_file(kept)
    except OSError as exc:
        kept.unlink(missing_ok=True)
        raise BackupError(
            _("The current database {path} cannot be kept in {folder}: {reason}."),
            path=target,
            folder=settings.backups_dir,
            reason=exc.strerror or exc,
        ) from exc
    return kept


def _ensure_closed(target: Path) -> bool:
    """Refuse while another program or window still has the database file open.

    An exclusive lock is refused while any other connection is open, even an idle one;
    once taken, the write-ahead log is folded into the file before the lock is let go.
    False when the file is not a readable database (it is damaged).
    """
    try:
        connection = sqlite3.connect(target, timeout=2, isolation_level=None)
        try:
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("COMMIT")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            return False
        log.info("cannot restore over %s: %s", target, exc)
        raise BackupError(
            _(
                "The database {path} is in use by another window or program. Close it and "
                "restore again; nothing was changed."
            ),
            path=target,
        ) from exc
    except sqlite3.DatabaseError:
        return False
    return True
