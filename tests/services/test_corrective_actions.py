"""Corrective actions: the list and its filters, the company's plan, and follow-up audits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from basc_desktop.domain.errors import LifecycleError, StaleRecordError, ValidationError
from basc_desktop.domain.vocabulary import ActionState, AuditKind, Verdict
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.audits import start_audit
from basc_desktop.services.corrective_actions import (
    actions_to_verify,
    close_action,
    count_actions,
    find_actions,
    get_action,
    submit_action,
    update_action_plan,
    verify_action,
)
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member, planned, reported
from tests.conftest import TODAY

FINDINGS = {"N-5.2": Verdict.MAJOR, "N-6.1": Verdict.MINOR}


def _actions(workspace: Workspace, company: int) -> dict[Verdict, int]:
    return {a.severity: a.id for a in find_actions(workspace, ActionQuery(company_id=company))}


def test_the_company_plans_submits_and_a_follow_up_verifies_and_closes(
    workspace: Workspace,
) -> None:
    company = member(workspace)
    reported(workspace, company, FINDINGS, on=TODAY - timedelta(days=10))
    major = _actions(workspace, company)[Verdict.MAJOR]
    row = get_action(workspace, major)
    planned_row = update_action_plan(
        workspace,
        major,
        description="Firmar la política y publicarla",
        owner="María López, gerente",
        due_on=row.due_on + timedelta(days=5),
        expected_version=row.version,
    )
    assert (planned_row.owner, planned_row.due_on) == (
        "María López, gerente",
        row.due_on + timedelta(days=5),
    )
    with pytest.raises(StaleRecordError, match="changed by tester at"):
        update_action_plan(
            workspace, major, description="x", owner="", due_on=TODAY, expected_version=1
        )
    submitted = submit_action(workspace, major, on=TODAY, note="Política firmada")
    assert (submitted.state, submitted.submitted_on) == (ActionState.SUBMITTED, TODAY)

    follow_up = planned(workspace, company, kind=AuditKind.FOLLOW_UP)
    with pytest.raises(LifecycleError, match="while the follow-up audit is in progress"):
        verify_action(workspace, major, audit_id=follow_up.id)
    start_audit(workspace, follow_up.id)
    assert [a.id for a in actions_to_verify(workspace, follow_up.id)] == [major]
    verified = verify_action(workspace, major, audit_id=follow_up.id, note="Visto en sitio")
    assert (verified.state, verified.verified_on) == (ActionState.VERIFIED, TODAY)
    closed = close_action(workspace, major, note="Cerrada")
    assert (closed.state, closed.closed_on) == (ActionState.CLOSED, TODAY)
    assert closed.closure_note == "Política firmada\nVisto en sitio\nCerrada"
    assert actions_to_verify(workspace, follow_up.id) == []
    # A closed action leaves the default list but is still there for the record.
    assert major not in {a.id for a in find_actions(workspace, ActionQuery(company_id=company))}
    assert count_actions(workspace, ActionQuery(company_id=company, states=())) == 2


def test_forbidden_action_moves_are_refused(workspace: Workspace) -> None:
    company = member(workspace)
    reported(workspace, company, FINDINGS)
    action = _actions(workspace, company)[Verdict.MINOR]
    with pytest.raises(LifecycleError, match="must first be submitted by the company"):
        close_action(workspace, action)
    submit_action(workspace, action)
    with pytest.raises(LifecycleError, match="must be verified by a follow-up audit"):
        close_action(workspace, action)
    with pytest.raises(LifecycleError, match="must be verified by a follow-up audit"):
        submit_action(workspace, action)


def test_only_a_follow_up_of_the_same_company_verifies(workspace: Workspace) -> None:
    company = member(workspace)
    other = member(workspace, name="Otra S.A.S.", seed=2)
    reported(workspace, company, FINDINGS)
    action = _actions(workspace, company)[Verdict.MINOR]
    submit_action(workspace, action)
    certification = planned(workspace, company, kind=AuditKind.RECERTIFICATION)
    start_audit(workspace, certification.id)
    with pytest.raises(LifecycleError, match="Only a follow-up audit can verify"):
        verify_action(workspace, action, audit_id=certification.id)
    elsewhere = planned(workspace, other, kind=AuditKind.FOLLOW_UP)
    start_audit(workspace, elsewhere.id)
    with pytest.raises(LifecycleError, match="is of another company"):
        verify_action(workspace, action, audit_id=elsewhere.id)
    assert get_action(workspace, action).state == ActionState.SUBMITTED


def test_overdue_and_due_this_week(workspace: Workspace) -> None:
    company = member(workspace)
    # Reported 35 days ago in Bogotá: the major (30 days) is overdue, the minor is not.
    reported(workspace, company, FINDINGS, on=TODAY - timedelta(days=35))
    actions = _actions(workspace, company)
    assert get_action(workspace, actions[Verdict.MAJOR]).overdue
    assert not get_action(workspace, actions[Verdict.MINOR]).overdue
    assert [a.id for a in find_actions(workspace, ActionQuery(overdue=True))] == [
        actions[Verdict.MAJOR]
    ]
    minor = get_action(workspace, actions[Verdict.MINOR])
    update_action_plan(
        workspace,
        minor.id,
        description=minor.description,
        owner="",
        due_on=TODAY + timedelta(days=3),
        expected_version=minor.version,
    )
    assert [a.id for a in find_actions(workspace, ActionQuery(due_within_days=7))] == [minor.id]
    with pytest.raises(ValidationError, match="Description is required"):
        update_action_plan(
            workspace,
            minor.id,
            description=" ",
            owner="",
            due_on=TODAY,
            expected_version=minor.version + 1,
        )


def test_list_filters_by_chapter_severity_and_search(workspace: Workspace) -> None:
    bogota = member(workspace, name="Exportadora Andina S.A.S.")
    mexico = member(workspace, chapter="mx-occ", name="Logística Jalisco", seed=3)
    reported(workspace, bogota, FINDINGS)
    reported(workspace, mexico, {"N-7.1": Verdict.MAJOR})

    def companies(**filters: object) -> list[str]:
        query = ActionQuery(**filters)  # type: ignore[arg-type]
        return [a.company_name for a in find_actions(workspace, query)]

    assert companies(chapters=("mx-occ",)) == ["Logística Jalisco"]
    assert sorted(companies(severities=(Verdict.MAJOR,))) == [
        "Exportadora Andina S.A.S.",
        "Logística Jalisco",
    ]
    assert companies(search="andina", severities=(Verdict.MINOR,)) == ["Exportadora Andina S.A.S."]
    assert count_actions(workspace) == 3
    by_due = find_actions(workspace, ActionQuery(order_by="due_on"))
    assert [a.due_on for a in by_due] == sorted(a.due_on for a in by_due)
    assert date(2026, 1, 1) < by_due[0].due_on
