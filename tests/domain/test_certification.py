"""The certification decision and the certificate's dates, without a database."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basc_desktop.domain.certification import (
    AuditFacts,
    NonconformityFacts,
    check_may_issue,
    check_move_date,
    event_label,
    expiry_date,
    issue_refusals,
    state_label,
)
from basc_desktop.domain.errors import LifecycleError, ValidationError
from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    CertificateEventKind,
    CertificateState,
    Verdict,
)

TODAY = date(2026, 6, 15)


def facts(*nonconformities: NonconformityFacts, **changes: object) -> AuditFacts:
    values: dict[str, object] = {
        "audit_id": 7,
        "kind": AuditKind.CERTIFICATION,
        "state": AuditState.CLOSED,
        "nonconformities": nonconformities,
        "reported_on": date(2026, 6, 1),
    }
    values.update(changes)
    return AuditFacts(**values)  # type: ignore[arg-type]


def major(code: str, state: ActionState | None = ActionState.OPEN) -> NonconformityFacts:
    return NonconformityFacts(code, Verdict.MAJOR, state, "Fix it")


def minor(code: str, description: str = "Train the guards") -> NonconformityFacts:
    return NonconformityFacts(code, Verdict.MINOR, ActionState.OPEN, description)


def texts(audit: AuditFacts, on: date = TODAY) -> list[str]:
    return [str(m) for m in issue_refusals(audit, on, TODAY)]


def test_closed_audit_without_nonconformities_may_issue() -> None:
    assert texts(facts()) == []
    check_may_issue(facts(), TODAY, TODAY)
    assert texts(facts(kind=AuditKind.RECERTIFICATION)) == []


def test_open_majors_are_named_in_code_order() -> None:
    audit = facts(major("N-6.3"), major("N-4.10"), major("N-4.9"))
    assert texts(audit) == ["3 major nonconformities are still open: N-4.9, N-4.10, N-6.3."]
    assert texts(facts(major("N-4.1"))) == ["1 major nonconformity is still open: N-4.1."]


def test_a_submitted_major_is_still_open_a_verified_or_closed_one_is_not() -> None:
    audit = facts(
        major("N-4.1", ActionState.SUBMITTED),
        major("N-4.2", ActionState.VERIFIED),
        major("N-4.3", ActionState.CLOSED),
        major("N-4.4", None),
    )
    assert texts(audit) == ["2 major nonconformities are still open: N-4.1, N-4.4."]


def test_every_minor_needs_an_action_plan() -> None:
    audit = facts(
        minor("N-5.1"),
        minor("N-5.2", description="   "),
        NonconformityFacts("N-5.3", Verdict.MINOR),
    )
    assert texts(audit) == ["2 minor nonconformities have no action plan: N-5.2, N-5.3."]


def test_only_a_closed_certification_or_recertification_audit() -> None:
    assert texts(facts(kind=AuditKind.FOLLOW_UP)) == [
        "A certificate rests on a certification or recertification audit; audit 7 is “Follow-up”."
    ]
    assert texts(facts(state=AuditState.REPORTED)) == [
        "Audit 7 is “Reported”: a certificate is issued once the audit is closed."
    ]


def test_every_reason_is_given_at_once() -> None:
    audit = facts(
        major("N-4.1"), minor("N-5.1", ""), state=AuditState.REPORTED, certificate_code="X-1"
    )
    reasons = texts(audit, date(2026, 5, 1))
    assert len(reasons) == 5
    with pytest.raises(LifecycleError) as raised:
        check_may_issue(audit, date(2026, 5, 1), TODAY)
    assert str(raised.value).split("\n") == reasons


def test_issue_date_neither_in_the_future_nor_before_the_report() -> None:
    assert texts(facts(), date(2026, 6, 16)) == ["The issue date 2026-06-16 is in the future."]
    assert texts(facts(), date(2026, 5, 31)) == [
        "The issue date 2026-05-31 is before the audit was reported (2026-06-01)."
    ]
    assert texts(facts(), date(2026, 6, 1)) == []


def test_an_audit_has_one_certificate() -> None:
    assert texts(facts(certificate_code="COLBOG00001-1-1")) == [
        "Audit 7 already has its certificate, COLBOG00001-1-1."
    ]


@pytest.mark.parametrize(
    ("issued", "months", "expires"),
    [
        (date(2024, 11, 22), 12, date(2025, 11, 22)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), 24, date(2027, 3, 31)),
    ],
)
def test_expiry_after_the_chapter_validity(issued: date, months: int, expires: date) -> None:
    assert expiry_date(issued, months) == expires


@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(1, 60))
def test_expiry_is_months_later_never_past_the_month_end(issued: date, months: int) -> None:
    expires = expiry_date(issued, months)
    assert (expires.year - issued.year) * 12 + expires.month - issued.month == months
    assert expires.day <= issued.day
    assert expires > issued


def test_expiry_needs_a_positive_validity() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        expiry_date(TODAY, 0)


def test_move_dates() -> None:
    issued = date(2026, 1, 10)
    check_move_date(TODAY, TODAY, issued)
    check_move_date(issued, TODAY, issued, issued)
    with pytest.raises(ValidationError, match="2026-06-16 is in the future"):
        check_move_date(date(2026, 6, 16), TODAY, issued)
    with pytest.raises(ValidationError, match=r"before the certificate was issued \(2026-01-10\)"):
        check_move_date(date(2026, 1, 9), TODAY, issued)
    with pytest.raises(ValidationError, match=r"before the certificate's last change"):
        check_move_date(date(2026, 3, 1), TODAY, issued, date(2026, 4, 1))


def test_labels() -> None:
    assert [state_label(s) for s in CertificateState] == [
        "Valid",
        "Suspended",
        "Withdrawn",
        "Superseded",
    ]
    assert event_label(CertificateEventKind.REINSTATED) == "Reinstated"
