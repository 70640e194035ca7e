"""``basc audits``: what a coordinator sees in a terminal, on the same services as the window."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from basc_desktop.cli import main
from basc_desktop.domain.vocabulary import AuditKind, AuditState, Verdict
from basc_desktop.services.audits import get_audit
from basc_desktop.services.members import get_member
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import auditor, member, planned, reported


def _args(ws: Workspace, tmp_path: Path, *words: str) -> list[str]:
    return [*words, "--data-dir", str(tmp_path / "data"), "--database-url", ws.db.url]


def test_plan_by_tax_id_then_list(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    company = member(ws, name="Exportadora Andina S.A.S.")
    lead = auditor(ws, "Ana Gómez")
    second = auditor(ws, "Carlos Ruiz")
    tax_id = get_member(ws, company).row.tax_id
    command = _args(
        ws, tmp_path, "audits", "plan", "--member", tax_id, "--country", "co",
        "--kind", "certification", "--date", "2026-07-01", "--standard", "6",
        "--lead", str(lead), "--team", f"{second}",
    )  # fmt: skip
    assert main(command) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Planned audit 1: certification of Exportadora Andina S.A.S. on 2026-07-01"
    )
    audit = get_audit(ws, 1)
    assert (audit.kind, audit.planned_on, audit.lead_auditor, audit.team) == (
        AuditKind.CERTIFICATION,
        date(2026, 7, 1),
        "Ana Gómez",
        ("Carlos Ruiz",),
    )

    assert main(_args(ws, tmp_path, "audits", "list", "--month", "2026-07")) == 0
    table = capsys.readouterr().out
    assert "Exportadora Andina S.A.S." in table
    assert "Certification" in table
    assert table.rstrip().endswith("1 audits")
    assert main(_args(ws, tmp_path, "audits", "list", "--month", "2026-08")) == 0
    assert capsys.readouterr().out.rstrip().endswith("0 audits")


def test_list_filters_and_formats(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    bogota = member(ws, name="Exportadora Andina S.A.S.", seed=1)
    mexico = member(ws, chapter="mx-occ", name="Logística Jalisco", seed=2)
    ana = auditor(ws, "Ana Gómez")
    planned(ws, bogota, on=date(2026, 6, 20), lead=ana)
    planned(ws, mexico, on=date(2026, 6, 25), kind=AuditKind.FOLLOW_UP)

    assert (
        main(_args(ws, tmp_path, "audits", "list", "--chapter", "mx-occ", "--format", "json")) == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert [(r["company_name"], r["kind"], r["state"]) for r in rows] == [
        ("Logística Jalisco", "follow_up", "planned")
    ]
    assert (
        main(_args(ws, tmp_path, "audits", "list", "--auditor", str(ana), "--format", "csv")) == 0
    )
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["company_name"] for r in records] == ["Exportadora Andina S.A.S."]
    assert records[0]["lead_auditor"] == "Ana Gómez"
    assert main(_args(ws, tmp_path, "audits", "list", "--kind", "follow-up,diagnostic")) == 0
    assert "Logística Jalisco" in capsys.readouterr().out
    assert main(_args(ws, tmp_path, "audits", "list", "--state", "closed", "--format", "json")) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_bad_input_is_one_clear_line(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    company = member(ws)
    tax_id = get_member(ws, company).row.tax_id
    cases = [
        (["audits", "list", "--state", "finished"], "“finished” is not one of: planned"),
        (["audits", "list", "--month", "June"], "--month must look like 2026-06"),
        (
            ["audits", "plan", "--member", "900.000.000-1", "--kind", "certification",
             "--date", "2026-07-01"],
            "No member has the tax ID 900.000.000-1",
        ),
        (
            ["audits", "plan", "--member", tax_id, "--kind", "certification",
             "--date", "2026-07-01", "--lead", "77"],
            "no auditor number 77",
        ),
        (
            ["audits", "plan", "--member", tax_id, "--kind", "certification",
             "--date", "2026-07-01", "--standard", "9"],
            "no BASC standard version '9'",
        ),
        (["audits", "report", "42", str(tmp_path / "x.pdf")], "Audit 42 does not exist."),
    ]  # fmt: skip
    for words, message in cases:
        assert main(_args(ws, tmp_path, *words)) == 2, words
        err = capsys.readouterr().err
        assert message in err, (words, err)
        assert "Traceback" not in err


def test_report_writes_the_pdf(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    company = member(ws, name="Exportadora Andina S.A.S.")
    row = reported(ws, company, {"N-5.2": Verdict.MAJOR})
    assert get_audit(ws, row.id).state == AuditState.REPORTED
    out_path = tmp_path / "out" / "informe.pdf"
    command = _args(ws, tmp_path, "audits", "report", str(row.id), str(out_path))
    assert main([*command, "--language", "en"]) == 0
    assert capsys.readouterr().out.strip() == str(out_path)
    text = " ".join(page.extract_text() for page in PdfReader(out_path).pages)
    assert "Audit report" in text
    assert "N-5.2" in text
    assert get_member(ws, company).row.tax_id in text
