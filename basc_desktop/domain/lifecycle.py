"""A company's certification status at any date, computed from its records.

Status is never typed in by hand: it follows from the application and admission
dates and from the certificates with their events (suspended, reinstated,
withdrawn, superseded).  Any past date can be asked about, so every function here
takes the date ``on`` and ignores whatever happened after it.

The certificate that counts at a date is the one most recently issued on or before
that date, so a renewal supersedes the old certificate as soon as it is issued.

This module also holds the moves a single certificate allows
(:func:`allowed_certificate_moves`, :func:`check_certificate_move`,
:func:`state_after`), which the services check before recording an event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import CertificateEventKind, CertificateState, MemberStatus

DEFAULT_EXPIRY_WARNING_DAYS = 60
"""How many days before expiry a certificate shows as expiring, unless the chapter says."""


@dataclass(frozen=True)
class CertificateEvent:
    """Something that happened to a certificate on a date (its reason is kept elsewhere)."""

    on: date
    kind: CertificateEventKind


@dataclass(frozen=True)
class CertificateRecord:
    """A certificate as the lifecycle sees it.

    ``expires_on`` is the first day the certificate is no longer valid: one issued
    2024-11-22 and expiring 2025-11-22 is valid through 2025-11-21.  ``events`` may
    come in any order; events on the same day keep their order in the tuple.
    """

    code: str
    issued_on: date
    expires_on: date
    events: tuple[CertificateEvent, ...] = ()


@dataclass(frozen=True)
class CompanyRecords:
    """What a company's status is computed from."""

    applied_on: date | None
    admitted_on: date | None
    certificates: tuple[CertificateRecord, ...] = ()


# --- status of a company -------------------------------------------------------------


def counting_certificate(records: CompanyRecords, on: date) -> CertificateRecord | None:
    """The certificate that decides the company's status at ``on``, if any.

    It is the one with the latest issue date on or before ``on``; ties go to the
    latest expiry, then to the greatest code.  Certificates issued after ``on`` do
    not exist yet at that date.
    """
    issued = [cert for cert in records.certificates if cert.issued_on <= on]
    if not issued:
        return None
    return max(issued, key=lambda cert: (cert.issued_on, cert.expires_on, cert.code))


def status_at(
    records: CompanyRecords,
    on: date,
    *,
    expiry_warning_days: int = DEFAULT_EXPIRY_WARNING_DAYS,
) -> MemberStatus | None:
    """The company's status at ``on``, or None if it was not yet known to the chapter.

    With a certificate issued by ``on`` (see :func:`counting_certificate`), in this
    order: WITHDRAWN if it was withdrawn on or before ``on`` (final, and it beats
    expiry); EXPIRED from its expiry date on; SUSPENDED if its last suspension or
    reinstatement by ``on`` is a suspension; EXPIRING when ``expiry_warning_days``
    or fewer days remain; otherwise CERTIFIED.  Superseded events do not change the
    status: a renewal takes over by its issue date.

    Without a certificate: None if the company had not applied by ``on``, else
    IN_PROCESS once admitted, else APPLICANT.  Events dated after ``on`` are ignored.
    """
    cert = counting_certificate(records, on)
    if cert is None:
        if records.applied_on is None or records.applied_on > on:
            return None
        if records.admitted_on is not None and records.admitted_on <= on:
            return MemberStatus.IN_PROCESS
        return MemberStatus.APPLICANT

    events = _events_until(cert, on)
    if any(event.kind is CertificateEventKind.WITHDRAWN for event in events):
        return MemberStatus.WITHDRAWN
    if on >= cert.expires_on:
        return MemberStatus.EXPIRED
    if _is_suspended(events):
        return MemberStatus.SUSPENDED
    if days_until_expiry(cert, on) <= expiry_warning_days:
        return MemberStatus.EXPIRING
    return MemberStatus.CERTIFIED


def days_until_expiry(cert: CertificateRecord, on: date) -> int:
    """Days from ``on`` to the expiry date: 1 on the last valid day, 0 on expiry, then negative."""
    return (cert.expires_on - on).days


# --- state of one certificate -------------------------------------------------------


def certificate_state_at(cert: CertificateRecord, on: date) -> CertificateState:
    """The certificate's own state at ``on``, from its events dated on or before ``on``.

    WITHDRAWN if it has a withdrawal, else SUPERSEDED if it has a supersession, else
    SUSPENDED if its last suspension or reinstatement is a suspension, else VALID.
    Expiry is not a state of its own here: show it with :func:`days_until_expiry`.
    """
    events = _events_until(cert, on)
    kinds = {event.kind for event in events}
    if CertificateEventKind.WITHDRAWN in kinds:
        return CertificateState.WITHDRAWN
    if CertificateEventKind.SUPERSEDED in kinds:
        return CertificateState.SUPERSEDED
    if _is_suspended(events):
        return CertificateState.SUSPENDED
    return CertificateState.VALID


_MOVES: dict[CertificateState, dict[CertificateEventKind, CertificateState]] = {
    CertificateState.VALID: {
        CertificateEventKind.SUSPENDED: CertificateState.SUSPENDED,
        CertificateEventKind.WITHDRAWN: CertificateState.WITHDRAWN,
        CertificateEventKind.SUPERSEDED: CertificateState.SUPERSEDED,
    },
    CertificateState.SUSPENDED: {
        CertificateEventKind.REINSTATED: CertificateState.VALID,
        CertificateEventKind.WITHDRAWN: CertificateState.WITHDRAWN,
        CertificateEventKind.SUPERSEDED: CertificateState.SUPERSEDED,
    },
    CertificateState.WITHDRAWN: {},
    CertificateState.SUPERSEDED: {},
}

_ISSUED_AGAIN = _(
    "A certificate is issued only once: a renewal issues a new certificate with the next "
    "issue number."
)

_REFUSALS: dict[tuple[CertificateState, CertificateEventKind], str] = {
    (CertificateState.VALID, CertificateEventKind.ISSUED): _ISSUED_AGAIN,
    (CertificateState.VALID, CertificateEventKind.REINSTATED): _(
        "Only a suspended certificate can be reinstated: this one is valid."
    ),
    (CertificateState.SUSPENDED, CertificateEventKind.ISSUED): _ISSUED_AGAIN,
    (CertificateState.SUSPENDED, CertificateEventKind.SUSPENDED): _(
        "This certificate is already suspended."
    ),
    (CertificateState.WITHDRAWN, CertificateEventKind.ISSUED): _ISSUED_AGAIN,
    (CertificateState.WITHDRAWN, CertificateEventKind.SUSPENDED): _(
        "A withdrawn certificate cannot be suspended: withdrawal is final."
    ),
    (CertificateState.WITHDRAWN, CertificateEventKind.REINSTATED): _(
        "A withdrawn certificate cannot be reinstated: withdrawal is final."
    ),
    (CertificateState.WITHDRAWN, CertificateEventKind.WITHDRAWN): _(
        "This certificate is already withdrawn."
    ),
    (CertificateState.WITHDRAWN, CertificateEventKind.SUPERSEDED): _(
        "A withdrawn certificate cannot be superseded: withdrawal is final."
    ),
    (CertificateState.SUPERSEDED, CertificateEventKind.ISSUED): _ISSUED_AGAIN,
    (CertificateState.SUPERSEDED, CertificateEventKind.SUSPENDED): _(
        "A superseded certificate cannot be suspended: its renewal is the one in force."
    ),
    (CertificateState.SUPERSEDED, CertificateEventKind.REINSTATED): _(
        "A superseded certificate cannot be reinstated: its renewal is the one in force."
    ),
    (CertificateState.SUPERSEDED, CertificateEventKind.WITHDRAWN): _(
        "A superseded certificate cannot be withdrawn: withdraw its renewal instead."
    ),
    (CertificateState.SUPERSEDED, CertificateEventKind.SUPERSEDED): _(
        "This certificate is already superseded."
    ),
}


def allowed_certificate_moves(state: CertificateState) -> frozenset[CertificateEventKind]:
    """The events that may be recorded on a certificate in ``state``."""
    return frozenset(_MOVES[state])


def check_certificate_move(state: CertificateState, kind: CertificateEventKind) -> None:
    """Raise LifecycleError, saying why, if a certificate in ``state`` may not take ``kind``."""
    if kind in _MOVES[state]:
        return
    raise LifecycleError(_REFUSALS[state, kind], state=state.value, move=kind.value)


def state_after(state: CertificateState, kind: CertificateEventKind) -> CertificateState:
    """The state a certificate in ``state`` reaches by ``kind``; LifecycleError if not allowed."""
    check_certificate_move(state, kind)
    return _MOVES[state][kind]


# --- helpers ------------------------------------------------------------------------


def _events_until(cert: CertificateRecord, on: date) -> list[CertificateEvent]:
    """The certificate's events dated on or before ``on``, oldest first (stable by day)."""
    return sorted((event for event in cert.events if event.on <= on), key=lambda e: e.on)


def _is_suspended(events: Iterable[CertificateEvent]) -> bool:
    """Whether the last suspension-or-reinstatement among ``events`` (in order) is a suspension."""
    suspended = False
    for event in events:
        if event.kind is CertificateEventKind.SUSPENDED:
            suspended = True
        elif event.kind is CertificateEventKind.REINSTATED:
            suspended = False
    return suspended
