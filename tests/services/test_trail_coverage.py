"""Every write leaves an event: who, which record, and each changed field's old → new value.

Each coordinator task is driven once through its service; the test then reads the
event log as an auditor of the chapter would.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    AuditKind,
    DocumentState,
    Verdict,
)
from basc_desktop.services.admission_files import attach_document
from basc_desktop.services.admission_letters import write_welcome_letter_pdf
from basc_desktop.services.admissions import (
    decide_application,
    get_application,
    mark_document,
    plan_committee_session,
)
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.auditors import set_auditor_active, update_auditor
from basc_desktop.services.audits import get_audit, start_audit, update_audit_plan
from basc_desktop.services.certificate_issue import issue_certificate
from basc_desktop.services.certificate_moves import (
    reinstate_certificate,
    suspend_certificate,
    withdraw_certificate,
)
from basc_desktop.services.certificate_printing import certificate_pdf
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.services.corrective_actions import (
    close_action,
    find_actions,
    submit_action,
    update_action_plan,
    verify_action,
)
from basc_desktop.services.imports import read_import, run_import
from basc_desktop.services.member_forms import ContactInput
from basc_desktop.services.members import (
    archive_member,
    delete_member,
    get_member,
    member_input,
    restore_member,
    update_member,
)
from basc_desktop.services.opening import sync_chapters
from basc_desktop.services.standards import sync_standards
from basc_desktop.services.workspace import Workspace, login_name
from basc_desktop.standards import default_standards_dir
from basc_desktop.store.events import Event
from tests.admission_factories import SESSION_DAY, applicant, receive_all
from tests.audit_factories import auditor, member, planned, reported
from tests.certificate_factories import closed
from tests.conftest import TODAY
from tests.import_files import write_xlsx

Logged = tuple[str, str, dict[str, Any]]


def _log(ws: Workspace, record_type: str, record_id: int) -> list[Logged]:
    """(user, action, changes) of the record's events, oldest first."""
    with ws.db.reading() as session:
        rows = session.execute(
            select(Event.user_name, Event.action, Event.changes)
            .where(Event.record_type == record_type, Event.record_id == record_id)
            .order_by(Event.id)
        )
        return [(r.user_name, r.action, dict(r.changes)) for r in rows]


def _last(ws: Workspace, record_type: str, record_id: int, action: str) -> dict[str, Any]:
    """The changes of the record's newest ``action`` event, checked to be by ws.user."""
    found = [e for e in _log(ws, record_type, record_id) if e[1] == action]
    assert found, f"no {action} event for {record_type} {record_id}"
    user, _action, changes = found[-1]
    assert user == ws.user
    return changes


def test_members_and_their_contacts(workspace: Workspace) -> None:
    ws = replace(workspace, user="ana")
    member_id = member(ws)
    created = _last(ws, "company", member_id, "create")
    assert created["legal_name"] == "Exportadora Andina S.A.S."
    detail = get_member(ws, member_id)
    data = replace(
        member_input(detail),
        phone="+57 601 555 0101",
        contacts=(ContactInput(name="María López", role="Gerente", email="maria@andina.co"),),
    )
    update_member(ws, member_id, data, expected_version=detail.row.version)
    changes = _last(ws, "company", member_id, "update")
    assert changes["phone"] == ["", "+57 601 555 0101"]
    assert "María López" in str(changes["contacts"][1])
    archive_member(ws, member_id)
    assert _last(ws, "company", member_id, "archive") == {"archived_on": [None, TODAY.isoformat()]}
    restore_member(ws, member_id)
    assert _last(ws, "company", member_id, "restore") == {"archived_on": [TODAY.isoformat(), None]}
    delete_member(ws, member_id)
    assert _last(ws, "company", member_id, "delete")["legal_name"] == "Exportadora Andina S.A.S."


def test_auditors_audits_findings_and_corrective_actions(workspace: Workspace) -> None:
    ws = replace(workspace, user="luis")
    person = auditor(ws)
    assert _last(ws, "auditor", person, "create")["name"] == "Ana Gómez"
    update_auditor(ws, person, name="Ana María Gómez", email="", chapter_code="co-bog")
    assert _last(ws, "auditor", person, "update")["name"] == ["Ana Gómez", "Ana María Gómez"]
    set_auditor_active(ws, person, False)
    assert _log(ws, "auditor", person)[-1][2]["active"] == [True, False]

    company = member(ws)
    audit = planned(ws, company)
    assert _last(ws, "audit", audit.id, "plan")["planned_on"] == TODAY.isoformat()
    moved = date(2026, 7, 1)
    update_audit_plan(
        ws, audit.id, replace(audit.plan(), planned_on=moved), expected_version=audit.version
    )
    assert _last(ws, "audit", audit.id, "update")["planned_on"] == [
        TODAY.isoformat(),
        moved.isoformat(),
    ]
    start_audit(ws, audit.id, on=moved)
    assert _last(ws, "audit", audit.id, "start")["state"] == ["planned", "in_progress"]
    line = checklist(ws, audit.id)[0]
    record_verdict(ws, line.finding_id, Verdict.MINOR, "Sin política")
    judged = _last(ws, "finding", line.finding_id, "judge")
    assert judged["verdict"] == [None, "minor"]

    other = member(ws, name="Otra S.A.S.", seed=2)
    reported(ws, other, {"N-5.2": Verdict.MAJOR})
    action = find_actions(ws, ActionQuery(company_id=other))[0]
    assert _last(ws, "corrective_action", action.id, "create")["severity"] == "major"
    update_action_plan(
        ws,
        action.id,
        description=action.description,
        owner="María López",
        due_on=action.due_on,
        expected_version=action.version,
    )
    assert _last(ws, "corrective_action", action.id, "update")["owner"] == ["", "María López"]
    submit_action(ws, action.id, on=TODAY, note="Política firmada")
    assert _last(ws, "corrective_action", action.id, "submitted")["state"] == ["open", "submitted"]
    follow_up = planned(ws, other, kind=AuditKind.FOLLOW_UP)
    start_audit(ws, follow_up.id)
    verify_action(ws, action.id, audit_id=follow_up.id, note="Visto")
    assert _last(ws, "corrective_action", action.id, "verified")["state"] == [
        "submitted",
        "verified",
    ]
    close_action(ws, action.id, note="Cerrada")
    assert _last(ws, "corrective_action", action.id, "closed")["state"] == ["verified", "closed"]
    audit_row = get_audit(ws, follow_up.id)
    assert audit_row.state.value == "in_progress"


def test_certificates_from_issue_to_withdrawal(workspace: Workspace, tmp_path: Path) -> None:
    ws = replace(workspace, user="ana")
    company = member(ws)
    first = issue_certificate(ws, closed(ws, company, on=date(2026, 1, 15)), on=date(2026, 1, 15))
    issued = _last(ws, "certificate", first.id, "issue")
    assert issued["code"] == first.code
    certificate_pdf(ws, first.id, tmp_path / "c.pdf")
    signed = _last(ws, "certificate", first.id, "sign")
    assert signed["signature"][0] is None
    assert signed["signature"][1]
    row = suspend_certificate(ws, first.id, reason="Cuotas")
    assert _last(ws, "certificate", first.id, "suspend")["state"] == ["valid", "suspended"]
    reinstate_certificate(ws, first.id, reason="Pagó", expected_version=row.version)
    assert _last(ws, "certificate", first.id, "reinstate")["state"] == ["suspended", "valid"]
    second = issue_certificate(ws, closed(ws, company, kind=AuditKind.RECERTIFICATION), on=TODAY)
    assert _last(ws, "certificate", first.id, "supersede")["state"][1] == "superseded"
    withdraw_certificate(ws, second.id, reason="Fraude")
    assert _last(ws, "certificate", second.id, "withdraw")["state"] == ["valid", "withdrawn"]


def test_admissions_and_imports(workspace: Workspace, tmp_path: Path) -> None:
    ws = replace(workspace, user="luis", data_dir=tmp_path / "data")
    row = applicant(ws)
    assert _last(ws, "application", row.id, "open")
    document = get_application(ws, row.id).documents[0].document_id
    mark_document(ws, row.id, document, DocumentState.RECEIVED, received_on=date(2026, 5, 2))
    changed = _last(ws, "application", row.id, "document")
    assert changed["state"] == ["missing", "received"]
    source = tmp_path / "acta.pdf"
    source.write_bytes(b"%PDF-1.4 acta")
    attach_document(ws, row.id, document, source)
    assert _last(ws, "application", row.id, "document")["file_name"] == ["", "acta.pdf"]
    receive_all(ws, row.id)
    plan_committee_session(ws, row.chapter_code, SESSION_DAY, "Ana, Luis", [row.id])
    assert _last(ws, "application", row.id, "schedule")
    decide_application(ws, row.id, ApplicationDecision.ADMITTED)
    assert _last(ws, "application", row.id, "decide")["decision"] == [None, "admitted"]
    write_welcome_letter_pdf(ws, row.id, tmp_path / "welcome.pdf")
    assert _last(ws, "application", row.id, "welcome_letter")

    company = member(ws, name="Almacenes del Norte S.A.", seed=5)
    tax_id = get_member(ws, company).row.tax_id
    rows = [
        ["Razón social", "NIT", "Capítulo", "Tipo de empresa", "Ciudad"],
        ["Almacenes del Norte S.A.", tax_id, "co-bog", "Exportador / importador", "Medellín"],
    ]
    path = write_xlsx(tmp_path / "cambios.xlsx", rows)
    run_import(ws, path, read_import(path).mapping, update_existing=True)
    assert _last(ws, "company", company, "update")["city"] == ["Bogotá", "Medellín"]


def test_catalogue_and_chapter_files_changed_leave_one_summary_event(
    workspace: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "standards"
    shutil.copytree(default_standards_dir(), target)
    v6 = target / "basc-v6.toml"
    text = v6.read_text(encoding="utf-8")
    old = 'en = "Cargo unit inspection and seals"'
    assert text.count(old) == 1
    v6.write_text(text.replace(old, 'en = "Inspecting containers and seals"'), encoding="utf-8")
    sync_standards(workspace.db, target)
    [(user, action, changes)] = _log(workspace, "standards", 0)
    assert (user, action) == (login_name(), "sync")
    assert changes["requirements_changed"].startswith("6/")

    chapter = workspace.chapters.get("co-bog")
    renamed = ChapterRegistry(
        [replace(c, name="BASC Bogotá D.C.") if c is chapter else c for c in workspace.chapters]
    )
    sync_chapters(workspace.db, renamed)
    [(_user, _action, renames)] = _log(workspace, "chapters", 0)
    assert renames == {"co-bog": [f"{chapter.name} (CO)", "BASC Bogotá D.C. (CO)"]}
