"""The rules of an audit and of the corrective actions that follow it.  No Qt, no SQL.

An audit moves planned → in progress → reported → closed; a corrective action moves
open → submitted → verified → closed.  Any other move is refused with a
:class:`LifecycleError` that says why.  Each minor or major nonconformity becomes a
corrective action, due a number of days after the report that the chapter sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from basc_desktop.domain.chapter import Deadlines
from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import ActionState, AuditState, BusinessType, Verdict

__all__ = [
    "NONCONFORMITIES",
    "action_due_on",
    "check_action_move",
    "check_audit_move",
    "is_nonconformity",
    "is_overdue",
    "requirement_applies",
]

_AUDIT_NEXT: dict[AuditState, AuditState] = {
    AuditState.PLANNED: AuditState.IN_PROGRESS,
    AuditState.IN_PROGRESS: AuditState.REPORTED,
    AuditState.REPORTED: AuditState.CLOSED,
}

_AUDIT_REFUSALS: dict[AuditState, str] = {
    AuditState.PLANNED: _(
        "A planned audit can only be started; it cannot go to “{target}” before it is carried out."
    ),
    AuditState.IN_PROGRESS: _(
        "An audit in progress can only be reported; it cannot go to “{target}” now."
    ),
    AuditState.REPORTED: _("A reported audit can only be closed; it cannot go to “{target}”."),
    AuditState.CLOSED: _("The audit is closed; nothing more can happen to it."),
}

_ACTION_NEXT: dict[ActionState, ActionState] = {
    ActionState.OPEN: ActionState.SUBMITTED,
    ActionState.SUBMITTED: ActionState.VERIFIED,
    ActionState.VERIFIED: ActionState.CLOSED,
}

_ACTION_REFUSALS: dict[ActionState, str] = {
    ActionState.OPEN: _(
        "An open corrective action must first be submitted by the company; "
        "it cannot go to “{target}” yet."
    ),
    ActionState.SUBMITTED: _(
        "A submitted corrective action must be verified by a follow-up audit; "
        "it cannot go to “{target}” now."
    ),
    ActionState.VERIFIED: _(
        "A verified corrective action can only be closed; it cannot go to “{target}”."
    ),
    ActionState.CLOSED: _("The corrective action is closed; nothing more can happen to it."),
}

NONCONFORMITIES: frozenset[Verdict] = frozenset({Verdict.MINOR, Verdict.MAJOR})
"""The verdicts that call for a corrective action."""


def check_audit_move(state: AuditState, target: AuditState) -> None:
    """Raise :class:`LifecycleError`, saying why, unless an audit may go ``state`` → ``target``."""
    if _AUDIT_NEXT.get(state) == target:
        return
    raise LifecycleError(
        _AUDIT_REFUSALS[state],
        state=state.value,
        target=target.label,
    )


def check_action_move(state: ActionState, target: ActionState) -> None:
    """Raise :class:`LifecycleError`, saying why, unless an action may go ``state`` → ``target``."""
    if _ACTION_NEXT.get(state) == target:
        return
    raise LifecycleError(
        _ACTION_REFUSALS[state],
        state=state.value,
        target=target.label,
    )


def requirement_applies(business_types: Sequence[str], business_type: BusinessType) -> bool:
    """Whether a requirement for ``business_types`` (codes; empty = all) applies to a company."""
    return not business_types or BusinessType(business_type).value in business_types


def is_nonconformity(verdict: Verdict | None) -> bool:
    """A minor or major nonconformity: the verdicts that need a corrective action."""
    return verdict in NONCONFORMITIES


def action_due_on(verdict: Verdict, found_on: date, deadlines: Deadlines) -> date:
    """When the corrective action for a ``verdict`` found on ``found_on`` is due.

    The chapter's deadline for a major or a minor nonconformity, counted in calendar
    days from ``found_on`` (the day the audit was reported).
    """
    if verdict == Verdict.MAJOR:
        return found_on + timedelta(days=deadlines.major)
    if verdict == Verdict.MINOR:
        return found_on + timedelta(days=deadlines.minor)
    raise ValueError(f"a {verdict.value} verdict needs no corrective action")


def is_overdue(state: ActionState, due_on: date, today: date) -> bool:
    """An action still waiting for the company (open) or its verification, past its due date.

    Submitted actions count too: the company said it is done, but until a follow-up
    audit verifies it, the nonconformity stays open past its deadline.
    """
    return state in (ActionState.OPEN, ActionState.SUBMITTED) and due_on < today
