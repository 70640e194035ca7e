"""Opening a database: fresh, older (copied first, then upgraded), newer, damaged, unreachable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.opening import DatabaseOpenError, open_database
from basc_desktop.store.schema import head_revision


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_new_file_is_created_at_the_newest_schema_with_wal_and_foreign_keys(
    tmp_path: Path,
) -> None:
    path = tmp_path / "new" / "basc.sqlite"
    db = open_database(sqlite_url(path), backups_dir=tmp_path / "backups")
    try:
        with db.reading() as session:
            journal = session.execute(text("PRAGMA journal_mode")).scalar()
            foreign_keys = session.execute(text("PRAGMA foreign_keys")).scalar()
    finally:
        db.close()
    assert path.exists()
    assert _revision(path) == head_revision()
    assert journal == "wal"
    assert foreign_keys == 1


def test_database_at_an_older_revision_is_backed_up_before_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "basc.sqlite"
    db = open_database(sqlite_url(path))
    db.close()
    # The program learns of a newer revision than the file has: the file is now "older".
    monkeypatch.setattr("basc_desktop.store.opening.head_revision", lambda: "9999")
    upgraded: list[str] = []
    monkeypatch.setattr(
        "basc_desktop.store.opening.upgrade_schema", lambda engine: upgraded.append("done")
    )
    backups = tmp_path / "backups"
    db = open_database(sqlite_url(path), backups_dir=backups)
    db.close()
    copies = list(backups.glob("basc.*.before-upgrade-from-*.sqlite"))
    assert upgraded == ["done"]
    assert len(copies) == 1
    assert _revision(copies[0]) == _revision(path)


def test_database_from_a_newer_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "basc.sqlite"
    open_database(sqlite_url(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(sqlite_url(path), backups_dir=tmp_path / "backups")
    assert "newer version of BASC Desktop" in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [b"this is a spreadsheet, not a database", b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["not-sqlite", "truncated"],
)
def test_corrupt_file_is_refused_with_its_name(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "basc.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(sqlite_url(path))
    assert str(path) in str(caught.value)
    assert "Nothing was changed" in str(caught.value)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseOpenError, match="not a BASC Desktop database"):
        open_database(sqlite_url(path))


def test_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(sqlite_url(blocker / "sub" / "basc.sqlite"))
    assert str(blocker / "sub") in str(caught.value)


def test_unreachable_server_is_named_without_its_password() -> None:
    url = "postgresql+psycopg://ana:secret@127.0.0.1:1/basc?connect_timeout=2"
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url)
    message = str(caught.value)
    assert "Cannot connect to the database" in message
    assert "127.0.0.1:1/basc" in message
    assert "secret" not in message


@pytest.mark.parametrize(
    "url", ["not a url at all", "oracle://scott:tiger@db/basc", "mysql+nodriver://h/basc"]
)
def test_unusable_database_address_is_a_message_not_a_crash(url: str) -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url)
    assert "tiger" not in str(caught.value)
