"""Company status from the store: the records the lifecycle needs, fetched in batches.

The records are read by ``store/standing.py`` (which also keeps the standing columns
the members list filters and sorts by); the status itself is the domain's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from basc_desktop.domain.lifecycle import counting_certificate, status_at
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.store.standing import company_records, next_planned_audits

__all__ = ["StatusFacts", "company_records", "next_planned_audits", "status_facts"]


@dataclass(frozen=True)
class StatusFacts:
    """What the lists show about a company's certification at a date."""

    status: MemberStatus | None
    certificate_code: str | None
    expires_on: date | None
    next_audit_on: date | None
    """Earliest planned date of the audits still planned, even if overdue
    (the same as the ``next_audit_on`` standing column)."""


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
    audits = next_planned_audits(session, company_ids)
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
