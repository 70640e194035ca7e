"""``basc import members``: import a chapter's member list from .xlsx or .csv, all or nothing.

    basc import members IN.xlsx|IN.csv [--dry-run] [--update-existing] [--chapter CODE]

The columns are recognised by their headers (Spanish, English or French); the command
prints which column it reads as which field, then every problem by row and column, then
what it did.  Exit status: 0 when the rows were written (or, with ``--dry-run``, when
they could be), 1 when the file has errors and nothing was written, 2 when the file
cannot be read at all (a damaged, protected or empty file, no header).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from basc_desktop import cli_tables as tables
from basc_desktop.cli_options import command_workspace
from basc_desktop.domain.import_headers import FIELD_LABELS
from basc_desktop.reports.sheet_cells import column_letter
from basc_desktop.services.import_forms import ImportPreview, ImportProblem, ImportReport
from basc_desktop.services.import_report import report_summary
from basc_desktop.services.workspace import Workspace

EXIT_NOT_WRITTEN = 1

PROBLEM_COLUMNS: tuple[tuple[str, Callable[[ImportProblem], str], int], ...] = (
    ("Row", lambda p: str(p.row), 7),
    ("Column", lambda p: p.column, 6),
    ("Header", lambda p: p.header, 24),
    ("Kind", lambda p: "error" if p.blocking else "note", 5),
    ("Problem", lambda p: str(p.message), 110),
)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``import members`` under ``basc``."""
    importing = commands.add_parser("import", help="import members from a spreadsheet")
    kinds = importing.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    members = kinds.add_parser(
        "members",
        help="import member companies from .xlsx or .csv (all rows or none)",
        description="Import member companies from an Excel workbook or a CSV file. Every "
        "row is checked first; if any row has an error, nothing is written.",
    )
    common(members)
    members.add_argument("file", type=Path, help="the .xlsx or .csv file")
    members.add_argument(
        "--dry-run", action="store_true", help="only check the file and print the report"
    )
    members.add_argument(
        "--update-existing",
        action="store_true",
        help="update members already registered with the same tax ID (default: skip them)",
    )
    members.add_argument(
        "--chapter",
        metavar="CODE",
        help="chapter of the rows that name none, e.g. co-bog",
    )


def run(args: argparse.Namespace) -> int:
    """``basc import members …``: open the database, then check or import the file."""
    with command_workspace(args) as ws:
        return import_members(ws, args)


def write_mapping(preview: ImportPreview, out: TextIO) -> None:
    print(
        f"{preview.path.name}, sheet {preview.sheet_name!r}, header on row {preview.header_row}:",
        file=out,
    )
    for column, header in enumerate(preview.headers):
        field = preview.mapping.get(column)
        read_as = FIELD_LABELS[field] if field else "(not imported)"
        print(f"  {column_letter(column):>3}  {header or '(no header)'} → {read_as}", file=out)


def write_report(report: ImportReport, out: TextIO) -> None:
    if report.problems:
        tables.write_table(report.problems, PROBLEM_COLUMNS, out)
    if report.problems_left_off:
        print(f"… and {report.problems_left_off:,} more problems.", file=out)
    print(report_summary(report), file=out)


def import_members(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.imports import check_import, read_import, run_import

    out = out or sys.stdout
    path: Path = args.file
    preview = read_import(path)
    write_mapping(preview, out)
    act = check_import if args.dry_run else run_import
    report = act(
        ws,
        path,
        preview.mapping,
        update_existing=args.update_existing,
        default_chapter=args.chapter,
    )
    write_report(report, out)
    if not report.ok:
        print("The file has errors: nothing was written.", file=out)
        return EXIT_NOT_WRITTEN
    if args.dry_run:
        print("Dry run: nothing was written.", file=out)
    else:
        print(
            f"Imported: {report.to_add:,} added, {report.to_update:,} updated, "
            f"{report.to_skip:,} skipped.",
            file=out,
        )
    return 0
