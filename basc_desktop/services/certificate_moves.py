"""Suspending, reinstating and withdrawing a certificate: dated, with a reason.

The domain lifecycle decides which move a certificate allows; each move is kept in
the certificate's history with its date, reason and who recorded it, and the
company's standing follows in the same transaction.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from basc_desktop.domain import validation
from basc_desktop.domain.certification import check_move_date
from basc_desktop.domain.errors import NotFoundError, StaleRecordError
from basc_desktop.domain.lifecycle import allowed_certificate_moves, state_after
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import CertificateEventKind
from basc_desktop.services.access import require_certificate
from basc_desktop.services.certificate_forms import CertificateRow
from basc_desktop.services.certificate_list import load_certificate_row
from basc_desktop.services.trail import record_event, stale_error_after_rollback
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.standing import refresh_standing

__all__ = [
    "COORDINATOR_MOVES",
    "allowed_moves",
    "reinstate_certificate",
    "suspend_certificate",
    "withdraw_certificate",
]

RECORD_TYPE = "certificate"
REASON_MAX_LENGTH = 2000

COORDINATOR_MOVES: frozenset[CertificateEventKind] = frozenset(
    {
        CertificateEventKind.SUSPENDED,
        CertificateEventKind.REINSTATED,
        CertificateEventKind.WITHDRAWN,
    }
)
"""The moves a coordinator makes by hand; issue and supersession come from issuing."""

_ACTIONS = {
    CertificateEventKind.SUSPENDED: "suspend",
    CertificateEventKind.REINSTATED: "reinstate",
    CertificateEventKind.WITHDRAWN: "withdraw",
}


def allowed_moves(row: CertificateRow) -> frozenset[CertificateEventKind]:
    """What the coordinator may do to the certificate now: suspend, reinstate, withdraw."""
    return allowed_certificate_moves(row.state) & COORDINATOR_MOVES


def _stale(ws: Workspace, certificate_id: int, code: str) -> StaleRecordError:
    record = Message(_("Certificate {code}"), {"code": code})
    return stale_error_after_rollback(ws, RECORD_TYPE, certificate_id, record)


def _move(
    ws: Workspace,
    certificate_id: int,
    kind: CertificateEventKind,
    reason: str,
    on: date | None,
    expected_version: int | None,
) -> CertificateRow:
    text = validation.require("reason", _("Reason"), reason, max_length=REASON_MAX_LENGTH)
    day = on or ws.today()
    with ws.db.transaction() as session:
        require_certificate(ws, session, certificate_id)
        cert = session.get(Certificate, certificate_id)
        if cert is None:
            raise NotFoundError(_("Certificate {id} does not exist."), id=certificate_id)
        if expected_version is not None and cert.version != expected_version:
            raise _stale(ws, cert.id, cert.code)
        before, code = cert.state, cert.code
        after = state_after(before, kind)
        last_change = session.scalar(
            select(func.max(CertificateEvent.occurred_on)).where(
                CertificateEvent.certificate_id == cert.id
            )
        )
        check_move_date(day, ws.today(), cert.issued_on, last_change)
        cert.state = after
        session.add(
            CertificateEvent(
                certificate_id=cert.id,
                occurred_on=day,
                kind=kind,
                reason=text,
                recorded_by=ws.user,
            )
        )
        try:
            session.flush()
        except StaleDataError:  # saved by someone else between our read and this write
            raise _stale(ws, certificate_id, code) from None
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            cert.id,
            _ACTIONS[kind],
            {"state": (before, after), "on": day, "reason": text},
        )
        refresh_standing(session, [cert.company_id])
        return load_certificate_row(ws, session, cert.id)


def suspend_certificate(
    ws: Workspace,
    certificate_id: int,
    *,
    reason: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> CertificateRow:
    """Suspend a valid certificate from ``on`` (today), for ``reason``."""
    return _move(ws, certificate_id, CertificateEventKind.SUSPENDED, reason, on, expected_version)


def reinstate_certificate(
    ws: Workspace,
    certificate_id: int,
    *,
    reason: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> CertificateRow:
    """Reinstate a suspended certificate from ``on`` (today), for ``reason``."""
    return _move(ws, certificate_id, CertificateEventKind.REINSTATED, reason, on, expected_version)


def withdraw_certificate(
    ws: Workspace,
    certificate_id: int,
    *,
    reason: str,
    on: date | None = None,
    expected_version: int | None = None,
) -> CertificateRow:
    """Withdraw a certificate for good from ``on`` (today), for ``reason``."""
    return _move(ws, certificate_id, CertificateEventKind.WITHDRAWN, reason, on, expected_version)
