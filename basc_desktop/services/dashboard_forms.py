"""What the dashboard services give out: plain, immutable values.

The Dashboard screen, the ``basc dashboard`` command and the PDF/Excel reports read
these; :mod:`basc_desktop.services.dashboard` makes them.  What each figure counts is
written in that module's docstring.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from basc_desktop.domain.text import translatable as _

__all__ = [
    "COMPANY_FIGURES",
    "FIGURE_RECORDS",
    "CountedRecords",
    "DashboardFigures",
    "ExpiryMonth",
    "Figure",
    "FigureLine",
    "RecordKind",
]


class Figure(StrEnum):
    """One number of the dashboard, for a chapter, a country or everything."""

    MEMBERS = "members"
    CERTIFIED = "certified"
    EXPIRING_30 = "expiring_30"
    EXPIRING_60 = "expiring_60"
    EXPIRING_90 = "expiring_90"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    OPEN_ACTIONS = "open_actions"
    OVERDUE_ACTIONS = "overdue_actions"
    AUDITS_THIS_MONTH = "audits_this_month"

    @property
    def label(self) -> str:
        """The column heading, in English, marked for translation."""
        return _FIGURE_LABELS[self]

    @property
    def days(self) -> int | None:
        """30, 60 or 90 for the expiring figures; None for the others."""
        return _EXPIRING_DAYS.get(self)


_FIGURE_LABELS: dict[Figure, str] = {
    Figure.MEMBERS: _("Members"),
    Figure.CERTIFIED: _("Certified"),
    Figure.EXPIRING_30: _("Expiring in 30 days"),
    Figure.EXPIRING_60: _("Expiring in 60 days"),
    Figure.EXPIRING_90: _("Expiring in 90 days"),
    Figure.EXPIRED: _("Expired"),
    Figure.SUSPENDED: _("Suspended"),
    Figure.WITHDRAWN: _("Withdrawn"),
    Figure.OPEN_ACTIONS: _("Open corrective actions"),
    Figure.OVERDUE_ACTIONS: _("Overdue corrective actions"),
    Figure.AUDITS_THIS_MONTH: _("Audits planned this month"),
}

_EXPIRING_DAYS: dict[Figure, int] = {
    Figure.EXPIRING_30: 30,
    Figure.EXPIRING_60: 60,
    Figure.EXPIRING_90: 90,
}


class RecordKind(StrEnum):
    """The list a figure opens when clicked: whose ids :class:`CountedRecords` holds."""

    MEMBERS = "members"
    CERTIFICATES = "certificates"
    ACTIONS = "actions"
    AUDITS = "audits"


COMPANY_FIGURES: tuple[Figure, ...] = (
    Figure.MEMBERS,
    Figure.CERTIFIED,
    Figure.EXPIRING_30,
    Figure.EXPIRING_60,
    Figure.EXPIRING_90,
    Figure.EXPIRED,
    Figure.SUSPENDED,
    Figure.WITHDRAWN,
)
"""The figures that count members (companies)."""

FIGURE_RECORDS: dict[Figure, RecordKind] = {
    **dict.fromkeys(COMPANY_FIGURES, RecordKind.MEMBERS),
    Figure.OPEN_ACTIONS: RecordKind.ACTIONS,
    Figure.OVERDUE_ACTIONS: RecordKind.ACTIONS,
    Figure.AUDITS_THIS_MONTH: RecordKind.AUDITS,
}
"""What a click on each figure opens."""


@dataclass(frozen=True)
class FigureLine:
    """The figures of one chapter, of one country (``chapter`` None) or of everything."""

    country: str
    """ISO alpha-2 code; "" for the grand total."""
    chapter: str | None
    """The chapter code; None for a country's total line and for the grand total."""
    values: Mapping[Figure, int] = field(default_factory=dict)
    """Every :class:`Figure`, zeros included."""

    def __getitem__(self, figure: Figure) -> int:
        return self.values.get(figure, 0)

    @property
    def is_total(self) -> bool:
        return self.chapter is None


@dataclass(frozen=True)
class ExpiryMonth:
    """One bar of the expiries chart: certificates in force that expire in one month."""

    month: date
    """The first day of the month."""
    count: int
    by_country: Mapping[str, int] = field(default_factory=dict)
    """ISO alpha-2 code → count; every country of the dashboard, zeros included."""


@dataclass(frozen=True)
class DashboardFigures:
    """The whole dashboard as it was on ``on`` (asked on ``today``)."""

    on: date
    today: date
    countries: list[FigureLine]
    """One total line per country that has a visible chapter, by country code."""
    chapters: list[FigureLine]
    """One line per visible chapter, by country then chapter code."""
    total: FigureLine
    """Everything the user may see."""
    expiries: list[ExpiryMonth]
    """12 months, starting with ``on``'s month."""

    def chapters_of(self, country: str) -> list[FigureLine]:
        """The chapter lines of one country, in order."""
        return [line for line in self.chapters if line.country == country]

    def country(self, code: str) -> FigureLine:
        """The total line of one country; KeyError if it is not on the dashboard."""
        for line in self.countries:
            if line.country == code:
                return line
        raise KeyError(code)

    def chapter(self, code: str) -> FigureLine:
        """The line of one chapter; KeyError if it is not on the dashboard."""
        for line in self.chapters:
            if line.chapter == code:
                return line
        raise KeyError(code)

    @property
    def is_past(self) -> bool:
        """Whether the dashboard shows a past date rather than today."""
        return self.on < self.today


@dataclass(frozen=True)
class CountedRecords:
    """Exactly the records one number counts: ``len(ids)`` is the number."""

    kind: RecordKind
    ids: list[int]
    """Company ids (MEMBERS), certificate ids, corrective action ids or audit ids,
    ascending."""
