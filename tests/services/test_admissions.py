"""Admissions through the services: from the first document to admission, on both databases."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from basc_desktop.domain.admissions import ApplicationState
from basc_desktop.domain.errors import LifecycleError, StaleRecordError, ValidationError
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    BusinessType,
    DocumentState,
    MemberStatus,
)
from basc_desktop.services.admission_forms import ApplicationQuery
from basc_desktop.services.admissions import (
    count_applications,
    decide_application,
    find_applications,
    get_application,
    get_committee_session,
    mark_document,
    open_application,
    plan_committee_session,
    remove_from_committee_session,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company
from tests.admission_factories import SESSION_DAY, applicant, receive_all, status_of
from tests.conftest import TODAY

ADMITTED = ApplicationDecision.ADMITTED
REJECTED = ApplicationDecision.REJECTED
POSTPONED = ApplicationDecision.POSTPONED


def test_the_checklist_follows_the_business_type(workspace: Workspace) -> None:
    guard = applicant(workspace)
    exporter = applicant(
        workspace, business_type=BusinessType.EXPORTER_IMPORTER, name="Café del Volcán", seed=2
    )
    documents = workspace.chapters.get("sv").admission_documents
    assert (guard.documents_received, guard.documents_required) == (0, len(documents) - 1)
    assert exporter.documents_required == len(documents) - 2
    assert guard.state is ApplicationState.COLLECTING
    lines = {d.document_id: d for d in get_application(workspace, guard.id).documents}
    assert lines["operating-permit"].state is DocumentState.MISSING
    assert lines["operating-permit"].title == "Permiso de operación de la Policía Nacional Civil"
    assert lines["customs-agent-licence"].state is DocumentState.NOT_APPLICABLE
    assert not lines["customs-agent-licence"].applies
    english = get_application(workspace, exporter.id, language="en").documents
    permit = next(d for d in english if d.document_id == "operating-permit")
    assert (permit.title, permit.state, permit.applies) == (
        "Operating permit from the National Civil Police",
        DocumentState.NOT_APPLICABLE,
        False,
    )
    assert status_of(workspace, guard.company_id) is MemberStatus.APPLICANT


def test_a_member_has_one_application_at_a_time(workspace: Workspace) -> None:
    row = applicant(workspace)
    with pytest.raises(LifecycleError, match="already has an application"):
        open_application(workspace, row.company_id)
    receive_all(workspace, row.id)
    plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [row.id])
    decide_application(workspace, row.id, REJECTED, reason="Antecedentes negativos")
    again = open_application(workspace, row.company_id)
    assert (again.opened_on, again.state) == (TODAY, ApplicationState.COLLECTING)


def test_marking_documents_counts_them_and_makes_the_application_ready(
    workspace: Workspace,
) -> None:
    row = applicant(workspace)
    detail = mark_document(workspace, row.id, "application-form", DocumentState.RECEIVED)
    form = detail.documents[0]
    assert (form.state, form.received_on) == (DocumentState.RECEIVED, TODAY)
    assert detail.row.documents_received == 1
    assert detail.row.version == row.version + 1
    detail = mark_document(
        workspace, row.id, "application-form", DocumentState.NOT_APPLICABLE, note="Exenta"
    )
    assert (detail.documents[0].received_on, detail.documents[0].note) == (None, "Exenta")
    assert detail.row.documents_required == row.documents_required - 1
    receive_all(workspace, row.id)
    ready = get_application(workspace, row.id).row
    assert ready.state is ApplicationState.READY
    assert ready.documents_received == ready.documents_required == row.documents_required - 1
    with workspace.db.reading() as session:
        actions = session.scalars(
            select(Event.action).where(
                Event.record_type == "application", Event.record_id == row.id
            )
        ).all()
    assert actions[0] == "open"
    assert set(actions[1:]) == {"document"}


def test_a_stale_or_bad_document_change_is_refused(workspace: Workspace) -> None:
    row = applicant(workspace)
    mark_document(workspace, row.id, "application-form", DocumentState.RECEIVED)
    with pytest.raises(StaleRecordError):
        mark_document(
            workspace,
            row.id,
            "tax-id",
            DocumentState.RECEIVED,
            expected_version=row.version,
        )
    with pytest.raises(ValidationError, match="after today"):
        mark_document(
            workspace, row.id, "tax-id", DocumentState.RECEIVED, received_on=date(2026, 7, 1)
        )
    assert get_application(workspace, row.id).row.documents_received == 1


def test_only_ready_applications_go_to_committee(workspace: Workspace) -> None:
    collecting = applicant(workspace)
    with pytest.raises(LifecycleError) as caught:
        plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [collecting.id])
    assert "Permiso de operación de la Policía Nacional Civil" in str(caught.value)
    assert get_application(workspace, collecting.id).row.committee_session_id is None
    receive_all(workspace, collecting.id)
    other = applicant(workspace, name="Vigilancia Total", seed=3)
    receive_all(workspace, other.id)
    first = plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [collecting.id])
    again = plan_committee_session(workspace, "sv", SESSION_DAY, "Ana, Luis", [other.id])
    assert again.id == first.id
    assert (again.applications, again.decided, again.members_present) == (2, 0, "Ana, Luis")
    same = plan_committee_session(workspace, "sv", SESSION_DAY, "", [other.id, collecting.id])
    assert (same.applications, same.members_present) == (2, "Ana, Luis")
    row = get_application(workspace, other.id).row
    assert (row.state, row.committee_on) == (ApplicationState.IN_SESSION, SESSION_DAY)
    with pytest.raises(LifecycleError, match="already on the agenda"):
        plan_committee_session(workspace, "sv", date(2026, 7, 8), "", [other.id])
    with pytest.raises(ValidationError, match="belongs to chapter sv"):
        plan_committee_session(workspace, "pa", SESSION_DAY, "", [other.id])


@pytest.mark.parametrize("decision", [REJECTED, POSTPONED])
def test_a_decision_that_needs_a_reason_is_refused_without_one(
    workspace: Workspace, decision: ApplicationDecision
) -> None:
    row = applicant(workspace)
    version = receive_all(workspace, row.id)
    plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [row.id])
    with pytest.raises(ValidationError, match="needs a reason"):
        decide_application(workspace, row.id, decision, reason="   ")
    unchanged = get_application(workspace, row.id).row
    assert (unchanged.state, unchanged.decision) == (ApplicationState.IN_SESSION, None)
    assert unchanged.version == version + 1  # put on the agenda, nothing more
    decided = decide_application(workspace, row.id, decision, reason="Falta información")
    assert (decided.decision, decided.decision_reason) == (decision, "Falta información")
    assert decided.audit_deadline is None
    assert status_of(workspace, row.company_id) is MemberStatus.APPLICANT


def test_admission_moves_the_status_and_sets_the_deadline(workspace: Workspace) -> None:
    row = applicant(workspace)
    receive_all(workspace, row.id)
    plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [row.id])
    agenda = get_application(workspace, row.id).row
    with pytest.raises(StaleRecordError):
        decide_application(workspace, row.id, ADMITTED, expected_version=agenda.version - 1)
    admitted = decide_application(workspace, row.id, ADMITTED, expected_version=agenda.version)
    assert admitted.state is ApplicationState.ADMITTED
    assert admitted.decided_on == SESSION_DAY
    assert admitted.audit_deadline == date(2027, 3, 10)  # 9 months in El Salvador
    assert status_of(workspace, row.company_id, SESSION_DAY) is MemberStatus.IN_PROCESS
    assert status_of(workspace, row.company_id, date(2026, 6, 9)) is MemberStatus.APPLICANT
    assert status_of(workspace, row.company_id, TODAY) is MemberStatus.IN_PROCESS
    with workspace.db.reading() as session:
        company = session.get(Company, row.company_id)
        assert company is not None
        assert (company.applied_on, company.admitted_on) == (date(2026, 4, 1), SESSION_DAY)
    with pytest.raises(LifecycleError, match="already decided"):
        decide_application(workspace, row.id, REJECTED, reason="x")
    with pytest.raises(LifecycleError, match="can no longer change"):
        mark_document(workspace, row.id, "application-form", DocumentState.MISSING)


def test_admission_is_refused_while_a_document_is_missing(workspace: Workspace) -> None:
    row = applicant(workspace)
    receive_all(workspace, row.id)
    plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [row.id])
    mark_document(workspace, row.id, "operating-permit", DocumentState.MISSING)
    with pytest.raises(LifecycleError) as caught:
        decide_application(workspace, row.id, ADMITTED)
    assert "Permiso de operación de la Policía Nacional Civil" in str(caught.value)
    assert get_application(workspace, row.id).row.decision is None
    assert status_of(workspace, row.company_id) is MemberStatus.APPLICANT


def test_a_session_not_yet_held_cannot_decide(workspace: Workspace) -> None:
    row = applicant(workspace)
    receive_all(workspace, row.id)
    plan_committee_session(workspace, "sv", date(2026, 7, 8), "", [row.id])
    with pytest.raises(ValidationError, match="has not been held yet"):
        decide_application(workspace, row.id, ADMITTED)


def test_a_postponed_application_goes_to_a_later_session(workspace: Workspace) -> None:
    row = applicant(workspace, opened_on=date(2026, 2, 1))
    receive_all(workspace, row.id, on=date(2026, 3, 1))
    may = plan_committee_session(workspace, "sv", date(2026, 5, 13), "Ana", [row.id])
    decide_application(workspace, row.id, POSTPONED, reason="Falta la visita")
    assert find_applications(workspace, ApplicationQuery(states=(ApplicationState.POSTPONED,)))
    june = plan_committee_session(workspace, "sv", SESSION_DAY, "Ana, Luis", [row.id])
    decide_application(workspace, row.id, ADMITTED)
    detail = get_application(workspace, row.id)
    assert detail.history == (
        (date(2026, 5, 13), POSTPONED, "Falta la visita"),
        (SESSION_DAY, ADMITTED, ""),
    )
    assert [
        r.id for r in find_applications(workspace, ApplicationQuery(committee_session_id=may.id))
    ] == [row.id]
    assert june.id != may.id


def test_the_list_filters_sorts_and_counts(workspace: Workspace) -> None:
    names = ["Beta Seguridad", "Alfa Vigilancia", "Gamma Custodia"]
    rows = [applicant(workspace, name=n, seed=i) for i, n in enumerate(names, start=1)]
    receive_all(workspace, rows[1].id)
    receive_all(workspace, rows[2].id)
    plan_committee_session(workspace, "sv", SESSION_DAY, "Ana", [rows[2].id])
    decide_application(workspace, rows[2].id, ADMITTED)
    every = find_applications(workspace, ApplicationQuery(order_by="company_name"))
    assert [r.company_name for r in every] == sorted(names)
    by_state = {r.company_name: r.state for r in every}
    assert by_state == {
        "Beta Seguridad": ApplicationState.COLLECTING,
        "Alfa Vigilancia": ApplicationState.READY,
        "Gamma Custodia": ApplicationState.ADMITTED,
    }
    for state in ApplicationState:
        query = ApplicationQuery(states=(state,))
        found = find_applications(workspace, query)
        assert [r.state for r in found] == [state] * list(by_state.values()).count(state)
        assert count_applications(workspace, query) == len(found)
    assert count_applications(workspace, ApplicationQuery(text="vigilancia")) == 1
    assert count_applications(workspace, ApplicationQuery(chapter_codes=("pa",))) == 0
    soon = ApplicationQuery(deadline_within_days=300)
    assert [r.company_name for r in find_applications(workspace, soon)] == ["Gamma Custodia"]
    assert find_applications(workspace, ApplicationQuery(deadline_within_days=200)) == []
    from basc_desktop.services.admission_forms import APPLICATION_SORTABLE_COLUMNS

    for column in APPLICATION_SORTABLE_COLUMNS:
        for descending in (False, True):
            query = ApplicationQuery(order_by=column, descending=descending, limit=2)
            assert len(find_applications(workspace, query)) == 2
    with pytest.raises(ValueError, match="cannot sort"):
        find_applications(workspace, ApplicationQuery(order_by="nope"))


def test_an_application_can_be_taken_off_the_agenda(workspace: Workspace) -> None:
    row = applicant(workspace, opened_on=date(2026, 2, 1))
    receive_all(workspace, row.id, on=date(2026, 3, 1))
    plan_committee_session(workspace, "sv", date(2026, 5, 13), "Ana", [row.id])
    decide_application(workspace, row.id, POSTPONED, reason="Falta la visita")
    june = plan_committee_session(workspace, "sv", SESSION_DAY, "", [row.id])
    back = remove_from_committee_session(workspace, row.id)
    assert (back.state, back.committee_on, back.decision_reason) == (
        ApplicationState.POSTPONED,
        date(2026, 5, 13),
        "Falta la visita",
    )
    assert get_committee_session(workspace, june.id).items == ()
    with pytest.raises(ValidationError, match="waiting on a committee agenda"):
        remove_from_committee_session(workspace, row.id)
    fresh = applicant(workspace, name="Vigilancia Total", seed=3)
    receive_all(workspace, fresh.id)
    plan_committee_session(workspace, "sv", SESSION_DAY, "", [fresh.id])
    back = remove_from_committee_session(workspace, fresh.id)
    assert (back.state, back.committee_session_id) == (ApplicationState.READY, None)
