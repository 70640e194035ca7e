"""The dashboard as a PDF report and a workbook, read back as the board would."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from basc_desktop.services.dashboard import (
    dashboard_figures,
    write_dashboard_pdf,
    write_dashboard_xlsx,
)
from basc_desktop.services.dashboard_forms import DashboardFigures, Figure
from basc_desktop.services.demo import build_demo
from basc_desktop.services.workspace import Workspace

ON = date(2025, 12, 31)


@pytest.fixture
def figures(sqlite_workspace: Workspace) -> DashboardFigures:
    build_demo(sqlite_workspace, companies=120, seed=3)
    return dashboard_figures(sqlite_workspace, ON)


def _pdf_text(path: Path) -> str:
    """The text of every page, each run of spaces and line breaks as one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_pdf_shows_every_country_its_numbers_and_the_date(
    sqlite_workspace: Workspace, figures: DashboardFigures, tmp_path: Path
) -> None:
    pdf = write_dashboard_pdf(sqlite_workspace, figures, tmp_path / "tablero.pdf")
    reader = PdfReader(pdf)
    assert 2 <= len(reader.pages) <= 6
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = _pdf_text(pdf)
    assert "Situación al 31/12/2025" in text
    for name in ("Colombia", "México", "República Dominicana", "Haití", "Uruguay"):
        assert name in text, name
    assert "BASC Bogotá" in text
    assert "Vencen en 30 días" in text
    colombia = figures.country("CO")
    row = " ".join(f"{colombia[f]:,}" for f in Figure)
    assert f"Total {row}" in text
    total = " ".join(f"{figures.total[f]:,}" for f in Figure)
    assert f"Todos los países {total}" in text
    months = " ".join(f"{m.month:%m/%Y}" for m in figures.expiries)
    assert months in text
    assert "Total " + " ".join(f"{m.count:,}" for m in figures.expiries) in text


def test_one_chapters_pdf_is_on_its_letterhead_in_its_language(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    build_demo(sqlite_workspace, companies=60, seed=4)
    haiti = dashboard_figures(sqlite_workspace, ON, chapters=["ht"])
    pdf = write_dashboard_pdf(sqlite_workspace, haiti, tmp_path / "ht.pdf")
    text = _pdf_text(pdf)
    assert "BASC Haïti" in text
    assert "Situation au 31/12/2025" in text
    assert "Expirent dans 30 jours" in text
    assert "Colombia" not in text
    english = write_dashboard_pdf(sqlite_workspace, haiti, tmp_path / "en.pdf", language="en")
    assert "As of 31/12/2025" in _pdf_text(english)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_the_pdf_renders_to_png(
    sqlite_workspace: Workspace, figures: DashboardFigures, tmp_path: Path, artifacts_dir: Path
) -> None:
    pdf = write_dashboard_pdf(sqlite_workspace, figures, tmp_path / "tablero.pdf")
    prefix = artifacts_dir / "dashboard-report-es"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", "1", str(pdf), str(prefix)],
        check=True,
        timeout=60,
    )
    assert (artifacts_dir / "dashboard-report-es.png").stat().st_size > 10_000


def test_the_workbook_holds_the_lines_and_the_expiries_as_numbers(
    sqlite_workspace: Workspace, figures: DashboardFigures, tmp_path: Path
) -> None:
    path = write_dashboard_xlsx(sqlite_workspace, figures, tmp_path / "tablero.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Cifras", "Vencimientos"]
    sheet = book["Cifras"]
    rows = [row for row in sheet.iter_rows(values_only=True) if any(row)]
    assert "31/12/2025" in rows[1][0]
    header = rows[2]
    assert header[:3] == ("País", "Capítulo", "Miembros")
    lines = {(row[0], row[1]): row[2:] for row in rows[3:]}
    assert lines["Colombia", "BASC Bogotá"] == tuple(figures.chapter("co-bog")[f] for f in Figure)
    assert lines["Colombia", "Total"] == tuple(figures.country("CO")[f] for f in Figure)
    assert lines["Todos los países", "Total"] == tuple(figures.total[f] for f in Figure)
    assert all(type(value) is int for value in lines["Colombia", "Total"])
    assert len(lines) == len(figures.chapters) + len(figures.countries) + 1

    expiries = [row for row in book["Vencimientos"].iter_rows(values_only=True) if any(row)]
    header = expiries[3]
    assert header[0] == "Mes"
    assert header[-1] == "Total"
    assert "México" in header
    months = expiries[4:]
    assert [row[0].date() for row in months] == [m.month for m in figures.expiries]
    assert [row[-1] for row in months] == [m.count for m in figures.expiries]
    mexico = header.index("México")
    assert [row[mexico] for row in months] == [m.by_country["MX"] for m in figures.expiries]
