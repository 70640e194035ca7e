"""Companies in process whose deadline for the certification audit is near or past."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select

from basc_desktop.domain.admissions import days_left
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.vocabulary import ApplicationDecision, AuditKind, AuditState
from basc_desktop.services.access import scoped
from basc_desktop.services.admission_forms import DeadlineRow
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit
from basc_desktop.store.members import Company

__all__ = ["deadlines", "deadlines_statement"]

DEFAULT_WITHIN_DAYS = 60


def deadlines(
    ws: Workspace,
    *,
    within_days: int = DEFAULT_WITHIN_DAYS,
    chapter_codes: tuple[str, ...] = (),
) -> list[DeadlineRow]:
    """Admitted companies without a certificate whose audit deadline is at most
    ``within_days`` days away or already past, most urgent first.

    Archived members are left out.  Each row says when its certification audit is
    planned (the earliest planned or under way), if it is.
    """
    today = ws.today()
    stmt = scoped(deadlines_statement(today, within_days, chapter_codes), Company.chapter_code, ws)
    with ws.db.reading() as session:
        return [
            DeadlineRow(
                application_id=row.id,
                company_id=row.company_id,
                company_name=row.legal_name,
                tax_id=format_tax_id(row.country, row.tax_id),
                chapter_code=row.chapter_code,
                admitted_on=row.decided_on,
                audit_deadline=row.audit_deadline,
                days_left=days_left(row.audit_deadline, today),
                certification_audit_on=row.audit_on,
            )
            for row in session.execute(stmt)
        ]


def deadlines_statement(
    today: date, within_days: int, chapter_codes: tuple[str, ...] = ()
) -> Select[*tuple[Any, ...]]:
    """The query behind :func:`deadlines`."""
    limit = today + timedelta(days=within_days)
    audit_on = (
        select(func.min(Audit.planned_on))
        .where(
            Audit.company_id == Application.company_id,
            Audit.kind == AuditKind.CERTIFICATION,
            Audit.state.in_((AuditState.PLANNED, AuditState.IN_PROGRESS)),
        )
        .correlate(Application)
        .scalar_subquery()
    )
    stmt: Select[*tuple[Any, ...]] = (
        select(
            Application.id,
            Application.company_id,
            Company.legal_name,
            Company.country,
            Company.tax_id,
            Company.chapter_code,
            Application.decided_on,
            Application.audit_deadline,
            audit_on.label("audit_on"),
        )
        .join(Company, Company.id == Application.company_id)
        .where(
            Application.decision == ApplicationDecision.ADMITTED,
            Application.audit_deadline.is_not(None),
            Application.audit_deadline <= limit,
            Company.certificate_code.is_(None),
            Company.archived_on.is_(None),
        )
        .order_by(Application.audit_deadline, Company.sort_name, Application.id)
    )
    if chapter_codes:
        stmt = stmt.where(Company.chapter_code.in_(chapter_codes))
    return stmt
