"""``basc admissions``: the applications, a committee's minutes and the deadlines in a terminal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from basc_desktop.cli import main
from basc_desktop.domain.vocabulary import ApplicationDecision
from basc_desktop.services.admissions import decide_application, plan_committee_session
from basc_desktop.services.workspace import Workspace
from tests.admission_factories import SESSION_DAY, admitted, applicant, receive_all


def _args(ws: Workspace, tmp_path: Path, *words: str) -> list[str]:
    return [*words, "--data-dir", str(tmp_path / "data"), "--database-url", ws.db.url]


def _three(ws: Workspace) -> None:
    admitted(ws, name="Gamma Custodia", seed=3)
    applicant(ws, name="Beta Seguridad", seed=2)
    rejected = applicant(ws, name="Alfa Vigilancia", seed=1)
    receive_all(ws, rejected.id)
    plan_committee_session(ws, "sv", SESSION_DAY, "", [rejected.id])
    decide_application(ws, rejected.id, ApplicationDecision.REJECTED, reason="Sin permiso")


def test_list_filters_by_state_in_every_format(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    _three(ws)
    assert main(_args(ws, tmp_path, "admissions", "list")) == 0
    table = capsys.readouterr().out
    assert "Gamma Custodia" in table
    assert "Collecting documents" in table
    assert "0 of 14" in table
    assert table.rstrip().endswith("3 applications")
    assert main(_args(ws, tmp_path, "admissions", "list", "--state", "open")) == 0
    table = capsys.readouterr().out
    assert "Beta Seguridad" in table
    assert "Gamma" not in table
    command = ["admissions", "list", "--state", "admitted,rejected", "--format", "json"]
    assert main(_args(ws, tmp_path, *command)) == 0
    found = json.loads(capsys.readouterr().out)
    assert {r["company_name"]: r["state"] for r in found} == {
        "Gamma Custodia": "admitted",
        "Alfa Vigilancia": "rejected",
    }
    assert main(_args(ws, tmp_path, "admissions", "list", "--format", "csv")) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["decision_reason"] for r in rows} == {"", "Sin permiso"}
    assert main(_args(ws, tmp_path, "admissions", "list", "--state", "nope")) == 2
    assert "“nope” is not one of" in capsys.readouterr().err


def test_committee_prints_the_session_and_writes_its_minutes(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    _three(ws)
    minutes = tmp_path / "acta.pdf"
    command = ["admissions", "committee", "2026-06-10", "--chapter", "sv", "--minutes"]
    assert main(_args(ws, tmp_path, *command, str(minutes))) == 0
    out = capsys.readouterr().out
    assert "2 applications, 2 decided" in out
    assert "Alfa Vigilancia" in out
    assert "Rejected: Sin permiso" in out
    text = " ".join(PdfReader(minutes).pages[0].extract_text().split())
    assert "Gamma Custodia" in text
    assert "Sin permiso" in text
    command = ["admissions", "committee", "2026-06-11", "--chapter", "sv"]
    assert main(_args(ws, tmp_path, *command)) == 2
    assert "has no committee session on 2026-06-11" in capsys.readouterr().err


def test_deadlines_and_welcome_letter(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    row = admitted(ws, name="Gamma Custodia")
    command = ["admissions", "deadlines", "--within", "5000", "--format", "json"]
    assert main(_args(ws, tmp_path, *command)) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(r["company_name"], r["audit_deadline"]) for r in found] == [
        ("Gamma Custodia", "2027-03-10")
    ]
    assert main(_args(ws, tmp_path, "admissions", "deadlines", "--within", "5000")) == 0
    assert "1 companies in process" in capsys.readouterr().out
    letter = tmp_path / "bienvenida.pdf"
    assert main(_args(ws, tmp_path, "admissions", "letter", str(row.id), str(letter))) == 0
    assert "10 de marzo de 2027" in PdfReader(letter).pages[0].extract_text()
