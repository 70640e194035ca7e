"""``basc export``: lists as Excel workbooks, from a terminal, on the same services.

    basc export members OUT.xlsx [--country CO] [--chapter CODE] [--business-type T]
        [--status S] [--expires-within N] [--archived | --all] [--search TEXT]
        [--sort COLUMN] [--desc] [--per-country] [--language es|en|fr]
    basc export certificates OUT.xlsx [--state S] [--expiring DAYS] [--chapter CODE]
        [--country CC] [--month YYYY-MM] [--search TEXT] [--per-country] [--language …]
    basc export audits OUT.xlsx [--month YYYY-MM] [--chapter CODE] [--state S]
        [--kind K] [--auditor ID] [--search TEXT] [--per-country] [--language …]
    basc export actions OUT.xlsx [--overdue] [--due-within N] [--chapter CODE]
        [--severity minor|major] [--state S | --every-state] [--search TEXT]
        [--per-country] [--language …]

The filters are those of ``basc members list``, ``basc certificates list`` and ``basc
audits list``; several values go repeated or as comma lists.  The workbook speaks the
chapter's first language unless ``--language`` says otherwise.  What the coordinator
can fix is reported on stderr with exit status 2, as every ``basc`` command does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from basc_desktop.cli_options import parse_codes, split_values
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateState,
    MemberStatus,
    Verdict,
)
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.member_forms import SORTABLE_COLUMNS
from basc_desktop.services.workspace import Workspace

E = TypeVar("E", bound=StrEnum)
Common = Callable[[argparse.ArgumentParser], None]


def _target(common: Common, actions: Any, name: str, text: str) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = actions.add_parser(name, help=text)
    common(sub)
    sub.add_argument("output", metavar="OUT.xlsx", help="the workbook to write")
    sub.add_argument(
        "--per-country",
        action="store_true",
        help="a summary sheet of counts by country, then one sheet per country",
    )
    sub.add_argument(
        "--language",
        choices=("es", "en", "fr"),
        help="language of the headers and labels (default: the chapter's first language)",
    )
    sub.set_defaults(limit=None)
    return sub


def add_commands(commands: Any, common: Common) -> None:
    """Register ``basc export members|certificates|audits|actions`` under ``basc``."""
    export = commands.add_parser("export", help="export a list to an Excel workbook (.xlsx)")
    actions = export.add_subparsers(dest="export_kind", metavar="LIST", required=True)
    many: dict[str, Any] = {"action": "append", "default": []}

    members = _target(common, actions, "members", "the members, filtered as in members list")
    members.add_argument("--country", metavar="CC", help="country code, e.g. CO", **many)
    members.add_argument("--chapter", metavar="CODE", help="chapter code, e.g. co-bog", **many)
    members.add_argument(
        "--business-type", metavar="TYPE", help=", ".join(t.value for t in BusinessType), **many
    )
    members.add_argument(
        "--status", metavar="STATUS", help=", ".join(s.value for s in MemberStatus), **many
    )
    members.add_argument("--expires-within", type=int, metavar="N", help="expiring within N days")
    scope = members.add_mutually_exclusive_group()
    scope.add_argument("--archived", action="store_true", help="only archived members")
    scope.add_argument("--all", action="store_true", help="current and archived members")
    members.add_argument("--search", default="", help="text in names, tax ID or city")
    members.add_argument("--sort", choices=SORTABLE_COLUMNS, default="legal_name")
    members.add_argument("--desc", action="store_true", help="sort in descending order")

    certificates = _target(common, actions, "certificates", "the certificates register")
    certificates.add_argument(
        "--state", metavar="STATE", help=", ".join(s.value for s in CertificateState), **many
    )
    certificates.add_argument("--expiring", type=int, metavar="DAYS", help="expiring within DAYS")
    certificates.add_argument("--chapter", metavar="CODE", help="chapter code", **many)
    certificates.add_argument("--country", metavar="CC", help="country code, e.g. PA", **many)
    certificates.add_argument("--month", metavar="YYYY-MM", help="issued in this month")
    certificates.add_argument("--search", default="", help="text in the code, name or tax ID")

    audits = _target(common, actions, "audits", "the audit plan")
    audits.add_argument("--month", metavar="YYYY-MM", help="audits planned in this month")
    audits.add_argument("--chapter", metavar="CODE", help="chapter code, e.g. co-bog", **many)
    audits.add_argument("--state", metavar="STATE", help=", ".join(AuditState), **many)
    audits.add_argument("--kind", metavar="KIND", help=", ".join(AuditKind), **many)
    audits.add_argument("--auditor", type=int, metavar="ID", help="lead or team auditor")
    audits.add_argument("--search", default="", help="text in the company's name or tax ID")

    corrective = _target(common, actions, "actions", "the corrective actions (open ones)")
    corrective.add_argument("--overdue", action="store_true", help="only overdue actions")
    corrective.add_argument("--due-within", type=int, metavar="N", help="due within N days")
    corrective.add_argument("--chapter", metavar="CODE", help="chapter code", **many)
    corrective.add_argument("--severity", metavar="minor|major", help="minor, major", **many)
    states = corrective.add_mutually_exclusive_group()
    states.add_argument(
        "--state", metavar="STATE", help=", ".join(ActionState) + " (default: not closed)", **many
    )
    states.add_argument("--every-state", action="store_true", help="closed actions too")
    corrective.add_argument("--search", default="", help="text in the company's name or tax ID")


def action_query(args: argparse.Namespace) -> ActionQuery:
    """The corrective actions the command line asks for (by default those not closed)."""
    if args.due_within is not None and args.due_within < 0:
        raise BascError(_("--due-within must be 0 days or more."))
    query = ActionQuery(
        overdue=args.overdue,
        due_within_days=args.due_within,
        chapters=tuple(c.lower() for c in split_values(args.chapter)),
        severities=parse_codes(args.severity, Verdict),
        search=args.search,
    )
    if args.every_state:
        return replace(query, states=())
    if args.state:
        return replace(query, states=parse_codes(args.state, ActionState))
    return query


def export_list(ws: Workspace, args: argparse.Namespace, chapter: str | None = None) -> int:
    """Write the list ``args.export_kind`` to ``args.output``; the number of rows."""
    from basc_desktop.services import exports

    path = Path(args.output)
    if path.suffix.lower() != ".xlsx":
        raise BascError(_("The file to write must end in .xlsx: “{path}”."), path=args.output)
    if not path.parent.is_dir():
        raise BascError(_("The folder “{folder}” does not exist."), folder=str(path.parent))
    options: dict[str, Any] = {
        "per_country": args.per_country,
        "language": args.language,
        "chapter": chapter,
    }
    if sys.stderr.isatty():

        def progress(done: int, total: int) -> None:
            print(f"\r{done:,} of {total:,}", end="", file=sys.stderr, flush=True)

        options["progress"] = progress
    kind = args.export_kind
    if kind == "members":
        from basc_desktop.cli_members import member_query

        written = exports.export_members(ws, member_query(args), path, **options)
    elif kind == "certificates":
        from basc_desktop.cli_certificates import certificate_query

        written = exports.export_certificates(ws, certificate_query(args), path, **options)
    elif kind == "audits":
        from basc_desktop.cli_audits import audit_query

        written = exports.export_audits(ws, audit_query(args), path, **options)
    else:
        written = exports.export_actions(ws, action_query(args), path, **options)
    if "progress" in options:
        print(file=sys.stderr)
    return written


def run(args: argparse.Namespace) -> int:
    """``basc export …``: open the database, write the workbook, say how many rows."""
    from basc_desktop.chapters import default_chapters_dir, load_chapters
    from basc_desktop.services.opening import open_workspace
    from basc_desktop.settings import load_settings

    settings = load_settings(args.data_dir)
    ws = open_workspace(
        settings,
        load_chapters(default_chapters_dir()),
        url=args.database_url or settings.database_url,
    )
    try:
        written = export_list(ws, args, settings.preferences.chapter or None)
    finally:
        ws.db.close()
    noun = {"members": "members", "certificates": "certificates", "audits": "audits"}
    print(
        f"{written:,} {noun.get(args.export_kind, 'corrective actions')} written to {args.output}"
    )
    return 0
