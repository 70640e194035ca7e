"""Which companies need a renewal reminder: certificate running out, no recertification.

A company is listed when, at the list's date ``on``, it is not archived, the
certificate that counts (:func:`~basc_desktop.domain.lifecycle.counting_certificate`)
is in force (neither withdrawn nor expired) and expires within its chapter's warning
window (``on < expires_on <= on + expiry_warning_days``), and no recertification
audit is planned or under way for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.lifecycle import (
    CertificateRecord,
    CompanyRecords,
    certificate_state_at,
    counting_certificate,
    days_until_expiry,
)
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_date
from basc_desktop.domain.vocabulary import AuditKind, AuditState, CertificateState
from basc_desktop.services.access import require_chapter, scoped
from basc_desktop.services.reminder_forms import REMINDER_ACTION, ReminderRow
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company, Contact
from basc_desktop.store.standing import chunks, company_records, warning_limit

__all__ = [
    "OPEN_AUDIT_STATES",
    "SentReminders",
    "certificate_in_force",
    "renewal_reminders",
    "sent_reminders",
]

RECORD_TYPE = "company"
OPEN_AUDIT_STATES = (AuditState.PLANNED, AuditState.IN_PROGRESS, AuditState.REPORTED)
"""A recertification audit in one of these states is planned or under way."""


def certificate_in_force(
    records_certificates: Iterable[CertificateRecord], on: date
) -> tuple[CertificateRecord | None, CertificateState | None]:
    """The certificate that counts at ``on`` and its state, if it is in force then.

    In force: issued by ``on``, not expired (``on < expires_on``), neither withdrawn nor
    superseded.  A suspended certificate is in force (it is returned with its state).
    """
    cert = counting_certificate(CompanyRecords(None, None, tuple(records_certificates)), on)
    if cert is None or days_until_expiry(cert, on) <= 0:
        return None, None
    state = certificate_state_at(cert, on)
    if state in (CertificateState.WITHDRAWN, CertificateState.SUPERSEDED):
        return None, None
    return cert, state


@dataclass(frozen=True)
class SentReminders:
    """The reminders already sent for one certificate of a company."""

    count: int = 0
    last_on: date | None = None


def sent_reminders(
    session: Session, company_ids: Sequence[int]
) -> dict[tuple[int, str], SentReminders]:
    """(company id, certificate code) → the reminders recorded in the history."""
    found: dict[tuple[int, str], list[date]] = defaultdict(list)
    for chunk in chunks(list(company_ids)):
        for company_id, occurred_at, changes in session.execute(
            select(Event.record_id, Event.occurred_at, Event.changes).where(
                Event.record_type == RECORD_TYPE,
                Event.action == REMINDER_ACTION,
                Event.record_id.in_(chunk),
            )
        ):
            code = str((changes or {}).get("certificate") or "")
            try:
                sent_on = date.fromisoformat(str(changes.get("sent_on")))
            except (TypeError, ValueError, AttributeError):
                sent_on = occurred_at.date()
            found[company_id, code].append(sent_on)
    return {key: SentReminders(len(days), max(days)) for key, days in found.items()}


def _windows(ws: Workspace, chapter: str | None) -> dict[str, int]:
    """Chapter code → its expiry warning window, for the chapters asked about."""
    if chapter is None:
        return {c.code: c.expiry_warning_days for c in ws.chapters}
    if chapter not in ws.chapters:
        raise NotFoundError(_("There is no chapter {code}."), code=chapter)
    require_chapter(ws, chapter)
    return {chapter: ws.chapters.get(chapter).expiry_warning_days}


def _recertification_under_way(session: Session, company_ids: Sequence[int]) -> dict[int, date]:
    """Company → the latest day of its recertification audits that are under way.

    An open audit (planned, in progress, reported) is under way whatever its date
    (``date.max``); a closed one is, from its finish (or planned) day, while no
    certificate rests on it yet: the renewal is on its way.
    """
    rests_on = exists().where(Certificate.audit_id == Audit.id)
    found: dict[int, date] = {}
    for chunk in chunks(list(company_ids)):
        for company_id, state, planned_on, finished_on in session.execute(
            select(Audit.company_id, Audit.state, Audit.planned_on, Audit.finished_on).where(
                Audit.company_id.in_(chunk),
                Audit.kind == AuditKind.RECERTIFICATION,
                or_(Audit.state.in_(OPEN_AUDIT_STATES), ~rests_on),
            )
        ):
            day = date.max if state in OPEN_AUDIT_STATES else (finished_on or planned_on)
            found[company_id] = max(found.get(company_id, day), day)
    return found


def _main_contacts(session: Session, company_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """Company → (name, e-mail) of its first contact."""
    found: dict[int, tuple[str, str]] = {}
    for chunk in chunks(list(company_ids)):
        for company_id, name, email in session.execute(
            select(Contact.company_id, Contact.name, Contact.email)
            .where(Contact.company_id.in_(chunk))
            .order_by(Contact.company_id, Contact.id)
        ):
            found.setdefault(company_id, (name, email))
    return found


def renewal_reminders(
    ws: Workspace,
    *,
    chapter: str | None = None,
    on: date | None = None,
    include_reminded: bool = True,
) -> list[ReminderRow]:
    """The companies to remind at ``on`` (default today), soonest expiry first.

    Listed: not archived at ``on``; the certificate that counts is in force and
    ``on < expires_on <= on + window`` (the chapter's ``expiry_warning_days``); and no
    recertification audit is planned or under way: none planned, in progress or
    reported, and none closed since the certificate was issued that is still waiting
    for its new certificate.  The audits are taken as they stand now.

    **Suspended certificates are included** (with ``suspended`` set): a suspension is
    temporary, the certificate still expires on its date, and the company still has to
    plan its recertification audit in time; the coordinator sees the flag and decides.

    ``chapter`` narrows to one chapter (NotFoundError if unknown, AccessDeniedError if
    the user does not work for it); otherwise every chapter the user may see.
    ``include_reminded=False`` leaves out the companies already reminded about this
    certificate.
    """
    on = check_date("on", _("Date"), on or ws.today())
    windows = _windows(ws, chapter)
    longest = max(windows.values(), default=0)
    stmt = (
        select(Company.id)
        .join(Certificate, Certificate.company_id == Company.id)
        .where(
            or_(Company.archived_on.is_(None), Company.archived_on > on),
            Certificate.issued_on <= on,
            Certificate.expires_on > on,
            Certificate.expires_on <= on + timedelta(days=longest),
            Certificate.expires_on <= warning_limit(on, windows, default=0),
        )
        .distinct()
    )
    if chapter is not None:
        stmt = stmt.where(Company.chapter_code == chapter)
    stmt = scoped(stmt, Company.chapter_code, ws)
    with ws.db.reading() as session:
        ids = sorted(session.scalars(stmt))
        records = company_records(session, ids)
        under_way = _recertification_under_way(session, ids)
        companies = {
            row.id: row
            for chunk in chunks(ids)
            for row in session.execute(
                select(
                    Company.id,
                    Company.member_number,
                    Company.legal_name,
                    Company.chapter_code,
                    Company.country,
                    Company.email,
                ).where(Company.id.in_(chunk))
            )
        }
        contacts = _main_contacts(session, ids)
        sent = sent_reminders(session, ids)
    rows = []
    for company_id in ids:
        company = companies[company_id]
        cert, state = certificate_in_force(records[company_id].certificates, on)
        window = windows.get(company.chapter_code)
        if cert is None or window is None or days_until_expiry(cert, on) > window:
            continue
        if under_way.get(company_id, date.min) >= cert.issued_on:
            continue  # a recertification audit since this certificate was issued
        reminders = sent.get((company_id, cert.code), SentReminders())
        if reminders.count and not include_reminded:
            continue
        contact_name, contact_email = contacts.get(company_id, ("", ""))
        rows.append(
            ReminderRow(
                company_id=company_id,
                member_number=company.member_number,
                company_name=company.legal_name,
                chapter_code=company.chapter_code,
                country=company.country,
                certificate_code=cert.code,
                expires_on=cert.expires_on,
                days_left=days_until_expiry(cert, on),
                suspended=state is CertificateState.SUSPENDED,
                contact_name=contact_name,
                contact_email=contact_email or company.email,
                last_reminder_on=reminders.last_on,
                reminders_sent=reminders.count,
            )
        )
    rows.sort(key=lambda r: (r.expires_on, r.company_name.casefold(), r.company_id))
    return rows
