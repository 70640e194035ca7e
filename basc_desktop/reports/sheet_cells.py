"""Spreadsheet cells as the import reads them: text, dates written day first, column letters."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import from_excel

Cell = Any
"""A cell's value: text, a number, a date or datetime, a boolean, or None."""


def column_letter(index: int) -> str:
    """The letter Excel shows for the 0-based column ``index``: 0 is "A", 27 is "AB"."""
    letter: str = get_column_letter(index + 1)
    return letter


def cell_text(value: Cell) -> str:
    """A cell as text: 900123456.0 is "900123456", a date is "2025-12-31"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_LAST_EXCEL_SERIAL = 2_958_465  # 31/12/9999


def parse_date(value: Cell) -> date:
    """A date cell: an Excel date, or text written day first (31/12/2025, 31-12-25…).

    Also ISO text (2025-12-31).  Raises ValueError for anything else.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value <= _LAST_EXCEL_SERIAL:
            raise ValueError(value)
        day: datetime = from_excel(value)
        return day.date()
    text = cell_text(value).strip().split(" ")[0].split("T")[0]
    match = _ISO_DATE.fullmatch(text)
    if match is not None:
        year, month, day_of_month = (int(part) for part in match.groups())
        return date(year, month, day_of_month)
    match = _DAY_FIRST.fullmatch(text)
    if match is None:
        raise ValueError(value)
    day_of_month, month, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year += 2000 if year < 70 else 1900
    return date(year, month, day_of_month)
