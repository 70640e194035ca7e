"""Two chapters with one of everything each, and a user set up for only one of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from basc_desktop.domain.vocabulary import AuditKind, Verdict
from basc_desktop.services.admissions import (
    get_application,
    open_application,
    plan_committee_session,
)
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.audits import report_audit, start_audit
from basc_desktop.services.checklist import checklist
from basc_desktop.services.corrective_actions import find_actions
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.members import get_member, member_input
from basc_desktop.services.users import add_user, apply_scope
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.models import Base
from tests.admission_factories import SESSION_DAY
from tests.audit_factories import auditor, member, planned
from tests.certificate_factories import certified, judged

OURS = "co-bog"
THEIRS = "co-ctg"


@dataclass(frozen=True)
class Side:
    """The records of one chapter."""

    chapter: str
    member: int
    member_data: MemberInput
    member_version: int
    tax_id: str
    certificate: int
    certificate_code: str
    certificate_audit: int
    audit: int
    """Reported, with one corrective action."""
    finding: int
    action: int
    action_version: int
    planned_audit: int
    planned_version: int
    application: int
    document: str
    committee_session: int
    auditor: int


def build_side(ws: Workspace, chapter: str, seed: int) -> Side:
    name = f"Exportadora {chapter.upper()} S.A.S."
    certified_member = member(ws, chapter=chapter, seed=seed, name=name)
    certificate = certified(ws, certified_member, on=date(2026, 6, 1))
    other = member(ws, chapter=chapter, seed=seed + 1, name=f"Transportes {chapter} S.A.S.")
    audit = planned(ws, other, on=date(2026, 6, 2))
    start_audit(ws, audit.id, on=date(2026, 6, 2))
    first = checklist(ws, audit.id)[0]
    judged(ws, audit.id, {first.requirement_code: Verdict.MINOR})
    report_audit(ws, audit.id, on=date(2026, 6, 3))
    action = find_actions(ws, ActionQuery(company_id=other))[0]
    follow_up = planned(ws, other, kind=AuditKind.FOLLOW_UP, on=date(2026, 7, 1))
    applicant = member(ws, chapter=chapter, seed=seed + 2, name=f"Depósitos {chapter} S.A.S.")
    application = open_application(ws, applicant, on=date(2026, 4, 1))
    documents = get_application(ws, application.id).documents
    committee = plan_committee_session(ws, chapter, SESSION_DAY, "Ana, Luis", [])
    detail = get_member(ws, certified_member)
    return Side(
        chapter=chapter,
        member=certified_member,
        member_data=member_input(detail),
        member_version=detail.row.version,
        tax_id=detail.row.tax_id,
        certificate=certificate.id,
        certificate_code=certificate.code,
        certificate_audit=certificate.audit_id or 0,
        audit=audit.id,
        finding=first.finding_id,
        action=action.id,
        action_version=action.version,
        planned_audit=follow_up.id,
        planned_version=follow_up.version,
        application=application.id,
        document=documents[0].document_id if documents else "rut",
        committee_session=committee.id,
        auditor=auditor(ws, f"Auditor {chapter}", chapter),
    )


@dataclass(frozen=True)
class World:
    ours: Side
    theirs: Side
    shared_auditor: int


def build_world(ws: Workspace) -> World:
    """Both chapters' records made by an administrator, then ``ws`` works as "ana",
    who is set up for co-bog only."""
    ours = build_side(ws, OURS, 10)
    theirs = build_side(ws, THEIRS, 20)
    shared = auditor(ws, "Auditora Regional", None)
    add_user(ws, ws.user, [], admin=True, display_name="Administrator")
    add_user(ws, "ana", [OURS], display_name="Ana Pérez")
    ws.user = "ana"
    apply_scope(ws)
    return World(ours, theirs, shared)


def fingerprint(ws: Workspace) -> dict[str, int]:
    """How many rows each table holds: a refused call must leave it as it was."""
    tables = Base.metadata.sorted_tables
    counts = select(
        *(select(func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables)
    )
    with ws.db.reading() as session:
        return dict(session.execute(counts).one()._mapping)
