"""Issuing certificates from closed audits: the decision, the code, renewals."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from basc_desktop.domain.errors import LifecycleError, NotFoundError
from basc_desktop.domain.vocabulary import (
    AuditKind,
    BusinessType,
    CertificateEventKind,
    CertificateState,
    MemberStatus,
    Verdict,
)
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.audits import close_audit, report_audit, start_audit
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.certificates import (
    certificate_by_code,
    find_certificates,
    get_certificate,
    issuable_audits,
    issue_certificate,
    preview_issue,
)
from basc_desktop.services.corrective_actions import (
    close_action,
    find_actions,
    submit_action,
    verify_action,
)
from basc_desktop.services.members import archive_member, get_member, restore_member
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import CorrectiveAction
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.events import Event
from tests.audit_factories import member, planned
from tests.certificate_factories import certified, closed, judged
from tests.conftest import TODAY


def _number(ws: Workspace, company: int) -> int:
    return get_member(ws, company).row.member_number


def test_a_clean_closed_audit_gets_a_certificate(workspace: Workspace) -> None:
    company = member(workspace, business_type=BusinessType.CUSTOMS_AGENT)
    audit = closed(workspace, company)
    preview = preview_issue(workspace, audit)
    assert preview.may_issue
    number = _number(workspace, company)
    assert preview.code == f"COLBOG{number:05d}-1-1"
    assert (preview.issued_on, preview.expires_on) == (TODAY, date(2027, 6, 15))
    assert preview.signatories == ("Andrés Felipe Rojas Medina", "Claudia Patricia Lozano Vega")
    assert [a.audit_id for a in issuable_audits(workspace)] == [audit]

    row = issue_certificate(workspace, audit)
    assert row.code == preview.code
    assert (row.scope, row.standard_version, row.site, row.issue_number) == (
        BusinessType.CUSTOMS_AGENT,
        "6",
        1,
        1,
    )
    assert (row.issued_on, row.expires_on, row.state) == (
        TODAY,
        date(2027, 6, 15),
        CertificateState.VALID,
    )
    assert (row.audit_id, row.company_name, row.chapter_code) == (
        audit,
        "Exportadora Andina S.A.S.",
        "co-bog",
    )
    assert issuable_audits(workspace) == []
    # The member's status follows in the same transaction.
    standing = get_member(workspace, company).row
    assert (standing.status, standing.certificate_code) == (MemberStatus.CERTIFIED, row.code)
    detail = certificate_by_code(workspace, f" {row.code.lower()} ")
    assert [(e.on, e.kind, e.recorded_by) for e in detail.events] == [
        (TODAY, CertificateEventKind.ISSUED, "tester")
    ]
    assert detail.supersedes is None
    assert detail.superseded_by is None
    with workspace.db.reading() as session:
        logged = session.scalars(
            select(Event.action).where(
                Event.record_type == "certificate", Event.record_id == row.id
            )
        ).all()
    assert logged == ["issue"]


def test_refused_with_an_open_major_until_its_action_is_verified(workspace: Workspace) -> None:
    company = member(workspace)
    on = TODAY - timedelta(days=20)
    audit = closed(workspace, company, {"N-4.1": Verdict.MAJOR, "N-6.3": Verdict.MAJOR}, on=on)
    preview = preview_issue(workspace, audit, on)
    assert [str(r) for r in preview.refusals] == [
        "2 major nonconformities are still open: N-4.1, N-6.3."
    ]
    with pytest.raises(LifecycleError, match="2 major nonconformities are still open"):
        issue_certificate(workspace, audit, on=on)
    assert get_member(workspace, company).row.certificate_code is None

    follow_up = planned(workspace, company, kind=AuditKind.FOLLOW_UP, on=TODAY)
    start_audit(workspace, follow_up.id, on=TODAY)
    actions = find_actions(workspace, ActionQuery(company_id=company))
    for action in actions:
        submit_action(workspace, action.id, on=TODAY)
    verify_action(workspace, actions[0].id, audit_id=follow_up.id, on=TODAY)
    close_action(workspace, actions[0].id, on=TODAY)
    with pytest.raises(LifecycleError, match="1 major nonconformity is still open: N-"):
        issue_certificate(workspace, audit)
    verify_action(workspace, actions[1].id, audit_id=follow_up.id, on=TODAY)
    assert issue_certificate(workspace, audit).state is CertificateState.VALID


def test_refused_when_a_minor_has_no_action_plan(workspace: Workspace) -> None:
    company = member(workspace)
    audit = closed(workspace, company, {"N-5.2": Verdict.MINOR, "N-7.1": Verdict.MINOR})
    assert preview_issue(workspace, audit).may_issue  # report gave each a plan
    with workspace.db.transaction() as session:
        session.execute(update(CorrectiveAction).values(description=""))
    preview = preview_issue(workspace, audit)
    assert [str(r) for r in preview.refusals] == [
        "2 minor nonconformities have no action plan: N-5.2, N-7.1."
    ]
    with pytest.raises(LifecycleError, match="no action plan"):
        issue_certificate(workspace, audit)


def test_refused_for_an_archived_member_until_it_is_restored(workspace: Workspace) -> None:
    company = member(workspace)
    audit = closed(workspace, company)
    archive_member(workspace, company, on=TODAY)
    preview = preview_issue(workspace, audit)
    assert [str(r) for r in preview.refusals] == [
        f"The member was archived on {TODAY.isoformat()}: restore it before issuing its "
        "certificate."
    ]
    with pytest.raises(LifecycleError, match="archived"):
        issue_certificate(workspace, audit)
    restore_member(workspace, company)
    assert issue_certificate(workspace, audit).state is CertificateState.VALID


def test_refused_from_an_audit_not_closed_or_of_another_kind(workspace: Workspace) -> None:
    company = member(workspace)
    audit = planned(workspace, company).id
    start_audit(workspace, audit)
    judged(workspace, audit)
    report_audit(workspace, audit)
    with pytest.raises(LifecycleError, match="is “Reported”: a certificate is issued once"):
        issue_certificate(workspace, audit)
    close_audit(workspace, audit)
    follow_up = closed(workspace, company, kind=AuditKind.FOLLOW_UP)
    with pytest.raises(LifecycleError, match=r"audit \d+ is “Follow-up”"):
        issue_certificate(workspace, follow_up)
    assert [a.audit_id for a in issuable_audits(workspace, "co-bog")] == [audit]
    assert issuable_audits(workspace, "pa") == []
    with pytest.raises(NotFoundError, match="Audit 999 does not exist"):
        preview_issue(workspace, 999)


def test_refused_dates_and_a_second_certificate_from_one_audit(workspace: Workspace) -> None:
    company = member(workspace)
    audit = closed(workspace, company, on=TODAY - timedelta(days=5))
    with pytest.raises(LifecycleError, match="is in the future"):
        issue_certificate(workspace, audit, on=TODAY + timedelta(days=1))
    with pytest.raises(LifecycleError, match="before the audit was reported"):
        issue_certificate(workspace, audit, on=TODAY - timedelta(days=6))
    row = issue_certificate(workspace, audit, on=TODAY - timedelta(days=2))
    with pytest.raises(LifecycleError, match=f"already has its certificate, {row.code}"):
        issue_certificate(workspace, audit)


def test_renewal_supersedes_and_raises_the_counter(workspace: Workspace) -> None:
    company = member(workspace)
    first = certified(workspace, company, on=date(2025, 6, 10))
    assert first.code.endswith("-1-1")
    audit = closed(workspace, company, kind=AuditKind.RECERTIFICATION, on=date(2026, 6, 1))
    preview = preview_issue(workspace, audit, date(2026, 6, 1))
    assert (preview.code, preview.supersedes) == (first.code[:-1] + "2", first.code)

    second = issue_certificate(workspace, audit, on=date(2026, 6, 1))
    assert (second.code, second.issue_number) == (first.code[:-1] + "2", 2)
    old = get_certificate(workspace, first.id)
    assert old.row.state is CertificateState.SUPERSEDED
    assert old.row.version == first.version + 1
    assert [(e.on, e.kind) for e in old.events] == [
        (date(2025, 6, 10), CertificateEventKind.ISSUED),
        (date(2026, 6, 1), CertificateEventKind.SUPERSEDED),
    ]
    assert second.code in old.events[-1].reason
    assert old.superseded_by == second.code
    assert get_certificate(workspace, second.id).supersedes == first.code
    standing = get_member(workspace, company).row
    assert (standing.certificate_code, standing.expires_on) == (second.code, date(2027, 6, 1))
    with workspace.db.reading() as session:
        logged = session.scalars(
            select(Event.action).where(Event.record_type == "certificate").order_by(Event.id)
        ).all()
    assert logged == ["issue", "supersede", "issue"]


def test_two_issues_in_sequence_give_one_and_two(workspace: Workspace) -> None:
    company = member(workspace)
    a = closed(workspace, company, on=TODAY - timedelta(days=3))
    b = closed(workspace, company, kind=AuditKind.RECERTIFICATION)
    codes = [issue_certificate(workspace, a).code, issue_certificate(workspace, b).code]
    assert [c[-4:] for c in codes] == ["-1-1", "-1-2"]


def test_a_code_taken_meanwhile_moves_on_to_the_next_number(workspace: Workspace) -> None:
    company = member(workspace)
    other = member(workspace, name="Otra S.A.", seed=2)
    taken = certified(workspace, other)
    number = _number(workspace, company)
    wanted = f"COLBOG{number:05d}-1-1"
    # As if a parallel issue had just committed this code (under the other company's row).
    with workspace.db.transaction() as session:
        session.execute(update(Certificate).where(Certificate.id == taken.id).values(code=wanted))
    row = issue_certificate(workspace, closed(workspace, company))
    assert (row.code, row.issue_number) == (f"COLBOG{number:05d}-1-2", 2)


def test_an_earlier_issue_date_than_the_certificate_in_force_is_refused(
    workspace: Workspace,
) -> None:
    company = member(workspace)
    older = closed(workspace, company, on=date(2026, 5, 1))
    certified(workspace, company, on=TODAY, kind=AuditKind.RECERTIFICATION)
    with pytest.raises(LifecycleError, match=r"already has certificate .*, issued on 2026-06-15"):
        issue_certificate(workspace, older, on=date(2026, 5, 1))


def test_expiry_follows_the_chapter_validity(workspace: Workspace) -> None:
    company = member(workspace, chapter="pa")
    audit = closed(workspace, company, on=date(2024, 2, 29))
    row = issue_certificate(workspace, audit, on=date(2024, 2, 29))
    months = workspace.chapters.get("pa").validity_months
    assert months == 12
    assert row.expires_on == date(2025, 2, 28)
    assert row.code.startswith("PANPTY")


def test_two_coordinators_issuing_at_once_take_turns(workspace: Workspace) -> None:
    company = member(workspace)
    audits = [
        closed(workspace, company, on=TODAY - timedelta(days=1)),
        closed(workspace, company, kind=AuditKind.RECERTIFICATION),
    ]
    start = threading.Barrier(2)
    issued: list[str] = []
    failures: list[BaseException] = []

    def issue(audit: int) -> None:
        start.wait()
        try:
            issued.append(issue_certificate(workspace, audit, on=TODAY).code)
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=issue, args=(a,)) for a in audits]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert failures == []
    assert sorted(c[-4:] for c in issued) == ["-1-1", "-1-2"]
    states = {
        r.code: r.state for r in find_certificates(workspace, CertificateQuery(company_id=company))
    }
    assert sorted(states.values()) == [CertificateState.SUPERSEDED, CertificateState.VALID]
    assert get_member(workspace, company).row.certificate_code in issued
