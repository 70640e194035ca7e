"""The dashboard's figures as one PDF report and one workbook, for the board.

Both speak the language of the chapter they are written for (the one given, else the
only chapter on the dashboard; otherwise Spanish unless another language is asked
for) and say the date the figures are "as of", day-first.  The PDF is on that
chapter's letterhead (a plain "BASC" heading for several chapters).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.reports.dashboard_report import (
    CountryBlock,
    DashboardReport,
    ReportLine,
    write_dashboard_report,
)
from basc_desktop.reports.dashboard_words import dashboard_words
from basc_desktop.reports.excel_writer import Column, SheetSpec, write_sheets
from basc_desktop.reports.letterhead import Letterhead
from basc_desktop.services.admission_letters import letterhead_of
from basc_desktop.services.dashboard_forms import DashboardFigures, Figure, FigureLine
from basc_desktop.services.output_files import output_file
from basc_desktop.services.workspace import Workspace

__all__ = ["dashboard_report", "write_dashboard_pdf", "write_dashboard_xlsx"]

PLAIN_HEADING = "BASC"


def day_first(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _chapter(ws: Workspace, figures: DashboardFigures, chapter: str | None) -> Chapter | None:
    if chapter is not None and chapter in ws.chapters:
        return ws.chapters.get(chapter)
    codes = [line.chapter for line in figures.chapters if line.chapter in ws.chapters]
    return ws.chapters.get(codes[0]) if len(codes) == 1 and codes[0] else None


def _language(found: Chapter | None, language: str | None) -> str:
    return language or (found.language if found is not None else "es")


def country_name(code: str, language: str) -> str:
    return COUNTRIES[code].name(language) if code in COUNTRIES else code


def _chapter_label(ws: Workspace, line: FigureLine) -> str:
    code = line.chapter or ""
    return ws.chapters.get(code).name if code in ws.chapters else code


def _values(line: FigureLine) -> tuple[int, ...]:
    return tuple(line[figure] for figure in Figure)


def dashboard_report(
    ws: Workspace,
    figures: DashboardFigures,
    *,
    chapter: str | None = None,
    language: str | None = None,
) -> DashboardReport:
    """What the PDF prints, in the words of its language."""
    found = _chapter(ws, figures, chapter)
    lang = _language(found, language)
    w = dashboard_words(lang)
    blocks = tuple(
        CountryBlock(
            name=country_name(line.country, lang),
            lines=tuple(
                ReportLine(_chapter_label(ws, c), _values(c))
                for c in figures.chapters_of(line.country)
            ),
            total=ReportLine(w["total"], _values(line), total=True),
        )
        for line in figures.countries
    )
    expiries = [
        ReportLine(
            country_name(line.country, lang),
            tuple(month.by_country.get(line.country, 0) for month in figures.expiries),
        )
        for line in figures.countries
    ]
    expiries.append(
        ReportLine(w["total"], tuple(month.count for month in figures.expiries), total=True)
    )
    return DashboardReport(
        language=lang,
        paper=found.paper if found is not None else "letter",
        letterhead=letterhead_of(found) if found is not None else Letterhead(PLAIN_HEADING),
        title=w["title"],
        as_of=w["as_of"].format(date=day_first(figures.on)),
        printed=w["printed"].format(date=day_first(figures.today)),
        label_header=w["chapter"],
        headers=tuple(w[figure.value] for figure in Figure),
        countries=blocks,
        total=ReportLine(w["all_countries"], _values(figures.total), total=True),
        expiries_title=w["expiries"],
        country_header=w["country"],
        month_headers=tuple(month.month.strftime("%m/%Y") for month in figures.expiries),
        expiries=tuple(expiries),
        page_word=w["page"],
    )


def write_dashboard_pdf(
    ws: Workspace,
    figures: DashboardFigures,
    path: Path,
    *,
    chapter: str | None = None,
    language: str | None = None,
) -> Path:
    """The figures as one PDF report (a table per country, the expiries by month)."""
    report = dashboard_report(ws, figures, chapter=chapter, language=language)
    return write_dashboard_report(report, output_file(path))


def write_dashboard_xlsx(
    ws: Workspace,
    figures: DashboardFigures,
    path: Path,
    *,
    chapter: str | None = None,
    language: str | None = None,
) -> Path:
    """The figures as one workbook: a sheet of country and chapter lines (numbers as
    numbers), then a sheet of the expiries by month and country."""
    found = _chapter(ws, figures, chapter)
    lang = _language(found, language)
    w = dashboard_words(lang)
    heading = found.name if found is not None else PLAIN_HEADING
    titles = (f"{heading} — {w['title']}", w["as_of"].format(date=day_first(figures.on)))
    figure_sheet = SheetSpec(
        w["figures_sheet"],
        titles,
        (
            Column(w["country"], "text", 22),
            Column(w["chapter"], "text", 30),
            *(Column(w[figure.value], "int", 14) for figure in Figure),
        ),
    )
    expiry_sheet = SheetSpec(
        w["expiries_sheet"],
        (titles[0], w["expiries"], titles[1]),
        (
            Column(w["month"], "date", 13),
            *(Column(country_name(line.country, lang), "int", 13) for line in figures.countries),
            Column(w["total"], "int", 11),
        ),
    )

    def figure_rows() -> Iterator[list[object]]:
        for line in figures.countries:
            name = country_name(line.country, lang)
            for chapter_line in figures.chapters_of(line.country):
                yield [name, _chapter_label(ws, chapter_line), *_values(chapter_line)]
            yield [name, w["total"], *_values(line)]
        yield [w["all_countries"], w["total"], *_values(figures.total)]

    expiry_rows = (
        [
            month.month,
            *(month.by_country.get(line.country, 0) for line in figures.countries),
            month.count,
        ]
        for month in figures.expiries
    )
    return write_sheets(
        output_file(path), [(figure_sheet, figure_rows()), (expiry_sheet, expiry_rows)]
    )
