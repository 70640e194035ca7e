"""Marking renewal reminders as sent: one event per company in its history.

The history (the ``events`` table) is where the reminders are kept: no column or table
of their own.  Each reminder names the certificate it is about, its expiry and the day
it was sent, so the list can say "last reminded on…" for the certificate in force.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import BascError, LifecycleError, NotFoundError, ValidationError
from basc_desktop.domain.lifecycle import CertificateRecord
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.access import require_chapter
from basc_desktop.services.reminder_forms import REMINDER_ACTION
from basc_desktop.services.reminder_list import RECORD_TYPE, certificate_in_force
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company
from basc_desktop.store.standing import chunks, company_records

__all__ = ["certificates_to_remind", "chosen_companies", "mark_reminders_sent"]


def chosen_companies(company_ids: Sequence[int]) -> list[int]:
    """The ids in their order, each once; BascError when none is chosen."""
    ids = list(dict.fromkeys(int(i) for i in company_ids))
    if not ids:
        raise BascError(_("Choose at least one member to remind."))
    return ids


def certificates_to_remind(
    ws: Workspace, session: Session, company_ids: Sequence[int], on: date
) -> dict[int, tuple[Company, CertificateRecord]]:
    """Each company with its certificate in force at ``on``, checked one by one.

    NotFoundError for an unknown member, AccessDeniedError for another chapter's, and
    LifecycleError for a member without a certificate in force to be reminded of.
    """
    companies = {
        c.id: c
        for chunk in chunks(list(company_ids))
        for c in session.scalars(select(Company).where(Company.id.in_(chunk)))
    }
    records = company_records(session, [i for i in company_ids if i in companies])
    found: dict[int, tuple[Company, CertificateRecord]] = {}
    for company_id in company_ids:
        company = companies.get(company_id)
        if company is None:
            raise NotFoundError(_("Member {id} does not exist."), id=company_id)
        require_chapter(ws, company.chapter_code)
        cert, _state = certificate_in_force(records[company_id].certificates, on)
        if cert is None:
            raise LifecycleError(
                _("{company} has no certificate in force to be reminded of."),
                company=company.legal_name,
            )
        found[company_id] = (company, cert)
    return found


def mark_reminders_sent(
    ws: Workspace, company_ids: Sequence[int], *, on: date | None = None
) -> int:
    """Record that a renewal reminder was sent on ``on`` (default today) to each company.

    One transaction: a reminder event in each company's history, naming the certificate
    in force and its expiry.  If any company is refused (unknown, another chapter's, no
    certificate in force), nothing is written.  Returns the number of reminders recorded.
    """
    ids = chosen_companies(company_ids)
    today = ws.today()
    on = on or today
    if on > today:
        raise ValidationError(
            "sent_on", _("A reminder cannot be dated after today ({today})."), today=today
        )
    with ws.db.transaction() as session:
        for company_id, (_company, cert) in certificates_to_remind(ws, session, ids, on).items():
            record_event(
                session,
                ws.user,
                RECORD_TYPE,
                company_id,
                REMINDER_ACTION,
                {"certificate": cert.code, "expires_on": cert.expires_on, "sent_on": on},
            )
    return len(ids)
