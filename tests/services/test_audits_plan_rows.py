"""What the audits list gives back about a plan: enough to refill the plan form."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from basc_desktop.domain.errors import StaleRecordError
from basc_desktop.domain.vocabulary import AuditKind, AuditState
from basc_desktop.services.audit_forms import AuditPlanInput, AuditQuery
from basc_desktop.services.audits import (
    find_audits,
    get_audit,
    plan_audit,
    start_audit,
    update_audit_plan,
)
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import auditor, member, planned
from tests.conftest import TODAY


def test_a_planned_audit_gives_back_its_lead_team_and_summary(workspace: Workspace) -> None:
    company = member(workspace)
    vega = auditor(workspace, "Inés Vega")
    prado = auditor(workspace, "Lucía Prado")
    rios = auditor(workspace, "Mateo Ríos")
    plan = AuditPlanInput(
        company_id=company,
        kind=AuditKind.RECERTIFICATION,
        standard_version="6",
        planned_on=date(2026, 7, 8),
        lead_auditor_id=prado,
        team_ids=(rios, prado, vega),  # the lead is not counted twice
        summary="  Planta de Funza y bodega del aeropuerto  ",
    )
    row = plan_audit(workspace, plan)

    assert (row.lead_auditor, row.lead_auditor_id) == ("Lucía Prado", prado)
    assert row.team == ("Inés Vega", "Mateo Ríos")
    assert row.team_ids == (vega, rios)  # in the order of the names
    assert row.summary == "Planta de Funza y bodega del aeropuerto"
    listed = find_audits(workspace, AuditQuery(company_id=company))
    assert listed == [row] == [get_audit(workspace, row.id)]
    # The row is what the plan form starts from: saving it back unchanged changes nothing.
    assert row.plan() == replace(plan, team_ids=(vega, rios), summary=row.summary)
    again = update_audit_plan(workspace, row.id, row.plan(), expected_version=row.version)
    assert again == row


def test_an_audit_without_auditors_gives_back_none_and_no_team(workspace: Workspace) -> None:
    row = planned(workspace, member(workspace))
    assert (row.lead_auditor, row.lead_auditor_id, row.team, row.team_ids, row.summary) == (
        "",
        None,
        (),
        (),
        "",
    )
    start_audit(workspace, row.id)
    started = get_audit(workspace, row.id)
    assert started.state == AuditState.IN_PROGRESS
    assert started.plan() == row.plan()


def test_changing_only_the_team_is_seen_by_whoever_read_the_audit_before(
    workspace: Workspace,
) -> None:
    company = member(workspace)
    prado = auditor(workspace, "Lucía Prado")
    rios = auditor(workspace, "Mateo Ríos")
    read_by_both = planned(workspace, company, on=TODAY + timedelta(days=10), lead=prado)

    changed = update_audit_plan(
        workspace,
        read_by_both.id,
        replace(read_by_both.plan(), team_ids=(rios,)),
        expected_version=read_by_both.version,
    )
    assert changed.team_ids == (rios,)
    assert changed.version > read_by_both.version

    with pytest.raises(StaleRecordError, match="changed by tester at"):
        update_audit_plan(
            workspace,
            read_by_both.id,
            replace(read_by_both.plan(), lead_auditor_id=rios),
            expected_version=read_by_both.version,
        )
    assert get_audit(workspace, read_by_both.id) == changed
