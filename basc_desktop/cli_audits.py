"""``basc audits``: list and plan audits, print an audit report, from a terminal.

    basc audits list [--month 2026-06] [--chapter CODE] [--state S] [--kind K]
        [--auditor ID] [--search TEXT] [--limit N] [--format table|csv|json]
    basc audits plan --member TAXID [--country CO] --kind certification --date 2026-07-01
        [--standard 6] [--lead AUDITOR_ID] [--team ID,ID] [--summary TEXT]
    basc audits report AUDIT_ID out.pdf [--language es|en|fr]
    basc audits auditors [--chapter CODE] [--retired]
    basc audits auditors add NAME --chapter CODE [--email E]
    basc audits auditors edit ID [--name N] [--email E] [--chapter CODE]
    basc audits auditors retire ID | reactivate ID

Filters that take several values accept them repeated or as comma lists
(``--state planned,in_progress``).  The same services as the window do the work; what
the coordinator can fix is reported on stderr with exit status 2.
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
from typing import Any, TextIO, TypeVar

from basc_desktop import cli_tables as tables
from basc_desktop.cli_options import (
    command_workspace,
    parse_codes,
    parse_day,
    parse_month,
    split_values,
)
from basc_desktop.domain.errors import BascError, NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import AuditKind, AuditState
from basc_desktop.services.audit_forms import AuditQuery, AuditRow
from basc_desktop.services.workspace import Workspace

E = TypeVar("E", bound=StrEnum)

FIELDS: tuple[str, ...] = (
    "id",
    "planned_on",
    "company_name",
    "tax_id",
    "country",
    "chapter_code",
    "kind",
    "state",
    "standard_version",
    "lead_auditor",
    "team",
    "judged",
    "total",
    "started_on",
    "finished_on",
)

TABLE_COLUMNS: tuple[tuple[str, Callable[[AuditRow], str], int], ...] = (
    ("ID", lambda r: str(r.id), 6),
    ("Planned", lambda r: r.planned_on.isoformat(), 10),
    ("Company", lambda r: r.company_name, 36),
    ("Chapter", lambda r: r.chapter_code, 8),
    ("Kind", lambda r: r.kind.label, 16),
    ("State", lambda r: r.state.label, 11),
    ("Std", lambda r: r.standard_version, 4),
    ("Lead auditor", lambda r: r.lead_auditor, 24),
    ("Judged", lambda r: f"{r.judged}/{r.total}" if r.total else "", 7),
)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``audits list``, ``plan``, ``report`` and ``auditors`` under ``basc``."""
    audits = commands.add_parser("audits", help="list and plan audits, print audit reports")
    actions = audits.add_subparsers(dest="audits_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list audits, filtered")
    common(listing)
    many: dict[str, Any] = {"action": "append", "default": []}
    listing.add_argument("--month", metavar="YYYY-MM", help="audits planned in this month")
    listing.add_argument("--chapter", metavar="CODE", help="chapter code, e.g. co-bog", **many)
    listing.add_argument(
        "--state", metavar="STATE", help=", ".join(s.value for s in AuditState), **many
    )
    listing.add_argument(
        "--kind", metavar="KIND", help=", ".join(k.value for k in AuditKind), **many
    )
    listing.add_argument("--auditor", type=int, metavar="ID", help="lead or team auditor")
    listing.add_argument("--search", default="", help="text in the company's name or tax ID")
    listing.add_argument("--limit", type=int, metavar="N", help="at most N audits")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")

    plan = actions.add_parser("plan", help="put an audit of a member on the calendar")
    common(plan)
    plan.add_argument("--member", required=True, metavar="TAXID", help="the member's tax ID")
    plan.add_argument("--country", metavar="CC", help="country of the tax ID (default: any)")
    plan.add_argument(
        "--kind", required=True, metavar="KIND", help=", ".join(k.value for k in AuditKind)
    )
    plan.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="planned date")
    plan.add_argument("--standard", default="6", metavar="VERSION", help="standard version (6)")
    plan.add_argument("--lead", type=int, metavar="AUDITOR_ID", help="lead auditor")
    plan.add_argument("--team", default="", metavar="ID,ID", help="other auditors")
    plan.add_argument("--summary", default="", help="a note on the audit")

    report = actions.add_parser("report", help="write the audit report as a PDF")
    common(report)
    report.add_argument("audit_id", type=int, metavar="AUDIT_ID")
    report.add_argument("output", metavar="OUT.pdf")
    report.add_argument(
        "--language",
        choices=("es", "en", "fr"),
        default=None,
        help="the report's language (default: the member's chapter's first language)",
    )

    people = actions.add_parser(
        "auditors", help="list the auditors and their IDs; add, edit, retire, reactivate"
    )
    common(people)
    people.add_argument("--chapter", metavar="CODE", help="only this chapter's auditors")
    people.add_argument("--retired", action="store_true", help="also list retired auditors")
    from basc_desktop.cli_auditors import add_auditor_commands

    add_auditor_commands(people, common)


def audit_query(args: argparse.Namespace) -> AuditQuery:
    """The list query the command line asks for."""
    if args.limit is not None and args.limit < 1:
        raise BascError(_("--limit must be at least 1."))
    return AuditQuery(
        month=parse_month(args.month),
        chapters=tuple(c.lower() for c in split_values(args.chapter)),
        states=parse_codes(args.state, AuditState),
        kinds=parse_codes(args.kind, AuditKind),
        auditor_id=args.auditor,
        search=args.search,
        limit=args.limit,
    )


def audit_record(row: AuditRow) -> dict[str, Any]:
    """One audit as plain values: codes for kinds and states, ISO dates."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(row, name)
        if isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        values[name] = value
    return values


def write_table(rows: Sequence[AuditRow], out: TextIO) -> None:
    tables.write_table(rows, TABLE_COLUMNS, out)


def write_csv(rows: Iterable[AuditRow], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        record = audit_record(row)
        record["team"] = "; ".join(record["team"])
        writer.writerow(["" if record[f] is None else record[f] for f in FIELDS])


def list_audits(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.audits import count_audits, find_audits

    query = audit_query(args)
    rows = find_audits(ws, query)
    if args.format == "csv":
        write_csv(rows, out)
    elif args.format == "json":
        json.dump([audit_record(r) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        write_table(rows, out)
        found = count_audits(ws, query)
        note = f" (first {len(rows):,} shown)" if len(rows) < found else ""
        print(f"{found:,} audits{note}", file=out)
    return 0


def _member_id(ws: Workspace, tax_id: str, country: str | None) -> int:
    from basc_desktop.services.member_search import members_with_tax_id

    found = members_with_tax_id(ws, tax_id, (country.upper(),) if country else ())
    if not found:
        raise NotFoundError(_("No member has the tax ID {tax_id}."), tax_id=tax_id)
    if len(found) > 1:
        raise BascError(
            _("The tax ID {tax_id} belongs to members in {countries}: add --country."),
            tax_id=tax_id,
            countries=", ".join(sorted({r.country for r in found})),
        )
    return found[0].id


def plan(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.audit_forms import AuditPlanInput
    from basc_desktop.services.audits import plan_audit

    kinds = parse_codes([args.kind], AuditKind)
    if len(kinds) != 1:
        raise BascError(
            _("--kind must be one of: {choices}."), choices=", ".join(k.value for k in AuditKind)
        )
    kind = kinds[0]
    try:
        team = tuple(int(value) for value in split_values([args.team]))
    except ValueError:
        raise BascError(
            _("--team must be auditor IDs separated by commas; got “{value}”."), value=args.team
        ) from None
    row = plan_audit(
        ws,
        AuditPlanInput(
            company_id=_member_id(ws, args.member, args.country),
            kind=kind,
            standard_version=args.standard,
            planned_on=parse_day(args.date),
            lead_auditor_id=args.lead,
            team_ids=team,
            summary=args.summary,
        ),
    )
    lead = f", lead auditor {row.lead_auditor}" if row.lead_auditor else ""
    print(
        f"Planned audit {row.id}: {row.kind.label.lower()} of {row.company_name} "
        f"on {row.planned_on.isoformat()} (standard {row.standard_version}{lead}).",
        file=out,
    )
    return 0


def report(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.audit_report import audit_report_pdf

    path = audit_report_pdf(ws, args.audit_id, Path(args.output), language=args.language)
    print(path, file=out)
    return 0


def list_auditors(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.cli_auditors import auditor_line, change_auditors
    from basc_desktop.services.auditors import auditors

    if getattr(args, "auditors_command", None):
        return change_auditors(ws, args, out)
    for person in auditors(ws, args.chapter, include_retired=args.retired):
        print(auditor_line(person), file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc audits …``: open the database, then do the action."""
    handler = {
        "list": list_audits,
        "plan": plan,
        "report": report,
        "auditors": list_auditors,
    }[args.audits_command]
    with command_workspace(args) as ws:
        return handler(ws, args)
