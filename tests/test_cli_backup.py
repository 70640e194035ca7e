"""``basc backup`` and ``basc restore`` in a terminal."""

from __future__ import annotations

import argparse
import io
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from basc_desktop.cli import main
from basc_desktop.cli_backup import human_size, restore
from basc_desktop.settings import DATABASE_FILE


@pytest.fixture
def data_dir(tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BASC_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(sqlite_template, folder / DATABASE_FILE)
    return folder


def note(path: Path, text: str) -> None:
    """Leave a mark in the database that tells one copy from another."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE IF NOT EXISTS test_marks (text TEXT)")
        conn.execute("DELETE FROM test_marks")
        conn.execute("INSERT INTO test_marks VALUES (?)", (text,))


def mark(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT text FROM test_marks").fetchone()[0])


def test_backup_prints_the_file_and_its_size(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--data-dir", str(data_dir)]) == 0
    (copy,) = (data_dir / "backups").glob("basc.*.manual.sqlite")
    out = capsys.readouterr().out
    assert out == f"Backed up to {copy} ({human_size(copy.stat().st_size)}).\n"
    assert main(["backup", "--data-dir", str(data_dir), str(tmp_path / "usb.sqlite")]) == 0
    assert (tmp_path / "usb.sqlite").is_file()
    assert "usb.sqlite" in capsys.readouterr().out


def test_backup_of_a_server_database_is_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://coordinator@server/basc"
    assert main(["backup", "--data-dir", str(data_dir), "--database-url", url]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_restore_with_yes_keeps_the_current_data(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir / DATABASE_FILE
    note(database, "monday")
    backup = tmp_path / "monday.sqlite"
    assert main(["backup", "--data-dir", str(data_dir), str(backup)]) == 0
    note(database, "tuesday")
    capsys.readouterr()

    assert main(["restore", "--data-dir", str(data_dir), str(backup), "--yes"]) == 0

    out = capsys.readouterr().out
    (kept,) = (data_dir / "backups").glob("basc.*.before-restore.sqlite")
    assert out.splitlines() == [
        f"Restored {backup} into {database}.",
        f"The data it replaced was kept in {kept}.",
    ]
    assert mark(database) == "monday"
    assert mark(kept) == "tuesday"


def test_restore_asks_on_a_terminal_and_refuses_without_one(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = data_dir / DATABASE_FILE
    backup = tmp_path / "b.sqlite"
    shutil.copyfile(database, backup)
    note(database, "today")
    args = argparse.Namespace(
        data_dir=str(data_dir), database_url=None, file=str(backup), yes=False
    )
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    out = io.StringIO()

    def answer_no(question: str) -> str:
        asked.append(question)
        return "n"

    assert restore(args, out, ask=answer_no) == 1
    assert "Replace the data in" in asked[0]
    assert str(backup) in asked[0]
    assert out.getvalue() == "Nothing was restored.\n"
    assert mark(database) == "today"

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["restore", "--data-dir", str(data_dir), str(backup)]) == 2
    assert mark(database) == "today"


def test_restore_of_a_damaged_file_says_why(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 90 + b"\xff" * 4000)
    assert main(["restore", "--data-dir", str(data_dir), str(broken), "--yes"]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err
    assert "damaged" in err


def test_sizes_read_like_a_file_manager() -> None:
    assert human_size(512) == "512 bytes"
    assert human_size(2048) == "2.0 KB"
    assert human_size(150 * 1024 * 1024) == "150 MB"
