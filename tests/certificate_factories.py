"""Closed audits and issued certificates made through the services, for the certificate tests.

The checklist is judged with one SQL update instead of one service call per requirement
(that path has its own tests), so a test can make many audits quickly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select, update

from basc_desktop.domain.vocabulary import AuditKind, Verdict
from basc_desktop.services.audits import close_audit, report_audit, start_audit
from basc_desktop.services.certificate_forms import CertificateRow
from basc_desktop.services.certificates import issue_certificate
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Finding
from basc_desktop.store.standards import Requirement
from tests.audit_factories import planned
from tests.conftest import TODAY


def judged(ws: Workspace, audit_id: int, verdicts: Mapping[str, Verdict] | None = None) -> None:
    """Every line of a started audit judged: the given verdicts by code, the rest conforming."""
    with ws.db.transaction() as session:
        session.execute(
            update(Finding).where(Finding.audit_id == audit_id).values(verdict=Verdict.CONFORMING)
        )
        for code, verdict in (verdicts or {}).items():
            requirement = select(Requirement.id).where(Requirement.code == code)
            session.execute(
                update(Finding)
                .where(Finding.audit_id == audit_id, Finding.requirement_id.in_(requirement))
                .values(verdict=verdict)
            )


def closed(
    ws: Workspace,
    company_id: int,
    verdicts: Mapping[str, Verdict] | None = None,
    *,
    kind: AuditKind = AuditKind.CERTIFICATION,
    on: date = TODAY,
) -> int:
    """An audit planned, judged, reported and closed on ``on``; returns its id."""
    audit = planned(ws, company_id, kind=kind, on=on)
    start_audit(ws, audit.id, on=on)
    judged(ws, audit.id, verdicts)
    report_audit(ws, audit.id, on=on)
    close_audit(ws, audit.id, on=on)
    return audit.id


def certified(
    ws: Workspace,
    company_id: int,
    *,
    on: date = TODAY,
    kind: AuditKind = AuditKind.CERTIFICATION,
) -> CertificateRow:
    """A certificate issued on ``on`` from a clean audit closed the same day."""
    return issue_certificate(ws, closed(ws, company_id, kind=kind, on=on), on=on)
