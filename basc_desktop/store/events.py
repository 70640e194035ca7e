"""The event log: who changed what, when, with each field's old and new value."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from basc_desktop.store.base import Base, UtcDateTime, utc_now


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    user_name: Mapped[str] = mapped_column(String(120))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    """create, update, archive, restore, delete…"""
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Field name → [old, new] for updates; field name → value for creates."""
