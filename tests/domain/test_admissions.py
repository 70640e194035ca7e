"""The rules of admission: checklist by business type, state, decisions, deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.admissions import (
    ApplicationState,
    add_months,
    application_state,
    audit_deadline,
    check_decision,
    check_may_schedule,
    checklist_for,
    days_left,
    is_ready,
    progress,
)
from basc_desktop.domain.errors import LifecycleError, ValidationError
from basc_desktop.domain.lifecycle import CompanyRecords, status_at
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    BusinessType,
    DocumentState,
    MemberStatus,
)

ADMITTED = ApplicationDecision.ADMITTED
REJECTED = ApplicationDecision.REJECTED
POSTPONED = ApplicationDecision.POSTPONED


def test_the_operating_permit_is_asked_only_of_security_companies(
    chapters: ChapterRegistry,
) -> None:
    documents = chapters.get("sv").admission_documents
    security = checklist_for(documents, BusinessType.SECURITY_COMPANY)
    exporter = checklist_for(documents, BusinessType.EXPORTER_IMPORTER)
    permit = {i.document_id: i for i in security}["operating-permit"]
    assert (permit.applies, permit.state) == (True, DocumentState.MISSING)
    permit = {i.document_id: i for i in exporter}["operating-permit"]
    assert (permit.applies, permit.state) == (False, DocumentState.NOT_APPLICABLE)
    # every document of the file is on the checklist, in the file's order
    assert [i.document_id for i in exporter] == [d.id for d in documents]
    # the customs agent's licence is asked of customs agents only
    assert progress(i.state for i in security).required == len(documents) - 1
    assert progress(i.state for i in exporter).required == len(documents) - 2


def test_progress_counts_received_of_required() -> None:
    states = [DocumentState.RECEIVED] * 11 + [DocumentState.MISSING] * 3
    states += [DocumentState.NOT_APPLICABLE] * 2
    counted = progress(states)
    assert (counted.received, counted.required, counted.missing) == (11, 14, 3)
    assert not counted.complete
    assert progress([DocumentState.RECEIVED, DocumentState.NOT_APPLICABLE]).complete


@pytest.mark.parametrize(
    ("decision", "on_agenda", "missing", "state"),
    [
        (None, False, 2, ApplicationState.COLLECTING),
        (None, False, 0, ApplicationState.READY),
        (None, True, 0, ApplicationState.IN_SESSION),
        (None, True, 3, ApplicationState.IN_SESSION),
        (POSTPONED, True, 1, ApplicationState.POSTPONED),
        (ADMITTED, True, 0, ApplicationState.ADMITTED),
        (REJECTED, True, 4, ApplicationState.REJECTED),
    ],
)
def test_state_follows_decision_agenda_and_documents(
    decision: ApplicationDecision | None, on_agenda: bool, missing: int, state: ApplicationState
) -> None:
    assert application_state(decision, on_agenda, missing) is state


def test_ready_and_postponed_applications_may_go_to_committee() -> None:
    assert [s for s in ApplicationState if is_ready(s)] == [
        ApplicationState.READY,
        ApplicationState.POSTPONED,
    ]
    with pytest.raises(LifecycleError, match="missing Escritura, NIT"):
        check_may_schedule(ApplicationState.COLLECTING, "Acme", ["Escritura", "NIT"])
    with pytest.raises(LifecycleError, match="already on the agenda"):
        check_may_schedule(ApplicationState.IN_SESSION, "Acme", [])
    with pytest.raises(LifecycleError, match="already decided"):
        check_may_schedule(ApplicationState.ADMITTED, "Acme", [])


@pytest.mark.parametrize("decision", [REJECTED, POSTPONED])
def test_rejection_and_postponement_need_a_reason(decision: ApplicationDecision) -> None:
    with pytest.raises(ValidationError) as caught:
        check_decision(decision, "  ", state=ApplicationState.IN_SESSION, missing_titles=[])
    assert caught.value.field == "reason"
    check_decision(
        decision, "Falta el RUC", state=ApplicationState.IN_SESSION, missing_titles=["RUC"]
    )


def test_admission_needs_every_document_and_names_the_missing_ones() -> None:
    check_decision(ADMITTED, "", state=ApplicationState.IN_SESSION, missing_titles=[])
    with pytest.raises(LifecycleError) as caught:
        check_decision(
            ADMITTED,
            "",
            state=ApplicationState.IN_SESSION,
            missing_titles=["Permiso de operación", "Declaraciones de IVA"],
        )
    assert "Permiso de operación, Declaraciones de IVA" in str(caught.value)


def test_a_decision_needs_the_committee_and_is_final() -> None:
    with pytest.raises(LifecycleError, match="committee session"):
        check_decision(ADMITTED, "", state=ApplicationState.READY, missing_titles=[])
    with pytest.raises(LifecycleError, match="already decided"):
        check_decision(REJECTED, "x", state=ApplicationState.ADMITTED, missing_titles=[])


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 6, 15), 9, date(2027, 3, 15)),
        (date(2026, 5, 31), 9, date(2027, 2, 28)),
        (date(2027, 5, 31), 9, date(2028, 2, 29)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 12, 10), 1, date(2027, 1, 10)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_deadline_is_month_end_safe(start: date, months: int, end: date) -> None:
    assert add_months(start, months) == end
    if months > 0:
        assert audit_deadline(start, months) == end


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 36))
def test_deadline_lands_in_the_right_month(start: date, months: int) -> None:
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    assert end.day == start.day or end.day < start.day


def test_days_left() -> None:
    assert days_left(date(2026, 6, 20), date(2026, 6, 15)) == 5
    assert days_left(date(2026, 6, 15), date(2026, 6, 15)) == 0
    assert days_left(date(2026, 6, 10), date(2026, 6, 15)) == -5


def test_admission_moves_the_status_from_its_date_only() -> None:
    records = CompanyRecords(applied_on=date(2026, 3, 1), admitted_on=date(2026, 5, 20))
    assert status_at(records, date(2026, 5, 19)) is MemberStatus.APPLICANT
    assert status_at(records, date(2026, 5, 20)) is MemberStatus.IN_PROCESS
    assert status_at(records, date(2026, 2, 28)) is None
