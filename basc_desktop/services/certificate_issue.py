"""Issuing a certificate from a closed certification or recertification audit.

The decision itself is :mod:`basc_desktop.domain.certification`; here the audit's
facts are read, the code is numbered with the chapter's pattern, and a renewal
supersedes the company's certificate in force, all in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from basc_desktop.domain.certification import (
    CERTIFYING_KINDS,
    AuditFacts,
    NonconformityFacts,
    expiry_date,
    issue_refusals,
    refusal_error,
)
from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import NotFoundError, StaleRecordError
from basc_desktop.domain.lifecycle import state_after
from basc_desktop.domain.numbering import CodeParts, format_certificate_code, next_issue
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_date
from basc_desktop.domain.vocabulary import AuditState, CertificateEventKind, Verdict
from basc_desktop.services.access import require_chapter, scoped
from basc_desktop.services.certificate_forms import CertificateRow, IssuableAudit, IssuePreview
from basc_desktop.services.certificate_list import IN_FORCE_STATES, load_certificate_row
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, CorrectiveAction, Finding
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company
from basc_desktop.store.standards import Requirement
from basc_desktop.store.standing import refresh_standing

__all__ = ["issuable_audits", "issue_certificate", "preview_issue"]

RECORD_TYPE = "certificate"
SITE = 1
"""New certificates are for the company's main site."""
RETRIES = 5
"""How many next numbers to try when someone else issues the same code at the same time."""

# Stored history text, written in the chapter's language like the rest of its records.
_ISSUED_REASON = {
    "es": "Emitido por la auditoría {audit}.",
    "fr": "Émis à la suite de l'audit {audit}.",
    "en": "Issued from audit {audit}.",
}
_SUPERSEDED_REASON = {
    "es": "Renovado por el certificado {code}.",
    "fr": "Remplacé par le certificat {code}.",
    "en": "Superseded by certificate {code}.",
}


@dataclass(frozen=True)
class _Plan:
    audit: Audit
    company: Company
    chapter: Chapter
    issued_on: date
    issue_number: int
    refusals: tuple[Message, ...]
    in_force: tuple[Certificate, ...]
    """The company's certificates at the site that the new one supersedes."""

    def code(self, issue_number: int) -> str:
        country = self.chapter.country
        parts = CodeParts(
            country.alpha3,
            country.alpha2,
            self.chapter.city_code,
            self.company.member_number,
            SITE,
            issue_number,
        )
        return format_certificate_code(self.chapter.certificate_code, parts)


def _facts(session: Session, audit: Audit) -> AuditFacts:
    found = session.execute(
        select(Finding.verdict, Requirement.code, CorrectiveAction.state)
        .add_columns(CorrectiveAction.description)
        .join(Requirement, Requirement.id == Finding.requirement_id)
        .outerjoin(CorrectiveAction, CorrectiveAction.finding_id == Finding.id)
        .where(Finding.audit_id == audit.id, Finding.verdict.in_((Verdict.MINOR, Verdict.MAJOR)))
    ).all()
    certificate_code = session.scalar(
        select(Certificate.code).where(Certificate.audit_id == audit.id).limit(1)
    )
    return AuditFacts(
        audit_id=audit.id,
        kind=audit.kind,
        state=audit.state,
        nonconformities=tuple(
            NonconformityFacts(code, verdict, state, description or "")
            for verdict, code, state, description in found
        ),
        reported_on=audit.finished_on,
        certificate_code=certificate_code,
    )


def _plan(
    ws: Workspace, session: Session, audit_id: int, on: date | None, *, lock: bool = False
) -> _Plan:
    """What issuing from ``audit_id`` would do.  With ``lock``, the company's row is locked
    (PostgreSQL) so that two coordinators issuing for it at once take turns."""
    audit = session.get(Audit, audit_id)
    if audit is None:
        raise NotFoundError(_("Audit {id} does not exist."), id=audit_id)
    company = session.get(Company, audit.company_id, with_for_update=lock)
    assert company is not None  # a foreign key
    require_chapter(ws, company.chapter_code)
    chapter = ws.chapters.get(company.chapter_code)
    issued_on = check_date("on", _("Issue date"), on or ws.today())
    refusals = list(issue_refusals(_facts(session, audit), issued_on, ws.today()))
    certificates = session.scalars(
        select(Certificate).where(Certificate.company_id == company.id)
    ).all()
    if company.archived_on is not None:
        refusals.append(
            Message(
                _("The member was archived on {date}: restore it before issuing its certificate."),
                {"date": company.archived_on},
            )
        )
    later = [c for c in certificates if c.issued_on > issued_on]
    if later:
        newest = max(later, key=lambda c: (c.issued_on, c.code))
        refusals.append(
            Message(
                _("The member already has certificate {code}, issued on {date}, after {issued}."),
                {
                    "code": newest.code,
                    "date": newest.issued_on,
                    "issued": issued_on,
                },
            )
        )
    return _Plan(
        audit=audit,
        company=company,
        chapter=chapter,
        issued_on=issued_on,
        issue_number=next_issue(c.issue_number for c in certificates if c.site == SITE),
        refusals=tuple(refusals),
        in_force=tuple(c for c in certificates if c.site == SITE and c.state in IN_FORCE_STATES),
    )


def preview_issue(ws: Workspace, audit_id: int, on: date | None = None) -> IssuePreview:
    """What issuing from ``audit_id`` on ``on`` (today) would give, and why it may not."""
    with ws.db.reading() as session:
        plan = _plan(ws, session, audit_id, on)
        company = plan.company
        return IssuePreview(
            audit_id=plan.audit.id,
            company_id=company.id,
            company_name=company.legal_name,
            tax_id=format_tax_id(company.country, company.tax_id),
            chapter_code=company.chapter_code,
            code=plan.code(plan.issue_number),
            scope=company.business_type,
            standard_version=plan.audit.standard_version,
            issued_on=plan.issued_on,
            expires_on=expiry_date(plan.issued_on, plan.chapter.validity_months),
            signatories=tuple(s.name for s in plan.chapter.signatories),
            supersedes=max(plan.in_force, key=lambda c: c.issue_number).code
            if plan.in_force
            else None,
            refusals=plan.refusals,
        )


def _insert(session: Session, plan: _Plan) -> Certificate:
    """Add the certificate with the next free code, moving on if someone took it meanwhile."""
    issue_number = plan.issue_number
    for attempt in range(RETRIES):
        cert = Certificate(
            code=plan.code(issue_number),
            company_id=plan.company.id,
            audit_id=plan.audit.id,
            standard_version=plan.audit.standard_version,
            scope=plan.company.business_type,
            site=SITE,
            issue_number=issue_number,
            issued_on=plan.issued_on,
            expires_on=expiry_date(plan.issued_on, plan.chapter.validity_months),
        )
        try:
            with session.begin_nested():
                session.add(cert)
                session.flush()
        except IntegrityError:
            if attempt == RETRIES - 1:
                raise
            taken = session.scalars(
                select(Certificate.issue_number).where(
                    Certificate.company_id == plan.company.id, Certificate.site == SITE
                )
            ).all()
            issue_number = max(issue_number + 1, next_issue(taken))
            continue
        return cert
    raise AssertionError("unreachable")  # pragma: no cover


def issue_certificate(ws: Workspace, audit_id: int, *, on: date | None = None) -> CertificateRow:
    """Issue the certificate that the closed audit ``audit_id`` earns, dated ``on`` (today).

    :class:`LifecycleError` naming every reason if it may not be issued.  A renewal
    supersedes the company's certificate in force, dated the new issue date.
    """
    with ws.db.transaction() as session:
        plan = _plan(ws, session, audit_id, on, lock=True)
        if plan.refusals:
            raise refusal_error(plan.refusals)
        try:
            return _issue(ws, session, plan)
        except StaleDataError:
            raise StaleRecordError(
                _(
                    "Someone else changed this member's certificates at the same time. "
                    "Look at them again, then issue."
                )
            ) from None


def _issue(ws: Workspace, session: Session, plan: _Plan) -> CertificateRow:
    """Add the certificate and its history; supersede the ones in force (one transaction)."""
    cert = _insert(session, plan)
    language = plan.chapter.language if plan.chapter.language in _ISSUED_REASON else "en"
    session.add(
        CertificateEvent(
            certificate_id=cert.id,
            occurred_on=cert.issued_on,
            kind=CertificateEventKind.ISSUED,
            reason=_ISSUED_REASON[language].format(audit=plan.audit.id),
            recorded_by=ws.user,
        )
    )
    for old in plan.in_force:
        before = old.state
        old.state = state_after(old.state, CertificateEventKind.SUPERSEDED)
        reason = _SUPERSEDED_REASON[language].format(code=cert.code)
        session.add(
            CertificateEvent(
                certificate_id=old.id,
                occurred_on=cert.issued_on,
                kind=CertificateEventKind.SUPERSEDED,
                reason=reason,
                recorded_by=ws.user,
            )
        )
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            old.id,
            "supersede",
            {"state": (before, old.state), "on": cert.issued_on, "superseded_by": cert.code},
        )
    session.flush()
    record_event(session, ws.user, RECORD_TYPE, cert.id, "issue", _issued(cert))
    refresh_standing(session, [cert.company_id])
    return load_certificate_row(ws, session, cert.id)


def _issued(cert: Certificate) -> dict[str, Any]:
    return {
        "code": cert.code,
        "audit_id": cert.audit_id,
        "issued_on": cert.issued_on,
        "expires_on": cert.expires_on,
        "scope": cert.scope,
        "standard_version": cert.standard_version,
    }


def issuable_audits(ws: Workspace, chapter_code: str | None = None) -> list[IssuableAudit]:
    """Closed certification and recertification audits without a certificate, newest first."""
    has_certificate = exists().where(Certificate.audit_id == Audit.id)
    stmt = (
        select(Audit, Company)
        .join(Company, Company.id == Audit.company_id)
        .where(Audit.state == AuditState.CLOSED, Audit.kind.in_(CERTIFYING_KINDS))
        .where(~has_certificate)
        .order_by(Audit.finished_on.desc(), Audit.id.desc())
    )
    if chapter_code is not None:
        stmt = stmt.where(Company.chapter_code == chapter_code)
    stmt = scoped(stmt, Company.chapter_code, ws)
    with ws.db.reading() as session:
        return [
            IssuableAudit(
                audit_id=audit.id,
                company_id=company.id,
                company_name=company.legal_name,
                tax_id=format_tax_id(company.country, company.tax_id),
                chapter_code=company.chapter_code,
                kind=audit.kind,
                standard_version=audit.standard_version,
                finished_on=audit.finished_on,
            )
            for audit, company in session.execute(stmt).all()
        ]
