"""Date arithmetic for the demo: adding months, and timestamps made from dates.

Every timestamp the demo writes is made here from a date, never read from the
clock, so that the same seed and the same day give the same rows.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta

STANDARD_6_FROM = date(2022, 3, 1)
"""Certificates issued from this day rest on version 6 of the standard; before it, 5."""


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (negative: back), clamped to the end of a shorter month.

    2024-01-31 + 1 month is 2024-02-29; 2025-11-22 + 12 months is 2026-11-22.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def days(count: int) -> timedelta:
    return timedelta(days=count)


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A UTC moment on ``day``: what the demo writes into timestamp columns."""
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def standard_version(day: date) -> str:
    """The standard a certificate issued (or an audit held) on ``day`` rests on."""
    return "6" if day >= STANDARD_6_FROM else "5"


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s, in order."""
    found = []
    current = first.replace(day=1)
    while current <= last:
        found.append(current)
        current = add_months(current, 1)
    return found
