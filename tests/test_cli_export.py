"""``basc export``: members, audits, actions and certificates to .xlsx from a terminal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from basc_desktop.cli import main
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import auditor, planned
from tests.conftest import TODAY
from tests.services.test_exports import register


def run(database_url: str, tmp_path: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(tmp_path / "data"), "--database-url", database_url])


def sheet_rows(path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    found = book[sheet] if sheet else book.active
    assert isinstance(found, Worksheet)
    return [tuple(r) for r in found.iter_rows(min_row=6, values_only=True)]


def test_export_members_of_a_country_per_country(
    workspace: Workspace, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register(workspace)
    out = tmp_path / "co.xlsx"
    assert run(database_url, tmp_path, "export", "members", str(out), "--country", "co") == 0
    assert capsys.readouterr().out.strip() == f"2 members written to {out}"
    names = [r[1] for r in sheet_rows(out)]
    assert names == ["Café Ñandú Ltda.", "Exportadora Andina S.A.S."]  # the archived one aside

    everything = tmp_path / "all.xlsx"
    args = ["export", "members", str(everything), "--all", "--per-country", "--language", "en"]
    assert run(database_url, tmp_path, *args) == 0
    book = openpyxl.load_workbook(everything)
    assert book.sheetnames == ["Summary", "Colombia", "Haiti", "Mexico", "Panama"]
    assert len(sheet_rows(everything, "Colombia")) == 3
    assert sheet_rows(everything, "Summary")[-1][-1] == 6


def test_export_audits_actions_and_certificates(
    workspace: Workspace, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = register(workspace)
    planned(workspace, ids["istmo"], on=TODAY + timedelta(days=20), lead=auditor(workspace))
    for kind, extra, said in (
        ("audits", ["--state", "planned"], "1 audits"),
        ("actions", ["--every-state"], "0 corrective actions"),
        ("certificates", ["--country", "CO,MX"], "3 certificates"),
    ):
        out = tmp_path / f"{kind}.xlsx"
        assert run(database_url, tmp_path, "export", kind, str(out), *extra) == 0
        assert capsys.readouterr().out.strip() == f"{said} written to {out}"
        assert out.exists()
    assert {r[3] for r in sheet_rows(tmp_path / "certificates.xlsx")} == {"CO", "MX"}


def test_refused_with_a_clear_message_and_no_file(
    workspace: Workspace, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "members.csv"
    assert run(database_url, tmp_path, "export", "members", str(out)) == 2
    assert "must end in .xlsx" in capsys.readouterr().err
    missing = tmp_path / "nowhere" / "members.xlsx"
    assert run(database_url, tmp_path, "export", "members", str(missing)) == 2
    assert "does not exist" in capsys.readouterr().err
    assert (
        run(database_url, tmp_path, "export", "audits", str(tmp_path / "a.xlsx"), "--state", "x")
        == 2
    )
    assert "“x” is not one of" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.xlsx*"))
