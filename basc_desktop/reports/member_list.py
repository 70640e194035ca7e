"""The members list as CSV: one header row, then one row per member (for spreadsheets).

Used by ``basc members list --format csv`` and by the window's "export selected".
Columns are the list's, named by their field; dates are ISO (2026-06-15), statuses and
business types their codes (``expiring``, ``customs_agent``), empty values empty.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # reports sit below services: the row type is only named, not imported
    from basc_desktop.services.member_forms import MemberRow

MEMBER_LIST_FIELDS: tuple[str, ...] = (
    "member_number",
    "legal_name",
    "trade_name",
    "tax_id",
    "country",
    "chapter_code",
    "business_type",
    "city",
    "status",
    "certificate_code",
    "expires_on",
    "next_audit_on",
    "archived_on",
)
"""The CSV columns, in order: ``MemberRow`` attributes."""


def cell(value: object) -> str:
    """A value as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def member_record(row: MemberRow) -> dict[str, str]:
    """One member as plain text by field name (CSV cells, JSON values)."""
    return {name: cell(getattr(row, name)) for name in MEMBER_LIST_FIELDS}


def write_members_csv(rows: Iterable[MemberRow], stream: TextIO) -> int:
    """Write the header and one line per member to ``stream``; returns how many members."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(MEMBER_LIST_FIELDS)
    count = 0
    for row in rows:
        writer.writerow([cell(getattr(row, name)) for name in MEMBER_LIST_FIELDS])
        count += 1
    return count
