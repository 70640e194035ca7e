"""The monthly committee sessions of every chapter, as a calendar the stories pick from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from basc_desktop.services.demo.dates import add_months

HISTORY_MONTHS = 96
"""How far back the sessions go: further than any demo story starts."""


class CommitteeCalendar:
    """One session a month per chapter, on a weekday of the month's third week.

    Sessions run from ``HISTORY_MONTHS`` before ``today`` to the month after it, so
    the calendar also shows the next session; decisions are only ever taken at
    sessions held on or before ``today``.
    """

    def __init__(self, chapter_codes: Sequence[str], today: date) -> None:
        self.today = today
        self._first = add_months(today.replace(day=1), -HISTORY_MONTHS)
        self._codes = tuple(chapter_codes)
        self._weekday = {code: 1 + i % 3 for i, code in enumerate(self._codes)}
        self._months = HISTORY_MONTHS + 2

    def held_on(self, code: str, month_start: date) -> date:
        first = month_start.replace(day=1)
        shift = (self._weekday[code] - first.weekday()) % 7
        return first + timedelta(days=shift + 14)

    def sessions(self) -> Iterator[tuple[str, date]]:
        """(chapter code, held on) of every session, month by month, chapters by code."""
        for month in range(self._months):
            start = add_months(self._first, month)
            for code in self._codes:
                yield code, self.held_on(code, start)

    def on_or_after(self, code: str, day: date) -> date:
        """The first session held on or after ``day`` (never after the last one)."""
        day = max(day, self._first)
        held = self.held_on(code, day)
        return held if held >= day else self.held_on(code, add_months(day.replace(day=1), 1))

    def on_or_before(self, code: str, day: date) -> date:
        """The last session held on or before ``day`` (never before the first one)."""
        held = self.held_on(code, day)
        if held <= day:
            return held
        return self.held_on(code, max(add_months(day.replace(day=1), -1), self._first))

    def decided_by(self, code: str, day: date) -> date:
        """The session on or after ``day``, or the last one by today if that is later."""
        return min(self.on_or_after(code, day), self.on_or_before(code, self.today))
