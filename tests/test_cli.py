"""The command line: what a coordinator or an administrator sees in a terminal."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from basc_desktop import __version__
from basc_desktop.chapters import default_chapters_dir
from basc_desktop.cli import main
from basc_desktop.store.engine import sqlite_url
from basc_desktop.store.schema import head_revision


def test_version_from_the_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "basc_desktop", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"BASC Desktop {__version__}"


def test_chapters_check_counts_the_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chapters", "--check"]) == 0
    count = len(list(default_chapters_dir().glob("*.toml")))
    assert capsys.readouterr().out.strip() == f"{count} chapter files are valid."


def test_broken_chapter_file_stops_with_file_key_and_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "chapters"
    shutil.copytree(default_chapters_dir(), folder)
    broken = folder / "pa.toml"
    broken.write_text(broken.read_text().replace('paper = "letter"', 'paper = "legal"'))
    monkeypatch.setenv("BASC_CHAPTERS_DIR", str(folder))
    assert main(["chapters"]) == 2
    err = capsys.readouterr().err
    assert "pa.toml" in err
    assert "'paper'" in err
    assert "legal" in err
    assert "Traceback" not in err


def test_demo_builds_a_database_that_db_status_finds_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data), "--companies", "40", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "40 companies" in out
    demo_file = data / "demo.sqlite"
    with sqlite3.connect(demo_file) as conn:
        assert conn.execute("SELECT count(*) FROM companies").fetchone()[0] == 40
    assert main(["db", "status", "--data-dir", str(data), "--url", sqlite_url(demo_file)]) == 0
    assert f"schema {head_revision()} (up to date" in capsys.readouterr().out


def test_db_upgrade_refuses_a_database_from_a_newer_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shared.sqlite"
    assert main(["db", "init", "--data-dir", str(tmp_path), "--url", sqlite_url(path)]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    capsys.readouterr()
    assert main(["db", "upgrade", "--data-dir", str(tmp_path), "--url", sqlite_url(path)]) == 2
    err = capsys.readouterr().err
    assert "newer version of BASC Desktop" in err
    assert str(path) in err


def test_corrupt_database_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "basc.sqlite"
    path.write_bytes(b"PK\x03\x04 an Excel file renamed")
    assert main(["db", "upgrade", "--data-dir", str(tmp_path), "--url", sqlite_url(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "Traceback" not in err
    assert path.read_bytes() == b"PK\x03\x04 an Excel file renamed"


def test_data_dir_that_cannot_be_written_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert main(["db", "status", "--data-dir", str(blocker / "data")]) == 2
    assert str(blocker / "data") in capsys.readouterr().err


def test_db_init_and_status_on_each_database(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An administrator prepares the shared database, SQLite or PostgreSQL, the same way."""
    assert main(["db", "init", "--data-dir", str(tmp_path), "--url", database_url]) == 0
    assert f"schema {head_revision()}" in capsys.readouterr().out
    assert main(["db", "status", "--data-dir", str(tmp_path), "--url", database_url]) == 0
    out = capsys.readouterr().out
    assert "up to date" in out
