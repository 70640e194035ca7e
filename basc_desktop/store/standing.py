"""A company's standing, kept on ``companies`` so the list filters and sorts by it in SQL.

Status is computed by the domain (:func:`basc_desktop.domain.lifecycle.status_at`)
from the records.  To filter and sort 100,000 members by status in the database, the
few facts the status depends on are copied onto each company row (the *standing*
columns: applied_on, admitted_on, certificate_code, certificate_issued_on,
expires_on, withdrawn_on, suspended_on, next_audit_on) by :func:`refresh_standing`,
which recomputes them from the records with the domain functions.
:func:`status_expression` then gives the status at a date as SQL.

**Assumption**: records are never dated after today (an application, admission,
certificate or certificate event is written when it happens).  So the standing
computed from *all* the records is the standing *as of today*, and
:func:`status_expression` agrees with ``status_at`` at any date on or after the
latest record, in particular today.  It must not be used for past dates: for "who was
certified on 31 December?" ask the domain.

Every service that writes applications, certificates, certificate events or audits
must call :func:`refresh_standing` for the companies it touched, in its transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import astuple, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Table,
    and_,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from basc_desktop.domain.lifecycle import (
    DEFAULT_EXPIRY_WARNING_DAYS,
    CertificateRecord,
    CompanyRecords,
    certificate_state_at,
    counting_certificate,
)
from basc_desktop.domain.lifecycle import CertificateEvent as LifecycleEvent
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    AuditState,
    CertificateEventKind,
    CertificateState,
    MemberStatus,
)
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company

BATCH = 500
LATEST = date.max
"""The date standing is computed at: after every record (see the module's assumption)."""

STATUS_ORDER = (
    MemberStatus.APPLICANT,
    MemberStatus.IN_PROCESS,
    MemberStatus.CERTIFIED,
    MemberStatus.EXPIRING,
    MemberStatus.SUSPENDED,
    MemberStatus.EXPIRED,
    MemberStatus.WITHDRAWN,
)
"""The order of the list sorted by status (no status first): the cycle of certification."""


@dataclass(frozen=True)
class Standing:
    """The standing columns of one company."""

    applied_on: date | None = None
    admitted_on: date | None = None
    certificate_code: str | None = None
    certificate_issued_on: date | None = None
    expires_on: date | None = None
    withdrawn_on: date | None = None
    suspended_on: date | None = None
    next_audit_on: date | None = None


STANDING_COLUMNS = tuple(Standing.__dataclass_fields__)


def chunks(ids: Sequence[int], size: int = BATCH) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def company_records(
    session: Session | Connection, company_ids: Sequence[int]
) -> dict[int, CompanyRecords]:
    """The lifecycle records of each company, in a few queries whatever the count."""
    applied: dict[int, date] = {}
    admitted: dict[int, date] = {}
    certificates: dict[int, list[CertificateRecord]] = defaultdict(list)
    for chunk in chunks(list(company_ids)):
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


def next_planned_audits(
    session: Session | Connection, company_ids: Sequence[int]
) -> dict[int, date]:
    """Each company's next planned audit: the earliest ``planned_on`` of its audits still
    PLANNED, even when that date has passed (an overdue audit is still the next one)."""
    found: dict[int, date] = {}
    for chunk in chunks(list(company_ids)):
        rows = session.execute(
            select(Audit.company_id, func.min(Audit.planned_on))
            .where(Audit.company_id.in_(chunk), Audit.state == AuditState.PLANNED)
            .group_by(Audit.company_id)
        )
        found.update((cid, planned) for cid, planned in rows)
    return found


def standing_of(records: CompanyRecords, next_audit_on: date | None = None) -> Standing:
    """The standing columns of a company, from its records (all of them: see the module)."""
    cert = counting_certificate(records, LATEST)
    if cert is None:
        return Standing(records.applied_on, records.admitted_on, next_audit_on=next_audit_on)
    withdrawals = [e.on for e in cert.events if e.kind is CertificateEventKind.WITHDRAWN]
    # Suspension as the domain sees it: only suspensions and reinstatements count.
    moves = tuple(
        e
        for e in cert.events
        if e.kind in (CertificateEventKind.SUSPENDED, CertificateEventKind.REINSTATED)
    )
    suspended = certificate_state_at(
        CertificateRecord(cert.code, cert.issued_on, cert.expires_on, moves), LATEST
    )
    suspended_on = None
    if suspended is CertificateState.SUSPENDED:
        suspended_on = max(e.on for e in moves if e.kind is CertificateEventKind.SUSPENDED)
    return Standing(
        applied_on=records.applied_on,
        admitted_on=records.admitted_on,
        certificate_code=cert.code,
        certificate_issued_on=cert.issued_on,
        expires_on=cert.expires_on,
        withdrawn_on=min(withdrawals) if withdrawals else None,
        suspended_on=suspended_on,
        next_audit_on=next_audit_on,
    )


def _update_statement() -> Any:
    table = Company.__table__
    assert isinstance(table, Table)
    return (
        sql_update(table)
        .where(table.c.id == bindparam("standing_id", type_=Integer))
        .values(
            {
                name: bindparam(f"standing_{name}", type_=table.c[name].type)
                for name in STANDING_COLUMNS
            }
            # Not an edit of the member: keep its updated_at (and, through Core, its version).
            | {"updated_at": table.c.updated_at}
        )
    )


def refresh_standing(session: Session | Connection, company_ids: Iterable[int]) -> None:
    """Recompute the standing columns of these companies from their records.

    Core UPDATE statements, so the member's optimistic ``version`` does not move: a new
    certificate does not make a coordinator's open edit of the member stale.  Call it in
    the transaction that wrote the records (after them: it flushes the session first).
    ``Company`` objects already loaded in that session keep their old standing values;
    read the standing again in a new query if needed.
    """
    ids = sorted(set(company_ids))
    if isinstance(session, Session):
        session.flush()
    statement = _update_statement()
    for chunk in chunks(ids, 2_000):
        records = company_records(session, chunk)
        audits = next_planned_audits(session, chunk)
        rows = [
            {"standing_id": cid}
            | {
                f"standing_{name}": value
                for name, value in zip(
                    STANDING_COLUMNS,
                    astuple(standing_of(records[cid], audits.get(cid))),
                    strict=True,
                )
            }
            for cid in chunk
        ]
        if rows:
            session.execute(statement, rows)


def refresh_all_standing(session: Session | Connection) -> None:
    """Recompute every company's standing (migrations, repairs)."""
    ids = list(session.scalars(select(Company.id)))
    refresh_standing(session, ids)


# --- status in SQL --------------------------------------------------------------------


def warning_limit(
    on: date, warning_days: Mapping[str, int], default: int = DEFAULT_EXPIRY_WARNING_DAYS
) -> ColumnElement[date]:
    """The last expiry date that shows as EXPIRING at ``on``, by the company's chapter."""
    whens = {code: on + timedelta(days=days) for code, days in warning_days.items()}
    fallback = literal(on + timedelta(days=default), Company.expires_on.type)
    if not whens:
        return fallback
    return case(
        {code: literal(limit, Company.expires_on.type) for code, limit in whens.items()},
        value=Company.chapter_code,
        else_=fallback,
    )


def status_expression(
    on: date, warning_days: Mapping[str, int], default: int = DEFAULT_EXPIRY_WARNING_DAYS
) -> ColumnElement[str | None]:
    """The company's status at ``on`` as SQL: a MemberStatus value, or NULL.

    Mirrors ``status_at`` over the standing columns; valid for ``on`` on or after the
    latest record (see the module's assumption).  ``warning_days`` maps chapter codes to
    their expiry warning window; other chapters use ``default``.
    """
    day = literal(on, Company.expires_on.type)
    return case(
        (
            Company.certificate_code.is_not(None),
            case(
                (
                    and_(Company.withdrawn_on.is_not(None), Company.withdrawn_on <= day),
                    MemberStatus.WITHDRAWN.value,
                ),
                (Company.expires_on <= day, MemberStatus.EXPIRED.value),
                (
                    and_(Company.suspended_on.is_not(None), Company.suspended_on <= day),
                    MemberStatus.SUSPENDED.value,
                ),
                (
                    Company.expires_on <= warning_limit(on, warning_days, default),
                    MemberStatus.EXPIRING.value,
                ),
                else_=MemberStatus.CERTIFIED.value,
            ),
        ),
        (
            or_(Company.applied_on.is_(None), Company.applied_on > day),
            None,
        ),
        (
            and_(Company.admitted_on.is_not(None), Company.admitted_on <= day),
            MemberStatus.IN_PROCESS.value,
        ),
        else_=MemberStatus.APPLICANT.value,
    )


def status_rank(status: ColumnElement[str | None]) -> ColumnElement[int]:
    """A number that sorts statuses along the certification cycle, no status first."""
    return case(
        {value.value: rank for rank, value in enumerate(STATUS_ORDER, start=1)},
        value=status,
        else_=0,
    )


def in_force_expiring_within(on: date, days: int) -> ColumnElement[bool]:
    """The certificate that counts is in force (not withdrawn, not expired at ``on``) and
    expires within ``days`` days: ``on < expires_on <= on + days``.

    ``expires_on`` is the first day no longer valid, so a certificate expiring today is
    already expired and not counted.  A suspended certificate is still in force here.
    """
    return and_(
        Company.certificate_code.is_not(None),
        Company.withdrawn_on.is_(None),
        Company.expires_on > literal(on, Company.expires_on.type),
        Company.expires_on <= literal(on + timedelta(days=days), Company.expires_on.type),
    )
