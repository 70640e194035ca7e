"""Reading committee sessions: the list, one session's agenda, the session of a date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.access import require_chapter, require_committee_session, scoped
from basc_desktop.services.admission_forms import (
    CommitteeItem,
    CommitteeSessionDetail,
    CommitteeSessionRow,
)
from basc_desktop.services.admission_list import agenda_counts
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application, CommitteeDecision, CommitteeSession
from basc_desktop.store.members import Company

__all__ = [
    "committee_sessions",
    "find_committee_session",
    "get_committee_session",
    "load_committee_session",
    "session_row",
]


def session_row(session: Session, committee: CommitteeSession) -> CommitteeSessionRow:
    total, decided = agenda_counts(session, [committee.id])[committee.id]
    return CommitteeSessionRow(
        id=committee.id,
        chapter_code=committee.chapter_code,
        held_on=committee.held_on,
        members_present=committee.members_present or "",
        applications=total,
        decided=decided,
        notes=committee.notes or "",
    )


def committee_sessions(
    ws: Workspace, chapter_code: str | None = None, *, held_from: date | None = None
) -> list[CommitteeSessionRow]:
    """The committee sessions (of a chapter, from a date), newest first."""
    with ws.db.reading() as session:
        stmt = select(CommitteeSession).order_by(
            CommitteeSession.held_on.desc(), CommitteeSession.chapter_code, CommitteeSession.id
        )
        if chapter_code is not None:
            stmt = stmt.where(CommitteeSession.chapter_code == chapter_code)
        stmt = scoped(stmt, CommitteeSession.chapter_code, ws)
        if held_from is not None:
            stmt = stmt.where(CommitteeSession.held_on >= held_from)
        found = session.scalars(stmt).all()
        counts = agenda_counts(session, [c.id for c in found])
        return [
            CommitteeSessionRow(
                id=c.id,
                chapter_code=c.chapter_code,
                held_on=c.held_on,
                members_present=c.members_present or "",
                applications=counts[c.id][0],
                decided=counts[c.id][1],
                notes=c.notes or "",
            )
            for c in found
        ]


def get_committee_session(ws: Workspace, session_id: int) -> CommitteeSessionDetail:
    """A session with every application on its agenda, by company name."""
    with ws.db.reading() as session:
        require_committee_session(ws, session, session_id)
        return load_committee_session(session, session_id)


def load_committee_session(session: Session, session_id: int) -> CommitteeSessionDetail:
    committee = session.get(CommitteeSession, session_id)
    if committee is None:
        raise NotFoundError(_("Committee session {id} does not exist."), id=session_id)
    items = [
        CommitteeItem(
            application_id=app_id,
            company_id=company_id,
            company_name=name,
            tax_id=format_tax_id(country, tax_id),
            business_type=business_type,
            decision=decision,
            reason=reason or "",
        )
        for app_id, company_id, name, country, tax_id, business_type, decision, reason in (
            session.execute(
                select(
                    Application.id,
                    Company.id,
                    Company.legal_name,
                    Company.country,
                    Company.tax_id,
                    Company.business_type,
                    CommitteeDecision.decision,
                    CommitteeDecision.reason,
                )
                .join(Application, Application.id == CommitteeDecision.application_id)
                .join(Company, Company.id == Application.company_id)
                .where(CommitteeDecision.committee_session_id == session_id)
                .order_by(Company.sort_name, Application.id)
            )
        )
    ]
    return CommitteeSessionDetail(session_row(session, committee), tuple(items))


def find_committee_session(ws: Workspace, chapter_code: str, held_on: date) -> CommitteeSessionRow:
    """The chapter's committee session of ``held_on``; NotFoundError if there is none."""
    require_chapter(ws, chapter_code)
    with ws.db.reading() as session:
        committee = session.scalar(
            select(CommitteeSession)
            .where(
                CommitteeSession.chapter_code == chapter_code, CommitteeSession.held_on == held_on
            )
            .order_by(CommitteeSession.id)
            .limit(1)
        )
        if committee is None:
            raise NotFoundError(
                _("Chapter {chapter} has no committee session on {date}."),
                chapter=chapter_code,
                date=held_on,
            )
        return session_row(session, committee)
