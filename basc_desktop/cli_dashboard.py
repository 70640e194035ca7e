"""``basc dashboard``: the figures of every country and chapter, today or at a past date.

    basc dashboard [--on DD/MM/YYYY|YYYY-MM-DD] [--chapter CODE] [--pdf FILE] [--xlsx FILE]

Prints a line per chapter, each country's total and the grand total, then the
certificates in force expiring in each of the next 12 months.  ``--on`` shows the
dashboard as it was on a past date (from the history); ``--chapter`` shows one
chapter only (and writes the files on its letterhead, in its language).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from basc_desktop.cli_options import command_workspace, parse_day
from basc_desktop.cli_tables import Column, write_table
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.dashboard_forms import DashboardFigures, ExpiryMonth, Figure, FigureLine
from basc_desktop.services.workspace import Workspace

__all__ = ["add_commands", "dashboard", "parse_on", "run"]

SHORT_HEADERS: dict[Figure, str] = {
    Figure.MEMBERS: "Members",
    Figure.CERTIFIED: "Certified",
    Figure.EXPIRING_30: "Exp 30d",
    Figure.EXPIRING_60: "Exp 60d",
    Figure.EXPIRING_90: "Exp 90d",
    Figure.EXPIRED: "Expired",
    Figure.SUSPENDED: "Suspended",
    Figure.WITHDRAWN: "Withdrawn",
    Figure.OPEN_ACTIONS: "Open CA",
    Figure.OVERDUE_ACTIONS: "Overdue CA",
    Figure.AUDITS_THIS_MONTH: "Audits/month",
}
"""Column headings short enough for a terminal (the window and files use the full labels)."""

_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``basc dashboard``."""
    parser = commands.add_parser(
        "dashboard", help="certification figures per country and chapter, today or at a date"
    )
    common(parser)
    parser.add_argument(
        "--on", metavar="DATE", help="the date to show (DD/MM/YYYY or YYYY-MM-DD; default today)"
    )
    parser.add_argument("--chapter", metavar="CODE", help="this chapter only")
    parser.add_argument("--pdf", metavar="FILE", help="also write the figures as a PDF report")
    parser.add_argument("--xlsx", metavar="FILE", help="also write the figures as a workbook")


def parse_on(text: str | None) -> date | None:
    """``--on``: a day written 31/12/2025 or 2025-12-31; None when not given."""
    if not text:
        return None
    try:
        found = _DAY_FIRST.fullmatch(text.strip())
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day)
        return parse_day(text.strip())
    except (ValueError, BascError):
        raise BascError(
            _("--on must look like 31/12/2025 or 2025-12-31; got “{value}”."), value=text
        ) from None


def _label(line: FigureLine) -> tuple[str, str]:
    if not line.country:
        return "ALL", "total"
    if line.chapter is None:
        return line.country, "total"
    return line.country, line.chapter


def _lines(figures: DashboardFigures) -> list[FigureLine]:
    lines: list[FigureLine] = []
    for country in figures.countries:
        lines += figures.chapters_of(country.country)
        lines.append(country)
    if len(figures.countries) > 1:
        lines.append(figures.total)
    return lines


def _figure_cell(figure: Figure) -> Callable[[FigureLine], str]:
    return lambda line: str(line[figure])


def _country_cell(country: str) -> Callable[[ExpiryMonth], str]:
    return lambda month: str(month.by_country.get(country, 0))


def write_figures(ws: Workspace, figures: DashboardFigures, out: TextIO) -> None:
    """The figures as aligned text: a line per chapter, per country and the total."""
    print(f"As of {figures.on:%d/%m/%Y}", file=out)
    columns: list[Column[FigureLine]] = [
        ("Country", lambda line: _label(line)[0], 8),
        ("Chapter", lambda line: _label(line)[1], 16),
    ]
    columns += [(SHORT_HEADERS[figure], _figure_cell(figure), 12) for figure in Figure]
    write_table(_lines(figures), columns, out)
    print("\nCertificates in force expiring by month", file=out)
    months: list[Column[ExpiryMonth]] = [
        ("Month", lambda month: f"{month.month:%m/%Y}", 7),
        ("Total", lambda month: str(month.count), 8),
    ]
    months += [(line.country, _country_cell(line.country), 8) for line in figures.countries]
    write_table(figures.expiries, months, out)


def dashboard(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.dashboard import (
        dashboard_figures,
        write_dashboard_pdf,
        write_dashboard_xlsx,
    )

    out = out or sys.stdout
    chapters = [args.chapter] if args.chapter else None
    figures = dashboard_figures(ws, parse_on(args.on), chapters=chapters)
    write_figures(ws, figures, out)
    written = []
    if args.pdf:
        written.append(write_dashboard_pdf(ws, figures, Path(args.pdf), chapter=args.chapter))
    if args.xlsx:
        written.append(write_dashboard_xlsx(ws, figures, Path(args.xlsx), chapter=args.chapter))
    if written:
        print("", *written, sep="\n", file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc dashboard …``: open the register, then print (and write) the figures."""
    with command_workspace(args) as ws:
        return dashboard(ws, args)
