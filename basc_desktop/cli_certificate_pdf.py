"""``basc certificates pdf`` and ``public-key``: print certificates, share the chapter's key.

    basc certificates pdf CODE... -o out.pdf
    basc certificates pdf --month 2026-06 -o june.pdf
    basc certificates public-key co-bog -o basc-bogota.pem

``cli_certificates`` adds these to ``basc certificates`` (:func:`add_pdf_commands`)
and dispatches them through :data:`HANDLERS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from basc_desktop.domain.errors import BascError, NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace

__all__ = ["HANDLERS", "add_pdf_commands", "export_key", "print_pdf"]


def add_pdf_commands(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``pdf`` and ``public-key`` to the actions of ``basc certificates``."""
    pdf = actions.add_parser(
        "pdf", help="print certificates into one PDF, one page each, with their signed QR code"
    )
    common(pdf)
    pdf.add_argument("codes", nargs="*", metavar="CODE", help="certificate codes, in page order")
    pdf.add_argument(
        "--month", metavar="YYYY-MM", help="every certificate issued in that month (after CODEs)"
    )
    pdf.add_argument("-o", "--output", required=True, help="the PDF file to write")

    key = actions.add_parser(
        "public-key", help="write a chapter's public key (PEM), to check its certificates"
    )
    common(key)
    key.add_argument("chapter", metavar="CHAPTER", help="chapter code, e.g. co-bog")
    key.add_argument("-o", "--output", required=True, help="the .pem file to write")


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        if not 1 <= month <= 12 or year < 1900:
            raise ValueError(text)
    except ValueError as exc:
        raise BascError(
            _("A month is written YYYY-MM, e.g. 2026-06: not {text}"), text=text
        ) from exc
    return year, month


def print_pdf(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.certificate_printing import (
        certificate_ids_by_code,
        certificate_ids_issued_in,
        write_certificates_pdf,
    )

    out = out or sys.stdout
    ids = certificate_ids_by_code(ws, args.codes) if args.codes else []
    if args.month:
        year, month = _month(args.month)
        month_ids = certificate_ids_issued_in(ws, year, month)
        if not month_ids:
            raise NotFoundError(_("No certificate was issued in {month}."), month=args.month)
        ids += [i for i in month_ids if i not in set(ids)]
    if not ids:
        raise BascError(_("Name the certificates to print (their codes) or a month."))

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} of {total:,} certificates", end="", file=sys.stderr, flush=True)

    interactive = sys.stderr.isatty()
    pages = write_certificates_pdf(
        ws, ids, Path(args.output), progress=progress if interactive else None
    )
    if interactive:
        print(file=sys.stderr)
    print(f"{args.output}: {pages} page{'s' if pages != 1 else ''}", file=out)
    return 0


def export_key(ws: Workspace, args: argparse.Namespace, out: TextIO | None = None) -> int:
    from basc_desktop.services.certificate_printing import export_public_key

    out = out or sys.stdout
    if args.chapter not in ws.chapters:
        raise NotFoundError(_("There is no chapter {code}."), code=args.chapter)
    print(export_public_key(ws, args.chapter, Path(args.output)), file=out)
    return 0


HANDLERS: dict[str, Callable[[Workspace, argparse.Namespace], int]] = {
    "pdf": print_pdf,
    "public-key": export_key,
}
"""``basc certificates`` actions handled here, by action name."""
