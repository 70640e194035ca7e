"""``basc activity``: who changed what, and when, from the event log.

    basc activity [--user X] [--since D] [--until D] [--type member|certificate|audit|…]
                  [--action A] [--search TEXT] [--chapter CODE] [--limit N] [--xlsx FILE]

Lists the events newest first, one line each with the changed fields old → new, or
writes them all to a workbook.  A user set up for some chapters sees only theirs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from basc_desktop.cli_options import command_workspace, split_values
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.activity_forms import RECORD_TYPE_NAMES, ActivityQuery
from basc_desktop.services.workspace import Workspace

__all__ = ["activity", "add_commands", "run"]


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``basc activity``."""
    parser = commands.add_parser("activity", help="list the event log: who changed what, when")
    common(parser)
    parser.add_argument("--user", action="append", default=[], help="only this user's events")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="from this day on")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="up to this day")
    parser.add_argument(
        "--type",
        action="append",
        default=[],
        help="record type: " + ", ".join(sorted(set(RECORD_TYPE_NAMES) - {"company"})),
    )
    parser.add_argument("--action", action="append", default=[], help="e.g. update, issue")
    parser.add_argument("--search", default="", help="words in the record's name or the changes")
    parser.add_argument("--chapter", metavar="CODE", help="records of this chapter only")
    parser.add_argument("--limit", type=int, default=200, help="most lines to print (200)")
    parser.add_argument("--xlsx", metavar="FILE", help="write every event to this workbook")


def _day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BascError(
            _("{option} must look like 2026-07-01; got “{value}”."), option=option, value=text
        ) from None


def query_of(args: argparse.Namespace) -> ActivityQuery:
    types = []
    for word in split_values(args.type):
        if word.lower() not in RECORD_TYPE_NAMES:
            raise BascError(
                _("Unknown record type “{value}”; use one of: {known}."),
                value=word,
                known=", ".join(sorted(RECORD_TYPE_NAMES)),
            )
        types.append(RECORD_TYPE_NAMES[word.lower()])
    return ActivityQuery(
        users=tuple(split_values(args.user)),
        record_types=tuple(types),
        actions=tuple(split_values(args.action)),
        since=_day(args.since, "--since"),
        until=_day(args.until, "--until"),
        text=args.search,
        chapter=args.chapter,
    )


def activity(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.activity import count_activity, export_activity, find_activity

    out = out or sys.stdout
    query = query_of(args)
    if args.xlsx:
        written = export_activity(ws, query, Path(args.xlsx))
        print(f"{written} events written to {args.xlsx}", file=out)
        return 0
    rows = find_activity(ws, query, 0, max(args.limit, 0))
    for row in rows:
        head = f"{row.when}  {row.user:12}  {row.record_type_label:18}  {row.record}"
        print(f"{head}  {row.action_label}".rstrip(), file=out)
        for change in row.changes:
            print(f"    {change.text()}", file=out)
    total = count_activity(ws, query)
    if total > len(rows):
        print(f"({total - len(rows)} older events not shown; use --limit or --xlsx)", file=out)
    elif not rows:
        print("No events.", file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc activity …``: open the register, then list or export."""
    with command_workspace(args) as ws:
        return activity(ws, args)
