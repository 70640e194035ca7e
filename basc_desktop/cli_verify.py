"""``basc verify FILE.pdf|PAYLOAD``: is this certificate genuine, and is it valid today?

Prints one line per QR code (the certificate code and the answer) and exits 0 only
when every certificate checked is genuine and valid, 1 otherwise (forged, expired,
suspended, withdrawn, superseded, unknown, unreadable), and 2 for a file that cannot
be read at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from basc_desktop.cli_options import command_workspace
from basc_desktop.services.workspace import Workspace

__all__ = ["add_commands", "run", "verify"]

EXIT_NOT_VALID = 1


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Register ``basc verify``."""
    parser = commands.add_parser(
        "verify", help="check a certificate (its PDF or its QR payload) against the register"
    )
    common(parser)
    parser.add_argument(
        "target", metavar="FILE.pdf|PAYLOAD", help="a certificate PDF, or the text of its QR code"
    )


def _looks_like_file(target: str) -> bool:
    return target.lower().endswith(".pdf") or Path(target).is_file()


def verify(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.verification import verify_payload, verify_pdf

    out = out or sys.stdout
    target: str = args.target
    if _looks_like_file(target) and not target.startswith("BASC"):
        answers = verify_pdf(ws, Path(target))
    else:
        answers = [verify_payload(ws, target)]
    for answer in answers:
        head = f"{answer.code}: " if answer.code else ""
        print(f"{head}{answer.outcome.label.upper()} — {answer.message()}", file=out)
    return 0 if answers and all(a.valid for a in answers) else EXIT_NOT_VALID


def run(args: argparse.Namespace) -> int:
    """``basc verify …``: open the register, then check."""
    with command_workspace(args) as ws:
        return verify(ws, args)
