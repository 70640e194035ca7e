"""``basc audits auditors add|edit|retire|reactivate``: keep the program's auditors.

    basc audits auditors add NAME --chapter CODE [--email E]
    basc audits auditors edit ID [--name NAME] [--email E] [--chapter CODE]
    basc audits auditors retire ID
    basc audits auditors reactivate ID

Without an action, ``basc audits auditors`` lists them (see :mod:`cli_audits`).  The
same services as the window do the work; a refused value is reported on stderr with
exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from basc_desktop.services.audit_forms import AuditorRow
from basc_desktop.services.workspace import Workspace

Common = Callable[[argparse.ArgumentParser], None]


def _leaf(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    text: str,
    common: Common,
) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=text)
    common(parser)
    # Given before the action (``auditors --data-dir D add …``) they must not be reset.
    for action in parser._actions:
        if action.dest in ("data_dir", "database_url"):
            action.default = argparse.SUPPRESS
    return parser


def add_auditor_commands(people: argparse.ArgumentParser, common: Common) -> None:
    """Register ``add``, ``edit``, ``retire`` and ``reactivate`` under ``audits auditors``."""
    actions = people.add_subparsers(dest="auditors_command", metavar="ACTION", required=False)
    add = _leaf(actions, "add", "register an auditor of a chapter", common)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--chapter", required=True, metavar="CODE", help="chapter code, e.g. co-bog")
    add.add_argument("--email", default="", help="the auditor's e-mail")
    edit = _leaf(actions, "edit", "correct an auditor's name, e-mail or chapter", common)
    edit.add_argument("auditor_id", type=int, metavar="ID")
    edit.add_argument("--name", help="the corrected name")
    edit.add_argument("--email", help="the corrected e-mail ('' to clear it)")
    edit.add_argument("--chapter", metavar="CODE", help="move the auditor to this chapter")
    for name, text in (
        ("retire", "retire an auditor: kept on past audits, not offered for new ones"),
        ("reactivate", "bring a retired auditor back"),
    ):
        leaf = _leaf(actions, name, text, common)
        leaf.add_argument("auditor_id", type=int, metavar="ID")


def auditor_line(person: AuditorRow) -> str:
    retired = "  (retired)" if not person.active else ""
    audits = f"{person.audits} audit" + ("" if person.audits == 1 else "s")
    return (
        f"{person.id:5}  {person.name:30}  {person.chapter_code or '':8}  "
        f"{audits:>10}  {person.email}{retired}"
    ).rstrip()


def change_auditors(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Do ``add``, ``edit``, ``retire`` or ``reactivate`` and say what was done."""
    out = out or sys.stdout
    from basc_desktop.services.auditors import (
        add_auditor,
        get_auditor,
        set_auditor_active,
        update_auditor,
    )

    match args.auditors_command:
        case "add":
            row = add_auditor(ws, args.name, args.email, args.chapter)
            print(f"Registered auditor {row.id}: {row.name} ({row.chapter_code}).", file=out)
        case "edit":
            before = get_auditor(ws, args.auditor_id)
            row = update_auditor(
                ws,
                before.id,
                name=before.name if args.name is None else args.name,
                email=before.email if args.email is None else args.email,
                chapter_code=before.chapter_code if args.chapter is None else args.chapter,
            )
            print(f"Auditor {row.id}: {row.name}.", file=out)
            print(auditor_line(row), file=out)
        case "retire":
            row = set_auditor_active(ws, args.auditor_id, False)
            print(f"Retired auditor {row.id}: {row.name}.", file=out)
        case "reactivate":
            row = set_auditor_active(ws, args.auditor_id, True)
            print(f"Reactivated auditor {row.id}: {row.name}.", file=out)
    return 0
