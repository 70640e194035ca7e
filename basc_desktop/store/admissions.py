"""Admission of applicants: applications, their documents and committee sessions.

An application is on the agenda of at most one committee session at a time
(``Application.committee_session_id``, with its latest ``decision``); every session
that heard it keeps a :class:`CommitteeDecision` line, so the minutes of a session in
which it was postponed still show it after it goes to a later one.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from basc_desktop.domain.vocabulary import ApplicationDecision, DocumentState
from basc_desktop.store.base import Base
from basc_desktop.store.columns import code_enum


class CommitteeSession(Base):
    """A monthly meeting of a chapter's certification committee."""

    __tablename__ = "committee_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    chapter_code: Mapped[str] = mapped_column(ForeignKey("chapters.code"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    members_present: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Application(Base):
    """A company's application for admission to its chapter."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    opened_on: Mapped[date] = mapped_column(Date, index=True)
    committee_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("committee_sessions.id"), index=True
    )
    decision: Mapped[ApplicationDecision | None] = mapped_column(
        code_enum(ApplicationDecision, "application_decision")
    )
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    welcome_letter_on: Mapped[date | None] = mapped_column(Date)
    audit_deadline: Mapped[date | None] = mapped_column(Date, index=True)
    """Last day to ask for the certification audit (admission + the chapter's months)."""
    version: Mapped[int] = mapped_column(Integer, default=1)

    documents: Mapped[list[ApplicationDocument]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="ApplicationDocument.id",
    )

    __mapper_args__ = {"version_id_col": version}


class ApplicationDocument(Base):
    """One item of the chapter's admission checklist, for one application."""

    __tablename__ = "application_documents"
    __table_args__ = (UniqueConstraint("application_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[str] = mapped_column(String(80))
    """The ``id`` of the document in the chapter file's admission checklist."""
    state: Mapped[DocumentState] = mapped_column(
        code_enum(DocumentState, "document_state"), default=DocumentState.MISSING
    )
    received_on: Mapped[date | None] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(260), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    stored_name: Mapped[str] = mapped_column(String(260), default="")
    """The name of the kept copy in the data folder's ``attachments``; "" when none."""
    note: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="documents")


class CommitteeDecision(Base):
    """One application on one committee session's agenda, and what the committee decided."""

    __tablename__ = "committee_decisions"
    __table_args__ = (UniqueConstraint("committee_session_id", "application_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_session_id: Mapped[int] = mapped_column(
        ForeignKey("committee_sessions.id", ondelete="CASCADE"), index=True
    )
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[ApplicationDecision | None] = mapped_column(
        code_enum(ApplicationDecision, "committee_decision")
    )
    """None while the application waits on the agenda."""
    reason: Mapped[str] = mapped_column(Text, default="")
