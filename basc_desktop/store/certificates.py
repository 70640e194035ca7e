"""Certificates and the dated history of their state changes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from basc_desktop.domain.vocabulary import BusinessType, CertificateEventKind, CertificateState
from basc_desktop.store.base import Base, UtcDateTime, utc_now
from basc_desktop.store.columns import code_enum


class Certificate(Base):
    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audits.id"), index=True)
    standard_version: Mapped[str] = mapped_column(ForeignKey("standards.version"))
    scope: Mapped[BusinessType] = mapped_column(code_enum(BusinessType, "certificate_scope"))
    site: Mapped[int] = mapped_column(Integer, default=1)
    issue_number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[CertificateState] = mapped_column(
        code_enum(CertificateState, "certificate_state"), default=CertificateState.VALID
    )
    signature: Mapped[str] = mapped_column(Text, default="")
    """Signature of the QR payload by the chapter's key (base64), once printed."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    events: Mapped[list[CertificateEvent]] = relationship(
        back_populates="certificate",
        cascade="all, delete-orphan",
        order_by="(CertificateEvent.occurred_on, CertificateEvent.id)",
    )

    __mapper_args__ = {"version_id_col": version}


class CertificateEvent(Base):
    """Issued, suspended, reinstated, withdrawn or superseded: dated, with its reason."""

    __tablename__ = "certificate_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[CertificateEventKind] = mapped_column(
        code_enum(CertificateEventKind, "certificate_event_kind")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    certificate: Mapped[Certificate] = relationship(back_populates="events")
