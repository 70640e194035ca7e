"""Company status from the store: the records the lifecycle needs, fetched in batches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from basc_desktop.domain.lifecycle import (
    CertificateEvent as LifecycleEvent,
)
from basc_desktop.domain.lifecycle import (
    CertificateRecord,
    CompanyRecords,
    counting_certificate,
    status_at,
)
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    AuditState,
    MemberStatus,
)
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit
from basc_desktop.store.certificates import Certificate, CertificateEvent

BATCH = 500


@dataclass(frozen=True)
class StatusFacts:
    """What the lists show about a company's certification at a date."""

    status: MemberStatus | None
    certificate_code: str | None
    expires_on: date | None
    next_audit_on: date | None


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def company_records(session: Session, company_ids: Sequence[int]) -> dict[int, CompanyRecords]:
    """The lifecycle records of each company, in a few queries whatever the count."""
    applied: dict[int, date] = {}
    admitted: dict[int, date] = {}
    certificates: dict[int, list[CertificateRecord]] = defaultdict(list)
    for chunk in _chunks(list(company_ids)):
        for app in session.execute(
            select(
                Application.company_id,
                Application.opened_on,
                Application.decision,
                Application.decided_on,
            ).where(Application.company_id.in_(chunk))
        ):
            applied[app.company_id] = min(applied.get(app.company_id, app.opened_on), app.opened_on)
            if app.decision == ApplicationDecision.ADMITTED and app.decided_on is not None:
                admitted[app.company_id] = min(
                    admitted.get(app.company_id, app.decided_on), app.decided_on
                )
        events: dict[int, list[LifecycleEvent]] = defaultdict(list)
        for ev in session.execute(
            select(
                CertificateEvent.certificate_id, CertificateEvent.occurred_on, CertificateEvent.kind
            )
            .join(Certificate, Certificate.id == CertificateEvent.certificate_id)
            .where(Certificate.company_id.in_(chunk))
            .order_by(CertificateEvent.occurred_on, CertificateEvent.id)
        ):
            events[ev.certificate_id].append(LifecycleEvent(ev.occurred_on, ev.kind))
        for cert in session.execute(
            select(
                Certificate.id,
                Certificate.company_id,
                Certificate.code,
                Certificate.issued_on,
                Certificate.expires_on,
            ).where(Certificate.company_id.in_(chunk))
        ):
            certificates[cert.company_id].append(
                CertificateRecord(
                    cert.code, cert.issued_on, cert.expires_on, tuple(events.get(cert.id, ()))
                )
            )
    return {
        cid: CompanyRecords(applied.get(cid), admitted.get(cid), tuple(certificates.get(cid, ())))
        for cid in company_ids
    }


def next_audits(session: Session, company_ids: Sequence[int], on: date) -> dict[int, date]:
    """The next planned audit date of each company, on or after ``on``."""
    found: dict[int, date] = {}
    for chunk in _chunks(list(company_ids)):
        rows = session.execute(
            select(Audit.company_id, func.min(Audit.planned_on))
            .where(
                Audit.company_id.in_(chunk),
                Audit.state == AuditState.PLANNED,
                Audit.planned_on >= on,
            )
            .group_by(Audit.company_id)
        )
        found.update((cid, planned) for cid, planned in rows)
    return found


def status_facts(
    session: Session,
    company_ids: Sequence[int],
    on: date,
    warning_days: dict[int, int],
) -> dict[int, StatusFacts]:
    """Status, current certificate and next audit of each company at ``on``.

    ``warning_days`` gives each company's chapter's expiry warning window.
    """
    records = company_records(session, company_ids)
    audits = next_audits(session, company_ids, on)
    facts = {}
    for cid in company_ids:
        rec = records[cid]
        current = counting_certificate(rec, on)
        facts[cid] = StatusFacts(
            status=status_at(rec, on, expiry_warning_days=warning_days.get(cid, 60)),
            certificate_code=current.code if current else None,
            expires_on=current.expires_on if current else None,
            next_audit_on=audits.get(cid),
        )
    return facts
