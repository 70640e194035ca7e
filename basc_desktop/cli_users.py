"""``basc users``: who may work in a shared database, and for which chapters.

    basc users list
    basc users add LOGIN [--chapter CODE …] [--admin] [--name NAME]
    basc users chapters LOGIN CODE [CODE …]
    basc users remove LOGIN

While a database has no users everyone sees every chapter; the first person set up
must be an administrator (``--admin``).  Afterwards only administrators change users,
and the program opens only for the logins set up here.  Every command takes
``--url`` (or ``--database-url``) like ``basc db``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from basc_desktop.cli_options import command_workspace
from basc_desktop.cli_tables import write_table
from basc_desktop.services.users import UserRow
from basc_desktop.services.workspace import Workspace

__all__ = ["add_commands", "run", "user_line"]

Common = Callable[[argparse.ArgumentParser], None]


def _leaf(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    text: str,
    common: Common,
) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=text)
    common(parser)
    parser.add_argument("--url", dest="database_url", help="same as --database-url")
    return parser


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common
) -> None:
    """Register ``basc users list|add|chapters|remove``."""
    users = commands.add_parser("users", help="who may work in a shared database, per chapter")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    _leaf(actions, "list", "list the people set up in the database", common)
    add = _leaf(actions, "add", "set up a login for some chapters (or as administrator)", common)
    add.add_argument("login", metavar="LOGIN", help="the login name of the person's PC account")
    add.add_argument(
        "--chapter",
        action="append",
        default=[],
        metavar="CODE",
        help="a chapter the person works for, e.g. co-bog (repeat for more)",
    )
    add.add_argument("--admin", action="store_true", help="sees every chapter, sets up users")
    add.add_argument("--name", default="", help="the person's name, as people read it")
    chapters = _leaf(actions, "chapters", "replace the chapters a login works for", common)
    chapters.add_argument("login", metavar="LOGIN")
    chapters.add_argument("chapters", nargs="+", metavar="CODE")
    remove = _leaf(actions, "remove", "the login no longer opens the database", common)
    remove.add_argument("login", metavar="LOGIN")


def user_line(user: UserRow) -> str:
    """``ana  Ana Pérez  co-bog, co-ctg`` (or ``administrator``), as ``list`` prints it."""
    scope = "administrator" if user.is_admin else ", ".join(user.chapters)
    removed = "  (removed)" if not user.active else ""
    return "  ".join(part for part in (user.login, user.display_name, scope) if part) + removed


def _columns() -> list[tuple[str, Callable[[UserRow], str], int]]:
    return [
        ("LOGIN", lambda u: u.login, 40),
        ("NAME", lambda u: u.display_name, 40),
        ("CHAPTERS", lambda u: "administrator" if u.is_admin else ", ".join(u.chapters), 60),
        ("ACTIVE", lambda u: "yes" if u.active else "no", 6),
    ]


def users(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Do the ``users`` action and say what was done."""
    from basc_desktop.services.users import add_user, deactivate, list_users, set_chapters

    out = out or sys.stdout
    match args.users_command:
        case "list":
            found = list_users(ws)
            if not found:
                print(
                    "Nobody is set up: everyone who opens this database sees every chapter.",
                    file=out,
                )
            else:
                write_table(found, _columns(), out)
        case "add":
            row = add_user(ws, args.login, args.chapter, admin=args.admin, display_name=args.name)
            print(f"Set up {user_line(row)}.", file=out)
        case "chapters":
            row = set_chapters(ws, args.login, args.chapters)
            print(f"{user_line(row)}.", file=out)
        case "remove":
            row = deactivate(ws, args.login)
            print(f"{row.login} no longer opens this database.", file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc users …``: open the database (as this PC's login), then do the action."""
    with command_workspace(args) as ws:
        return users(ws, args)
