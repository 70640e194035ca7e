"""A company's status at a date, and the moves of a certificate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from basc_desktop.domain.errors import BascError, LifecycleError
from basc_desktop.domain.lifecycle import (
    DEFAULT_EXPIRY_WARNING_DAYS,
    CertificateEvent,
    CertificateRecord,
    CompanyRecords,
    allowed_certificate_moves,
    certificate_state_at,
    check_certificate_move,
    counting_certificate,
    days_until_expiry,
    state_after,
    status_at,
)
from basc_desktop.domain.vocabulary import CertificateEventKind, CertificateState, MemberStatus

Kind = CertificateEventKind
State = CertificateState
Status = MemberStatus

APPLIED = date(2024, 1, 15)
ADMITTED = date(2024, 2, 20)
ISSUED = date(2024, 11, 22)
EXPIRES = date(2025, 11, 22)


def cert(
    code: str = "PANPTY00074-1-1",
    issued_on: date = ISSUED,
    expires_on: date = EXPIRES,
    *events: tuple[date, CertificateEventKind],
) -> CertificateRecord:
    return CertificateRecord(
        code, issued_on, expires_on, tuple(CertificateEvent(on, kind) for on, kind in events)
    )


def company(*certificates: CertificateRecord) -> CompanyRecords:
    return CompanyRecords(APPLIED, ADMITTED, certificates)


# --- before any certificate -----------------------------------------------------------


def test_unknown_company_before_application_has_no_status() -> None:
    assert status_at(company(), APPLIED - timedelta(days=1)) is None


def test_company_without_application_date_has_no_status() -> None:
    assert status_at(CompanyRecords(None, None), date(2025, 1, 1)) is None


def test_applicant_from_the_day_it_applies() -> None:
    assert status_at(company(), APPLIED) is Status.APPLICANT
    assert status_at(company(), ADMITTED - timedelta(days=1)) is Status.APPLICANT


def test_in_process_from_the_day_it_is_admitted() -> None:
    assert status_at(company(), ADMITTED) is Status.IN_PROCESS
    assert status_at(company(), ISSUED - timedelta(days=1)) is Status.IN_PROCESS


def test_never_admitted_stays_applicant() -> None:
    records = CompanyRecords(APPLIED, None)
    assert status_at(records, date(2030, 1, 1)) is Status.APPLICANT


def test_certificate_issued_before_application_date_still_counts() -> None:
    records = CompanyRecords(None, None, (cert(),))
    assert status_at(records, ISSUED) is Status.CERTIFIED


def test_certificate_issued_after_the_date_is_ignored() -> None:
    assert status_at(company(cert()), ISSUED - timedelta(days=1)) is Status.IN_PROCESS


# --- validity and expiry -----------------------------------------------------------------


def test_certified_on_issue_day() -> None:
    assert status_at(company(cert()), ISSUED) is Status.CERTIFIED


def test_day_before_expiry_is_still_valid_but_expiring() -> None:
    assert status_at(company(cert()), date(2025, 11, 21)) is Status.EXPIRING


def test_expired_on_expiry_day() -> None:
    assert status_at(company(cert()), EXPIRES) is Status.EXPIRED


def test_expired_long_after_expiry() -> None:
    assert status_at(company(cert()), date(2030, 1, 1)) is Status.EXPIRED


def test_expiring_exactly_at_warning_window() -> None:
    on = EXPIRES - timedelta(days=DEFAULT_EXPIRY_WARNING_DAYS)
    assert status_at(company(cert()), on) is Status.EXPIRING
    assert status_at(company(cert()), on - timedelta(days=1)) is Status.CERTIFIED


def test_warning_window_is_configurable() -> None:
    on = EXPIRES - timedelta(days=30)
    records = company(cert())
    assert status_at(records, on, expiry_warning_days=30) is Status.EXPIRING
    assert status_at(records, on, expiry_warning_days=29) is Status.CERTIFIED
    assert status_at(records, on - timedelta(days=1), expiry_warning_days=30) is Status.CERTIFIED


def test_zero_warning_days_never_shows_expiring() -> None:
    records = company(cert())
    assert status_at(records, EXPIRES - timedelta(days=1), expiry_warning_days=0) is (
        Status.CERTIFIED
    )


def test_past_date_question_certified_on_new_years_eve() -> None:
    """Was the company certified on 2024-12-31? Yes, whatever happened since."""
    records = company(cert("PANPTY00074-1-1", ISSUED, EXPIRES, (date(2025, 3, 1), Kind.WITHDRAWN)))
    assert status_at(records, date(2024, 12, 31)) is Status.CERTIFIED
    assert status_at(records, date(2025, 12, 31)) is Status.WITHDRAWN


def test_past_date_question_after_expiry() -> None:
    """Was it certified on 2025-12-31? No: it expired on 2025-11-22 with no renewal."""
    assert status_at(company(cert()), date(2025, 12, 31)) is Status.EXPIRED


def test_days_until_expiry() -> None:
    c = cert()
    assert days_until_expiry(c, date(2025, 11, 21)) == 1
    assert days_until_expiry(c, EXPIRES) == 0
    assert days_until_expiry(c, date(2025, 11, 23)) == -1
    assert days_until_expiry(c, ISSUED) == 365


# --- suspension and withdrawal --------------------------------------------------------------


def test_suspended_from_the_day_of_suspension() -> None:
    records = company(cert("C", ISSUED, EXPIRES, (date(2025, 3, 1), Kind.SUSPENDED)))
    assert status_at(records, date(2025, 2, 28)) is Status.CERTIFIED
    assert status_at(records, date(2025, 3, 1)) is Status.SUSPENDED


def test_suspension_then_reinstatement() -> None:
    records = company(
        cert(
            "C",
            ISSUED,
            EXPIRES,
            (date(2025, 3, 1), Kind.SUSPENDED),
            (date(2025, 4, 1), Kind.REINSTATED),
        )
    )
    assert status_at(records, date(2025, 3, 31)) is Status.SUSPENDED
    assert status_at(records, date(2025, 4, 1)) is Status.CERTIFIED


def test_suspended_again_after_reinstatement() -> None:
    records = company(
        cert(
            "C",
            ISSUED,
            EXPIRES,
            (date(2025, 5, 1), Kind.SUSPENDED),  # listed out of order on purpose
            (date(2025, 3, 1), Kind.SUSPENDED),
            (date(2025, 4, 1), Kind.REINSTATED),
        )
    )
    assert status_at(records, date(2025, 4, 15)) is Status.CERTIFIED
    assert status_at(records, date(2025, 5, 1)) is Status.SUSPENDED


def test_same_day_events_keep_their_recorded_order() -> None:
    day = date(2025, 3, 1)
    suspended_then_back = company(
        cert("C", ISSUED, EXPIRES, (day, Kind.SUSPENDED), (day, Kind.REINSTATED))
    )
    back_then_suspended = company(
        cert("C", ISSUED, EXPIRES, (day, Kind.REINSTATED), (day, Kind.SUSPENDED))
    )
    assert status_at(suspended_then_back, day) is Status.CERTIFIED
    assert status_at(back_then_suspended, day) is Status.SUSPENDED


def test_suspended_in_warning_window_shows_suspended() -> None:
    records = company(cert("C", ISSUED, EXPIRES, (date(2025, 10, 1), Kind.SUSPENDED)))
    assert status_at(records, date(2025, 11, 1)) is Status.SUSPENDED


def test_expiry_beats_suspension() -> None:
    records = company(cert("C", ISSUED, EXPIRES, (date(2025, 10, 1), Kind.SUSPENDED)))
    assert status_at(records, EXPIRES) is Status.EXPIRED


def test_withdrawal_after_suspension() -> None:
    records = company(
        cert(
            "C",
            ISSUED,
            EXPIRES,
            (date(2025, 3, 1), Kind.SUSPENDED),
            (date(2025, 4, 1), Kind.WITHDRAWN),
        )
    )
    assert status_at(records, date(2025, 3, 31)) is Status.SUSPENDED
    assert status_at(records, date(2025, 4, 1)) is Status.WITHDRAWN


def test_withdrawal_is_final_even_if_reinstated_later() -> None:
    records = company(
        cert(
            "C",
            ISSUED,
            EXPIRES,
            (date(2025, 4, 1), Kind.WITHDRAWN),
            (date(2025, 5, 1), Kind.REINSTATED),
        )
    )
    assert status_at(records, date(2025, 6, 1)) is Status.WITHDRAWN


def test_withdrawal_beats_expiry() -> None:
    records = company(cert("C", ISSUED, EXPIRES, (date(2025, 4, 1), Kind.WITHDRAWN)))
    assert status_at(records, date(2027, 1, 1)) is Status.WITHDRAWN


def test_event_dated_after_the_date_is_ignored() -> None:
    records = company(cert("C", ISSUED, EXPIRES, (date(2025, 4, 1), Kind.WITHDRAWN)))
    assert status_at(records, date(2025, 3, 31)) is Status.CERTIFIED


# --- renewal ------------------------------------------------------------------------------


RENEWED = date(2025, 10, 15)
RENEWAL_EXPIRES = date(2026, 10, 15)


def renewed_company(*old_events: tuple[date, CertificateEventKind]) -> CompanyRecords:
    old = cert("PANPTY00074-1-1", ISSUED, EXPIRES, *old_events)
    new = cert("PANPTY00074-1-2", RENEWED, RENEWAL_EXPIRES)
    return company(new, old)


def test_renewal_issued_before_old_one_expires_takes_over() -> None:
    records = renewed_company((RENEWED, Kind.SUPERSEDED))
    assert status_at(records, RENEWED - timedelta(days=1)) is Status.EXPIRING
    assert status_at(records, RENEWED) is Status.CERTIFIED
    assert status_at(records, EXPIRES) is Status.CERTIFIED
    assert counting_certificate(records, EXPIRES) == records.certificates[0]
    assert status_at(records, RENEWAL_EXPIRES) is Status.EXPIRED


def test_renewal_counts_even_without_a_superseded_event() -> None:
    assert status_at(renewed_company(), date(2025, 12, 31)) is Status.CERTIFIED


def test_renewal_after_withdrawal_certifies_again() -> None:
    records = renewed_company((date(2025, 6, 1), Kind.WITHDRAWN))
    assert status_at(records, RENEWED - timedelta(days=1)) is Status.WITHDRAWN
    assert status_at(records, RENEWED) is Status.CERTIFIED


def test_renewal_after_expiry_certifies_again() -> None:
    old = cert("A-1", ISSUED, EXPIRES)
    new = cert("A-2", date(2026, 1, 10), date(2027, 1, 10))
    records = company(old, new)
    assert status_at(records, date(2025, 12, 31)) is Status.EXPIRED
    assert status_at(records, date(2026, 1, 10)) is Status.CERTIFIED


def test_suspension_of_old_certificate_does_not_touch_the_renewal() -> None:
    records = renewed_company((date(2025, 11, 1), Kind.SUSPENDED))
    assert status_at(records, date(2025, 11, 1)) is Status.CERTIFIED


def test_counting_certificate_ties() -> None:
    short = cert("B", ISSUED, date(2025, 6, 1))
    long_ = cert("A", ISSUED, EXPIRES)
    same_expiry = cert("C", ISSUED, EXPIRES)
    assert counting_certificate(company(short, long_), ISSUED) == long_
    assert counting_certificate(company(same_expiry, long_, short), ISSUED) == same_expiry
    assert counting_certificate(company(short), ISSUED - timedelta(days=1)) is None


# --- one certificate's state ------------------------------------------------------------------


def test_certificate_state_valid_suspended_reinstated() -> None:
    c = cert(
        "C",
        ISSUED,
        EXPIRES,
        (date(2025, 3, 1), Kind.SUSPENDED),
        (date(2025, 4, 1), Kind.REINSTATED),
    )
    assert certificate_state_at(c, ISSUED) is State.VALID
    assert certificate_state_at(c, date(2025, 3, 1)) is State.SUSPENDED
    assert certificate_state_at(c, date(2025, 4, 1)) is State.VALID


def test_certificate_state_superseded_and_withdrawn() -> None:
    superseded = cert("C", ISSUED, EXPIRES, (RENEWED, Kind.SUPERSEDED))
    assert certificate_state_at(superseded, RENEWED - timedelta(days=1)) is State.VALID
    assert certificate_state_at(superseded, RENEWED) is State.SUPERSEDED
    withdrawn = cert(
        "C", ISSUED, EXPIRES, (date(2025, 3, 1), Kind.SUSPENDED), (date(2025, 4, 1), Kind.WITHDRAWN)
    )
    assert certificate_state_at(withdrawn, date(2025, 4, 1)) is State.WITHDRAWN
    assert certificate_state_at(withdrawn, date(2030, 1, 1)) is State.WITHDRAWN


def test_certificate_state_ignores_expiry() -> None:
    assert certificate_state_at(cert(), date(2030, 1, 1)) is State.VALID


# --- moves -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        (State.VALID, {Kind.SUSPENDED, Kind.WITHDRAWN, Kind.SUPERSEDED}),
        (State.SUSPENDED, {Kind.REINSTATED, Kind.WITHDRAWN, Kind.SUPERSEDED}),
        (State.WITHDRAWN, set()),
        (State.SUPERSEDED, set()),
    ],
)
def test_allowed_moves(state: CertificateState, allowed: set[CertificateEventKind]) -> None:
    assert allowed_certificate_moves(state) == frozenset(allowed)
    for kind in Kind:
        if kind in allowed:
            check_certificate_move(state, kind)
        else:
            with pytest.raises(LifecycleError):
                check_certificate_move(state, kind)


@pytest.mark.parametrize(
    ("state", "kind", "after"),
    [
        (State.VALID, Kind.SUSPENDED, State.SUSPENDED),
        (State.VALID, Kind.WITHDRAWN, State.WITHDRAWN),
        (State.VALID, Kind.SUPERSEDED, State.SUPERSEDED),
        (State.SUSPENDED, Kind.REINSTATED, State.VALID),
        (State.SUSPENDED, Kind.WITHDRAWN, State.WITHDRAWN),
        (State.SUSPENDED, Kind.SUPERSEDED, State.SUPERSEDED),
    ],
)
def test_state_after(
    state: CertificateState, kind: CertificateEventKind, after: CertificateState
) -> None:
    assert state_after(state, kind) is after


def test_withdrawn_cannot_be_reinstated_and_says_why() -> None:
    with pytest.raises(LifecycleError) as caught:
        state_after(State.WITHDRAWN, Kind.REINSTATED)
    assert str(caught.value) == "A withdrawn certificate cannot be reinstated: withdrawal is final."
    assert isinstance(caught.value, BascError)
    assert caught.value.message.params == {"state": "withdrawn", "move": "reinstated"}


def test_valid_cannot_be_reinstated() -> None:
    with pytest.raises(LifecycleError, match="Only a suspended certificate"):
        check_certificate_move(State.VALID, Kind.REINSTATED)


def test_every_refusal_has_a_message() -> None:
    for state in State:
        for kind in set(Kind) - allowed_certificate_moves(state):
            with pytest.raises(LifecycleError) as caught:
                check_certificate_move(state, kind)
            assert str(caught.value).endswith(".")


# --- properties ---------------------------------------------------------------------------------

START = date(2020, 1, 1)
SPAN = 2000  # days of history the properties play with

dates = st.integers(0, SPAN).map(lambda n: START + timedelta(days=n))
event_kinds = st.sampled_from(
    [Kind.SUSPENDED, Kind.SUSPENDED, Kind.REINSTATED, Kind.WITHDRAWN, Kind.SUPERSEDED, Kind.ISSUED]
)


@st.composite
def certificates(draw: st.DrawFn, code: str) -> CertificateRecord:
    issued_on = draw(dates)
    expires_on = issued_on + timedelta(days=draw(st.integers(1, 800)))
    event_dates = st.integers(0, 900).map(lambda n: issued_on + timedelta(days=n))
    events = draw(st.lists(st.builds(CertificateEvent, event_dates, event_kinds), max_size=5))
    return CertificateRecord(code, issued_on, expires_on, tuple(events))


@st.composite
def company_records(draw: st.DrawFn) -> CompanyRecords:
    applied_on = draw(st.one_of(dates, dates, st.none()))
    admitted_on = draw(st.one_of(dates, st.none()))
    count = draw(st.integers(0, 3))
    certs = tuple(draw(certificates(f"C-{n}")) for n in range(count))
    return CompanyRecords(applied_on, admitted_on, certs)


FAST = settings(max_examples=100, deadline=None)


@FAST
@given(company_records(), dates, st.integers(0, 120))
def test_never_valid_on_or_after_expiry(records: CompanyRecords, on: date, warning: int) -> None:
    counting = counting_certificate(records, on)
    status = status_at(records, on, expiry_warning_days=warning)
    if counting is not None and on >= counting.expires_on:
        assert status not in {Status.CERTIFIED, Status.EXPIRING}
    if status in {Status.CERTIFIED, Status.EXPIRING}:
        assert counting is not None
        assert days_until_expiry(counting, on) > 0


@FAST
@given(company_records(), dates, st.integers(0, 800))
def test_withdrawal_stays_until_a_newer_certificate(
    records: CompanyRecords, on: date, later_by: int
) -> None:
    later = on + timedelta(days=later_by)
    if status_at(records, on) is not Status.WITHDRAWN:
        return
    renewed = any(on < c.issued_on <= later for c in records.certificates)
    if not renewed:
        assert status_at(records, later) is Status.WITHDRAWN


@FAST
@given(company_records(), dates)
def test_nothing_known_before_application_and_first_issue(
    records: CompanyRecords, on: date
) -> None:
    applied = records.applied_on is not None and records.applied_on <= on
    issued = any(c.issued_on <= on for c in records.certificates)
    status = status_at(records, on)
    if not applied and not issued:
        assert status is None
    else:
        assert status is not None


@FAST
@given(company_records(), dates, st.integers(1, 500), event_kinds, st.data())
def test_later_event_never_changes_status(
    records: CompanyRecords, on: date, after: int, kind: CertificateEventKind, data: st.DataObject
) -> None:
    before = status_at(records, on)
    late = CertificateEvent(on + timedelta(days=after), kind)
    if records.certificates:
        index = data.draw(st.integers(0, len(records.certificates) - 1))
        target = records.certificates[index]
        changed = replace(target, events=(*target.events, late))
        certs = (*records.certificates[:index], changed, *records.certificates[index + 1 :])
        assert status_at(replace(records, certificates=certs), on) == before
        assert certificate_state_at(changed, on) is certificate_state_at(target, on)
    future_cert = CertificateRecord("Z-9", late.on, late.on + timedelta(days=365))
    with_future = replace(records, certificates=(*records.certificates, future_cert))
    assert status_at(with_future, on) == before


@FAST
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 30)), max_size=12))
def test_replayed_moves_match_certificate_state(steps: list[tuple[int, int]]) -> None:
    """Recording only allowed moves, the state read back from the events is the state reached."""
    state = State.VALID
    day = ISSUED
    events: list[CertificateEvent] = []
    for choice, gap in steps:
        allowed = sorted(allowed_certificate_moves(state))
        if not allowed:
            with pytest.raises(LifecycleError):
                check_certificate_move(state, Kind.REINSTATED)
            break
        kind = allowed[choice % len(allowed)]
        day += timedelta(days=gap)
        state = state_after(state, kind)
        events.append(CertificateEvent(day, kind))
    record = CertificateRecord("C", ISSUED, EXPIRES, tuple(events))
    assert certificate_state_at(record, day) is state
