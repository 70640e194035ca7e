"""Audits: plan one, start it (which builds its checklist), report it, close it.

Each function is one thing a coordinator does and one transaction; every move is
checked by :mod:`basc_desktop.domain.audits`.  Reporting an audit turns each minor or
major nonconformity into a corrective action due by the chapter's deadlines.  The
company's standing (its next planned audit) is refreshed in the same transaction.

The list and calendar queries live in :mod:`basc_desktop.services.audit_list` and are
re-exported here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from basc_desktop.domain.audits import (
    action_due_on,
    check_audit_move,
    is_nonconformity,
    requirement_applies,
)
from basc_desktop.domain.chapter import Deadlines
from basc_desktop.domain.errors import (
    LifecycleError,
    NotFoundError,
    ValidationError,
)
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import AuditKind, AuditState
from basc_desktop.services.access import require_audit, require_member
from basc_desktop.services.audit_forms import AuditPlanInput, AuditRow
from basc_desktop.services.audit_list import (
    audits_in_month,
    count_audits,
    find_audits,
    get_audit,
    load_audit_row,
)
from basc_desktop.services.standards import in_language
from basc_desktop.services.trail import diff, flush_or_stale, record_event, stale_error
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, Auditor, CorrectiveAction, Finding
from basc_desktop.store.members import Company
from basc_desktop.store.standards import Requirement, Standard
from basc_desktop.store.standing import refresh_standing

__all__ = [
    "audits_in_month",
    "chapter_deadlines",
    "close_audit",
    "count_audits",
    "find_audits",
    "get_audit",
    "load_audit",
    "plan_audit",
    "report_audit",
    "start_audit",
    "update_audit_plan",
]

RECORD_TYPE = "audit"
ACTION_RECORD_TYPE = "corrective_action"


def load_audit(session: Session, audit_id: int) -> Audit:
    audit = session.get(Audit, audit_id)
    if audit is None:
        raise NotFoundError(_("Audit {id} does not exist."), id=audit_id)
    return audit


def _company(session: Session, company_id: int) -> Company:
    company = session.get(Company, company_id)
    if company is None:
        raise NotFoundError(_("Member {id} does not exist."), id=company_id)
    return company


def chapter_deadlines(ws: Workspace, chapter_code: str) -> Deadlines:
    """The chapter's days to close a corrective action (the defaults if it has no file)."""
    if chapter_code in ws.chapters:
        return ws.chapters.get(chapter_code).deadlines
    return Deadlines()


def _auditor(session: Session, auditor_id: int, field: str, label: str) -> Auditor:
    auditor = session.get(Auditor, auditor_id)
    if auditor is None:
        raise ValidationError(
            field, _("There is no auditor number {id}."), label=label, id=auditor_id
        )
    if not auditor.active:
        raise ValidationError(
            field, _("{name} is no longer an active auditor."), label=label, name=auditor.name
        )
    return auditor


def _clean_plan(session: Session, data: AuditPlanInput) -> dict[str, Any]:
    """The checked fields of a plan; ValidationError (or NotFoundError) on the first bad one."""
    _company(session, data.company_id)
    try:
        kind = AuditKind(data.kind)
    except ValueError:
        raise ValidationError(
            "kind", _("“{value}” is not a kind of audit."), label=_("Kind"), value=data.kind
        ) from None
    if session.get(Standard, data.standard_version) is None:
        raise ValidationError(
            "standard_version",
            _("There is no BASC standard version '{version}'."),
            label=_("Standard"),
            version=data.standard_version,
        )
    if not isinstance(data.planned_on, date):
        raise ValidationError("planned_on", _("{label} is required."), label=_("Planned date"))
    lead = None
    if data.lead_auditor_id is not None:
        lead = _auditor(session, data.lead_auditor_id, "lead_auditor_id", _("Lead auditor"))
    team: list[Auditor] = []
    for auditor_id in dict.fromkeys(data.team_ids):
        if auditor_id != data.lead_auditor_id:
            team.append(_auditor(session, auditor_id, "team_ids", _("Team")))
    return {
        "company_id": data.company_id,
        "kind": kind,
        "standard_version": data.standard_version,
        "planned_on": data.planned_on,
        "lead_auditor_id": lead.id if lead else None,
        "team": team,
        "summary": (data.summary or "").strip(),
    }


def _plain_fields(fields: dict[str, Any]) -> dict[str, Any]:
    plain = {k: v for k, v in fields.items() if k != "team"}
    plain["team_ids"] = tuple(a.id for a in fields["team"])
    return plain


def plan_audit(ws: Workspace, data: AuditPlanInput) -> AuditRow:
    """Put an audit of a member on the calendar."""
    with ws.db.transaction() as session:
        require_member(ws, session, data.company_id)
        fields = _clean_plan(session, data)
        audit = Audit(**fields, state=AuditState.PLANNED)
        session.add(audit)
        session.flush()
        record_event(session, ws.user, RECORD_TYPE, audit.id, "plan", _plain_fields(fields))
        refresh_standing(session, [audit.company_id])
        return load_audit_row(session, audit.id)


def update_audit_plan(
    ws: Workspace, audit_id: int, data: AuditPlanInput, *, expected_version: int
) -> AuditRow:
    """Change a planned audit (date, kind, auditors…); refused once it has started."""
    with ws.db.transaction() as session:
        require_audit(ws, session, audit_id)
        require_member(ws, session, data.company_id)
        audit = load_audit(session, audit_id)
        if audit.version != expected_version:
            record = Message(_("Audit {id}"), {"id": audit_id})
            raise stale_error(session, RECORD_TYPE, audit_id, record)
        if audit.state != AuditState.PLANNED:
            raise LifecycleError(
                _("Only a planned audit can be re-planned; this one is “{state}”."),
                state=audit.state.label,
            )
        fields = _clean_plan(session, data)
        before = _plain_fields({k: getattr(audit, k) for k in fields})
        changes = diff(before, _plain_fields(fields))
        if changes:
            old_company = audit.company_id
            for key, value in fields.items():
                setattr(audit, key, value)
            flag_modified(audit, "summary")  # a change of team alone must bump the version too
            flush_or_stale(
                session, ws, RECORD_TYPE, audit_id, Message(_("Audit {id}"), {"id": audit_id})
            )
            record_event(session, ws.user, RECORD_TYPE, audit.id, "update", changes)
            refresh_standing(session, {old_company, audit.company_id})
        return load_audit_row(session, audit.id)


def start_audit(ws: Workspace, audit_id: int, *, on: date | None = None) -> AuditRow:
    """Begin a planned audit: its checklist gets one unjudged finding per requirement.

    The requirements are those of the audit's standard that apply to the company's
    business type, in catalogue order.
    """
    with ws.db.transaction() as session:
        require_audit(ws, session, audit_id)
        audit = load_audit(session, audit_id)
        check_audit_move(audit.state, AuditState.IN_PROGRESS)
        company = _company(session, audit.company_id)
        requirements = session.execute(
            select(Requirement.id, Requirement.business_types)
            .where(Requirement.standard_version == audit.standard_version)
            .order_by(Requirement.position, Requirement.id)
        ).all()
        applicable = [
            r.id
            for r in requirements
            if requirement_applies(r.business_types or [], company.business_type)
        ]
        session.add_all(Finding(audit_id=audit.id, requirement_id=rid) for rid in applicable)
        audit.state = AuditState.IN_PROGRESS
        audit.started_on = on or ws.today()
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            audit.id,
            "start",
            {
                "state": (AuditState.PLANNED, AuditState.IN_PROGRESS),
                "started_on": (None, audit.started_on),
                "requirements": len(applicable),
            },
        )
        refresh_standing(session, [audit.company_id])
        return load_audit_row(session, audit.id)


def report_audit(ws: Workspace, audit_id: int, *, on: date | None = None) -> AuditRow:
    """Report an audit whose every requirement is judged.

    Each minor or major nonconformity gets a corrective action: its description is the
    auditor's evidence note (or the requirement's title), its owner is left for the
    company to name, and it is due by the chapter's deadline counted from the report.
    """
    with ws.db.transaction() as session:
        require_audit(ws, session, audit_id)
        audit = session.scalar(
            select(Audit)
            .where(Audit.id == audit_id)
            .options(selectinload(Audit.findings).selectinload(Finding.corrective_action))
        )
        if audit is None:
            raise NotFoundError(_("Audit {id} does not exist."), id=audit_id)
        check_audit_move(audit.state, AuditState.REPORTED)
        unjudged = sum(1 for f in audit.findings if f.verdict is None)
        if unjudged:
            raise LifecycleError(
                _(
                    "The audit cannot be reported: {count} of {total} requirements "
                    "are not judged yet."
                ),
                count=unjudged,
                total=len(audit.findings),
            )
        company = _company(session, audit.company_id)
        reported_on = on or ws.today()
        deadlines = chapter_deadlines(ws, company.chapter_code)
        language = (
            ws.chapters.get(company.chapter_code).language
            if company.chapter_code in ws.chapters
            else "es"
        )
        nonconformities = [
            f for f in audit.findings if is_nonconformity(f.verdict) and f.corrective_action is None
        ]
        titles = {
            rid: in_language(language, es, en)
            for rid, es, en in session.execute(
                select(Requirement.id, Requirement.title_es, Requirement.title_en).where(
                    Requirement.id.in_([f.requirement_id for f in nonconformities])
                )
            )
        }
        audit.state = AuditState.REPORTED
        audit.finished_on = reported_on
        session.flush()
        for finding in nonconformities:
            assert finding.verdict is not None
            action = CorrectiveAction(
                finding_id=finding.id,
                description=finding.evidence.strip() or titles[finding.requirement_id],
                owner="",
                due_on=action_due_on(finding.verdict, reported_on, deadlines),
            )
            session.add(action)
            session.flush()
            record_event(
                session,
                ws.user,
                ACTION_RECORD_TYPE,
                action.id,
                "create",
                {"finding_id": finding.id, "severity": finding.verdict, "due_on": action.due_on},
            )
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            audit.id,
            "report",
            {
                "state": (AuditState.IN_PROGRESS, AuditState.REPORTED),
                "finished_on": (None, reported_on),
                "corrective_actions": len(nonconformities),
            },
        )
        refresh_standing(session, [audit.company_id])
        return load_audit_row(session, audit.id)


def close_audit(ws: Workspace, audit_id: int, *, on: date | None = None) -> AuditRow:
    """Close a reported audit: nothing more is recorded on it.

    Its corrective actions carry on: a follow-up audit verifies them.
    """
    with ws.db.transaction() as session:
        require_audit(ws, session, audit_id)
        audit = load_audit(session, audit_id)
        check_audit_move(audit.state, AuditState.CLOSED)
        audit.state = AuditState.CLOSED
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            audit.id,
            "close",
            {"state": (AuditState.REPORTED, AuditState.CLOSED), "closed_on": on or ws.today()},
        )
        refresh_standing(session, [audit.company_id])
        return load_audit_row(session, audit.id)
