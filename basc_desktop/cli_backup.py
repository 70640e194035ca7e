"""``basc backup [DEST]`` and ``basc restore FILE [--yes]``: copies of the register.

``backup`` writes a checked copy (into the backups folder unless DEST names a file or a
folder) and prints where and how big.  ``restore`` asks first on a terminal (``--yes``
skips the question, and is required without a terminal), keeps the current file in the
backups folder, puts the backup in place and opens it (upgrading an older one).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _

__all__ = ["add_commands", "human_size", "run"]


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``basc backup`` and ``basc restore``."""
    backup = commands.add_parser(
        "backup", help="copy the database (consistent even while the window uses it)"
    )
    common(backup)
    backup.add_argument(
        "destination",
        nargs="?",
        metavar="DEST",
        help="file or folder for the copy (default: the backups folder, named by date)",
    )
    restore = commands.add_parser(
        "restore", help="replace the database by a backup (the current one is kept first)"
    )
    common(restore)
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def human_size(size: int) -> str:
    """``1.4 MB``, ``820 KB``, ``512 bytes``."""
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{size} bytes"  # pragma: no cover


def backup(args: argparse.Namespace, out: TextIO) -> int:
    from basc_desktop.services.backups import back_up
    from basc_desktop.settings import load_settings

    settings = load_settings(args.data_dir)
    url = args.database_url or settings.database_url
    destination = Path(args.destination).expanduser() if args.destination else None
    copy = back_up(url, destination, backups_dir=settings.backups_dir)
    print(f"Backed up to {copy} ({human_size(copy.stat().st_size)}).", file=out)
    return 0


def restore(args: argparse.Namespace, out: TextIO, ask: Callable[[str], str] = input) -> int:
    from basc_desktop.chapters import default_chapters_dir, load_chapters
    from basc_desktop.services.backups import database_file, describe_backup, restore_backup
    from basc_desktop.services.opening import open_workspace
    from basc_desktop.settings import load_settings

    settings = load_settings(args.data_dir)
    url = args.database_url or settings.database_url
    target = database_file(url)
    info = describe_backup(Path(args.file).expanduser())
    if not args.yes:
        if not sys.stdin.isatty():
            raise BascError(_("Restoring replaces the database: add --yes to confirm."))
        question = (
            f"Replace the data in {target} with the backup {info.path} "
            f"of {info.taken_at:%Y-%m-%d %H:%M}? The current data is kept in "
            f"{settings.backups_dir} first. [y/N] "
        )
        if ask(question).strip().lower() not in ("y", "yes", "s", "si", "sí", "o", "oui"):
            print("Nothing was restored.", file=out)
            return 1
    outcome = restore_backup(settings, info.path, url)
    workspace = open_workspace(settings, load_chapters(default_chapters_dir()), url=url)
    workspace.db.close()
    print(f"Restored {outcome.backup} into {outcome.database}.", file=out)
    if outcome.kept is not None:
        print(f"The data it replaced was kept in {outcome.kept}.", file=out)
    if outcome.needs_upgrade:
        print(f"The backup's schema {outcome.revision} was upgraded to this version's.", file=out)
    return 0


def run(args: argparse.Namespace) -> int:
    """``basc backup …`` or ``basc restore …``."""
    if args.command == "backup":
        return backup(args, sys.stdout)
    return restore(args, sys.stdout)
