"""Applications made through the admission services, for the admission tests."""

from __future__ import annotations

from datetime import date

from basc_desktop.domain.lifecycle import status_at
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    BusinessType,
    DocumentState,
    MemberStatus,
)
from basc_desktop.services.admission_forms import ApplicationRow
from basc_desktop.services.admissions import (
    decide_application,
    get_application,
    mark_document,
    open_application,
    plan_committee_session,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.standing import company_records
from tests.audit_factories import member
from tests.conftest import TODAY

SESSION_DAY = date(2026, 6, 10)
"""A committee session held before the tests' today (2026-06-15)."""


def applicant(
    ws: Workspace,
    *,
    chapter: str = "sv",
    business_type: BusinessType = BusinessType.SECURITY_COMPANY,
    name: str = "Seguridad Cuscatlán S.A. de C.V.",
    seed: int = 1,
    opened_on: date = date(2026, 4, 1),
) -> ApplicationRow:
    company_id = member(ws, chapter=chapter, business_type=business_type, name=name, seed=seed)
    return open_application(ws, company_id, on=opened_on)


def receive_all(ws: Workspace, application_id: int, on: date = date(2026, 5, 1)) -> int:
    """Mark every required document received; returns the application's version."""
    detail = get_application(ws, application_id)
    for line in detail.documents:
        if line.state is DocumentState.MISSING:
            detail = mark_document(
                ws, application_id, line.document_id, DocumentState.RECEIVED, received_on=on
            )
    return detail.row.version


def admitted(
    ws: Workspace,
    *,
    chapter: str = "sv",
    business_type: BusinessType = BusinessType.SECURITY_COMPANY,
    name: str = "Seguridad Cuscatlán S.A. de C.V.",
    seed: int = 1,
) -> ApplicationRow:
    """A member admitted at the session of SESSION_DAY."""
    row = applicant(ws, chapter=chapter, business_type=business_type, name=name, seed=seed)
    receive_all(ws, row.id)
    plan_committee_session(ws, row.chapter_code, SESSION_DAY, "Ana, Luis", [row.id])
    return decide_application(ws, row.id, ApplicationDecision.ADMITTED)


def status_of(ws: Workspace, company_id: int, on: date = TODAY) -> MemberStatus | None:
    with ws.db.reading() as session:
        records = company_records(session, [company_id])[company_id]
    return status_at(records, on)
