"""Chapters and member companies, with their contacts and related certifications."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from basc_desktop.domain.vocabulary import BusinessType, RelatedProgram
from basc_desktop.store.base import Base, UtcDateTime, utc_now
from basc_desktop.store.columns import code_enum


class ChapterRow(Base):
    """A chapter known to this database; its settings live in ``chapters/<code>.toml``."""

    __tablename__ = "chapters"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2))


class Company(Base):
    """A member company (or an applicant) of one chapter."""

    __tablename__ = "companies"
    __table_args__ = (
        UniqueConstraint("country", "tax_id"),
        UniqueConstraint("chapter_code", "member_number"),
        Index("ix_companies_legal_name", "legal_name"),
        # Sorting the list by a column many members share keeps each group alphabetical.
        Index("ix_companies_country_sort_name", "country", "sort_name", "id"),
        Index("ix_companies_chapter_sort_name", "chapter_code", "sort_name", "id"),
        Index("ix_companies_business_type_sort_name", "business_type", "sort_name", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_code: Mapped[str] = mapped_column(ForeignKey("chapters.code"), index=True)
    member_number: Mapped[int] = mapped_column(Integer)
    """The company's number in its chapter: the 5 digits of its certificate codes."""
    legal_name: Mapped[str] = mapped_column(String(300))
    trade_name: Mapped[str] = mapped_column(String(300), default="")
    tax_id: Mapped[str] = mapped_column(String(40))
    """Normalised (compact) form; unique within the country."""
    country: Mapped[str] = mapped_column(String(2))
    business_type: Mapped[BusinessType] = mapped_column(code_enum(BusinessType, "business_type"))
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    website: Mapped[str] = mapped_column(String(254), default="")
    membership_start: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_on: Mapped[date | None] = mapped_column(Date)
    sort_name: Mapped[str] = mapped_column(String(300), default="", index=True)
    """The legal name folded (no case, no accents), so "del Caribe" sorts after "Díaz"."""
    search_text: Mapped[str] = mapped_column(Text, default="")
    """Names, tax ID and city folded to lowercase without accents, for searching."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    # --- standing: derived from the records by ``store.standing.refresh_standing`` -------
    # Kept so the list can filter and sort by status, certificate and next audit in SQL.
    # Never typed in, never set through the ORM (that would bump ``version``).
    applied_on: Mapped[date | None] = mapped_column(Date)
    """Earliest application opened."""
    admitted_on: Mapped[date | None] = mapped_column(Date)
    """Earliest admission decided by the committee."""
    certificate_code: Mapped[str | None] = mapped_column(String(40), index=True)
    """The certificate that counts today (the latest issued); None without one."""
    certificate_issued_on: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, index=True)
    """Expiry (first day no longer valid) of the certificate that counts."""
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    """When the certificate that counts was withdrawn, if it was."""
    suspended_on: Mapped[date | None] = mapped_column(Date)
    """Start of the suspension in force on the certificate that counts, if any."""
    next_audit_on: Mapped[date | None] = mapped_column(Date, index=True)
    """Earliest planned date of the audits still planned (even if that date has passed)."""

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="Contact.id"
    )
    related_certifications: Mapped[list[RelatedCertification]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="RelatedCertification.id"
    )

    __mapper_args__ = {"version_id_col": version}


class Contact(Base):
    """A person at a member company."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")

    company: Mapped[Company] = relationship(back_populates="contacts")


class RelatedCertification(Base):
    """Another program the company holds: C-TPAT, AEO/OEA, ISO 28000."""

    __tablename__ = "related_certifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    program: Mapped[RelatedProgram] = mapped_column(code_enum(RelatedProgram, "related_program"))
    identifier: Mapped[str] = mapped_column(String(80), default="")
    authority: Mapped[str] = mapped_column(String(200), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)

    company: Mapped[Company] = relationship(back_populates="related_certifications")
