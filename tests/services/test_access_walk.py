"""Every service refuses a record of a chapter the user is not set up for, and writes nothing.

One world per database (SQLite, and PostgreSQL when CI names one): an administrator
makes one of everything in co-bog and in co-ctg, then "ana", set up for co-bog only,
tries each service on the co-ctg record.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import AccessDeniedError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    AuditKind,
    DocumentState,
    Verdict,
)
from basc_desktop.services import admissions as adm
from basc_desktop.services import auditors as aud
from basc_desktop.services import audits, certificate_moves, certificate_printing
from basc_desktop.services import checklist as chk
from basc_desktop.services import corrective_actions as act
from basc_desktop.services import members as mem
from basc_desktop.services.audit_forms import ActionQuery, AuditPlanInput, AuditQuery
from basc_desktop.services.audit_list import (
    audits_in_month,
    count_audits,
    find_audits,
    get_audit,
    iter_audits,
)
from basc_desktop.services.audit_report import audit_report
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.certificate_issue import (
    issuable_audits,
    issue_certificate,
    preview_issue,
)
from basc_desktop.services.certificate_list import (
    certificate_by_code,
    count_certificates,
    find_certificates,
    get_certificate,
    iter_certificates,
)
from basc_desktop.services.certificate_printing import certificate_ids_issued_in
from basc_desktop.services.corrective_actions import count_actions, find_actions, iter_actions
from basc_desktop.services.dashboard import dashboard_figures
from basc_desktop.services.dashboard_forms import Figure
from basc_desktop.services.exports import (
    export_actions,
    export_audits,
    export_certificates,
    export_members,
)
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.member_records import member_audits, member_certificates, member_history
from basc_desktop.services.member_search import (
    count_members,
    find_members,
    iter_members,
    members_with_tax_id,
)
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.users import add_user, deactivate, set_chapters
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import load_settings
from basc_desktop.store.engine import sqlite_url
from tests.access_world import THEIRS, World, build_world, fingerprint
from tests.admission_factories import SESSION_DAY
from tests.conftest import TODAY, _clean_postgres

Call = Callable[[Workspace, World, Path], Any]


def _moved_in(ws: Workspace, w: World, _: Path) -> Any:
    """Ana's own member moved into the other chapter."""
    data = replace(w.ours.member_data, chapter_code=THEIRS)
    return mem.update_member(ws, w.ours.member, data, expected_version=w.ours.member_version)


def _new_tax_id() -> str:
    return generate_tax_id("CO", random.Random(99))


def _plan(company: int) -> AuditPlanInput:
    return AuditPlanInput(company, AuditKind.FOLLOW_UP, "6", date(2026, 8, 1), None)


CALLS: dict[str, Call] = {
    # members
    "get_member": lambda ws, w, _: mem.get_member(ws, w.theirs.member),
    "find_member_by_tax_id": lambda ws, w, _: mem.find_member_by_tax_id(ws, "CO", w.theirs.tax_id),
    "member_history": lambda ws, w, _: member_history(ws, w.theirs.member),
    "member_certificates": lambda ws, w, _: member_certificates(ws, w.theirs.member),
    "member_audits": lambda ws, w, _: member_audits(ws, w.theirs.member),
    "create_member": lambda ws, w, _: mem.create_member(
        ws, replace(w.theirs.member_data, tax_id=_new_tax_id(), legal_name="Nueva S.A.S.")
    ),
    "update_member": lambda ws, w, _: mem.update_member(
        ws,
        w.theirs.member,
        replace(w.theirs.member_data, notes="changed"),
        expected_version=w.theirs.member_version,
    ),
    "update_member into another chapter": _moved_in,
    "archive_member": lambda ws, w, _: mem.archive_member(ws, w.theirs.member),
    "restore_member": lambda ws, w, _: mem.restore_member(ws, w.theirs.member),
    "archive_members": lambda ws, w, _: mem.archive_members(ws, [w.ours.member, w.theirs.member]),
    "restore_members": lambda ws, w, _: mem.restore_members(ws, [w.theirs.member]),
    "delete_member": lambda ws, w, _: mem.delete_member(ws, w.theirs.member),
    # audits and checklists
    "get_audit": lambda ws, w, _: get_audit(ws, w.theirs.audit),
    "audit_report": lambda ws, w, _: audit_report(ws, w.theirs.audit),
    "checklist": lambda ws, w, _: chk.checklist(ws, w.theirs.audit),
    "checklist_progress": lambda ws, w, _: chk.checklist_progress(ws, w.theirs.audit),
    "record_verdict": lambda ws, w, _: chk.record_verdict(ws, w.theirs.finding, Verdict.MAJOR),
    "plan_audit": lambda ws, w, _: audits.plan_audit(ws, _plan(w.theirs.member)),
    "update_audit_plan": lambda ws, w, _: audits.update_audit_plan(
        ws, w.theirs.planned_audit, _plan(w.theirs.member), expected_version=1
    ),
    "start_audit": lambda ws, w, _: audits.start_audit(ws, w.theirs.planned_audit),
    "report_audit": lambda ws, w, _: audits.report_audit(ws, w.theirs.audit),
    "close_audit": lambda ws, w, _: audits.close_audit(ws, w.theirs.audit),
    # corrective actions
    "get_action": lambda ws, w, _: act.get_action(ws, w.theirs.action),
    "actions_to_verify": lambda ws, w, _: act.actions_to_verify(ws, w.theirs.planned_audit),
    "update_action_plan": lambda ws, w, _: act.update_action_plan(
        ws,
        w.theirs.action,
        description="Fix it",
        owner="Luis",
        due_on=date(2026, 9, 1),
        expected_version=w.theirs.action_version,
    ),
    "submit_action": lambda ws, w, _: act.submit_action(ws, w.theirs.action),
    "verify_action": lambda ws, w, _: act.verify_action(
        ws, w.theirs.action, audit_id=w.theirs.planned_audit
    ),
    "close_action": lambda ws, w, _: act.close_action(ws, w.theirs.action),
    # certificates
    "get_certificate": lambda ws, w, _: get_certificate(ws, w.theirs.certificate),
    "certificate_by_code": lambda ws, w, _: certificate_by_code(ws, w.theirs.certificate_code),
    "preview_issue": lambda ws, w, _: preview_issue(ws, w.theirs.certificate_audit),
    "issue_certificate": lambda ws, w, _: issue_certificate(ws, w.theirs.certificate_audit),
    "suspend_certificate": lambda ws, w, _: certificate_moves.suspend_certificate(
        ws, w.theirs.certificate, reason="Audit refused"
    ),
    "reinstate_certificate": lambda ws, w, _: certificate_moves.reinstate_certificate(
        ws, w.theirs.certificate, reason="Back"
    ),
    "withdraw_certificate": lambda ws, w, _: certificate_moves.withdraw_certificate(
        ws, w.theirs.certificate, reason="Closed"
    ),
    "certificate_pdf": lambda ws, w, out: certificate_printing.certificate_pdf(
        ws, w.theirs.certificate, out / "c.pdf"
    ),
    "write_certificates_pdf": lambda ws, w, out: certificate_printing.write_certificates_pdf(
        ws, [w.ours.certificate, w.theirs.certificate], out / "batch.pdf"
    ),
    "certificate_ids_by_code": lambda ws, w, _: certificate_printing.certificate_ids_by_code(
        ws, [w.theirs.certificate_code]
    ),
    # admissions
    "get_application": lambda ws, w, _: adm.get_application(ws, w.theirs.application),
    "open_application": lambda ws, w, _: adm.open_application(ws, w.theirs.member),
    "mark_document": lambda ws, w, _: adm.mark_document(
        ws, w.theirs.application, w.theirs.document, DocumentState.RECEIVED
    ),
    "attach_document": lambda ws, w, out: adm.attach_document(
        ws, w.theirs.application, w.theirs.document, _file(out)
    ),
    "open_attachment_path": lambda ws, w, _: adm.open_attachment_path(
        ws, w.theirs.application, w.theirs.document
    ),
    "plan_committee_session": lambda ws, w, _: adm.plan_committee_session(
        ws, THEIRS, SESSION_DAY, "Ana", []
    ),
    "get_committee_session": lambda ws, w, _: adm.get_committee_session(
        ws, w.theirs.committee_session
    ),
    "find_committee_session": lambda ws, w, _: adm.find_committee_session(ws, THEIRS, SESSION_DAY),
    "write_minutes_pdf": lambda ws, w, out: adm.write_minutes_pdf(
        ws, w.theirs.committee_session, out / "minutes.pdf"
    ),
    "remove_from_committee_session": lambda ws, w, _: adm.remove_from_committee_session(
        ws, w.theirs.application
    ),
    "decide_application": lambda ws, w, _: adm.decide_application(
        ws, w.theirs.application, ApplicationDecision.ADMITTED
    ),
    "write_welcome_letter_pdf": lambda ws, w, out: adm.write_welcome_letter_pdf(
        ws, w.theirs.application, out / "welcome.pdf"
    ),
    # auditors
    "get_auditor": lambda ws, w, _: aud.get_auditor(ws, w.theirs.auditor),
    "add_auditor": lambda ws, w, _: aud.add_auditor(ws, "Nuevo Auditor", "", THEIRS),
    "add_auditor of every chapter": lambda ws, w, _: aud.add_auditor(ws, "Nuevo", "", None),
    "update_auditor": lambda ws, w, _: aud.update_auditor(
        ws, w.theirs.auditor, name="Otro", email="", chapter_code=THEIRS
    ),
    "update_auditor into another chapter": lambda ws, w, _: aud.update_auditor(
        ws, w.ours.auditor, name="Otro", email="", chapter_code=THEIRS
    ),
    "update shared auditor": lambda ws, w, _: aud.update_auditor(
        ws, w.shared_auditor, name="Otra", email="", chapter_code=None
    ),
    "set_auditor_active": lambda ws, w, _: aud.set_auditor_active(ws, w.theirs.auditor, False),
    # users: only an administrator sets them up
    "add_user": lambda ws, w, _: add_user(ws, "luis", [THEIRS]),
    "set_chapters": lambda ws, w, _: set_chapters(ws, "ana", ["co-bog", THEIRS]),
    "deactivate": lambda ws, w, _: deactivate(ws, "tester"),
}


def _file(folder: Path) -> Path:
    path = folder / "rut.pdf"
    path.write_bytes(b"%PDF-1.4 a scanned RUT")
    return path


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def world(
    request: pytest.FixtureRequest,
    chapters: ChapterRegistry,
    sqlite_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Workspace, World]]:
    """The two chapters' records, built once per database for every call below."""
    folder = tmp_path_factory.mktemp("access")
    if request.param == "sqlite":
        shutil.copyfile(sqlite_template, folder / "basc.sqlite")
        url = sqlite_url(folder / "basc.sqlite")
    else:
        url = request.getfixturevalue("postgres_url")
        _clean_postgres(url)
    ws = open_workspace(load_settings(folder / "data"), chapters, url=url)
    ws.user, ws.clock = "tester", lambda: TODAY
    try:
        yield ws, build_world(ws)
    finally:
        ws.db.close()


@pytest.mark.parametrize("name", list(CALLS))
def test_a_record_of_another_chapter_is_refused_and_nothing_is_written(
    world: tuple[Workspace, World], name: str, tmp_path: Path
) -> None:
    ws, w = world
    assert ws.scope == frozenset({"co-bog"})
    before = fingerprint(ws)
    with pytest.raises(AccessDeniedError):
        CALLS[name](ws, w, tmp_path)
    assert fingerprint(ws) == before
    assert list(tmp_path.glob("*.pdf*")) in ([], [tmp_path / "rut.pdf"])
    if ws.data_dir is not None and (ws.data_dir / "attachments").exists():
        assert list((ws.data_dir / "attachments").iterdir()) == []


@pytest.mark.parametrize(
    "name", ["get_member", "get_audit", "get_action", "get_certificate", "get_application"]
)
def test_the_same_calls_on_the_user_s_own_chapter_work(
    world: tuple[Workspace, World], name: str, tmp_path: Path
) -> None:
    ws, w = world
    mine = World(w.ours, w.ours, w.shared_auditor)
    assert CALLS[name](ws, mine, tmp_path) is not None


def _chapters_of(rows: Any) -> set[str]:
    return {row.chapter_code for row in rows}


def _flat(batches: Any) -> list[Any]:
    return [row for batch in batches for row in batch]


def test_every_list_count_and_export_shows_only_the_user_s_chapter(
    world: tuple[Workspace, World], tmp_path: Path
) -> None:
    ws, w = world
    before = fingerprint(ws)
    members = find_members(ws, MemberQuery(limit=None))
    assert _chapters_of(members) == {"co-bog"}
    assert count_members(ws, MemberQuery()) == len(members) == 3
    assert len(_flat(iter_members(ws, MemberQuery()))) == 3
    assert members_with_tax_id(ws, w.theirs.tax_id) == []

    every_audit = AuditQuery(limit=None)
    found_audits = find_audits(ws, every_audit)
    assert _chapters_of(found_audits) == {"co-bog"}
    assert count_audits(ws, every_audit) == len(found_audits) == 3
    assert len(_flat(iter_audits(ws, every_audit))) == 3
    assert _chapters_of(audits_in_month(ws, 2026, 6)) == {"co-bog"}

    every_action = ActionQuery(states=(), limit=None)
    assert [a.id for a in find_actions(ws, every_action)] == [w.ours.action]
    assert count_actions(ws, every_action) == 1
    assert [a.id for a in _flat(iter_actions(ws, every_action))] == [w.ours.action]

    every_certificate = CertificateQuery(limit=None)
    assert [c.id for c in find_certificates(ws, every_certificate)] == [w.ours.certificate]
    assert count_certificates(ws, every_certificate) == 1
    assert [c.id for c in _flat(iter_certificates(ws, every_certificate))] == [w.ours.certificate]
    assert certificate_ids_issued_in(ws, 2026, 6) == [w.ours.certificate]
    assert _chapters_of(issuable_audits(ws)) <= {"co-bog"}

    assert [a.id for a in adm.find_applications(ws)] == [w.ours.application]
    assert adm.count_applications(ws) == 1
    assert _chapters_of(adm.committee_sessions(ws)) == {"co-bog"}
    assert _chapters_of(adm.deadlines(ws, within_days=3650)) <= {"co-bog"}

    assert {a.id for a in aud.auditors(ws)} == {w.ours.auditor, w.shared_auditor}
    figures = dashboard_figures(ws)
    # (a member counts from the day it is known; the clock here is frozen before one)
    assert figures.country("CO")[Figure.MEMBERS] == figures.chapter("co-bog")[Figure.MEMBERS] > 0
    assert {line.chapter for line in figures.chapters if line[Figure.MEMBERS]} == {"co-bog"}

    assert export_members(ws, MemberQuery(), tmp_path / "m.xlsx") == 3
    assert export_audits(ws, every_audit, tmp_path / "a.xlsx") == 3
    assert export_actions(ws, every_action, tmp_path / "ca.xlsx") == 1
    assert export_certificates(ws, every_certificate, tmp_path / "c.xlsx") == 1
    assert fingerprint(ws) == before
