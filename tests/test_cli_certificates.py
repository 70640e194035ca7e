"""``basc certificates``: issue, list, show, suspend, reinstate, withdraw from a terminal."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from basc_desktop.cli import build_parser, main
from basc_desktop.domain.vocabulary import AuditKind, CertificateState, Verdict
from basc_desktop.services.certificates import certificate_by_code
from basc_desktop.services.members import get_member
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member
from tests.certificate_factories import certified, closed


def _args(ws: Workspace, tmp_path: Path, *words: str) -> list[str]:
    return [*words, "--data-dir", str(tmp_path / "data"), "--database-url", ws.db.url]


def test_issue_show_and_move_a_certificate(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    assert main(_args(ws, tmp_path, "certificates", "issuable")) == 0
    assert capsys.readouterr().out == (
        "No closed certification audit is waiting for its certificate.\n"
    )
    company = member(ws, name="Exportadora Andina S.A.S.")
    audit = closed(ws, company)
    assert main(_args(ws, tmp_path, "certificates", "issuable")) == 0
    assert "Exportadora Andina S.A.S." in capsys.readouterr().out
    number = get_member(ws, company).row.member_number
    code = f"COLBOG{number:05d}-1-1"
    command = _args(ws, tmp_path, "certificates", "issue", str(audit), "--date", "2026-06-15")
    assert main(command) == 0
    assert capsys.readouterr().out.strip() == (
        f"Issued {code} to Exportadora Andina S.A.S.: valid from 2026-06-15 "
        "until 2027-06-15 (expiry date)."
    )

    words = ("--reason", "Cuotas impagas", "--date", "2026-06-15")
    assert main(_args(ws, tmp_path, "certificates", "suspend", code.lower(), *words)) == 0
    assert capsys.readouterr().out.strip() == f"{code}: suspended."
    assert certificate_by_code(ws, code).row.state is CertificateState.SUSPENDED
    command = _args(ws, tmp_path, "certificates", "reinstate", code, "--reason", "Pagado")
    assert main(command) == 0
    assert capsys.readouterr().out.strip() == f"{code}: valid."

    assert main(_args(ws, tmp_path, "certificates", "show", code)) == 0
    shown = capsys.readouterr().out
    assert f"Code:          {code}" in shown
    assert "Tax ID:        " + get_member(ws, company).row.tax_id in shown
    assert "Expires:       2027-06-15" in shown
    history = shown.split("History:\n")[1].splitlines()
    assert [line.split()[:2] for line in history] == [
        ["2026-06-15", "Issued"],
        ["2026-06-15", "Suspended"],
        [history[2].split()[0], "Reinstated"],
    ]
    assert history[1].endswith("Cuotas impagas")
    assert history[2].endswith("Pagado")


def test_list_filters_and_formats(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    bogota = member(ws, name="Exportadora Andina S.A.S.", seed=1)
    panama = member(ws, chapter="pa", name="Panamá Cargo Corp.", seed=3)
    certified(ws, bogota, on=date(2025, 7, 1))  # expires 2026-07-01
    certified(ws, panama, on=date(2026, 6, 2))

    assert main(_args(ws, tmp_path, "certificates", "list")) == 0
    table = capsys.readouterr().out
    assert "Exportadora Andina S.A.S." in table
    assert "Panamá Cargo Corp." in table
    assert table.rstrip().endswith("2 certificates")

    command = _args(ws, tmp_path, "certificates", "list", "--country", "pa", "--format", "json")
    assert main(command) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["company_name"], r["state"], r["issued_on"]) for r in rows] == [
        ("Panamá Cargo Corp.", "valid", "2026-06-02")
    ]
    assert rows[0]["code"].startswith("PANPTY")

    command = _args(ws, tmp_path, "certificates", "list", "--month", "2025-07", "--format", "csv")
    assert main(command) == 0
    records = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["company_name"] for r in records] == ["Exportadora Andina S.A.S."]
    assert records[0]["expires_on"] == "2026-07-01"

    command = _args(ws, tmp_path, "certificates", "list", "--chapter", "co-bog,pa", "--limit", "1")
    assert main(command) == 0
    assert capsys.readouterr().out.rstrip().endswith("2 certificates (first 1 shown)")
    command = _args(
        ws, tmp_path, "certificates", "list", "--state", "withdrawn", "--format", "json"
    )
    assert main(command) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_bad_input_is_one_clear_line(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    company = member(ws)
    refused = closed(ws, company, {"N-4.1": Verdict.MAJOR})
    follow_up = closed(ws, company, kind=AuditKind.FOLLOW_UP)
    cases = [
        (["certificates", "issue", str(refused)], "1 major nonconformity is still open: N-4.1."),
        (["certificates", "issue", str(follow_up)], "is “Follow-up”"),
        (["certificates", "issue", "999"], "Audit 999 does not exist."),
        (["certificates", "issue", str(refused), "--date", "15/06/2026"], "--date must look like"),
        (["certificates", "list", "--state", "expired"], "“expired” is not one of: valid"),
        (["certificates", "list", "--month", "June"], "--month must look like 2026-06"),
        (["certificates", "list", "--limit", "0"], "--limit must be at least 1."),
        (["certificates", "show", "NOPE-1-1"], "No certificate has the code NOPE-1-1."),
        (["certificates", "withdraw", "NOPE-1-1", "--reason", "x"], "No certificate has the code"),
    ]
    for words, message in cases:
        assert main(_args(ws, tmp_path, *words)) == 2, words
        err = capsys.readouterr().err
        assert message in err, (words, err)
        assert "Traceback" not in err

    code = certified(ws, company).code
    assert main(_args(ws, tmp_path, "certificates", "suspend", code, "--reason", "  ")) == 2
    assert "Reason is required." in capsys.readouterr().err
    assert main(_args(ws, tmp_path, "certificates", "withdraw", code, "--reason", "Fraude")) == 0
    capsys.readouterr()
    assert main(_args(ws, tmp_path, "certificates", "reinstate", code, "--reason", "x")) == 2
    assert "withdrawal is final" in capsys.readouterr().err


def test_printing_actions_are_offered_when_that_module_is_there() -> None:
    parser = build_parser()
    args = parser.parse_args(["certificates", "list", "--expiring", "30"])
    assert (args.certificates_command, args.expiring) == ("list", 30)
    from basc_desktop import cli_certificates

    names = set(cli_certificates.handlers())
    assert {"issuable", "issue", "list", "show", "suspend", "reinstate", "withdraw"} <= names
    try:
        from basc_desktop import cli_certificate_pdf
    except ImportError:  # pragma: no cover
        return
    assert set(cli_certificate_pdf.HANDLERS) <= names
