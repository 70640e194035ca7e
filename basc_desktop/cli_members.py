"""``basc members``: list and show member companies from a terminal, on the same services.

    basc members list [--country CO] [--chapter CODE] [--business-type T] [--status S]
        [--expires-within N] [--archived | --all] [--search TEXT] [--sort COLUMN] [--desc]
        [--limit N] [--format table|csv|json]
    basc members show TAXID [--country CO]

Filters that take several values accept them repeated or as comma lists
(``--status expiring,expired``).  What the coordinator can fix is reported by the
BascError message on stderr with exit status 2, as every ``basc`` command does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TextIO, TypeVar

from basc_desktop import cli_tables as tables
from basc_desktop.cli_options import command_workspace, parse_codes, split_values
from basc_desktop.domain.errors import BascError, NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType, MemberStatus
from basc_desktop.reports.member_list import (
    MEMBER_LIST_FIELDS,
    member_record,
    write_members_csv,
)
from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery, MemberRow
from basc_desktop.services.workspace import Workspace

E = TypeVar("E", bound=StrEnum)

TABLE_COLUMNS: tuple[tuple[str, Callable[[MemberRow], str], int], ...] = (
    ("Legal name", lambda r: r.legal_name, 40),
    ("Tax ID", lambda r: r.tax_id, 20),
    ("Country", lambda r: r.country, 7),
    ("Chapter", lambda r: r.chapter_code, 8),
    ("Business type", lambda r: r.business_type.label, 24),
    ("Status", lambda r: r.status.label if r.status else "", 10),
    ("Certificate", lambda r: r.certificate_code or "", 20),
    ("Expires", lambda r: r.expires_on.isoformat() if r.expires_on else "", 10),
    ("Next audit", lambda r: r.next_audit_on.isoformat() if r.next_audit_on else "", 10),
)
"""Header, cell and widest width of each column of the table output."""


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``members list`` and ``members show`` under ``basc``."""
    members = commands.add_parser("members", help="list and show member companies")
    actions = members.add_subparsers(dest="members_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list members, filtered and sorted")
    common(listing)
    listing.add_argument(
        "--country", metavar="CC", help="country code, e.g. CO", action="append", default=[]
    )
    listing.add_argument(
        "--chapter", metavar="CODE", help="chapter code, e.g. co-bog", action="append", default=[]
    )
    listing.add_argument(
        "--business-type",
        metavar="TYPE",
        help="business type code: " + ", ".join(t.value for t in BusinessType),
        action="append",
        default=[],
    )
    listing.add_argument(
        "--status",
        metavar="STATUS",
        help="status today: " + ", ".join(s.value for s in MemberStatus),
        action="append",
        default=[],
    )
    listing.add_argument(
        "--expires-within",
        type=int,
        metavar="N",
        help="certificate in force expiring within N days",
    )
    scope = listing.add_mutually_exclusive_group()
    scope.add_argument("--archived", action="store_true", help="only archived members")
    scope.add_argument("--all", action="store_true", help="current and archived members")
    listing.add_argument("--search", default="", help="text in names, tax ID or city")
    listing.add_argument("--sort", choices=SORTABLE_COLUMNS, default="legal_name")
    listing.add_argument("--desc", action="store_true", help="sort in descending order")
    listing.add_argument("--limit", type=int, metavar="N", help="at most N members")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")

    show = actions.add_parser("show", help="show one member by its tax ID")
    common(show)
    show.add_argument("tax_id", metavar="TAXID")
    show.add_argument("--country", metavar="CC", help="country of the tax ID (default: any)")


def member_query(args: argparse.Namespace) -> MemberQuery:
    """The list query the command line asks for."""
    if args.expires_within is not None and args.expires_within < 0:
        raise BascError(_("--expires-within must be 0 or more days."))
    if args.limit is not None and args.limit < 1:
        raise BascError(_("--limit must be at least 1."))
    return MemberQuery(
        search=args.search,
        countries=tuple(c.upper() for c in split_values(args.country)),
        chapters=tuple(c.lower() for c in split_values(args.chapter)),
        business_types=parse_codes(args.business_type, BusinessType),
        statuses=parse_codes(args.status, MemberStatus),
        expires_within_days=args.expires_within,
        archived=True if args.archived else None if args.all else False,
        order_by=args.sort,
        descending=args.desc,
        limit=args.limit,
    )


def write_table(rows: Sequence[MemberRow], out: TextIO) -> None:
    tables.write_table(rows, TABLE_COLUMNS, out)


def _json(row: MemberRow) -> dict[str, object]:
    """One member for JSON: numbers as numbers, empty values as null, dates ISO."""
    text = member_record(row)
    found: dict[str, object] = {"id": row.id}
    for name in MEMBER_LIST_FIELDS:
        value = getattr(row, name)
        found[name] = value if isinstance(value, int) or value is None else text[name]
    return found


def write_json(rows: Iterable[MemberRow], out: TextIO) -> int:
    """A JSON list of members (streamed: any number of them)."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n " if count else "\n ")
        out.write(json.dumps(_json(row), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def run(args: argparse.Namespace) -> int:
    """``basc members …``: open the database, then list or show."""
    with command_workspace(args) as ws:
        if args.members_command == "show":
            return show_member(ws, args)
        return list_members(ws, args)


def list_members(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.members import count_members, find_members, iter_members

    out = out or sys.stdout
    query = member_query(args)
    rows = (row for batch in iter_members(ws, query) for row in batch)
    if args.format == "csv":
        write_members_csv(rows, out)
    elif args.format == "json":
        write_json(rows, out)
    else:
        shown = find_members(ws, query)
        write_table(shown, out)
        found = count_members(ws, query)
        total = count_members(ws, MemberQuery(archived=query.archived))
        note = f" (first {len(shown):,} shown)" if len(shown) < found else ""
        print(f"{found:,} of {total:,} members{note}", file=out)
    return 0


def show_member(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.members import (
        find_member_by_tax_id,
        get_member,
        member_audits,
        member_certificates,
        members_with_tax_id,
    )

    out = out or sys.stdout
    if args.country:
        detail = find_member_by_tax_id(ws, args.country.upper(), args.tax_id)
    else:
        found = members_with_tax_id(ws, args.tax_id)
        if not found:
            raise NotFoundError(_("No member has the tax ID {tax_id}."), tax_id=args.tax_id)
        if len(found) > 1:
            raise BascError(
                _("The tax ID {tax_id} belongs to members in {countries}: add --country."),
                tax_id=args.tax_id,
                countries=", ".join(sorted({r.country for r in found})),
            )
        detail = get_member(ws, found[0].id)
    row = detail.row

    def line(label: str, value: object) -> None:
        text = "" if value is None else getattr(value, "label", value)
        print(f"{label + ':':16} {text}".rstrip(), file=out)

    line("Legal name", row.legal_name)
    line("Trade name", row.trade_name)
    line("Tax ID", f"{row.tax_id} ({row.country})")
    line("Chapter", f"{row.chapter_code} (member {row.member_number:05d})")
    line("Business type", row.business_type)
    line("Status", row.status.label if row.status else "no application yet")
    line("Certificate", row.certificate_code)
    line("Expires on", row.expires_on)
    line("Next audit", row.next_audit_on)
    line("Address", detail.address)
    line("City", row.city)
    line("Phone", detail.phone)
    line("E-mail", detail.email)
    line("Website", detail.website)
    line("Member since", detail.membership_start)
    if row.archived_on:
        line("Archived on", row.archived_on)
    if detail.notes:
        line("Notes", detail.notes)
    for contact in detail.contacts:
        line(
            "Contact",
            ", ".join(p for p in (contact.name, contact.role, contact.email, contact.phone) if p),
        )
    for program in detail.related_certifications:
        dates = " to ".join(str(d) for d in (program.valid_from, program.valid_until) if d)
        line(
            "Other program",
            f"{program.program.label} {program.identifier} ({program.authority}) {dates}".strip(),
        )
    for cert in member_certificates(ws, row.id):
        line(
            "Certificate",
            f"{cert.code}  {cert.issued_on} to {cert.expires_on}  "
            f"{cert.state.value}  standard {cert.standard_version}",
        )
    for audit in member_audits(ws, row.id):
        line(
            "Audit",
            f"{audit.planned_on}  {audit.kind.label}  {audit.state.label}  "
            f"{audit.lead_auditor}".rstrip(),
        )
    return 0
