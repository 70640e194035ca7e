"""Planning, starting, reporting and closing audits, as a coordinator does."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from basc_desktop.domain.errors import LifecycleError, StaleRecordError, ValidationError
from basc_desktop.domain.vocabulary import AuditKind, AuditState, BusinessType, Verdict
from basc_desktop.services.audit_forms import AuditPlanInput, AuditQuery
from basc_desktop.services.audits import (
    audits_in_month,
    close_audit,
    count_audits,
    find_audits,
    get_audit,
    report_audit,
    start_audit,
    update_audit_plan,
)
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.services.corrective_actions import ActionQuery, find_actions
from basc_desktop.services.members import get_member
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from tests.audit_factories import auditor, judge_all, member, planned, reported
from tests.conftest import TODAY


def test_planned_audit_shows_company_team_and_next_audit(workspace: Workspace) -> None:
    company = member(workspace)
    lead = auditor(workspace, "Ana Gómez")
    second = auditor(workspace, "Carlos Ruiz")
    row = planned(workspace, company, on=date(2026, 7, 1), lead=lead, team=(second, lead))
    assert (row.company_name, row.chapter_code, row.country) == (
        "Exportadora Andina S.A.S.",
        "co-bog",
        "CO",
    )
    assert (row.kind, row.state, row.standard_version) == (
        AuditKind.CERTIFICATION,
        AuditState.PLANNED,
        "6",
    )
    assert row.lead_auditor == "Ana Gómez"
    assert row.team == ("Carlos Ruiz",)  # the lead is not counted twice
    assert (row.judged, row.total) == (0, 0)
    assert get_member(workspace, company).row.next_audit_on == date(2026, 7, 1)


def test_plan_refuses_unknown_standard_and_auditor(workspace: Workspace) -> None:
    company = member(workspace)
    with pytest.raises(ValidationError, match="no BASC standard version '9'"):
        planned(workspace, company, standard="9")
    with pytest.raises(ValidationError, match="no auditor number 999"):
        planned(workspace, company, lead=999)


def test_replanning_moves_the_date_and_refuses_stale_or_started(workspace: Workspace) -> None:
    company = member(workspace)
    row = planned(workspace, company, on=date(2026, 7, 1))
    data = AuditPlanInput(company, AuditKind.RECERTIFICATION, "6", date(2026, 8, 3), None)
    moved = update_audit_plan(workspace, row.id, data, expected_version=row.version)
    assert (moved.planned_on, moved.kind) == (date(2026, 8, 3), AuditKind.RECERTIFICATION)
    assert get_member(workspace, company).row.next_audit_on == date(2026, 8, 3)
    with pytest.raises(StaleRecordError, match="changed by tester at"):
        update_audit_plan(workspace, row.id, data, expected_version=row.version)
    start_audit(workspace, row.id)
    current = get_audit(workspace, row.id)
    with pytest.raises(LifecycleError, match="Only a planned audit can be re-planned"):
        update_audit_plan(workspace, row.id, data, expected_version=current.version)


def test_every_allowed_move_and_the_forbidden_ones(workspace: Workspace) -> None:
    company = member(workspace)
    row = planned(workspace, company)
    with pytest.raises(LifecycleError, match="A planned audit can only be started"):
        report_audit(workspace, row.id)
    with pytest.raises(LifecycleError, match="A planned audit can only be started"):
        close_audit(workspace, row.id)
    started = start_audit(workspace, row.id, on=date(2026, 6, 16))
    assert (started.state, started.started_on) == (AuditState.IN_PROGRESS, date(2026, 6, 16))
    assert get_member(workspace, company).row.next_audit_on is None
    with pytest.raises(LifecycleError, match="An audit in progress can only be reported"):
        start_audit(workspace, row.id)
    with pytest.raises(LifecycleError, match="An audit in progress can only be reported"):
        close_audit(workspace, row.id)
    judge_all(workspace, row.id)
    done = report_audit(workspace, row.id, on=date(2026, 6, 17))
    assert (done.state, done.finished_on) == (AuditState.REPORTED, date(2026, 6, 17))
    with pytest.raises(LifecycleError, match="A reported audit can only be closed"):
        start_audit(workspace, row.id)
    closed = close_audit(workspace, row.id)
    assert closed.state == AuditState.CLOSED
    for move in (start_audit, report_audit, close_audit):
        with pytest.raises(LifecycleError, match="The audit is closed"):
            move(workspace, row.id)
    actions = _events(workspace, "audit", row.id)
    assert actions == ["plan", "start", "report", "close"]


def _events(workspace: Workspace, record_type: str, record_id: int) -> list[str]:
    with workspace.db.reading() as session:
        return list(
            session.scalars(
                select(Event.action)
                .where(Event.record_type == record_type, Event.record_id == record_id)
                .order_by(Event.id)
            )
        )


def test_report_is_refused_while_requirements_are_unjudged(workspace: Workspace) -> None:
    row = planned(workspace, member(workspace))
    start_audit(workspace, row.id)
    lines = checklist(workspace, row.id)
    for line in lines[:-3]:
        record_verdict(workspace, line.finding_id, Verdict.CONFORMING)
    with pytest.raises(LifecycleError) as refused:
        report_audit(workspace, row.id)
    assert str(refused.value) == (
        f"The audit cannot be reported: 3 of {len(lines)} requirements are not judged yet."
    )
    assert get_audit(workspace, row.id).state == AuditState.IN_PROGRESS


def test_report_makes_an_action_for_each_nonconformity(workspace: Workspace) -> None:
    company = member(workspace)
    row = reported(
        workspace,
        company,
        {"N-5.2": Verdict.MAJOR, "6.0.1-4.1": Verdict.MINOR, "N-4.1": Verdict.OBSERVATION},
        evidence={"N-5.2": "La política no está firmada por la gerencia."},
    )
    actions = find_actions(workspace, ActionQuery(company_id=company))
    assert {(a.requirement_code, a.severity) for a in actions} == {
        ("N-5.2", Verdict.MAJOR),
        ("6.0.1-4.1", Verdict.MINOR),
    }
    by_code = {a.requirement_code: a for a in actions}
    assert by_code["N-5.2"].description == "La política no está firmada por la gerencia."
    assert by_code["6.0.1-4.1"].description == by_code["6.0.1-4.1"].requirement_title
    assert all(a.owner == "" and a.audit_id == row.id for a in actions)


@pytest.mark.parametrize(
    ("chapter", "major", "minor"),
    [
        ("co-bog", date(2026, 7, 15), date(2026, 9, 13)),
        ("mx-occ", date(2026, 7, 30), date(2026, 10, 13)),
    ],
)
def test_due_dates_come_from_the_chapter_file(
    workspace: Workspace, chapter: str, major: date, minor: date
) -> None:
    deadlines = workspace.chapters.get(chapter).deadlines
    assert (major - TODAY).days == deadlines.major
    company = member(workspace, chapter=chapter)
    reported(workspace, company, {"N-5.2": Verdict.MAJOR, "N-6.1": Verdict.MINOR}, on=TODAY)
    due = {a.severity: a.due_on for a in find_actions(workspace, ActionQuery(company_id=company))}
    assert due == {Verdict.MAJOR: major, Verdict.MINOR: minor}


def test_list_filters_by_month_chapter_state_kind_auditor_and_search(
    workspace: Workspace,
) -> None:
    bogota = member(workspace, name="Exportadora Andina S.A.S.", seed=1)
    mexico = member(workspace, chapter="mx-occ", name="Logística Jalisco", seed=2)
    ana, luis = auditor(workspace, "Ana Gómez"), auditor(workspace, "Luis Pérez", "mx-occ")
    june = planned(workspace, bogota, on=date(2026, 6, 20), lead=ana)
    july = planned(workspace, mexico, on=date(2026, 7, 2), lead=luis, team=(ana,))
    follow = planned(workspace, bogota, on=date(2026, 7, 30), kind=AuditKind.FOLLOW_UP)
    start_audit(workspace, june.id)

    def ids(**filters: object) -> list[int]:
        return [r.id for r in find_audits(workspace, AuditQuery(**filters))]  # type: ignore[arg-type]

    assert ids() == [june.id, july.id, follow.id]
    assert ids(month=date(2026, 7, 15)) == [july.id, follow.id]
    assert ids(chapters=("mx-occ",)) == [july.id]
    assert ids(states=(AuditState.IN_PROGRESS,)) == [june.id]
    assert ids(kinds=(AuditKind.FOLLOW_UP,)) == [follow.id]
    assert ids(auditor_id=ana) == [june.id, july.id]
    assert ids(auditor_id=luis) == [july.id]
    assert ids(search="jalisco") == [july.id]
    assert ids(company_id=bogota, descending=True) == [follow.id, june.id]
    assert ids(order_by="company_name") == [june.id, follow.id, july.id]
    assert count_audits(workspace, AuditQuery(month=date(2026, 7, 1))) == 2
    assert [r.id for r in audits_in_month(workspace, 2026, 7, ("co-bog",))] == [follow.id]
    in_progress = get_audit(workspace, june.id)
    assert in_progress.total > 0
    assert in_progress.judged == 0


def test_checklist_applies_to_the_company_business_type(workspace: Workspace) -> None:
    carrier = planned(workspace, member(workspace, business_type=BusinessType.ROAD_CARRIER))
    agent = planned(workspace, member(workspace, business_type=BusinessType.CUSTOMS_AGENT, seed=2))
    start_audit(workspace, carrier.id)
    start_audit(workspace, agent.id)
    carrier_codes = {line.requirement_code for line in checklist(workspace, carrier.id)}
    agent_codes = {line.requirement_code for line in checklist(workspace, agent.id)}
    assert {c.split("-")[0] for c in carrier_codes} == {"N", "6.0.1"}
    assert {c.split("-")[0] for c in agent_codes} == {"N", "6.0.2"}
