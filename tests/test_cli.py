"""The command line: what a coordinator or an administrator sees in a terminal."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop import __version__
from basc_desktop.chapters import default_chapters_dir, load_chapters
from basc_desktop.cli import main
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.demo import create_demo_database
from basc_desktop.services.status import status_facts
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import make_engine, sqlite_path, sqlite_url
from basc_desktop.store.members import Company
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


# --- basc members ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def members_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small demo database dated today (the command line works at the real today)."""
    folder = tmp_path_factory.mktemp("cli-members")
    settings = load_settings(folder / "data")
    url = sqlite_url(folder / "members.sqlite")
    create_demo_database(
        settings,
        load_chapters(default_chapters_dir()),
        companies=160,
        seed=5,
        today=date.today(),
        url=url,
    )
    return folder / "data", url


def _members(members_db: tuple[Path, str], *args: str) -> list[str]:
    data, url = members_db
    return ["members", *args, "--data-dir", str(data), "--database-url", url]


def _statuses(url: str) -> dict[int, MemberStatus | None]:
    """Each current member's status today, by the domain (not by the list's SQL)."""
    chapters = load_chapters(default_chapters_dir())
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            companies = session.execute(
                select(Company.id, Company.chapter_code).where(Company.archived_on.is_(None))
            ).all()
            warning = {cid: chapters.get(code).expiry_warning_days for cid, code in companies}
            facts = status_facts(session, list(warning), date.today(), warning)
    finally:
        engine.dispose()
    return {cid: fact.status for cid, fact in facts.items()}


def _sql(url: str, query: str) -> list[tuple[object, ...]]:
    path = sqlite_path(url)
    assert path is not None
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


def test_members_list_csv_filters_by_country_and_status(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = members_db[1]
    args = _members(members_db, "list", "--country", "co", "--status", "expiring,certified")
    assert main([*args, "--format", "csv"]) == 0
    lines = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    statuses = _statuses(url)
    colombian = {cid for (cid,) in _sql(url, "SELECT id FROM companies WHERE country = 'CO'")}
    expected = {
        cid
        for cid, status in statuses.items()
        if cid in colombian and status in (MemberStatus.EXPIRING, MemberStatus.CERTIFIED)
    }
    numbers = dict(_sql(url, "SELECT chapter_code || '/' || member_number, id FROM companies"))
    found = {numbers[f"{line['chapter_code']}/{line['member_number']}"] for line in lines}
    assert found == expected
    assert expected
    assert {line["status"] for line in lines} <= {"expiring", "certified"}


def test_members_list_json_searches_and_sorts(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = members_db[1]
    args = _members(members_db, "list", "--search", "BOGOTÁ", "--sort", "legal_name", "--desc")
    assert main([*args, "--limit", "5", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    expected = _sql(
        url,
        "SELECT id FROM companies WHERE archived_on IS NULL AND search_text LIKE '%bogota%' "
        "ORDER BY sort_name DESC, id DESC LIMIT 5",
    )
    assert [item["id"] for item in found] == [cid for (cid,) in expected]
    assert 0 < len(found) <= 5
    assert isinstance(found[0]["member_number"], int)


def test_members_list_table_is_aligned_and_counted(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = members_db[1]
    assert main(_members(members_db, "list", "--chapter", "co-bog", "--limit", "4")) == 0
    lines = capsys.readouterr().out.splitlines()
    header, rows, footer = lines[0], lines[1:-1], lines[-1]
    assert header.split("  ")[0] == "Legal name"
    tax_column = header.index("Tax ID")
    assert all(row[tax_column - 2 : tax_column] == "  " for row in rows)
    assert len(rows) == 4
    (matching,) = _sql(
        url, "SELECT count(*) FROM companies WHERE chapter_code = 'co-bog' AND archived_on IS NULL"
    )[0]
    (total,) = _sql(url, "SELECT count(*) FROM companies WHERE archived_on IS NULL")[0]
    assert footer == f"{matching:,} of {total:,} members (first 4 shown)"


def test_members_list_archived_and_all(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = members_db[1]
    assert main([*_members(members_db, "list", "--all"), "--format", "csv"]) == 0
    everyone = capsys.readouterr().out.strip().splitlines()[1:]
    assert len(everyone) == _sql(url, "SELECT count(*) FROM companies")[0][0]
    assert main([*_members(members_db, "list", "--archived"), "--format", "csv"]) == 0
    archived = capsys.readouterr().out.strip().splitlines()[1:]
    expected = _sql(url, "SELECT count(*) FROM companies WHERE archived_on IS NOT NULL")[0][0]
    assert len(archived) == expected


def test_members_list_refuses_an_unknown_status(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_members(members_db, "list", "--status", "lapsed")) == 2
    err = capsys.readouterr().err
    assert "“lapsed” is not one of: applicant" in err
    assert "Traceback" not in err


def test_members_show_finds_a_tax_id_in_any_country(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = members_db[1]
    ((name, tax_id),) = _sql(
        url, "SELECT legal_name, tax_id FROM companies WHERE country = 'CO' ORDER BY id LIMIT 1"
    )
    assert main(_members(members_db, "show", format_tax_id("CO", str(tax_id)))) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Legal name:      {name}"
    assert f"Tax ID:          {format_tax_id('CO', str(tax_id))} (CO)" in out


def test_members_show_asks_for_the_country_when_two_match(
    members_db: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = members_db[1]
    ((tax_id,),) = _sql(url, "SELECT tax_id FROM companies WHERE country = 'CO' LIMIT 1")
    path = sqlite_path(url)
    assert path is not None
    with sqlite3.connect(path) as conn:  # the same number registered in Peru as well
        conn.execute(
            "INSERT INTO companies (chapter_code, member_number, legal_name, trade_name, tax_id, "
            "country, business_type, address, city, phone, email, website, notes, sort_name, "
            "search_text, created_at, updated_at, version) SELECT 'pe', 99999, 'Gemela S.A.C.', "
            "'', tax_id, 'PE', business_type, '', '', '', '', '', '', 'gemela', 'gemela', "
            f"created_at, updated_at, 1 FROM companies WHERE tax_id = '{tax_id}'"
        )
    try:
        assert main(_members(members_db, "show", str(tax_id))) == 2
        err = capsys.readouterr().err
        assert "belongs to members in CO, PE: add --country" in err
        assert main([*_members(members_db, "show", str(tax_id)), "--country", "CO"]) == 0
        assert "Gemela" not in capsys.readouterr().out
        assert main(_members(members_db, "show", "123")) == 2
        assert "No member has the tax ID 123." in capsys.readouterr().err
    finally:
        with sqlite3.connect(path) as conn:
            conn.execute("DELETE FROM companies WHERE legal_name = 'Gemela S.A.C.'")
