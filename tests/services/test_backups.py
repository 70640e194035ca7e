"""Backing up and restoring the register, as the coordinator (and the program at start) does."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.backups import automatic_backup, back_up, restore_backup
from basc_desktop.services.member_forms import MemberInput, MemberQuery
from basc_desktop.services.members import count_members, create_member
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.store.backup import BackupError
from basc_desktop.store.engine import make_engine, sqlite_path, sqlite_url
from basc_desktop.store.schema import head_revision, upgrade
from tests.import_files import tax_ids

NITS = tax_ids("CO", 4, seed=41)
NOW = datetime(2026, 11, 29, 8, 30)
EVERYONE = MemberQuery(archived=None)


def add_member(ws: Workspace, number: int) -> None:
    create_member(
        ws,
        MemberInput(
            legal_name=f"Transportes Andinos {number} S.A.S.",
            tax_id=NITS[number],
            chapter_code="co-bog",
            business_type=BusinessType.WAREHOUSE,
        ),
    )


def revision(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def members_in(settings: Settings, chapters: ChapterRegistry, path: Path) -> int:
    ws = open_workspace(settings, chapters, url=sqlite_url(path))
    try:
        return count_members(ws, EVERYONE)
    finally:
        ws.db.close()


def test_back_up_into_the_backups_folder_or_a_chosen_place(
    workspace: Workspace, settings: Settings, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    add_member(workspace, 0)
    if sqlite_path(workspace.db.url) is None:
        with pytest.raises(BackupError) as refused:
            back_up(workspace)
        assert "pg_dump" in str(refused.value)
        assert not list(settings.backups_dir.iterdir())
        return
    steps: list[tuple[int, int]] = []
    copy = back_up(workspace, progress=lambda done, total: steps.append((done, total)), now=NOW)
    assert copy == settings.backups_dir / "basc.2026-11-29T083000.manual.sqlite"
    assert steps
    assert steps[-1][0] == steps[-1][1]
    assert members_in(settings, chapters, copy) == 1
    chosen = back_up(workspace, tmp_path / "usb" / "register.sqlite")
    assert chosen == tmp_path / "usb" / "register.sqlite"
    into_folder = back_up(workspace, tmp_path / "usb", now=NOW)
    assert into_folder == tmp_path / "usb" / "basc.2026-11-29T083000.manual.sqlite"
    assert members_in(settings, chapters, into_folder) == 1


def test_the_automatic_backup_rotates_and_skips_the_demo(
    sqlite_workspace: Workspace, settings: Settings
) -> None:
    url = sqlite_workspace.db.url
    settings.preferences.backups_keep_last = 2
    settings.preferences.backups_keep_daily = 0
    settings.preferences.backups_keep_weekly = 0
    made = [automatic_backup(settings, url, now=NOW + timedelta(minutes=m)) for m in range(4)]
    assert all(path is not None for path in made)
    names = sorted(p.name for p in settings.backups_dir.iterdir())
    assert names == [
        "basc.2026-11-29T083200.auto.sqlite",
        "basc.2026-11-29T083300.auto.sqlite",
    ]
    assert automatic_backup(settings, settings.demo_database_url, now=NOW) is None
    assert automatic_backup(settings, "postgresql+psycopg://u@nowhere/basc", now=NOW) is None


@pytest.fixture
def current(sqlite_workspace: Workspace) -> Path:
    """The coordinator's database with one member, closed (as Restore… leaves it)."""
    add_member(sqlite_workspace, 0)
    sqlite_workspace.db.close()
    path = sqlite_path(sqlite_workspace.db.url)
    assert path is not None
    return path


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\x5a" * 4000  # scribble over the pages after the header
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:6000])


def _spreadsheet(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 50)


def _newer(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")


def _foreign(path: Path) -> None:
    path.unlink()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (_damaged, "is damaged"),
        (_truncated, "is damaged"),
        (_spreadsheet, "not an SQLite database"),
        (_newer, "newer version of BASC Desktop (schema 0099)"),
        (_foreign, "holds other tables"),
    ],
    ids=["corrupt-bytes", "truncated", "not-a-database", "newer-schema", "other-program"],
)
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    current: Path, settings: Settings, tmp_path: Path, spoil: object, reason: str
) -> None:
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(current, backup)
    spoil(backup)  # type: ignore[operator]
    before = current.read_bytes()
    listing = sorted(p.name for p in current.parent.iterdir())
    with pytest.raises(BackupError) as refused:
        restore_backup(settings, backup, sqlite_url(current))
    assert reason in str(refused.value)
    assert str(backup) in str(refused.value)
    assert current.read_bytes() == before
    assert sorted(p.name for p in current.parent.iterdir()) == listing
    assert not list(settings.backups_dir.iterdir())


def test_restore_puts_the_backup_in_place_and_keeps_the_current_data(
    current: Path, settings: Settings, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    backup = back_up(sqlite_url(current), tmp_path / "monday.sqlite", backups_dir=tmp_path)
    ws = open_workspace(settings, chapters, url=sqlite_url(current))
    add_member(ws, 1)  # work done after the backup, that the restore will undo
    ws.db.close()

    outcome = restore_backup(settings, backup, sqlite_url(current))

    assert outcome.database == current
    assert outcome.kept is not None
    assert outcome.kept.parent == settings.backups_dir
    assert ".before-restore." in outcome.kept.name
    assert members_in(settings, chapters, current) == 1
    assert members_in(settings, chapters, outcome.kept) == 2
    assert backup.exists()
    assert not outcome.needs_upgrade
    assert sorted(p.name for p in current.parent.iterdir() if p.name.startswith(".")) == []


def test_restore_of_an_older_backup_opens_upgraded(
    current: Path, settings: Settings, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    old = tmp_path / "old.sqlite"
    engine = make_engine(sqlite_url(old))
    upgrade(engine, "0005")
    engine.dispose()

    outcome = restore_backup(settings, old, sqlite_url(current))

    assert outcome.revision == "0005"
    assert outcome.needs_upgrade
    assert revision(current) == "0005"
    assert members_in(settings, chapters, current) == 0
    assert revision(current) == head_revision()
    upgrades = list(settings.backups_dir.glob("basc.*.before-upgrade-from-0005.sqlite"))
    assert len(upgrades) == 1


def test_restore_refuses_while_the_database_is_open(
    sqlite_workspace: Workspace, settings: Settings, tmp_path: Path
) -> None:
    url = sqlite_workspace.db.url
    backup = back_up(sqlite_workspace, tmp_path / "b.sqlite")
    path = sqlite_path(url)
    assert path is not None
    with sqlite_workspace.db.reading() as session:
        session.connection()  # another window holds the file open
        with pytest.raises(BackupError) as refused:
            restore_backup(settings, backup, url)
    assert "in use" in str(refused.value)
    assert not list(settings.backups_dir.iterdir())


def test_restore_over_a_damaged_database_keeps_it_byte_for_byte(
    current: Path, settings: Settings, chapters: ChapterRegistry, tmp_path: Path
) -> None:
    backup = back_up(sqlite_url(current), tmp_path / "good.sqlite", backups_dir=tmp_path)
    _damaged(current)
    broken = current.read_bytes()
    outcome = restore_backup(settings, backup, sqlite_url(current))
    assert outcome.kept is not None
    assert outcome.kept.read_bytes() == broken
    assert members_in(settings, chapters, current) == 1


def test_a_server_database_is_not_restored_here(settings: Settings, tmp_path: Path) -> None:
    backup = tmp_path / "b.sqlite"
    backup.write_bytes(b"")
    with pytest.raises(BackupError) as refused:
        restore_backup(settings, backup, "postgresql+psycopg://u@server/basc")
    assert "backed up on its server" in str(refused.value)


def test_rotation_counts_are_read_back_leniently(tmp_path: Path) -> None:
    from basc_desktop.settings import load_settings

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text(
        '{"backups_keep_last": "ten", "backups_keep_daily": -3, "backups_keep_weekly": 2}',
        encoding="utf-8",
    )
    prefs = load_settings(folder).preferences
    assert (prefs.backups_keep_last, prefs.backups_keep_daily, prefs.backups_keep_weekly) == (
        10, 7, 2,
    )  # fmt: skip
