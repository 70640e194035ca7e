"""Reading the command line's option values (lists, codes, months and days), and the
register a command opens.

Shared by every ``basc`` command, so the same value is read the same way (and refused
with the same message) wherever it is typed.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from typing import TypeVar

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace

E = TypeVar("E", bound=Enum)


def split_values(given: Iterable[str]) -> list[str]:
    """Every value of a repeatable option, each of which may itself be a comma list."""
    return [part.strip() for value in given for part in value.split(",") if part.strip()]


def parse_codes(given: Iterable[str], kind: type[E]) -> tuple[E, ...]:
    """The codes of ``kind`` named in ``given`` (any case; ``-`` may stand for ``_``)."""
    found = []
    for value in split_values(given):
        try:
            found.append(kind(value.lower().replace("-", "_")))
        except ValueError:
            raise BascError(
                _("“{value}” is not one of: {choices}."),
                value=value,
                choices=", ".join(k.value for k in kind),
            ) from None
    return tuple(found)


def parse_month(text: str | None) -> date | None:
    """The first day of a month written ``YYYY-MM``; None when not given."""
    if not text:
        return None
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise BascError(_("--month must look like 2026-06; got “{value}”."), value=text) from None


def parse_day(text: str) -> date:
    """A day written ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BascError(_("--date must look like 2026-07-01; got “{value}”."), value=text) from None


@contextmanager
def command_workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The register a ``basc`` command works on, from ``--data-dir`` and ``--database-url``
    (else the settings' database), closed when the command ends."""
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
        yield ws
    finally:
        ws.db.close()
