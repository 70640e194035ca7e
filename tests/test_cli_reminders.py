"""``basc reminders``: the list, the letters (and marking them sent), Excel, mark-sent."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from basc_desktop.cli import main
from basc_desktop.services.reminders import renewal_reminders
from basc_desktop.services.workspace import Workspace
from tests.services.test_reminders import company


def _args(ws: Workspace, tmp_path: Path, *words: str) -> list[str]:
    return [*words, "--data-dir", str(tmp_path / "data"), "--database-url", ws.db.url]


def test_reminders_from_the_command_line(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    today = date.today()  # the command line works on the real today
    alfa = company(ws, "Alfa Exportaciones S.A.S.", expires_in=10, seed=51, today=today)
    company(ws, "Beta Carga Ltda.", expires_in=50, seed=52, today=today)
    company(ws, "Zêta Transport Haïti S.A.", chapter="ht", expires_in=20, seed=53, today=today)
    company(ws, "Gamma Lejana S.A.", expires_in=200, seed=54, today=today)

    assert main(_args(ws, tmp_path, "reminders", "list")) == 0
    table = capsys.readouterr().out
    assert "Alfa Exportaciones" in table
    assert "Zêta Transport" in table
    assert "Gamma" not in table
    assert table.rstrip().endswith("3 companies to remind, 0 already reminded")

    command = ["reminders", "list", "--chapter", "co-bog", "--format", "json"]
    assert main(_args(ws, tmp_path, *command)) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(r["company_name"], r["expires_on"], r["days_left"]) for r in found] == [
        ("Alfa Exportaciones S.A.S.", (today + timedelta(days=10)).isoformat(), 10),
        ("Beta Carga Ltda.", (today + timedelta(days=50)).isoformat(), 50),
    ]
    alfa_number = found[0]["member_number"]

    pdf = tmp_path / "cartas.pdf"
    command = ["reminders", "letters", str(pdf), "--chapter", "co-bog", "--mark-sent"]
    assert main(_args(ws, tmp_path, *command)) == 0
    out = capsys.readouterr().out
    assert "2 letters" in out
    assert "2 reminders marked as sent" in out
    assert len(PdfReader(pdf).pages) == 2
    assert [r.reminders_sent for r in renewal_reminders(ws, chapter="co-bog", on=today)] == [1, 1]

    command = ["reminders", "mark-sent", "--chapter", "co-bog", str(alfa_number)]
    assert main(_args(ws, tmp_path, *command)) == 0
    assert "1 reminders marked as sent" in capsys.readouterr().out
    rows = {r.company_id: r for r in renewal_reminders(ws, on=today)}
    assert rows[alfa].reminders_sent == 2

    command = ["reminders", "list", "--not-reminded", "--format", "csv"]
    assert main(_args(ws, tmp_path, *command)) == 0
    csv_text = capsys.readouterr().out
    assert "Zêta Transport" in csv_text
    assert "Alfa" not in csv_text

    book = tmp_path / "recordatorios.xlsx"
    assert main(_args(ws, tmp_path, "reminders", "excel", str(book))) == 0
    assert "3 companies" in capsys.readouterr().out
    sheet = load_workbook(book).active
    assert sheet is not None
    assert sheet.max_row == 4 + 3

    assert main(_args(ws, tmp_path, "reminders", "mark-sent", "--chapter", "co-bog", "999")) == 2
    assert "Member 999 is not on the renewal reminders list" in capsys.readouterr().err
    command = ["reminders", "list", "--on", (today + timedelta(days=15)).isoformat()]
    assert main(_args(ws, tmp_path, *command)) == 0
    assert "Alfa" not in capsys.readouterr().out  # expired by then
    assert main(_args(ws, tmp_path, "reminders", "list", "--chapter", "zz")) == 2
    assert "There is no chapter zz" in capsys.readouterr().err
