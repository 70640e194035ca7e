"""Suspending, reinstating and withdrawing certificates: dated, with a reason, in the history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from basc_desktop.domain.errors import LifecycleError, StaleRecordError, ValidationError
from basc_desktop.domain.vocabulary import (
    AuditKind,
    CertificateEventKind,
    CertificateState,
    MemberStatus,
)
from basc_desktop.services.certificates import (
    allowed_moves,
    get_certificate,
    issue_certificate,
    reinstate_certificate,
    suspend_certificate,
    withdraw_certificate,
)
from basc_desktop.services.members import get_member
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from tests.audit_factories import member
from tests.certificate_factories import certified, closed
from tests.conftest import TODAY

ISSUED = date(2026, 1, 10)
S, R, W = (
    CertificateEventKind.SUSPENDED,
    CertificateEventKind.REINSTATED,
    CertificateEventKind.WITHDRAWN,
)


def test_suspended_then_reinstated(workspace: Workspace) -> None:
    company = member(workspace)
    row = certified(workspace, company, on=ISSUED)
    assert allowed_moves(row) == {S, W}

    suspended = suspend_certificate(
        workspace, row.id, reason="  Cuotas  impagas ", on=date(2026, 3, 1), expected_version=1
    )
    assert (suspended.state, suspended.version) == (CertificateState.SUSPENDED, 2)
    assert allowed_moves(suspended) == {R, W}
    assert get_member(workspace, company).row.status is MemberStatus.SUSPENDED

    reinstated = reinstate_certificate(
        workspace, row.id, reason="Pago recibido", expected_version=suspended.version
    )
    assert reinstated.state is CertificateState.VALID
    assert get_member(workspace, company).row.status is MemberStatus.CERTIFIED
    detail = get_certificate(workspace, row.id)
    assert [(e.on, e.kind, e.reason, e.recorded_by) for e in detail.events] == [
        (ISSUED, CertificateEventKind.ISSUED, detail.events[0].reason, "tester"),
        (date(2026, 3, 1), S, "Cuotas impagas", "tester"),
        (TODAY, R, "Pago recibido", "tester"),
    ]
    with workspace.db.reading() as session:
        trail = session.execute(
            select(Event.action, Event.changes, Event.user_name)
            .where(Event.record_type == "certificate", Event.record_id == row.id)
            .order_by(Event.id)
        ).all()
    assert [t.action for t in trail] == ["issue", "suspend", "reinstate"]
    assert trail[1].changes == {
        "state": ["valid", "suspended"],
        "on": "2026-03-01",
        "reason": "Cuotas impagas",
    }
    assert {t.user_name for t in trail} == {"tester"}


def test_withdrawn_is_final(workspace: Workspace) -> None:
    company = member(workspace)
    row = certified(workspace, company, on=ISSUED)
    withdrawn = withdraw_certificate(workspace, row.id, reason="Incidente de seguridad")
    assert withdrawn.state is CertificateState.WITHDRAWN
    assert allowed_moves(withdrawn) == frozenset()
    assert get_member(workspace, company).row.status is MemberStatus.WITHDRAWN
    with pytest.raises(LifecycleError, match="cannot be suspended: withdrawal is final"):
        suspend_certificate(workspace, row.id, reason="x")
    with pytest.raises(LifecycleError, match="cannot be reinstated: withdrawal is final"):
        reinstate_certificate(workspace, row.id, reason="x")
    with pytest.raises(LifecycleError, match="already withdrawn"):
        withdraw_certificate(workspace, row.id, reason="x")
    assert len(get_certificate(workspace, row.id).events) == 2


def test_a_superseded_certificate_takes_no_moves(workspace: Workspace) -> None:
    company = member(workspace)
    first = certified(workspace, company, on=ISSUED)
    audit = closed(workspace, company, kind=AuditKind.RECERTIFICATION)
    issue_certificate(workspace, audit)
    old = get_certificate(workspace, first.id).row
    assert allowed_moves(old) == frozenset()
    with pytest.raises(LifecycleError, match="its renewal is the one in force"):
        suspend_certificate(workspace, first.id, reason="x")


def test_a_suspended_certificate_is_superseded_by_its_renewal(workspace: Workspace) -> None:
    company = member(workspace)
    first = certified(workspace, company, on=ISSUED)
    suspend_certificate(workspace, first.id, reason="Cuotas", on=date(2026, 2, 1))
    renewal = certified(workspace, company, kind=AuditKind.RECERTIFICATION)
    assert get_certificate(workspace, first.id).row.state is CertificateState.SUPERSEDED
    assert get_member(workspace, company).row.status is MemberStatus.CERTIFIED
    assert get_member(workspace, company).row.certificate_code == renewal.code


def test_reinstating_a_valid_certificate_is_refused(workspace: Workspace) -> None:
    row = certified(workspace, member(workspace), on=ISSUED)
    with pytest.raises(LifecycleError, match="Only a suspended certificate can be reinstated"):
        reinstate_certificate(workspace, row.id, reason="x")
    suspend_certificate(workspace, row.id, reason="x")
    with pytest.raises(LifecycleError, match="already suspended"):
        suspend_certificate(workspace, row.id, reason="x")


def test_a_stale_version_is_refused(workspace: Workspace) -> None:
    row = certified(workspace, member(workspace), on=ISSUED)
    suspend_certificate(workspace, row.id, reason="Cuotas", expected_version=row.version)
    with pytest.raises(StaleRecordError, match=r"changed by tester at .* since you opened it"):
        withdraw_certificate(workspace, row.id, reason="x", expected_version=row.version)
    assert get_certificate(workspace, row.id).row.state is CertificateState.SUSPENDED


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_reason_is_required(workspace: Workspace, reason: str | None) -> None:
    row = certified(workspace, member(workspace), on=ISSUED)
    for move in (suspend_certificate, withdraw_certificate):
        with pytest.raises(ValidationError, match="Reason is required") as raised:
            move(workspace, row.id, reason=reason)  # type: ignore[arg-type]
        assert raised.value.field == "reason"
    with pytest.raises(ValidationError, match="at most 2000"):
        suspend_certificate(workspace, row.id, reason="x" * 2001)
    assert get_certificate(workspace, row.id).row.state is CertificateState.VALID


def test_dates_neither_future_nor_before_issue_nor_before_the_last_change(
    workspace: Workspace,
) -> None:
    row = certified(workspace, member(workspace), on=ISSUED)
    with pytest.raises(ValidationError, match="in the future"):
        suspend_certificate(workspace, row.id, reason="x", on=TODAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="before the certificate was issued"):
        suspend_certificate(workspace, row.id, reason="x", on=ISSUED - timedelta(days=1))
    suspend_certificate(workspace, row.id, reason="x", on=date(2026, 4, 1))
    with pytest.raises(ValidationError, match="before the certificate's last change"):
        reinstate_certificate(workspace, row.id, reason="x", on=date(2026, 3, 31))
    assert get_certificate(workspace, row.id).row.state is CertificateState.SUSPENDED
