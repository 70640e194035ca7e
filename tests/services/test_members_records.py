"""The detail panel's records (history, certificates, audits), leaving members, and the
standing columns that keep the list's status in step with the records."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from basc_desktop.domain.errors import LifecycleError, NotFoundError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    AuditKind,
    AuditState,
    BusinessType,
    CertificateEventKind,
    CertificateState,
    MemberStatus,
)
from basc_desktop.services.member_forms import FieldChange, MemberInput, MemberQuery
from basc_desktop.services.members import (
    archive_members,
    count_members,
    create_member,
    delete_member,
    find_members,
    get_member,
    member_audits,
    member_certificates,
    member_history,
    member_input,
    restore_members,
    update_member,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit, Auditor
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.events import Event
from basc_desktop.store.members import Company, Contact
from basc_desktop.store.standing import refresh_standing
from tests.conftest import TODAY
from tests.factories import certify


def _new(ws: Workspace, seed: int, name: str = "Exportadora Andina S.A.S.") -> int:
    data = MemberInput(
        legal_name=name,
        tax_id=generate_tax_id("CO", random.Random(seed)),
        chapter_code="co-bog",
        business_type=BusinessType.EXPORTER_IMPORTER,
        city="Bogotá",
    )
    return create_member(ws, data).id


def _audit(ws: Workspace, member_id: int, planned: date, state: AuditState) -> int:
    with ws.db.transaction() as session:
        lead = Auditor(name="Ana Gómez", email="ana@example.org", chapter_code="co-bog")
        session.add(lead)
        session.flush()
        audit = Audit(
            company_id=member_id,
            standard_version="6",
            kind=AuditKind.CERTIFICATION,
            state=state,
            planned_on=planned,
            finished_on=planned if state is AuditState.CLOSED else None,
            lead_auditor_id=lead.id,
        )
        session.add(audit)
        session.flush()
        refresh_standing(session, [member_id])
        return audit.id


def test_history_says_who_changed_what_newest_first(workspace: Workspace) -> None:
    member_id = _new(workspace, 1)
    row = get_member(workspace, member_id).row
    edited = MemberInput(**{**member_input(get_member(workspace, member_id)).__dict__})
    update_member(
        workspace,
        member_id,
        MemberInput(**{**edited.__dict__, "city": "Medellín"}),
        expected_version=row.version,
    )
    archive_members(workspace, [member_id])
    history = member_history(workspace, member_id)
    assert [h.action for h in history] == ["archive", "update", "create"]
    assert all(h.user == "tester" for h in history)
    assert all(h.at.tzinfo is not None for h in history)
    assert history[0].at >= history[-1].at
    assert history[1].changes == (FieldChange("city", "Bogotá", "Medellín"),)
    assert history[0].changes == (FieldChange("archived_on", "", TODAY.isoformat()),)
    created = {c.field: c for c in history[2].changes}
    assert created["legal_name"] == FieldChange("legal_name", "", "Exportadora Andina S.A.S.")
    assert created["business_type"].new == "exporter_importer"


def test_certificates_and_audits_newest_first_with_their_state(workspace: Workspace) -> None:
    member_id = _new(workspace, 2)
    old_issue = TODAY - timedelta(days=500)
    certify(workspace, member_id, old_issue, old_issue + timedelta(days=365), code="OLD-1")
    with workspace.db.transaction() as session:
        renewal = Certificate(
            code="NEW-2",
            company_id=member_id,
            standard_version="6",
            scope=BusinessType.EXPORTER_IMPORTER,
            issue_number=2,
            issued_on=TODAY - timedelta(days=135),
            expires_on=TODAY + timedelta(days=230),
        )
        renewal.events.append(
            CertificateEvent(occurred_on=renewal.issued_on, kind=CertificateEventKind.ISSUED)
        )
        session.add(renewal)
        old = session.scalar(select(Certificate).where(Certificate.code == "OLD-1"))
        assert old is not None
        old.events.append(
            CertificateEvent(occurred_on=renewal.issued_on, kind=CertificateEventKind.SUPERSEDED)
        )
        session.flush()
        refresh_standing(session, [member_id])
    lines = member_certificates(workspace, member_id)
    assert [(c.code, c.state) for c in lines] == [
        ("NEW-2", CertificateState.VALID),
        ("OLD-1", CertificateState.SUPERSEDED),
    ]
    assert lines[0].standard_version == "6"
    closed = _audit(workspace, member_id, TODAY - timedelta(days=150), AuditState.CLOSED)
    planned = _audit(workspace, member_id, TODAY + timedelta(days=40), AuditState.PLANNED)
    audits = member_audits(workspace, member_id)
    assert [(a.id, a.state) for a in audits] == [
        (planned, AuditState.PLANNED),
        (closed, AuditState.CLOSED),
    ]
    assert audits[0].lead_auditor == "Ana Gómez"
    assert audits[1].finished_on == TODAY - timedelta(days=150)
    row = get_member(workspace, member_id).row
    assert (row.certificate_code, row.status, row.next_audit_on) == (
        "NEW-2",
        MemberStatus.CERTIFIED,
        TODAY + timedelta(days=40),
    )


def test_next_audit_is_the_earliest_still_planned_even_if_overdue(workspace: Workspace) -> None:
    member_id = _new(workspace, 3)
    _audit(workspace, member_id, TODAY + timedelta(days=10), AuditState.PLANNED)
    _audit(workspace, member_id, TODAY - timedelta(days=90), AuditState.CLOSED)
    assert get_member(workspace, member_id).row.next_audit_on == TODAY + timedelta(days=10)
    _audit(workspace, member_id, TODAY - timedelta(days=5), AuditState.PLANNED)
    assert get_member(workspace, member_id).row.next_audit_on == TODAY - timedelta(days=5)


def test_a_status_change_does_not_make_an_open_edit_stale(workspace: Workspace) -> None:
    member_id = _new(workspace, 4)
    before = get_member(workspace, member_id)
    certify(workspace, member_id, TODAY - timedelta(days=30), TODAY + timedelta(days=335))
    after = get_member(workspace, member_id).row
    assert after.status is MemberStatus.CERTIFIED
    assert after.version == before.row.version
    # The coordinator's edit, opened before the certificate, still saves.
    update_member(
        workspace,
        member_id,
        MemberInput(**{**member_input(before).__dict__, "city": "Cali"}),
        expected_version=before.row.version,
    )


def test_archive_and_restore_several_members_together(workspace: Workspace) -> None:
    ids = [_new(workspace, 10 + n, f"Empresa {n} S.A.S.") for n in range(4)]
    assert archive_members(workspace, ids[:2]) == 2
    assert archive_members(workspace, ids[:3]) == 1  # two of them were archived already
    archived = find_members(workspace, MemberQuery(archived=True, limit=None))
    assert {r.id for r in archived} == set(ids[:3])
    assert all(r.archived_on == TODAY for r in archived)
    assert count_members(workspace) == 1
    assert restore_members(workspace, ids) == 3
    assert count_members(workspace) == 4
    with workspace.db.reading() as session:
        actions = session.execute(select(Event.action, func.count()).group_by(Event.action))
        assert dict(actions.all()) == {"create": 4, "archive": 3, "restore": 3}


def test_bulk_archive_is_all_or_nothing(workspace: Workspace) -> None:
    member_id = _new(workspace, 20)
    with pytest.raises(NotFoundError):
        archive_members(workspace, [member_id, 999_999])
    assert get_member(workspace, member_id).row.archived_on is None


def test_hard_delete_is_refused_with_audits_or_certificates(workspace: Workspace) -> None:
    certified = _new(workspace, 30, "Certificada S.A.S.")
    certify(workspace, certified, TODAY - timedelta(days=30), TODAY + timedelta(days=335))
    audited = _new(workspace, 31, "Auditada S.A.S.")
    _audit(workspace, audited, TODAY + timedelta(days=3), AuditState.PLANNED)
    with pytest.raises(LifecycleError) as caught:
        delete_member(workspace, certified)
    assert str(caught.value) == (
        "Certificada S.A.S. has 0 audits and 1 certificates, so it cannot be deleted: "
        "archive it instead."
    )
    with pytest.raises(LifecycleError, match="1 audits and 0 certificates"):
        delete_member(workspace, audited)
    assert get_member(workspace, certified).row.id == certified


def test_hard_delete_without_records_removes_the_member_and_logs_it(
    workspace: Workspace,
) -> None:
    member_id = _new(workspace, 40, "Borrable S.A.S.")
    with workspace.db.transaction() as session:
        session.add(Contact(company_id=member_id, name="Luis Pérez"))
        session.add(
            Application(
                company_id=member_id,
                opened_on=TODAY - timedelta(days=20),
                decision=ApplicationDecision.REJECTED,
                decided_on=TODAY - timedelta(days=3),
            )
        )
    delete_member(workspace, member_id)
    with pytest.raises(NotFoundError):
        get_member(workspace, member_id)
    with workspace.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 0
        assert session.scalar(select(func.count()).select_from(Application)) == 0
        assert session.scalar(select(func.count()).select_from(Company)) == 0
        logged = session.execute(
            select(Event.action, Event.changes).where(Event.record_id == member_id)
        ).all()
    assert [action for action, _ in logged] == ["create", "delete"]
    assert logged[1][1]["legal_name"] == "Borrable S.A.S."


def test_records_of_a_missing_member_are_not_found(workspace: Workspace) -> None:
    for read in (member_history, member_certificates, member_audits):
        with pytest.raises(NotFoundError):
            read(workspace, 4242)
    with pytest.raises(NotFoundError):
        delete_member(workspace, 4242)


def test_search_follows_new_renamed_and_deleted_members(workspace: Workspace) -> None:
    member_id = _new(workspace, 50, "Zafiro Logístico S.A.S.")

    def found(text: str) -> set[int]:
        return {r.id for r in find_members(workspace, MemberQuery(search=text, limit=None))}

    assert found("zafiro logistico") == {member_id}
    assert found("ZAF") == {member_id}
    assert found("za") == {member_id}
    detail = get_member(workspace, member_id)
    update_member(
        workspace,
        member_id,
        MemberInput(**{**member_input(detail).__dict__, "legal_name": "Ámbar Cargo S.A.S."}),
        expected_version=detail.row.version,
    )
    assert found("zafiro") == set()
    assert found("ambar cargo") == {member_id}
    delete_member(workspace, member_id)
    assert found("ambar") == set()
