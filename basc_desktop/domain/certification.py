"""The certification decision: may a certificate be issued from an audit?  No Qt, no SQL.

A certificate rests on a closed certification or recertification audit.  It is
refused while any major nonconformity of that audit is still open (its corrective
action is not yet verified or closed), and while any minor one has no action plan
(a corrective action with a description).  Each reason is one :class:`Message` that
names what blocks, so the coordinator knows what to do next.

The certificate is valid from its issue date for the chapter's ``validity_months``;
its expiry date is the first day it is no longer valid.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from basc_desktop.domain.errors import LifecycleError, ValidationError
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    CertificateEventKind,
    CertificateState,
    Verdict,
)

__all__ = [
    "CERTIFYING_KINDS",
    "AuditFacts",
    "NonconformityFacts",
    "check_may_issue",
    "check_move_date",
    "event_label",
    "expiry_date",
    "issue_refusals",
    "refusal_error",
    "state_label",
]

CERTIFYING_KINDS: frozenset[AuditKind] = frozenset(
    {AuditKind.CERTIFICATION, AuditKind.RECERTIFICATION}
)
"""The audits a certificate can rest on."""

RESOLVED_ACTION_STATES: frozenset[ActionState] = frozenset(
    {ActionState.VERIFIED, ActionState.CLOSED}
)
"""A major nonconformity whose action is in one of these states is no longer open."""

_STATE_LABELS: dict[CertificateState, str] = {
    CertificateState.VALID: _("Valid"),
    CertificateState.SUSPENDED: _("Suspended"),
    CertificateState.WITHDRAWN: _("Withdrawn"),
    CertificateState.SUPERSEDED: _("Superseded"),
}

_EVENT_LABELS: dict[CertificateEventKind, str] = {
    CertificateEventKind.ISSUED: _("Issued"),
    CertificateEventKind.SUSPENDED: _("Suspended"),
    CertificateEventKind.REINSTATED: _("Reinstated"),
    CertificateEventKind.WITHDRAWN: _("Withdrawn"),
    CertificateEventKind.SUPERSEDED: _("Superseded"),
}


def state_label(state: CertificateState) -> str:
    """A certificate's state as a word ("Suspended"), marked for translation."""
    return _STATE_LABELS[CertificateState(state)]


def event_label(kind: CertificateEventKind) -> str:
    """A certificate event as a word ("Reinstated"), marked for translation."""
    return _EVENT_LABELS[CertificateEventKind(kind)]


@dataclass(frozen=True)
class NonconformityFacts:
    """A minor or major nonconformity of an audit and its corrective action, if any."""

    requirement_code: str
    verdict: Verdict
    action_state: ActionState | None = None
    """None when no corrective action was recorded."""
    action_description: str = ""


@dataclass(frozen=True)
class AuditFacts:
    """What the decision on an audit is taken from."""

    audit_id: int
    kind: AuditKind
    state: AuditState
    nonconformities: tuple[NonconformityFacts, ...] = ()
    reported_on: date | None = None
    certificate_code: str | None = None
    """The certificate already issued from this audit, if any."""


def issue_refusals(audit: AuditFacts, issued_on: date, today: date) -> tuple[Message, ...]:
    """Every reason a certificate may not be issued from ``audit`` on ``issued_on``.

    Empty when it may be issued.  Requirement codes are listed in code order.
    """
    refusals: list[Message] = []
    if audit.certificate_code is not None:
        refusals.append(
            Message(
                _("Audit {id} already has its certificate, {code}."),
                {"id": audit.audit_id, "code": audit.certificate_code},
            )
        )
    if audit.kind not in CERTIFYING_KINDS:
        refusals.append(
            Message(
                _(
                    "A certificate rests on a certification or recertification audit; "
                    "audit {id} is “{kind}”."
                ),
                {"id": audit.audit_id, "kind": audit.kind.label},
            )
        )
    if audit.state is not AuditState.CLOSED:
        refusals.append(
            Message(
                _("Audit {id} is “{state}”: a certificate is issued once the audit is closed."),
                {"id": audit.audit_id, "state": audit.state.label},
            )
        )
    open_majors = _codes(
        n
        for n in audit.nonconformities
        if n.verdict is Verdict.MAJOR and n.action_state not in RESOLVED_ACTION_STATES
    )
    if open_majors:
        refusals.append(
            _counted(
                open_majors,
                _("1 major nonconformity is still open: {codes}."),
                _("{count} major nonconformities are still open: {codes}."),
            )
        )
    unplanned = _codes(
        n
        for n in audit.nonconformities
        if n.verdict is Verdict.MINOR
        and (n.action_state is None or not n.action_description.strip())
    )
    if unplanned:
        refusals.append(
            _counted(
                unplanned,
                _("1 minor nonconformity has no action plan: {codes}."),
                _("{count} minor nonconformities have no action plan: {codes}."),
            )
        )
    if issued_on > today:
        refusals.append(Message(_("The issue date {date} is in the future."), {"date": issued_on}))
    if audit.reported_on is not None and issued_on < audit.reported_on:
        refusals.append(
            Message(
                _("The issue date {date} is before the audit was reported ({reported})."),
                {"date": issued_on, "reported": audit.reported_on},
            )
        )
    return tuple(refusals)


def check_may_issue(audit: AuditFacts, issued_on: date, today: date) -> None:
    """Raise :class:`LifecycleError` with every reason, if a certificate may not be issued."""
    refusals = issue_refusals(audit, issued_on, today)
    if refusals:
        raise refusal_error(refusals)


def refusal_error(refusals: Sequence[Message]) -> LifecycleError:
    """One :class:`LifecycleError` that gives every reason, one per line."""
    if len(refusals) == 1:
        return LifecycleError(refusals[0].template, **refusals[0].params)
    # Each reason is its own translatable message; the joined template needs none.
    template = "\n".join(f"{{reason{n}}}" for n in range(len(refusals)))
    return LifecycleError(template, **{f"reason{n}": m for n, m in enumerate(refusals)})


def expiry_date(issued_on: date, validity_months: int) -> date:
    """The first day a certificate issued on ``issued_on`` is no longer valid.

    The same day ``validity_months`` later; a day the month lacks becomes its last
    day (issued 2024-02-29 for 12 months: expires 2025-02-28).
    """
    if validity_months < 1:
        raise ValueError(f"validity_months must be at least 1, not {validity_months}")
    months = issued_on.month - 1 + validity_months
    year, month = issued_on.year + months // 12, months % 12 + 1
    day = min(issued_on.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def check_move_date(
    on: date, today: date, issued_on: date, last_change_on: date | None = None
) -> None:
    """Refuse a suspension, reinstatement or withdrawal dated in the future, before the
    certificate was issued, or before its last change (its history reads in order)."""
    label = _("Date")
    if on > today:
        raise ValidationError("on", _("{date} is in the future."), label=label, date=on)
    if on < issued_on:
        raise ValidationError(
            "on",
            _("{date} is before the certificate was issued ({issued})."),
            label=label,
            date=on,
            issued=issued_on,
        )
    if last_change_on is not None and on < last_change_on:
        raise ValidationError(
            "on",
            _("{date} is before the certificate's last change ({last})."),
            label=label,
            date=on,
            last=last_change_on,
        )


def _codes(items: Iterable[NonconformityFacts]) -> list[str]:
    return sorted((n.requirement_code for n in items), key=_code_key)


def _code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Sort 4.10 after 4.9 and 6.0.1-2 after 4.1."""
    parts = code.replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _counted(codes: list[str], one: str, many: str) -> Message:
    if len(codes) == 1:
        return Message(one, {"codes": codes[0]})
    return Message(many, {"count": len(codes), "codes": ", ".join(codes)})
