"""Recording every write in the event log, in the same transaction as the write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from basc_desktop.domain.errors import StaleRecordError
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def record_event(
    session: Session,
    user: str,
    record_type: str,
    record_id: int,
    action: str,
    changes: dict[str, Any] | None = None,
) -> None:
    plain = {
        key: [_plain(v) for v in value] if isinstance(value, tuple) else _plain(value)
        for key, value in (changes or {}).items()
    }
    session.add(
        Event(
            user_name=user,
            record_type=record_type,
            record_id=record_id,
            action=action,
            changes=plain,
        )
    )


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Field → (old, new) for every field whose value changed."""
    return {k: (before.get(k), v) for k, v in after.items() if before.get(k) != v}


@dataclass(frozen=True)
class LastChange:
    """Who saved a record last, and when (UTC)."""

    user: str
    occurred_at: datetime


def last_change(session: Session, record_type: str, record_id: int) -> LastChange | None:
    """The newest event of the record, or None when the log has none."""
    row = session.execute(
        select(Event.user_name, Event.occurred_at)
        .where(Event.record_type == record_type, Event.record_id == record_id)
        .order_by(Event.occurred_at.desc(), Event.id.desc())
        .limit(1)
    ).first()
    return LastChange(row.user_name, row.occurred_at) if row is not None else None


def change_time(at: datetime, now: datetime | None = None) -> str:
    """When a change was made, in local time: "10:42" today, "28/11/2026 10:42" before."""
    local = at.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%d/%m/%Y %H:%M")


def stale_error(
    session: Session, record_type: str, record_id: int, record: str | Message
) -> StaleRecordError:
    """The refusal of a stale save, naming who changed ``record`` and when.

    ``record`` is how the coordinator knows it: a member's name, "Audit 12"…
    """
    last = last_change(session, record_type, record_id)
    if last is None:
        return StaleRecordError(
            _("{record} was changed by someone else since you opened it. Reload to see it."),
            record=record,
        )
    return StaleRecordError(
        _("{record} was changed by {user} at {time} since you opened it. Reload to see it."),
        record=record,
        user=last.user,
        time=change_time(last.occurred_at),
    )


def stale_error_after_rollback(
    ws: Workspace, record_type: str, record_id: int, record: str | Message
) -> StaleRecordError:
    """:func:`stale_error` for a save whose transaction was already rolled back."""
    with ws.db.reading() as session:
        return stale_error(session, record_type, record_id, record)


def flush_or_stale(
    session: Session, ws: Workspace, record_type: str, record_id: int, record: str | Message
) -> None:
    """Write the pending changes; a save overtaken meanwhile (the version counter moved
    between our read and our write, on a shared database) is refused as stale."""
    try:
        session.flush()
    except StaleDataError:
        raise stale_error_after_rollback(ws, record_type, record_id, record) from None
