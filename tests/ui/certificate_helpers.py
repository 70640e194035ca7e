"""A small certificate register for the Certificates screens' tests, and closed audits."""

from __future__ import annotations

from datetime import timedelta

from basc_desktop.domain.vocabulary import AuditKind, Verdict
from basc_desktop.services.audits import close_audit, report_audit, start_audit
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.certificates import (
    find_certificates,
    suspend_certificate,
    withdraw_certificate,
)
from basc_desktop.services.checklist import checklist
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import judge_all, member, planned, reported
from tests.conftest import TODAY
from tests.factories import certify

# (chapter, company, days since issue, validity in days, what happened after)
REGISTER: tuple[tuple[str, str, int, int, str], ...] = (
    ("co-bog", "Alfa Logística S.A.S.", 300, 365, ""),
    ("co-bog", "Beta Aduanas & Cía. Ltda.", 100, 365, ""),
    ("co-ant", "Gamma Carga Antioquia S.A.", 30, 365, "suspend"),
    ("pe", "Delta Perú S.A.C.", 340, 365, ""),
    ("pe", "Épsilon Almacenes S.A.", 400, 365, ""),
    ("ht", "Zêta Transport Haïti S.A.", 10, 365, ""),
    ("mx", "Eta Logística Mexicana S.A. de C.V.", 200, 365, "withdraw"),
)


def fill_register(ws: Workspace) -> None:
    """Seven certificates in four countries: valid, expiring, expired, suspended, withdrawn."""
    for number, (chapter, name, age, days, after) in enumerate(REGISTER, start=1):
        company = member(ws, chapter=chapter, name=name, seed=100 + number)
        issued = TODAY - timedelta(days=age)
        certify(ws, company, issued, issued + timedelta(days=days), code=f"T{number:03d}-1-1")
        if after:
            row = find_certificates(ws, CertificateQuery(company_id=company))[0]
            move = suspend_certificate if after == "suspend" else withdraw_certificate
            move(ws, row.id, reason=f"Motivo {number}", on=TODAY - timedelta(days=2))


def closed_audit(ws: Workspace, name: str, *, seed: int, major: bool = False) -> int:
    """A certification audit of a new member, judged, reported and closed; its id.

    ``major``: its first requirement is a major nonconformity (so no certificate).
    """
    company = member(ws, name=name, seed=seed)
    if not major:
        return close_audit(ws, reported(ws, company).id).id
    audit = planned(ws, company, kind=AuditKind.CERTIFICATION)
    start_audit(ws, audit.id)
    first = checklist(ws, audit.id)[0].requirement_code
    judge_all(ws, audit.id, {first: Verdict.MAJOR})
    report_audit(ws, audit.id)
    return close_audit(ws, audit.id).id
