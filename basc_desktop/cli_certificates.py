"""``basc certificates``: issue certificates and keep the register, from a terminal.

    basc certificates issuable [--chapter CODE]
    basc certificates issue AUDIT_ID [--date YYYY-MM-DD]
    basc certificates list [--state S] [--expiring DAYS] [--chapter CODE] [--country CC]
        [--month YYYY-MM] [--search TEXT] [--limit N] [--format table|csv|json]
    basc certificates show CODE
    basc certificates suspend|reinstate|withdraw CODE --reason TEXT [--date YYYY-MM-DD]

``pdf`` and ``public-key`` come from :mod:`basc_desktop.cli_certificate_pdf`, which
registers its parsers through ``add_pdf_commands`` and its actions in ``HANDLERS``.
The same services as the window do the work; what the coordinator can fix is
reported on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, TextIO

from basc_desktop import cli_tables as tables
from basc_desktop.cli_options import (
    command_workspace,
    parse_codes,
    parse_day,
    parse_month,
    split_values,
)
from basc_desktop.domain.certification import event_label, state_label
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import CertificateState
from basc_desktop.services.certificate_forms import CertificateQuery, CertificateRow
from basc_desktop.services.workspace import Workspace

Handler = Callable[[Workspace, argparse.Namespace], int]

FIELDS: tuple[str, ...] = (
    "id",
    "code",
    "company_name",
    "tax_id",
    "country",
    "chapter_code",
    "scope",
    "standard_version",
    "site",
    "issue_number",
    "issued_on",
    "expires_on",
    "state",
    "audit_id",
)

TABLE_COLUMNS: tuple[tables.Column[CertificateRow], ...] = (
    ("Code", lambda r: r.code, 18),
    ("Company", lambda r: r.company_name, 36),
    ("Tax ID", lambda r: r.tax_id, 22),
    ("Chapter", lambda r: r.chapter_code, 8),
    ("Issued", lambda r: r.issued_on.isoformat(), 10),
    ("Expires", lambda r: r.expires_on.isoformat(), 10),
    ("State", lambda r: state_label(r.state), 10),
)

MOVES = ("suspend", "reinstate", "withdraw")


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``basc certificates`` and its actions (with ``pdf`` and ``public-key``)."""
    certificates = commands.add_parser(
        "certificates", help="issue certificates, list and show the register, suspend…"
    )
    actions = certificates.add_subparsers(
        dest="certificates_command", metavar="ACTION", required=True
    )

    issuable = actions.add_parser(
        "issuable", help="closed certification audits that have no certificate yet"
    )
    common(issuable)
    issuable.add_argument("--chapter", metavar="CODE", help="only this chapter's audits")

    issue = actions.add_parser("issue", help="issue the certificate a closed audit earns")
    common(issue)
    issue.add_argument("audit_id", type=int, metavar="AUDIT_ID")
    issue.add_argument("--date", metavar="YYYY-MM-DD", help="issue date (default: today)")

    listing = actions.add_parser("list", help="list certificates, filtered")
    common(listing)
    many: dict[str, Any] = {"action": "append", "default": []}
    listing.add_argument(
        "--state", metavar="STATE", help=", ".join(s.value for s in CertificateState), **many
    )
    listing.add_argument(
        "--expiring", type=int, metavar="DAYS", help="valid or suspended, expiring within DAYS"
    )
    listing.add_argument("--chapter", metavar="CODE", help="chapter code, e.g. co-bog", **many)
    listing.add_argument("--country", metavar="CC", help="country code, e.g. PA", **many)
    listing.add_argument("--month", metavar="YYYY-MM", help="issued in this month")
    listing.add_argument("--search", default="", help="text in the code, name or tax ID")
    listing.add_argument("--limit", type=int, metavar="N", help="at most N certificates")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")

    show = actions.add_parser("show", help="one certificate with its history")
    common(show)
    show.add_argument("code", metavar="CODE")

    for name, text in zip(
        MOVES,
        (
            "suspend a valid certificate",
            "reinstate a suspended certificate",
            "withdraw a certificate for good",
        ),
        strict=True,
    ):
        move = actions.add_parser(name, help=text)
        common(move)
        move.add_argument("code", metavar="CODE")
        move.add_argument("--reason", required=True, help="why (kept in the history)")
        move.add_argument("--date", metavar="YYYY-MM-DD", help="effective date (default: today)")

    try:
        from basc_desktop import cli_certificate_pdf
    except ImportError:  # pragma: no cover - printing is an optional part
        return
    cli_certificate_pdf.add_pdf_commands(actions, common)


def certificate_query(args: argparse.Namespace) -> CertificateQuery:
    """The list query the command line asks for."""
    if args.limit is not None and args.limit < 1:
        raise BascError(_("--limit must be at least 1."))
    if args.expiring is not None and args.expiring < 0:
        raise BascError(_("--expiring must be 0 days or more."))
    first = parse_month(args.month)
    last = None
    if first is not None:
        from basc_desktop.services.audit_list import month_bounds

        first, last = month_bounds(first)
    return CertificateQuery(
        search=args.search,
        states=parse_codes(args.state, CertificateState),
        expires_within_days=args.expiring,
        chapter_codes=tuple(c.lower() for c in split_values(args.chapter)),
        countries=tuple(c.upper() for c in split_values(args.country)),
        issued_from=first,
        issued_until=last,
        limit=args.limit,
    )


def certificate_record(row: CertificateRow) -> dict[str, Any]:
    """One certificate as plain values: codes for states and scopes, ISO dates."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(row, name)
        if isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        values[name] = value
    return values


def write_csv(rows: Iterable[CertificateRow], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        record = certificate_record(row)
        writer.writerow(["" if record[f] is None else record[f] for f in FIELDS])


def write_table(rows: Sequence[CertificateRow], out: TextIO) -> None:
    tables.write_table(rows, TABLE_COLUMNS, out)


def list_certificates(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.certificates import count_certificates, find_certificates

    query = certificate_query(args)
    rows = find_certificates(ws, query)
    if args.format == "csv":
        write_csv(rows, out)
    elif args.format == "json":
        json.dump([certificate_record(r) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        write_table(rows, out)
        found = count_certificates(ws, query)
        note = f" (first {len(rows):,} shown)" if len(rows) < found else ""
        print(f"{found:,} certificates{note}", file=out)
    return 0


def issuable(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.certificates import issuable_audits

    waiting = issuable_audits(ws, args.chapter)
    if not waiting:
        print("No closed certification audit is waiting for its certificate.", file=out)
    for audit in waiting:
        finished = audit.finished_on.isoformat() if audit.finished_on else ""
        print(
            f"{audit.audit_id:>6}  {finished:10}  {audit.chapter_code:8}  "
            f"{audit.kind.label:16}  {audit.company_name}",
            file=out,
        )
    return 0


def issue(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.certificates import issue_certificate

    on = parse_day(args.date) if args.date else None
    row = issue_certificate(ws, args.audit_id, on=on)
    print(
        f"Issued {row.code} to {row.company_name}: valid from {row.issued_on.isoformat()} "
        f"until {row.expires_on.isoformat()} (expiry date).",
        file=out,
    )
    return 0


def show(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services.certificates import certificate_by_code

    detail = certificate_by_code(ws, args.code)
    row = detail.row
    lines = [
        ("Code", row.code),
        ("Company", row.company_name),
        ("Tax ID", row.tax_id),
        ("Address", ", ".join(p for p in (detail.company_address, detail.company_city) if p)),
        ("Chapter", row.chapter_code),
        ("Scope", row.scope.label),
        ("Standard", row.standard_version),
        ("Issued", row.issued_on.isoformat()),
        ("Expires", row.expires_on.isoformat()),
        ("State", state_label(row.state)),
        ("Audit", "" if row.audit_id is None else str(row.audit_id)),
        ("Supersedes", detail.supersedes or ""),
        ("Superseded by", detail.superseded_by or ""),
    ]
    for label, value in lines:
        if value:
            print(f"{label + ':':15}{value}", file=out)
    print("History:", file=out)
    for event in detail.events:
        reason = f"  {event.reason}" if event.reason else ""
        print(
            f"  {event.on.isoformat()}  {event_label(event.kind):11} {event.recorded_by}{reason}",
            file=out,
        )
    return 0


def move(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    from basc_desktop.services import certificates as services

    detail = services.certificate_by_code(ws, args.code)
    action = {
        "suspend": services.suspend_certificate,
        "reinstate": services.reinstate_certificate,
        "withdraw": services.withdraw_certificate,
    }[args.certificates_command]
    row = action(
        ws,
        detail.row.id,
        reason=args.reason,
        on=parse_day(args.date) if args.date else None,
        expected_version=detail.row.version,
    )
    print(f"{row.code}: {state_label(row.state).lower()}.", file=out)
    return 0


def handlers() -> dict[str, Handler]:
    """Every ``basc certificates`` action by name, printing's included when it is there."""
    found: dict[str, Handler] = {
        "issuable": issuable,
        "issue": issue,
        "list": list_certificates,
        "show": show,
        **dict.fromkeys(MOVES, move),
    }
    try:
        from basc_desktop import cli_certificate_pdf
    except ImportError:  # pragma: no cover - printing is an optional part
        return found
    return {**cli_certificate_pdf.HANDLERS, **found}


def run(args: argparse.Namespace) -> int:
    """``basc certificates …``: open the database, then do the action."""
    with command_workspace(args) as ws:
        return handlers()[args.certificates_command](ws, args)
