"""The rules of audits and corrective actions: every move, due dates, overdue."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from basc_desktop.domain.audits import (
    action_due_on,
    check_action_move,
    check_audit_move,
    is_nonconformity,
    is_overdue,
    requirement_applies,
)
from basc_desktop.domain.chapter import Deadlines
from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.vocabulary import ActionState, AuditState, BusinessType, Verdict

AUDIT_MOVES = {
    (AuditState.PLANNED, AuditState.IN_PROGRESS),
    (AuditState.IN_PROGRESS, AuditState.REPORTED),
    (AuditState.REPORTED, AuditState.CLOSED),
}
ACTION_MOVES = {
    (ActionState.OPEN, ActionState.SUBMITTED),
    (ActionState.SUBMITTED, ActionState.VERIFIED),
    (ActionState.VERIFIED, ActionState.CLOSED),
}


@pytest.mark.parametrize(("state", "target"), sorted(AUDIT_MOVES))
def test_each_allowed_audit_move_passes(state: AuditState, target: AuditState) -> None:
    check_audit_move(state, target)


AUDIT_REASONS = {
    AuditState.PLANNED: "A planned audit can only be started",
    AuditState.IN_PROGRESS: "An audit in progress can only be reported",
    AuditState.REPORTED: "A reported audit can only be closed",
    AuditState.CLOSED: "The audit is closed; nothing more can happen to it.",
}


@pytest.mark.parametrize(
    ("state", "target"),
    sorted(set(product(AuditState, AuditState)) - AUDIT_MOVES),
)
def test_each_forbidden_audit_move_is_refused_with_its_reason(
    state: AuditState, target: AuditState
) -> None:
    with pytest.raises(LifecycleError) as refused:
        check_audit_move(state, target)
    assert str(refused.value).startswith(AUDIT_REASONS[state])


def test_audit_refusal_names_the_move() -> None:
    with pytest.raises(LifecycleError, match="it cannot go to “Reported” before it is carried out"):
        check_audit_move(AuditState.PLANNED, AuditState.REPORTED)
    with pytest.raises(LifecycleError, match="it cannot go to “In progress”"):
        check_audit_move(AuditState.REPORTED, AuditState.IN_PROGRESS)


@pytest.mark.parametrize(("state", "target"), sorted(ACTION_MOVES))
def test_each_allowed_action_move_passes(state: ActionState, target: ActionState) -> None:
    check_action_move(state, target)


ACTION_REASONS = {
    ActionState.OPEN: "An open corrective action must first be submitted",
    ActionState.SUBMITTED: "A submitted corrective action must be verified by a follow-up audit",
    ActionState.VERIFIED: "A verified corrective action can only be closed",
    ActionState.CLOSED: "The corrective action is closed; nothing more can happen to it.",
}


@pytest.mark.parametrize(
    ("state", "target"),
    sorted(set(product(ActionState, ActionState)) - ACTION_MOVES),
)
def test_each_forbidden_action_move_is_refused_with_its_reason(
    state: ActionState, target: ActionState
) -> None:
    with pytest.raises(LifecycleError) as refused:
        check_action_move(state, target)
    assert str(refused.value).startswith(ACTION_REASONS[state])


def test_requirement_for_no_business_type_applies_to_all() -> None:
    assert all(requirement_applies([], kind) for kind in BusinessType)
    assert requirement_applies(["warehouse"], BusinessType.WAREHOUSE)
    assert not requirement_applies(["warehouse"], BusinessType.CUSTOMS_AGENT)


def test_due_dates_follow_the_chapter_deadlines() -> None:
    found = date(2026, 6, 15)
    bogota, occidente = Deadlines(major=30, minor=90), Deadlines(major=45, minor=120)
    assert action_due_on(Verdict.MAJOR, found, bogota) == date(2026, 7, 15)
    assert action_due_on(Verdict.MINOR, found, bogota) == date(2026, 9, 13)
    assert action_due_on(Verdict.MAJOR, found, occidente) == date(2026, 7, 30)
    assert action_due_on(Verdict.MINOR, found, occidente) == date(2026, 10, 13)
    with pytest.raises(ValueError, match="needs no corrective action"):
        action_due_on(Verdict.OBSERVATION, found, bogota)


def test_only_minor_and_major_are_nonconformities() -> None:
    assert {v for v in Verdict if is_nonconformity(v)} == {Verdict.MINOR, Verdict.MAJOR}
    assert not is_nonconformity(None)


def test_overdue_is_past_the_due_date_and_not_yet_verified() -> None:
    due, today = date(2026, 6, 10), date(2026, 6, 15)
    assert is_overdue(ActionState.OPEN, due, today)
    assert is_overdue(ActionState.SUBMITTED, due, today)
    assert not is_overdue(ActionState.VERIFIED, due, today)
    assert not is_overdue(ActionState.CLOSED, due, today)
    assert not is_overdue(ActionState.OPEN, today, today)


def test_every_state_and_verdict_has_a_label() -> None:
    for enum in (AuditState, ActionState, Verdict):
        assert all(member.label for member in enum)  # type: ignore[attr-defined]
