"""The dashboard as a PDF for the chapter's board and the world organisation.

Landscape, on the chapter's letterhead: the date the figures are "as of" (day-first),
a table per country with a line per chapter and the country's total, the grand
total, then the certificates in force expiring in each of the next 12 months, by
country.  The words come with the report (:mod:`basc_desktop.reports.dashboard_words`
fills them in the document's language).  No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from basc_desktop.reports.fonts import BOLD, REGULAR
from basc_desktop.reports.letterhead import (
    Letterhead,
    LetterStyles,
    letterhead_flowables,
    page_size,
    para,
)

__all__ = ["CountryBlock", "DashboardReport", "ReportLine", "write_dashboard_report"]

_INK = colors.HexColor("#0d3b66")
_HEAD_FILL = colors.HexColor("#dde4ee")
_TOTAL_FILL = colors.HexColor("#eef1f5")
_GRID = colors.HexColor("#b8c2cc")
_LABEL_WIDTH = 38 * mm


@dataclass(frozen=True)
class ReportLine:
    """One row of numbers under its label (a chapter, a country, or the total)."""

    label: str
    values: tuple[int, ...]
    total: bool = False


@dataclass(frozen=True)
class CountryBlock:
    """One country's table: a line per chapter, then the country's total line."""

    name: str
    lines: tuple[ReportLine, ...]
    total: ReportLine


@dataclass(frozen=True)
class DashboardReport:
    """Everything the PDF prints, already in the document's language."""

    language: str
    paper: str
    """"letter" or "a4"; printed landscape."""
    letterhead: Letterhead
    title: str
    as_of: str
    """"As of 31/12/2025", day-first."""
    printed: str
    label_header: str
    """The heading of the label column ("Chapter")."""
    headers: tuple[str, ...]
    """One per figure, in the order of every line's values."""
    countries: tuple[CountryBlock, ...]
    total: ReportLine
    expiries_title: str
    country_header: str
    month_headers: tuple[str, ...]
    """"06/2026"…: one per month of the expiries."""
    expiries: tuple[ReportLine, ...]
    """One line per country, then the total line."""
    page_word: str = "Page"


def write_dashboard_report(report: DashboardReport, path: Path) -> Path:
    """Write the dashboard PDF at ``path`` (its folder must exist); returns ``path``."""
    s = LetterStyles()
    size = landscape(page_size(report.paper))
    margin = 14 * mm
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 4 * mm,
        title=f"{report.title} — {report.as_of}",
        author=report.letterhead.chapter_name,
        lang=report.language,
        initialFontName=REGULAR,
    )
    width = size[0] - 2 * margin
    footer = f"{report.title} — {report.as_of}"

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#57606a"))
        canvas.drawString(margin, 9 * mm, footer)
        canvas.drawRightString(size[0] - margin, 9 * mm, f"{report.page_word} {document.page}")
        canvas.restoreState()

    doc.build(_story(report, s, width), onFirstPage=decorate, onLaterPages=decorate)
    return path


def _story(report: DashboardReport, s: LetterStyles, width: float) -> list[Any]:
    header = ParagraphStyle("header", fontName=BOLD, fontSize=6.5, leading=8, alignment=1)
    country = ParagraphStyle("country", parent=s.bold, fontSize=10, leading=13, textColor=_INK)
    story: list[Any] = [
        *letterhead_flowables(report.letterhead, s, width),
        para(report.title, s.title),
        para(report.as_of, s.bold),
        para(report.printed, s.small),
        Spacer(1, 4 * mm),
    ]
    heads = [para(report.label_header, header), *(para(h, header) for h in report.headers)]
    for block in report.countries:
        rows = [*block.lines, block.total]
        story.append(
            KeepTogether(
                [
                    para(block.name, country),
                    _numbers_table(heads, rows, width),
                    Spacer(1, 4 * mm),
                ]
            )
        )
    if len(report.countries) > 1:
        story.append(_numbers_table(heads, [report.total], width))
    month_heads = [
        para(report.country_header, header),
        *(para(m, header) for m in report.month_headers),
    ]
    story += [
        Spacer(1, 6 * mm),
        KeepTogether(
            [
                para(report.expiries_title, country),
                _numbers_table(month_heads, report.expiries, width),
            ]
        ),
    ]
    return story


def _label_style(line: ReportLine) -> ParagraphStyle:
    return ParagraphStyle(
        "label", fontName=BOLD if line.total else REGULAR, fontSize=8, leading=9.5
    )


def _numbers_table(heads: list[Any], rows: Sequence[ReportLine], width: float) -> Table:
    """A label column, then one right-aligned number column per header; totals in bold."""
    count = len(heads) - 1
    number_width = (width - _LABEL_WIDTH) / max(count, 1)
    data: list[list[Any]] = [heads]
    data += [
        [para(line.label, _label_style(line)), *(f"{v:,}" for v in line.values)] for line in rows
    ]
    table = Table(data, colWidths=[_LABEL_WIDTH] + [number_width] * count, repeatRows=1)
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 8),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (1, 0), (-1, 0), 1.5),
        ("RIGHTPADDING", (1, 0), (-1, 0), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for number, line in enumerate(rows, start=1):
        if line.total:
            style += [
                ("FONT", (0, number), (-1, number), BOLD, 8),
                ("BACKGROUND", (0, number), (-1, number), _TOTAL_FILL),
            ]
    table.setStyle(TableStyle(style))
    return table
