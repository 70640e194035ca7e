"""The certification committee at work: putting applications on a session's agenda, deciding.

Ready (or postponed) applications go on the agenda of a session of their chapter; the
committee then admits, rejects or postpones each.  Admission starts the company's time
in process: its audit deadline is the session's date plus the chapter's months.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.domain.admissions import audit_deadline, check_decision, check_may_schedule
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import strip_controls
from basc_desktop.domain.vocabulary import ApplicationDecision
from basc_desktop.services.access import require_application, require_chapter
from basc_desktop.services.admission_forms import (
    ApplicationRow,
    CommitteeSessionRow,
)
from basc_desktop.services.admission_list import (
    check_version,
    current_state,
    load_application,
    load_application_row,
    missing_titles,
)
from basc_desktop.services.admission_sessions import session_row
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application, CommitteeDecision, CommitteeSession
from basc_desktop.store.members import ChapterRow, Company
from basc_desktop.store.standing import refresh_standing

__all__ = [
    "decide_application",
    "plan_committee_session",
    "remove_from_committee_session",
]

RECORD_TYPE = "application"
SESSION_RECORD_TYPE = "committee_session"
MAX_REASON = 2000


def _company(session: Session, company_id: int) -> Company:
    company = session.get(Company, company_id)
    assert company is not None  # an application's company is deleted with it
    return company


def plan_committee_session(
    ws: Workspace,
    chapter_code: str,
    held_on: date,
    members_present: str,
    application_ids: Sequence[int],
    *,
    notes: str | None = None,
) -> CommitteeSessionRow:
    """Put applications on the agenda of the chapter's session of ``held_on``.

    A chapter's session of a date is one session: planning it again adds to its agenda
    (and replaces who is present when given; with no applications it only does that).
    Applications already waiting on this agenda are left as they are; each other one
    must belong to the chapter and be ready or postponed, otherwise nothing is written.
    """
    members_present = strip_controls(members_present).strip()
    notes = None if notes is None else strip_controls(notes, keep=frozenset("\n"))
    with ws.db.transaction() as session:
        if session.get(ChapterRow, chapter_code) is None:
            raise ValidationError(
                "chapter_code",
                _("There is no chapter '{code}'."),
                label=_("Chapter"),
                code=chapter_code,
            )
        require_chapter(ws, chapter_code)
        if not isinstance(held_on, date):
            raise ValidationError("held_on", _("{label} is required."), label=_("Session date"))
        committee = session.scalar(
            select(CommitteeSession)
            .where(
                CommitteeSession.chapter_code == chapter_code, CommitteeSession.held_on == held_on
            )
            .order_by(CommitteeSession.id)
            .limit(1)
        )
        if committee is None:
            committee = CommitteeSession(
                chapter_code=chapter_code,
                held_on=held_on,
                members_present=members_present,
                notes=(notes or "").strip(),
            )
            session.add(committee)
            session.flush()
            record_event(
                session,
                ws.user,
                SESSION_RECORD_TYPE,
                committee.id,
                "plan",
                {
                    "chapter_code": chapter_code,
                    "held_on": held_on,
                    "members_present": members_present,
                },
            )
        else:
            changes: dict[str, object] = {}
            if members_present and members_present != committee.members_present:
                changes["members_present"] = (committee.members_present, members_present)
                committee.members_present = members_present
            if notes is not None and notes.strip() != committee.notes:
                changes["notes"] = (committee.notes, notes.strip())
                committee.notes = notes.strip()
            if changes:
                record_event(session, ws.user, SESSION_RECORD_TYPE, committee.id, "update", changes)
        touched = []
        for application_id in dict.fromkeys(application_ids):
            application = load_application(session, application_id)
            company = _company(session, application.company_id)
            if company.chapter_code != chapter_code:
                raise ValidationError(
                    "application_ids",
                    _("{company} belongs to chapter {chapter}, not to {session_chapter}."),
                    label=_("Applications"),
                    company=company.legal_name,
                    chapter=company.chapter_code,
                    session_chapter=chapter_code,
                )
            if application.committee_session_id == committee.id and application.decision is None:
                continue  # already waiting on this agenda
            check_may_schedule(
                current_state(application),
                company.legal_name,
                missing_titles(ws, application, chapter_code),
            )
            _put_on_agenda(ws, session, application, committee)
            touched.append(application.company_id)
        session.flush()
        refresh_standing(session, touched)
        return session_row(session, committee)


def _put_on_agenda(
    ws: Workspace, session: Session, application: Application, committee: CommitteeSession
) -> None:
    before = (application.decision, application.committee_session_id)
    line = session.scalar(
        select(CommitteeDecision).where(
            CommitteeDecision.committee_session_id == committee.id,
            CommitteeDecision.application_id == application.id,
        )
    )
    if line is None:
        session.add(
            CommitteeDecision(committee_session_id=committee.id, application_id=application.id)
        )
    else:  # postponed at this very session and heard again: a fresh line
        line.decision, line.reason = None, ""
    application.committee_session_id = committee.id
    application.decision = None
    application.decision_reason = ""
    application.decided_on = None
    session.flush()
    record_event(
        session,
        ws.user,
        RECORD_TYPE,
        application.id,
        "schedule",
        {
            "committee_session_id": (before[1], committee.id),
            "committee_on": committee.held_on,
            "decision": (before[0], None),
        },
    )


def remove_from_committee_session(
    ws: Workspace, application_id: int, *, expected_version: int | None = None
) -> ApplicationRow:
    """Take an application the committee has not decided on off its session's agenda."""
    with ws.db.transaction() as session:
        require_application(ws, session, application_id)
        application = load_application(session, application_id)
        check_version(application, expected_version)
        if application.committee_session_id is None or application.decision is not None:
            raise ValidationError(
                "committee_session_id",
                _("Only an application waiting on a committee agenda can be taken off it."),
                label=_("Committee session"),
            )
        old = application.committee_session_id
        line = session.scalar(
            select(CommitteeDecision).where(
                CommitteeDecision.committee_session_id == old,
                CommitteeDecision.application_id == application.id,
            )
        )
        if line is not None:
            session.delete(line)
        previous = session.scalar(
            select(CommitteeDecision)
            .join(CommitteeSession, CommitteeSession.id == CommitteeDecision.committee_session_id)
            .where(
                CommitteeDecision.application_id == application.id,
                CommitteeDecision.committee_session_id != old,
            )
            .order_by(CommitteeSession.held_on.desc(), CommitteeDecision.id.desc())
            .limit(1)
        )
        # Back to where it stood: postponed at an earlier session, or not heard yet.
        application.committee_session_id = previous.committee_session_id if previous else None
        application.decision = previous.decision if previous else None
        application.decision_reason = previous.reason if previous else ""
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            application.id,
            "unschedule",
            {"committee_session_id": (old, application.committee_session_id)},
        )
        refresh_standing(session, [application.company_id])
        return load_application_row(session, application.id, ws.today())


def decide_application(
    ws: Workspace,
    application_id: int,
    decision: ApplicationDecision,
    *,
    reason: str = "",
    on: date | None = None,
    expected_version: int | None = None,
) -> ApplicationRow:
    """Record the committee's decision on an application on its agenda.

    ``on`` defaults to the session's date and may not be after today.  Admission sets
    the audit deadline (``on`` + the chapter's months in process) and so moves the
    company's status from applicant to in process from that day.
    """
    reason = (reason or "").strip()
    with ws.db.transaction() as session:
        require_application(ws, session, application_id)
        application = load_application(session, application_id)
        check_version(application, expected_version)
        company = _company(session, application.company_id)
        try:
            decision = ApplicationDecision(decision)
        except ValueError:
            raise ValidationError(
                "decision",
                _("“{value}” is not a committee decision."),
                label=_("Decision"),
                value=decision,
            ) from None
        check_decision(
            decision,
            reason,
            state=current_state(application),
            missing_titles=missing_titles(ws, application, company.chapter_code),
        )
        if len(reason) > MAX_REASON:
            raise ValidationError(
                "reason",
                _("{label} can have at most {max} characters."),
                label=_("Reason"),
                max=MAX_REASON,
            )
        committee = session.get(CommitteeSession, application.committee_session_id)
        assert committee is not None
        decided_on = on or committee.held_on
        if decided_on > ws.today():
            raise ValidationError(
                "decided_on",
                _("The committee session of {date} has not been held yet: decide on it then."),
                label=_("Decision date"),
                date=decided_on,
            )
        if decided_on < application.opened_on:
            raise ValidationError(
                "decided_on",
                _("A decision cannot come before the application was opened ({date})."),
                label=_("Decision date"),
                date=application.opened_on,
            )
        months = (
            ws.chapters.get(company.chapter_code).months_in_process
            if company.chapter_code in ws.chapters
            else 9
        )
        deadline = (
            audit_deadline(decided_on, months) if decision is ApplicationDecision.ADMITTED else None
        )
        application.decision = decision
        application.decision_reason = reason
        application.decided_on = decided_on
        application.audit_deadline = deadline
        line = session.scalar(
            select(CommitteeDecision).where(
                CommitteeDecision.committee_session_id == committee.id,
                CommitteeDecision.application_id == application.id,
            )
        )
        if line is None:
            line = CommitteeDecision(
                committee_session_id=committee.id, application_id=application.id
            )
            session.add(line)
        line.decision, line.reason = decision, reason
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            application.id,
            "decide",
            {
                "decision": (None, decision),
                "reason": reason,
                "decided_on": decided_on,
                "audit_deadline": deadline,
                "committee_session_id": committee.id,
            },
        )
        refresh_standing(session, [application.company_id])
        return load_application_row(session, application.id, ws.today())
