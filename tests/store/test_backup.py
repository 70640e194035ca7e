"""Copies of the database file: consistent while in use, checked, and rotated."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from basc_desktop.store.backup import (
    BackupCancelledError,
    backup_name,
    copy_database,
    free_name,
    parse_backup_name,
    rotate_backups,
)

NOW = datetime(2026, 11, 29, 10, 15, 0)  # a Sunday


@pytest.fixture
def busy_file(sqlite_template: Path, tmp_path: Path) -> Path:
    """The migrated template in WAL mode with a table of committed rows in its log."""
    path = tmp_path / "basc.sqlite"
    shutil.copyfile(sqlite_template, path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 200,)] * 5000)
    return path


def rows(path: Path, table: str = "notes") -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def verdict(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_copy_has_what_was_committed_even_while_someone_writes(
    busy_file: Path, tmp_path: Path
) -> None:
    holder = sqlite3.connect(busy_file, isolation_level=None)
    holder.execute("PRAGMA wal_autocheckpoint = 0")  # the committed rows stay in the WAL
    holder.execute("INSERT INTO notes (body) VALUES ('committed, only in the log')")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO notes (body) VALUES ('not committed')")
    assert Path(f"{busy_file}-wal").stat().st_size > 0
    try:
        copy = copy_database(busy_file, tmp_path / "copies" / "copy.sqlite")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite"]
    assert rows(copy) == 5001
    assert verdict(copy) == "ok"


def test_writers_committing_during_the_copy_neither_wait_nor_restart_it(
    busy_file: Path, tmp_path: Path
) -> None:
    written = threading.Event()
    steps: list[tuple[int, int]] = []

    def write_once() -> None:
        with closing(sqlite3.connect(busy_file, timeout=1)) as conn, conn:
            conn.execute("INSERT INTO notes (body) VALUES ('during the copy')")
        written.set()

    def progress(done: int, total: int) -> None:
        steps.append((done, total))
        if len(steps) == 1:  # a coordinator saves while the copy is half done
            thread = threading.Thread(target=write_once)
            thread.start()
            thread.join()

    from basc_desktop.store import backup

    old_step, backup.PAGES_PER_STEP = backup.PAGES_PER_STEP, 16
    try:
        copy = copy_database(busy_file, tmp_path / "copy.sqlite", progress=progress)
    finally:
        backup.PAGES_PER_STEP = old_step
    assert written.is_set()
    assert rows(busy_file) == 5001
    assert rows(copy) == 5000  # the snapshot the copy started from
    assert verdict(copy) == "ok"
    assert [done for done, _total in steps] == sorted(done for done, _total in steps)
    assert steps[-1][0] == steps[-1][1]


def test_a_cancelled_copy_leaves_nothing_behind(busy_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "copy.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"an older copy")
    from basc_desktop.store import backup

    old_step, backup.PAGES_PER_STEP = backup.PAGES_PER_STEP, 8
    try:
        with pytest.raises(BackupCancelledError):
            copy_database(busy_file, target, cancelled=lambda: True)
    finally:
        backup.PAGES_PER_STEP = old_step
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite"]
    assert target.read_bytes() == b"an older copy"


def test_names_say_the_database_the_moment_and_why(tmp_path: Path) -> None:
    source = Path("/data/basc.sqlite")
    name = backup_name(source, "auto", NOW)
    assert name == "basc.2026-11-29T101500.auto.sqlite"
    parsed = parse_backup_name(Path(name))
    assert parsed is not None
    assert (parsed.database, parsed.taken_at, parsed.label) == ("basc", NOW, "auto")
    first = free_name(tmp_path, source, "manual", NOW)
    first.write_bytes(b"")
    second = free_name(tmp_path, source, "manual", NOW)
    assert second.name == "basc.2026-11-29T101500-2.manual.sqlite"
    assert parse_backup_name(second) is not None
    assert parse_backup_name(Path("holiday-photo.jpg")) is None
    before_upgrade = parse_backup_name(Path(backup_name(source, "before-upgrade-from-0005", NOW)))
    assert before_upgrade is not None
    assert before_upgrade.label == "before-upgrade-from-0005"


def _make(folder: Path, when: datetime, label: str = "auto", database: str = "basc") -> Path:
    path = folder / backup_name(Path(f"{database}.sqlite"), label, when)
    path.write_bytes(b"")
    return path


def test_rotation_keeps_the_last_the_daily_and_the_weekly_automatic_backups(
    tmp_path: Path,
) -> None:
    # Two automatic backups a day at 09:00 and 17:00 for 40 days, ending this morning.
    made = {}
    for days_ago in range(40):
        for hour in (9, 17):
            when = (NOW - timedelta(days=days_ago)).replace(hour=hour, minute=0)
            if when <= NOW:
                made[when] = _make(tmp_path, when)
    manual = _make(tmp_path, NOW - timedelta(days=90), "manual")
    upgrade = _make(tmp_path, NOW - timedelta(days=80), "before-upgrade-from-0005")
    restore = _make(tmp_path, NOW - timedelta(days=70), "before-restore")
    other = _make(tmp_path, NOW - timedelta(days=60), database="demo")
    stranger = tmp_path / "notes.txt"
    stranger.write_text("mine")

    deleted = rotate_backups(tmp_path, keep_last=3, keep_daily=4, keep_weekly=3, now=NOW)

    def at(days_ago: int, hour: int) -> datetime:
        return (NOW - timedelta(days=days_ago)).replace(hour=hour, minute=0)

    expected = {
        at(0, 9), at(1, 17), at(1, 9),  # the last 3
        at(2, 17), at(3, 17),  # newest of each of the last 4 days (today, 28th kept already)
        at(7, 17),  # newest of last week (Mon 16 – Sun 22 November: Sunday 22nd)
        at(14, 17),  # newest of the week before (Sunday 15th)
    }  # fmt: skip
    kept = {when for when, path in made.items() if path.exists()}
    assert kept == expected
    assert len(deleted) == len(made) - len(expected)
    for path in (manual, upgrade, restore, other, stranger):
        assert path.exists()


def test_rotation_with_nothing_to_keep_but_the_last(tmp_path: Path) -> None:
    paths = [_make(tmp_path, NOW - timedelta(hours=hours)) for hours in range(5)]
    rotate_backups(tmp_path, keep_last=2, keep_daily=0, keep_weekly=0, now=NOW)
    assert [p.exists() for p in paths] == [True, True, False, False, False]
