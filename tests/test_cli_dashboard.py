"""``basc dashboard`` from a terminal: the table, a past date, one chapter, the files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from basc_desktop.cli import main
from basc_desktop.cli_dashboard import parse_on
from basc_desktop.domain.errors import BascError
from basc_desktop.services.dashboard import dashboard_figures
from basc_desktop.services.dashboard_forms import Figure
from basc_desktop.services.demo import build_demo
from basc_desktop.services.workspace import Workspace


def _args(ws: Workspace, *words: str) -> list[str]:
    assert ws.data_dir is not None
    return ["dashboard", *words, "--data-dir", str(ws.data_dir), "--database-url", ws.db.url]


@pytest.fixture
def demo(sqlite_workspace: Workspace) -> Workspace:
    build_demo(sqlite_workspace, companies=80, seed=2)
    return sqlite_workspace


def test_the_table_at_a_past_date_matches_the_service(
    demo: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(demo, "--on", "31/12/2025")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "As of 31/12/2025"
    assert lines[1].split()[:4] == ["Country", "Chapter", "Members", "Certified"]
    figures = dashboard_figures(demo, date(2025, 12, 31))
    by_label = {tuple(line.split()[:2]): line.split()[2:] for line in lines[2:] if line}
    bogota = figures.chapter("co-bog")
    assert by_label["CO", "co-bog"] == [str(bogota[f]) for f in Figure]
    assert by_label["CO", "total"] == [str(figures.country("CO")[f]) for f in Figure]
    assert by_label["ALL", "total"] == [str(figures.total[f]) for f in Figure]
    months = lines.index("Certificates in force expiring by month")
    assert lines[months + 2].split()[:2] == ["12/2025", str(figures.expiries[0].count)]


def test_one_chapter_written_to_pdf_and_workbook(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "mx.pdf", tmp_path / "mx.xlsx"
    words = ("--on", "2025-12-31", "--chapter", "mx", "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert main(_args(demo, *words)) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in out[2:4]] == [["MX", "mx"], ["MX", "total"]]
    assert out[-2:] == [str(pdf), str(xlsx)]
    assert "BASC México" in PdfReader(pdf).pages[0].extract_text()
    assert load_workbook(xlsx).sheetnames == ["Cifras", "Vencimientos"]


def test_bad_dates_and_unknown_chapters_are_refused(
    demo: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(demo, "--on", "31-12-2025")) == 2
    assert "--on must look like 31/12/2025 or 2025-12-31" in capsys.readouterr().err
    assert main(_args(demo, "--chapter", "zz")) == 2
    assert "There is no chapter zz." in capsys.readouterr().err


def test_dates_are_read_day_first_or_iso() -> None:
    assert parse_on("5/1/2026") == date(2026, 1, 5)
    assert parse_on("2026-01-05") == date(2026, 1, 5)
    assert parse_on(None) is None
    with pytest.raises(BascError):
        parse_on("31/02/2026")
