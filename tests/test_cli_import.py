"""``basc import members``: the report in a terminal, non-zero exit when nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from basc_desktop.cli import main
from basc_desktop.store.engine import sqlite_url
from tests.import_files import OLE_BYTES, tax_ids, write_csv, write_xlsx

NITS = tax_ids("CO", 3, seed=31)
HEADER = ["Razón social", "NIT", "Tipo de empresa", "Correo"]


@pytest.fixture
def database(sqlite_template: Path, tmp_path: Path) -> list[str]:
    path = tmp_path / "basc.sqlite"
    shutil.copyfile(sqlite_template, path)
    return ["--data-dir", str(tmp_path / "data"), "--database-url", sqlite_url(path)]


def _members(database: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["members", "list", *database, "--format", "csv"]) == 0
    return capsys.readouterr().out


def test_a_clean_file_is_imported(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "afiliados.csv",
        [HEADER, ["Acme S.A.S.", NITS[0], "Depósito", ""], ["Beta", NITS[1], "Naviera", ""]],
        delimiter=";",
    )
    assert main(["import", "members", str(path), "--chapter", "co-bog", *database]) == 0
    out = capsys.readouterr().out
    assert "A  Razón social → Legal name" in out
    assert "D  Correo → E-mail" in out
    assert "2 rows: 2 to add, 0 to update, 0 to skip; 0 errors." in out
    assert "Imported: 2 added, 0 updated, 0 skipped." in out
    listed = _members(database, capsys)
    assert "Acme S.A.S." in listed
    assert "Beta" in listed


def test_a_file_with_errors_prints_them_and_writes_nothing(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(
        tmp_path / "afiliados.xlsx",
        [
            ["Afiliados 2025"],
            HEADER,
            ["Acme S.A.S.", NITS[0], "Depósito", "ventas@"],
            ["Beta", NITS[1], "Naviera", ""],
        ],
    )
    assert main(["import", "members", str(path), "--chapter", "co-bog", *database]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[lines.index(next(x for x in lines if x.startswith("Row"))) + 1].split() == [
        "3", "D", "Correo", "error", "E-mail", "must", "look", "like", "name@company.com;",
        "got", "“ventas@”.",
    ]  # fmt: skip
    assert out.rstrip().endswith("The file has errors: nothing was written.")
    assert "Beta" not in _members(database, capsys)


def test_dry_run_and_update_existing(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_csv(tmp_path / "a.csv", [HEADER, ["Acme", NITS[0], "Depósito", ""]])
    dry = ["import", "members", str(first), "--chapter", "co-bog", "--dry-run"]
    assert main([*dry, *database]) == 0
    assert "Dry run: nothing was written." in capsys.readouterr().out
    assert "Acme" not in _members(database, capsys)
    assert main(["import", "members", str(first), "--chapter", "co-bog", *database]) == 0
    again = write_csv(tmp_path / "b.csv", [HEADER, ["Acme Renamed", NITS[0], "Depósito", ""]])
    capsys.readouterr()
    assert main(["import", "members", str(again), "--chapter", "co-bog", *database]) == 0
    assert "is already a member with this NIT: the row is skipped." in capsys.readouterr().out
    args = ["import", "members", str(again), "--chapter", "co-bog", "--update-existing"]
    assert main([*args, *database]) == 0
    assert "Imported: 0 added, 1 updated, 0 skipped." in capsys.readouterr().out
    assert "Acme Renamed" in _members(database, capsys)


def test_an_unreadable_file_is_one_clear_line(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "protegido.xlsx"
    path.write_bytes(OLE_BYTES)
    assert main(["import", "members", str(path), *database]) == 2
    assert capsys.readouterr().err.strip() == (
        "basc: The file protegido.xlsx is protected by a password:"
        " save it without a password and try again."
    )
