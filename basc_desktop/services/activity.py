"""The Activity area: every write of the event log, filtered, searched and exported.

Events name their record by type and id; the record's name (a member's legal name, a
certificate's code, "Audit 12 of ACME") and chapter are read from the record itself
for the rows shown, and the filters on chapter and text use the same joins in SQL, so
a log of any length is paged without reading it whole.  A user set up for some
chapters sees only the events of their chapters' records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, cast, false, func, or_, select

from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_date, check_page
from basc_desktop.reports.excel_writer import (
    Cancelled,
    Column,
    Progress,
    SheetSpec,
    write_workbook,
)
from basc_desktop.services.activity_forms import (
    ActivityQuery,
    ActivityRow,
)
from basc_desktop.services.activity_records import TARGETS, event_rows
from basc_desktop.services.output_files import output_file
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event

__all__ = [
    "ActivityQuery",
    "ActivityRow",
    "activity_users",
    "count_activity",
    "export_activity",
    "find_activity",
    "iter_activity",
    "record_activity",
]

BATCH = 500


def _day_start(day: date) -> datetime:
    """Midnight of ``day`` on this PC's clock, in UTC."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _of_records(record_type: str, ids: Select[Any]) -> ColumnElement[bool]:
    return and_(Event.record_type == record_type, Event.record_id.in_(ids))


def _in_chapters(chapters: Sequence[str]) -> ColumnElement[bool]:
    """Events of records that belong to one of ``chapters``."""
    parts = []
    for record_type, target in TARGETS.items():
        query = target.select().subquery()
        columns = list(query.c)
        ids = select(columns[0]).where(columns[3].in_(sorted(chapters)))
        parts.append(_of_records(record_type, ids))
    return or_(*parts)


def _matching(text: str) -> ColumnElement[bool]:
    """Events whose record's name or code, or whose changes, contain every word."""
    conditions = []
    for word in text.lower().split():
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        parts: list[ColumnElement[bool]] = [func.lower(cast(Event.changes, Text)).like(pattern)]
        for record_type, target in TARGETS.items():
            query = target.select().subquery()
            columns = list(query.c)
            ids = select(columns[0]).where(func.lower(cast(columns[1], Text)).like(pattern))
            parts.append(_of_records(record_type, ids))
        conditions.append(or_(*parts))
    return and_(*conditions)


def _filtered(ws: Workspace, query: ActivityQuery) -> Select[Any]:
    statement = select(Event)
    if ws.scope is not None:
        statement = statement.where(_in_chapters(sorted(ws.scope)) if ws.scope else false())
    if query.chapter:
        statement = statement.where(_in_chapters([query.chapter]))
    if query.users:
        statement = statement.where(Event.user_name.in_(query.users))
    if query.record_types:
        statement = statement.where(Event.record_type.in_(query.record_types))
    if query.record_id is not None:
        statement = statement.where(Event.record_id == query.record_id)
    if query.actions:
        statement = statement.where(Event.action.in_(query.actions))
    if query.since is not None:
        since = check_date("since", _("From"), query.since)
        statement = statement.where(Event.occurred_at >= _day_start(since))
    if query.until is not None:
        until = check_date("until", _("Until"), query.until)
        statement = statement.where(Event.occurred_at < _day_start(until + timedelta(days=1)))
    if query.text.strip():
        statement = statement.where(_matching(query.text))
    return statement


def _newest_first(statement: Select[Any]) -> Select[Any]:
    return statement.order_by(Event.occurred_at.desc(), Event.id.desc())


def find_activity(
    ws: Workspace, query: ActivityQuery, offset: int = 0, limit: int | None = 200
) -> list[ActivityRow]:
    """One page of the events the query asks for, newest first."""
    check_page(offset, limit)
    with ws.db.reading() as session:
        statement = _newest_first(_filtered(ws, query)).offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        return event_rows(session, list(session.scalars(statement)))


def count_activity(ws: Workspace, query: ActivityQuery) -> int:
    with ws.db.reading() as session:
        inner = _filtered(ws, query).with_only_columns(Event.id).subquery()
        return session.scalar(select(func.count()).select_from(inner)) or 0


def iter_activity(
    ws: Workspace, query: ActivityQuery, batch: int = BATCH
) -> Iterator[list[ActivityRow]]:
    """Every event of the query, newest first, in batches (one short read each)."""
    after: tuple[datetime, int] | None = None
    while True:
        with ws.db.reading() as session:
            statement = _filtered(ws, query)
            if after is not None:
                at, event_id = after
                statement = statement.where(
                    or_(Event.occurred_at < at, and_(Event.occurred_at == at, Event.id < event_id))
                )
            events = list(session.scalars(_newest_first(statement).limit(batch)))
            rows = event_rows(session, events)
        if not rows:
            return
        yield rows
        if len(rows) < batch:
            return
        after = (rows[-1].at, rows[-1].id)


def record_activity(ws: Workspace, record_type: str, record_id: int) -> list[ActivityRow]:
    """One record's events, newest first: its history, for a detail panel."""
    query = ActivityQuery(record_types=(record_type,), record_id=record_id)
    return find_activity(ws, query, 0, None)


def activity_users(ws: Workspace) -> list[str]:
    """Everyone who has written to the log, for the user filter."""
    with ws.db.reading() as session:
        return sorted(session.scalars(select(Event.user_name).distinct()))


def export_activity(
    ws: Workspace,
    query: ActivityQuery,
    path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    translate: Callable[[str], str] = str,
    record_text: Callable[[Message], str] = str,
) -> int:
    """Write the events of ``query`` to the workbook ``path``; returns how many.

    ``translate`` gives labels in the reader's language (the window passes its own),
    ``record_text`` writes a record's name; both leave English as it is by default.
    """
    columns = (
        Column(translate(_("When")), "text", 17),
        Column(translate(_("User")), "text", 14),
        Column(translate(_("Record type")), "text", 16),
        Column(translate(_("Record")), "text", 36),
        Column(translate(_("Chapter")), "text", 10),
        Column(translate(_("Action")), "text", 14),
        Column(translate(_("Changes")), "text", 80),
    )
    titles = (
        translate(_("Activity")),
        translate(_("Exported on {date}")).format(date=ws.today().strftime("%d/%m/%Y")),
    )
    spec = SheetSpec(translate(_("Activity")), titles, columns)

    def values() -> Iterator[Sequence[object]]:
        for rows in iter_activity(ws, query):
            for row in rows:
                changes = "; ".join(change.text(translate(change.label)) for change in row.changes)
                yield (
                    row.when,
                    row.user,
                    translate(row.record_type_label),
                    record_text(row.record_name),
                    row.chapter or "",
                    translate(row.action_label),
                    changes,
                )

    total = count_activity(ws, query)
    return write_workbook(
        output_file(path), spec, values(), total=total, progress=progress, cancelled=cancelled
    )
