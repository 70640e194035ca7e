"""Standards (BASC versions) and their requirements, loaded from ``resources/standards``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from basc_desktop.store.base import Base


class Standard(Base):
    __tablename__ = "standards"

    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    """"6", "5"…: what certificates print as the standard version."""
    title: Mapped[str] = mapped_column(String(200))
    """The Spanish title (what certificates print)."""
    title_en: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[date | None] = mapped_column(Date)


class Requirement(Base):
    __tablename__ = "requirements"
    __table_args__ = (UniqueConstraint("standard_version", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_version: Mapped[str] = mapped_column(ForeignKey("standards.version"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    """Where the requirement stands in its catalogue file (1, 2…): the checklist order."""
    section: Mapped[str] = mapped_column(String(200))
    """The section in Spanish."""
    section_en: Mapped[str] = mapped_column(String(200), default="")
    title_es: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    text_es: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    business_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Codes of the business types it applies to; empty means all."""
