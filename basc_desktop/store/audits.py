"""Audits, their findings, and the corrective actions that follow them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from basc_desktop.domain.vocabulary import ActionState, AuditKind, AuditState, Verdict
from basc_desktop.store.base import Base, UtcDateTime, utc_now
from basc_desktop.store.columns import code_enum


class Auditor(Base):
    """An auditor approved by WBO."""

    __tablename__ = "auditors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    chapter_code: Mapped[str | None] = mapped_column(ForeignKey("chapters.code"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


audit_team = Table(
    "audit_team",
    Base.metadata,
    Column("audit_id", ForeignKey("audits.id", ondelete="CASCADE"), primary_key=True),
    Column("auditor_id", ForeignKey("auditors.id"), primary_key=True),
)


class Audit(Base):
    __tablename__ = "audits"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    standard_version: Mapped[str] = mapped_column(ForeignKey("standards.version"))
    kind: Mapped[AuditKind] = mapped_column(code_enum(AuditKind, "audit_kind"))
    state: Mapped[AuditState] = mapped_column(
        code_enum(AuditState, "audit_state"), default=AuditState.PLANNED
    )
    planned_on: Mapped[date] = mapped_column(Date, index=True)
    started_on: Mapped[date | None] = mapped_column(Date)
    finished_on: Mapped[date | None] = mapped_column(Date)
    lead_auditor_id: Mapped[int | None] = mapped_column(ForeignKey("auditors.id"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, default=1)

    team: Mapped[list[Auditor]] = relationship(secondary=audit_team)
    findings: Mapped[list[Finding]] = relationship(
        back_populates="audit", cascade="all, delete-orphan", order_by="Finding.id"
    )

    __mapper_args__ = {"version_id_col": version}


class Finding(Base):
    """The verdict on one requirement in one audit."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("audit_id", "requirement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    requirement_id: Mapped[int] = mapped_column(ForeignKey("requirements.id"), index=True)
    verdict: Mapped[Verdict | None] = mapped_column(code_enum(Verdict, "verdict"))
    """None until the auditor judges the requirement."""
    evidence: Mapped[str] = mapped_column(Text, default="")
    judged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    audit: Mapped[Audit] = relationship(back_populates="findings")
    corrective_action: Mapped[CorrectiveAction | None] = relationship(
        back_populates="finding", cascade="all, delete-orphan"
    )


class CorrectiveAction(Base):
    __tablename__ = "corrective_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), unique=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[ActionState] = mapped_column(
        code_enum(ActionState, "action_state"), default=ActionState.OPEN
    )
    submitted_on: Mapped[date | None] = mapped_column(Date)
    verified_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closure_note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    finding: Mapped[Finding] = relationship(back_populates="corrective_action")

    __mapper_args__ = {"version_id_col": version}
