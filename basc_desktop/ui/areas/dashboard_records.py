"""What a click on the dashboard lists: the records behind one number, tile or bar, and
the caption that says so ("Certified in Colombia on 31/12/2025").

A :class:`RecordsRequest` is made on the GUI thread; its ``find`` runs in the
background (it reads the database) and returns exactly the records the number counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from basc_desktop.services.dashboard import counted_records, expiring_certificates
from basc_desktop.services.dashboard_forms import (
    FIGURE_RECORDS,
    CountedRecords,
    Figure,
    RecordKind,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.areas.dashboard_charts import CERTIFIED_ONLY
from basc_desktop.ui.text import country_name, format_date, translate

CONTEXT = "DashboardArea"


@dataclass(frozen=True)
class RecordsRequest:
    kind: RecordKind
    """Which list shows them (a RecordKind is also the key of its area)."""
    find: Callable[[], CountedRecords]
    caption: str


def place_name(country: str, chapter: str | None) -> str:
    """ "chapter co-bog", "Colombia" or "all countries"."""
    if chapter:
        return QCoreApplication.translate(CONTEXT, "chapter {chapter}").format(chapter=chapter)
    if country:
        return country_name(country)
    return QCoreApplication.translate(CONTEXT, "all countries")


def figure_records(
    ws: Workspace, on: date, figure: Figure, country: str = "", chapter: str | None = None
) -> RecordsRequest:
    """The records ``figure`` counts on ``on``, for a chapter, a country or everything."""
    caption = QCoreApplication.translate(CONTEXT, "{figure} in {place} on {date}").format(
        figure=translate(figure.label), place=place_name(country, chapter), date=format_date(on)
    )
    return RecordsRequest(
        FIGURE_RECORDS[figure],
        lambda: counted_records(ws, figure, on, country=country or None, chapter=chapter or None),
        caption,
    )


def segment_records(ws: Workspace, on: date, segment: str, country: str) -> RecordsRequest:
    """A stacked bar of the status chart: its members in ``country``."""
    if segment != CERTIFIED_ONLY:
        return figure_records(ws, on, Figure(segment), country)

    def certified_only() -> CountedRecords:
        certified = counted_records(ws, Figure.CERTIFIED, on, country=country)
        expiring = set(counted_records(ws, Figure.EXPIRING_90, on, country=country).ids)
        return CountedRecords(RecordKind.MEMBERS, [m for m in certified.ids if m not in expiring])

    caption = QCoreApplication.translate(
        CONTEXT, "Certified with more than 90 days left in {place} on {date}"
    ).format(place=place_name(country, None), date=format_date(on))
    return RecordsRequest(RecordKind.MEMBERS, certified_only, caption)


def month_records(ws: Workspace, on: date, month: date) -> RecordsRequest:
    """A bar of the expiries chart: the certificates in force that expire that month."""
    caption = QCoreApplication.translate(
        CONTEXT, "Certificates in force on {date} that expire in {month}"
    ).format(
        date=format_date(on),
        month=QLocale().toString(QDate(month.year, month.month, 1), "MMMM yyyy"),
    )
    return RecordsRequest(
        RecordKind.CERTIFICATES, lambda: expiring_certificates(ws, month, on), caption
    )
