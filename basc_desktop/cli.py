"""The command line: ``basc`` (work from a terminal) and ``basc-desktop`` (the window).

Every command calls the same services the window uses.  What the coordinator can fix
(a broken chapter file, a damaged database…) is printed as one clear line on stderr
with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from basc_desktop import (
    __version__,
    cli_activity,
    cli_admissions,
    cli_audits,
    cli_backup,
    cli_certificates,
    cli_dashboard,
    cli_exchange,
    cli_import,
    cli_members,
    cli_reminders,
    cli_users,
    cli_verify,
)
from basc_desktop.domain.errors import BascError

EXIT_USER_ERROR = 2


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        help="folder for the database, logs and backups (default: the per-user data folder; "
        "env BASC_DATA_DIR)",
    )
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL of the database, e.g. postgresql+psycopg://user@host/basc "
        "(default: the SQLite file in the data folder; env BASC_DATABASE_URL)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="basc", description="BASC Desktop: member registry, audits and certificates."
    )
    parser.add_argument("--version", action="version", version=f"BASC Desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the BASC Desktop window")
    _common(gui)
    gui.add_argument("--demo", action="store_true", help="open the demo database (built once)")

    demo = commands.add_parser("demo", help="(re)build the demo database")
    _common(demo)
    demo.add_argument("--companies", type=int, default=300, help="how many companies (300)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: same seed, same data")

    db = commands.add_parser("db", help="create, upgrade or check a database")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (
        ("init", "create the schema in an empty database"),
        ("upgrade", "upgrade the schema to this version (a copy of an SQLite file is kept)"),
        ("status", "say which schema version the database has"),
    ):
        sub = db_commands.add_parser(name, help=text)
        _common(sub)
        sub.add_argument("--url", dest="database_url", help="same as --database-url")

    chapters = commands.add_parser("chapters", help="list the chapters and check their files")
    chapters.add_argument("--check", action="store_true", help="only check the files")

    cli_members.add_commands(commands, _common)
    cli_audits.add_commands(commands, _common)
    cli_certificates.add_commands(commands, _common)
    cli_import.add_commands(commands, _common)
    cli_exchange.add_commands(commands, _common)
    cli_verify.add_commands(commands, _common)
    cli_backup.add_commands(commands, _common)
    cli_admissions.add_commands(commands, _common)
    cli_users.add_commands(commands, _common)
    cli_reminders.add_commands(commands, _common)
    cli_activity.add_commands(commands, _common)
    cli_dashboard.add_commands(commands, _common)

    shot = commands.add_parser("screenshot", help="save PNG pictures of the window on demo data")
    _common(shot)
    shot.add_argument("output", help="folder for the PNG files")
    shot.add_argument(
        "--language", choices=("en", "es", "fr"), default="en", help="language of the window"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return _dispatch(args)
    except BascError as exc:
        print(f"basc: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``basc-desktop`` and ``main.py``: the window, with ``gui``'s options."""
    args = list(sys.argv[1:] if argv is None else argv)
    return main(["gui", *args])


def _dispatch(args: argparse.Namespace) -> int:
    from basc_desktop import cli_commands

    handler = {
        "gui": cli_commands.gui,
        "demo": cli_commands.demo,
        "db": cli_commands.db,
        "chapters": cli_commands.chapters,
        "screenshot": cli_commands.screenshot,
        "members": cli_members.run,
        "audits": cli_audits.run,
        "certificates": cli_certificates.run,
        "import": cli_import.run,
        "export": cli_exchange.run,
        "verify": cli_verify.run,
        "backup": cli_backup.run,
        "restore": cli_backup.run,
        "admissions": cli_admissions.run,
        "users": cli_users.run,
        "reminders": cli_reminders.run,
        "activity": cli_activity.run,
        "dashboard": cli_dashboard.run,
    }[args.command]
    return handler(args)
