"""Consistent copies of an SQLite database file, made with SQLite's online backup API.

A copy is written page by page from one read transaction (so, in WAL mode, it is the
database as last committed, while others go on reading and writing), under a temporary
name next to its destination; it is checked and only then moved into place.  A copy
that fails or is cancelled leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _

SQLITE_HEADER = b"SQLite format 3\x00"
PAGES_PER_STEP = 4096
"""Pages copied between two progress reports (16 MiB with 4 KiB pages)."""
CHECK_MMAP_BYTES = 1 << 30
"""Checks read the copy through memory mapping: about a tenth faster (the copy is ours
alone, so nobody truncates it under the mapping)."""
STAMP_FORMAT = "%Y-%m-%dT%H%M%S"
AUTOMATIC = "auto"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")

Progress = Callable[[int, int], None]
"""``progress(done, total)`` in pages."""
Cancelled = Callable[[], bool]

_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})(?:-\d+)?\.(?P<label>[^.]+)(?:\.[^.]+)?$"
)


class BackupError(BascError):
    """A backup or a restore cannot be made; the message names the file and the reason."""


class BackupCancelledError(Exception):
    """The coordinator pressed Cancel while a copy was being made."""


@dataclass(frozen=True)
class BackupFile:
    """A file of the backups folder, as its name describes it."""

    path: Path
    database: str
    """The stem of the database it copies (``basc`` for ``basc.sqlite``)."""
    taken_at: datetime
    label: str
    """``auto``, ``manual``, ``before-restore``, ``before-upgrade-from-0005``…"""


def backup_name(source: Path, label: str, now: datetime | None = None) -> str:
    """``basc.2026-11-29T101500.before-upgrade.sqlite`` for ``basc.sqlite``."""
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    return f"{source.stem}.{stamp}.{label}{source.suffix or '.sqlite'}"


def free_name(folder: Path, source: Path, label: str, now: datetime | None = None) -> Path:
    """A path in ``folder`` named as :func:`backup_name` does, that no file has yet."""
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    suffix = source.suffix or ".sqlite"
    path = folder / f"{source.stem}.{stamp}.{label}{suffix}"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{source.stem}.{stamp}-{number}.{label}{suffix}"
    return path


def parse_backup_name(path: Path) -> BackupFile | None:
    """What a backup's file name says, or None for a name we did not make."""
    found = _NAME.match(path.name)
    if found is None:
        return None
    try:
        taken_at = datetime.strptime(found["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return BackupFile(path, found["stem"], taken_at, found["label"])


def copy_database(
    source: Path,
    destination: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    check: str = "quick_check",
) -> Path:
    """Copy ``source`` to ``destination`` page by page, consistent even while in use.

    The copy is checked with ``PRAGMA {check}`` before it replaces ``destination``.
    """
    if not source.is_file():
        raise BackupError(_("The database file {path} does not exist."), path=source)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    remove_database_file(partial)
    try:
        _copy_pages(source, partial, progress, cancelled)
        verdict = check_database(partial, check)
        if verdict != "ok":
            raise BackupError(
                _("The copy of {path} failed its check ({detail}); the database may be damaged."),
                path=source,
                detail=verdict,
            )
        sync_file(partial)
        os.replace(partial, destination)
        sync_folder(destination.parent)
    except BaseException:
        remove_database_file(partial)
        raise
    return destination


def _copy_pages(
    source: Path, target: Path, progress: Progress | None, cancelled: Cancelled | None
) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise BackupCancelledError
        if progress is not None:
            progress(total - remaining, total)

    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise BackupError(
            _("The database {path} cannot be read: {detail}."), path=source, detail=exc
        ) from exc
    try:
        src.isolation_level = None
        dst = sqlite3.connect(target)
        try:
            dst.execute("PRAGMA journal_mode = OFF")
            dst.execute("PRAGMA synchronous = OFF")
            # One read transaction for the whole copy: every step sees the same snapshot,
            # so writers elsewhere neither wait for the copy nor make it start over.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            src.execute("COMMIT")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(
            _("The database {path} cannot be copied: {detail}."), path=source, detail=exc
        ) from exc
    finally:
        src.close()


def check_database(path: Path, check: str = "integrity_check") -> str:
    """``ok``, or what ``PRAGMA integrity_check`` (or ``quick_check``) found wrong."""
    if check not in ("integrity_check", "quick_check"):
        raise ValueError(check)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return "not an SQLite database"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
        try:
            connection.execute(f"PRAGMA mmap_size = {CHECK_MMAP_BYTES}")
            rows = connection.execute(f"PRAGMA {check}").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        return str(exc)
    return "; ".join(str(row[0]) for row in rows[:3]) or "no answer"


def sync_file(path: Path) -> None:
    """Make sure ``path``'s bytes are on the disk, not only in the system's cache."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows it)."""
    with contextlib.suppress(OSError):
        sync_file(folder)


def remove_database_file(path: Path) -> None:
    """Remove ``path`` and its ``-wal``, ``-shm`` and ``-journal`` companions."""
    for name in (path, *companions(path)):
        name.unlink(missing_ok=True)


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]


def rotate_backups(
    folder: Path, *, keep_last: int, keep_daily: int, keep_weekly: int, now: datetime
) -> list[Path]:
    """Delete the automatic backups the rotation does not keep; return the deleted files.

    For each database, it keeps the newest ``keep_last`` automatic backups, the newest of
    each of the last ``keep_daily`` days and of each of the last ``keep_weekly`` ISO
    weeks (today and this week included).  Manual, before-upgrade and before-restore
    copies, and files it did not name, are never touched.
    """
    found = [parse_backup_name(path) for path in folder.glob("*") if path.is_file()]
    automatic = [b for b in found if b is not None and b.label == AUTOMATIC]
    deleted = []
    for database in sorted({b.database for b in automatic}):
        mine = [b for b in automatic if b.database == database]
        kept = kept_backups(mine, keep_last, keep_daily, keep_weekly, now)
        for backup in sorted(mine, key=lambda b: b.path.name):
            if backup.path not in kept:
                backup.path.unlink(missing_ok=True)
                deleted.append(backup.path)
    return deleted


def kept_backups(
    backups: Iterable[BackupFile], keep_last: int, keep_daily: int, keep_weekly: int, now: datetime
) -> set[Path]:
    newest_first = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    kept = {b.path for b in newest_first[: max(0, keep_last)]}
    first_day = now.date() - timedelta(days=max(0, keep_daily) - 1)
    this_monday = now.date() - timedelta(days=now.weekday())
    first_monday = this_monday - timedelta(weeks=max(0, keep_weekly) - 1)
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in newest_first:
        day = backup.taken_at.date()
        if keep_daily > 0 and first_day <= day <= now.date() and day not in days:
            days.add(day)
            kept.add(backup.path)
        week = day.isocalendar()[:2]
        if keep_weekly > 0 and first_monday <= day <= now.date() and week not in weeks:
            weeks.add(week)
            kept.add(backup.path)
    return kept
