"""Recording every write in the event log, in the same transaction as the write."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

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
