"""Standards (BASC versions) and their requirements, loaded from ``resources/standards``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from basc_desktop.store.base import Base


class Standard(Base):
    __tablename__ = "standards"

    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    """"6", "5"…: what certificates print as the standard version."""
    title: Mapped[str] = mapped_column(String(200))
    approved_on: Mapped[date | None] = mapped_column(Date)


class Requirement(Base):
    __tablename__ = "requirements"
    __table_args__ = (UniqueConstraint("standard_version", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_version: Mapped[str] = mapped_column(ForeignKey("standards.version"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    section: Mapped[str] = mapped_column(String(200))
    title_es: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    text_es: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    business_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Codes of the business types it applies to; empty means all."""
