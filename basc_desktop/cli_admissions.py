"""``basc admissions``: the applications, a committee session and its minutes, the deadlines.

    basc admissions list [--state S] [--chapter CODE] [--search TEXT] [--limit N]
        [--format table|csv|json]
    basc admissions committee 2026-06-10 --chapter sv [--minutes out.pdf]
    basc admissions deadlines [--within DAYS] [--chapter CODE] [--format table|csv|json]
    basc admissions letter APPLICATION_ID out.pdf

States: collecting, ready, in_session, postponed, admitted, rejected, or "open" for the
first four.  Filters that take several values accept them repeated or as comma lists.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from basc_desktop import cli_tables as tables
from basc_desktop.cli_options import command_workspace, parse_codes, split_values
from basc_desktop.domain.admissions import OPEN_STATES, ApplicationState, decision_label
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.admission_forms import ApplicationQuery, ApplicationRow, DeadlineRow
from basc_desktop.services.workspace import Workspace

APPLICATION_FIELDS: tuple[str, ...] = (
    "id",
    "opened_on",
    "company_name",
    "tax_id",
    "chapter_code",
    "business_type",
    "state",
    "documents_received",
    "documents_required",
    "committee_on",
    "decision",
    "decision_reason",
    "decided_on",
    "welcome_letter_on",
    "audit_deadline",
)

DEADLINE_FIELDS: tuple[str, ...] = (
    "application_id",
    "company_name",
    "tax_id",
    "chapter_code",
    "admitted_on",
    "audit_deadline",
    "days_left",
    "certification_audit_on",
)

APPLICATION_COLUMNS: tuple[tables.Column[ApplicationRow], ...] = (
    ("ID", lambda r: str(r.id), 6),
    ("Opened", lambda r: r.opened_on.isoformat(), 10),
    ("Company", lambda r: r.company_name, 36),
    ("Chapter", lambda r: r.chapter_code, 8),
    ("State", lambda r: r.state.label, 22),
    ("Documents", lambda r: f"{r.documents_received} of {r.documents_required}", 9),
    ("Committee", lambda r: r.committee_on.isoformat() if r.committee_on else "", 10),
    ("Deadline", lambda r: r.audit_deadline.isoformat() if r.audit_deadline else "", 10),
)

DEADLINE_COLUMNS: tuple[tables.Column[DeadlineRow], ...] = (
    ("Deadline", lambda r: r.audit_deadline.isoformat(), 10),
    ("Days left", lambda r: str(r.days_left), 9),
    ("Company", lambda r: r.company_name, 36),
    ("Chapter", lambda r: r.chapter_code, 8),
    ("Admitted", lambda r: r.admitted_on.isoformat(), 10),
    (
        "Certification audit",
        lambda r: r.certification_audit_on.isoformat() if r.certification_audit_on else "",
        19,
    ),
)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``admissions list``, ``committee``, ``deadlines`` and ``letter``."""
    admissions = commands.add_parser(
        "admissions", help="applications, committee minutes, deadlines in process"
    )
    actions = admissions.add_subparsers(dest="admissions_command", metavar="ACTION", required=True)
    many: dict[str, Any] = {"action": "append", "default": []}

    listing = actions.add_parser("list", help="list applications, filtered")
    common(listing)
    states = ", ".join(["open", *(s.value for s in ApplicationState)])
    listing.add_argument("--state", metavar="STATE", help=states, **many)
    listing.add_argument("--chapter", metavar="CODE", help="chapter code, e.g. sv", **many)
    listing.add_argument("--search", default="", help="text in the company's name or tax ID")
    listing.add_argument("--limit", type=int, metavar="N", help="at most N applications")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")

    committee = actions.add_parser(
        "committee", help="show a committee session and write its minutes"
    )
    common(committee)
    committee.add_argument("date", metavar="YYYY-MM-DD", help="the day the session is held")
    committee.add_argument("--chapter", required=True, metavar="CODE", help="chapter code")
    committee.add_argument("--minutes", metavar="OUT.pdf", help="write the minutes as a PDF")

    late = actions.add_parser(
        "deadlines", help="companies in process whose audit deadline is near or past"
    )
    common(late)
    late.add_argument("--within", type=int, default=60, metavar="DAYS", help="days ahead (60)")
    late.add_argument("--chapter", metavar="CODE", help="chapter code", **many)
    late.add_argument("--format", choices=("table", "csv", "json"), default="table")

    letter = actions.add_parser("letter", help="write an admitted company's welcome letter")
    common(letter)
    letter.add_argument("application_id", type=int, metavar="APPLICATION_ID")
    letter.add_argument("output", metavar="OUT.pdf")


def _states(given: Iterable[str]) -> tuple[ApplicationState, ...]:
    values = split_values(given)
    found: list[ApplicationState] = []
    if any(v.lower() == "open" for v in values):
        found += OPEN_STATES
    found += parse_codes([v for v in values if v.lower() != "open"], ApplicationState)
    return tuple(dict.fromkeys(found))


def application_query(args: argparse.Namespace) -> ApplicationQuery:
    if args.limit is not None and args.limit < 1:
        raise BascError(_("--limit must be at least 1."))
    return ApplicationQuery(
        states=_states(args.state),
        chapter_codes=tuple(c.lower() for c in split_values(args.chapter)),
        text=args.search,
        limit=args.limit,
        order_by="opened_on",
    )


def record(row: Any, fields: Sequence[str]) -> dict[str, Any]:
    """A row as plain values: codes for states, ISO dates."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(row, name)
        if isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        values[name] = value
    return values


def _write(
    rows: Sequence[Any],
    fields: Sequence[str],
    columns: Sequence[tables.Column[Any]],
    fmt: str,
    out: TextIO,
) -> None:
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            values = record(row, fields)
            writer.writerow(["" if values[f] is None else values[f] for f in fields])
    elif fmt == "json":
        json.dump([record(r, fields) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        tables.write_table(rows, columns, out)


def list_applications(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.admissions import count_applications, find_applications

    query = application_query(args)
    rows = find_applications(ws, query)
    _write(rows, APPLICATION_FIELDS, APPLICATION_COLUMNS, args.format, out)
    if args.format == "table":
        found = count_applications(ws, query)
        note = f" (first {len(rows):,} shown)" if len(rows) < found else ""
        print(f"{found:,} applications{note}", file=out)
    return 0


def committee(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.admissions import (
        find_committee_session,
        get_committee_session,
        write_minutes_pdf,
    )

    try:
        held_on = date.fromisoformat(args.date)
    except ValueError:
        raise BascError(
            _("The date must look like 2026-06-10; got “{value}”."), value=args.date
        ) from None
    found = find_committee_session(ws, args.chapter.lower(), held_on)
    detail = get_committee_session(ws, found.id)
    print(
        f"Committee session {found.id} of {found.chapter_code} on {found.held_on.isoformat()}: "
        f"{found.applications} applications, {found.decided} decided.",
        file=out,
    )
    print(f"Members present: {found.members_present or '-'}", file=out)
    for item in detail.items:
        decision = decision_label(item.decision) if item.decision else "Pending"
        reason = f": {item.reason}" if item.reason else ""
        print(f"  {item.company_name} ({item.tax_id}): {decision}{reason}", file=out)
    if args.minutes:
        print(write_minutes_pdf(ws, found.id, Path(args.minutes)), file=out)
    return 0


def deadlines(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.admissions import deadlines as find_deadlines

    chapters = tuple(c.lower() for c in split_values(args.chapter))
    rows = find_deadlines(ws, within_days=args.within, chapter_codes=chapters)
    _write(rows, DEADLINE_FIELDS, DEADLINE_COLUMNS, args.format, out)
    if args.format == "table":
        late = sum(1 for r in rows if r.overdue)
        print(f"{len(rows):,} companies in process, {late:,} past their deadline", file=out)
    return 0


def letter(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.admissions import write_welcome_letter_pdf

    print(write_welcome_letter_pdf(ws, args.application_id, Path(args.output)), file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc admissions …``: open the database, then do the action."""
    handler = {
        "list": list_applications,
        "committee": committee,
        "deadlines": deadlines,
        "letter": letter,
    }[args.admissions_command]
    with command_workspace(args) as ws:
        return handler(ws, args)
