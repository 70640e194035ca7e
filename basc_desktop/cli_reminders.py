"""``basc reminders``: companies to remind of their renewal, their letters, the Excel list.

    basc reminders list [--chapter CODE] [--on YYYY-MM-DD] [--not-reminded]
        [--format table|csv|json]
    basc reminders letters OUT.pdf [--chapter CODE] [--mark-sent] [MEMBER_NO…]
    basc reminders excel OUT.xlsx [--chapter CODE]
    basc reminders mark-sent [--chapter CODE] [MEMBER_NO…]

The list holds the companies whose certificate in force expires within their chapter's
warning window and that have no recertification audit planned or under way.  Letters,
Excel and mark-sent work on that list (of one chapter with ``--chapter``), or on the
members numbered (their number in the chapter; give ``--chapter`` when two chapters
share a number).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from basc_desktop import cli_tables as tables
from basc_desktop.cli_admissions import record
from basc_desktop.cli_options import command_workspace, parse_day
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.reminder_forms import ReminderRow
from basc_desktop.services.workspace import Workspace

REMINDER_FIELDS: tuple[str, ...] = (
    "company_id",
    "member_number",
    "company_name",
    "chapter_code",
    "country",
    "certificate_code",
    "expires_on",
    "days_left",
    "suspended",
    "contact_name",
    "contact_email",
    "last_reminder_on",
    "reminders_sent",
)

REMINDER_COLUMNS: tuple[tables.Column[ReminderRow], ...] = (
    ("Expires", lambda r: r.expires_on.isoformat(), 10),
    ("Days", lambda r: str(r.days_left), 4),
    ("No.", lambda r: str(r.member_number), 6),
    ("Company", lambda r: r.company_name + (" (suspended)" if r.suspended else ""), 36),
    ("Chapter", lambda r: r.chapter_code, 8),
    ("Certificate", lambda r: r.certificate_code, 20),
    ("Contact", lambda r: r.contact_name, 24),
    ("E-mail", lambda r: r.contact_email, 30),
    ("Last reminder", lambda r: r.last_reminder_on.isoformat() if r.last_reminder_on else "", 13),
    ("Sent", lambda r: str(r.reminders_sent), 4),
)


def _write(rows: Sequence[ReminderRow], fmt: str, out: TextIO) -> None:
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(REMINDER_FIELDS)
        for row in rows:
            values = record(row, REMINDER_FIELDS)
            writer.writerow(["" if values[f] is None else values[f] for f in REMINDER_FIELDS])
    elif fmt == "json":
        json.dump([record(r, REMINDER_FIELDS) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        tables.write_table(rows, REMINDER_COLUMNS, out)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``reminders list``, ``letters``, ``excel`` and ``mark-sent``."""
    reminders = commands.add_parser(
        "reminders", help="renewal reminders: the list, the letters, Excel, marked sent"
    )
    actions = reminders.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)

    def chapter(parser: argparse.ArgumentParser) -> None:
        common(parser)
        parser.add_argument("--chapter", metavar="CODE", help="only this chapter, e.g. co-bog")

    listing = actions.add_parser("list", help="companies to remind of their renewal")
    chapter(listing)
    listing.add_argument("--on", metavar="YYYY-MM-DD", help="the list as of this day (today)")
    listing.add_argument(
        "--not-reminded", action="store_true", help="leave out those already reminded"
    )
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")

    letters = actions.add_parser("letters", help="write the reminder letters as one PDF")
    chapter(letters)
    letters.add_argument("output", metavar="OUT.pdf")
    letters.add_argument(
        "--mark-sent", action="store_true", help="also record the reminders as sent today"
    )
    letters.add_argument("numbers", nargs="*", type=int, metavar="MEMBER_NO")

    excel = actions.add_parser("excel", help="write the list as an Excel workbook")
    chapter(excel)
    excel.add_argument("output", metavar="OUT.xlsx")

    mark = actions.add_parser("mark-sent", help="record reminders as sent today")
    chapter(mark)
    mark.add_argument("numbers", nargs="*", type=int, metavar="MEMBER_NO")


def _chapter(args: argparse.Namespace) -> str | None:
    return args.chapter.strip().lower() if args.chapter else None


def _rows(ws: Workspace, args: argparse.Namespace) -> list[ReminderRow]:
    from basc_desktop.services.reminders import renewal_reminders

    return renewal_reminders(ws, chapter=_chapter(args))


def chosen(ws: Workspace, args: argparse.Namespace) -> list[ReminderRow]:
    """The rows of the list the command acts on: all, or the members numbered."""
    rows = _rows(ws, args)
    numbers: Sequence[int] = getattr(args, "numbers", ())
    if not numbers:
        if not rows:
            raise BascError(_("No company needs a renewal reminder."))
        return rows
    found = []
    for number in dict.fromkeys(numbers):
        matching = [row for row in rows if row.member_number == number]
        if not matching:
            raise BascError(
                _("Member {number} is not on the renewal reminders list."), number=number
            )
        if len(matching) > 1:
            raise BascError(
                _("Several chapters have a member {number}: say which with --chapter."),
                number=number,
            )
        found.append(matching[0])
    return found


def list_reminders(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.reminders import renewal_reminders

    on = parse_day(args.on) if args.on else None
    rows = renewal_reminders(
        ws, chapter=_chapter(args), on=on, include_reminded=not args.not_reminded
    )
    _write(rows, args.format, out)
    if args.format == "table":
        reminded = sum(1 for row in rows if row.reminded)
        print(f"{len(rows):,} companies to remind, {reminded:,} already reminded", file=out)
    return 0


def letters(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.reminders import mark_reminders_sent, write_reminder_letters_pdf

    ids = [row.company_id for row in chosen(ws, args)]
    print(write_reminder_letters_pdf(ws, ids, Path(args.output)), file=out)
    print(f"{len(ids):,} letters", file=out)
    if args.mark_sent:
        marked = mark_reminders_sent(ws, ids)
        print(f"{marked:,} reminders marked as sent", file=out)
    return 0


def excel(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.reminders import export_reminders_xlsx

    rows = _rows(ws, args)
    print(export_reminders_xlsx(ws, rows, Path(args.output)), file=out)
    print(f"{len(rows):,} companies", file=out)
    return 0


def mark_sent(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.reminders import mark_reminders_sent

    rows = chosen(ws, args)
    marked = mark_reminders_sent(ws, [row.company_id for row in rows])
    for row in rows:
        print(f"  {row.member_number}  {row.company_name}  {row.certificate_code}", file=out)
    print(f"{marked:,} reminders marked as sent", file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc reminders …``: open the database, then do the action."""
    handler = {
        "list": list_reminders,
        "letters": letters,
        "excel": excel,
        "mark-sent": mark_sent,
    }[args.reminders_command]
    with command_workspace(args) as ws:
        return handler(ws, args)
