"""Records the tests write straight into the store, where no service exists yet."""

from __future__ import annotations

from datetime import date, timedelta

from basc_desktop.domain.vocabulary import ApplicationDecision, BusinessType, CertificateEventKind
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.standing import refresh_standing


def certify(
    ws: Workspace,
    member_id: int,
    issued: date,
    expires: date,
    *,
    code: str | None = None,
    suspended: date | None = None,
) -> None:
    """Admit the member 270 days before ``issued`` and give it a certificate then."""
    with ws.db.transaction() as session:
        session.add(
            Application(
                company_id=member_id,
                opened_on=issued - timedelta(days=300),
                decision=ApplicationDecision.ADMITTED,
                decided_on=issued - timedelta(days=270),
            )
        )
        certificate = Certificate(
            code=code or f"TEST{member_id:05d}-1-1",
            company_id=member_id,
            standard_version="6",
            scope=BusinessType.EXPORTER_IMPORTER,
            issue_number=1,
            issued_on=issued,
            expires_on=expires,
        )
        certificate.events.append(
            CertificateEvent(occurred_on=issued, kind=CertificateEventKind.ISSUED)
        )
        if suspended is not None:
            certificate.events.append(
                CertificateEvent(occurred_on=suspended, kind=CertificateEventKind.SUSPENDED)
            )
        session.add(certificate)
        refresh_standing(session, [member_id])
