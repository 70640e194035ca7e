"""The Corrective actions area: filters against the test's own SQL, and an action's whole life."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from basc_desktop.domain.vocabulary import ActionState, AuditKind, Verdict
from basc_desktop.services.audits import start_audit
from basc_desktop.services.corrective_actions import get_action
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.actions import ActionsArea
from basc_desktop.ui.dialogs.action_dialog import ActionPlanDialog, ActionStep, ActionStepDialog
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.actions_model import ActionsModel
from basc_desktop.ui.models.audit_looks import overdue_colour
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member, planned, reported
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations
from tests.ui.typing import replace_text, type_text

BASE = (
    "SELECT ca.id FROM corrective_actions ca JOIN findings f ON f.id = ca.finding_id "
    "JOIN audits a ON a.id = f.audit_id JOIN companies c ON c.id = a.company_id"
)
WAITING = "ca.state IN ('open', 'submitted', 'verified')"


def sql_ids(ws: Workspace, where: str, **params: object) -> set[int]:
    with ws.db.reading() as session:
        return set(session.execute(text(f"{BASE} WHERE {where}"), params).scalars())


def actions_area(window: MainWindow) -> ActionsArea:
    area = window.show_area("actions")
    assert isinstance(area, ActionsArea)
    settle_operations()
    return area


def shown_ids(area: ActionsArea) -> set[int]:
    model = area.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [row.id for row in model.rows()]
    assert len(ids) == model.total == len(set(ids))
    return set(ids)


def choose(combo: object, value: object) -> None:
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def ok(qtbot: QtBot, dialog: ActionPlanDialog | ActionStepDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_actions_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = ActionsModel(demo_workspace, page_size=30)
    model.reload()
    qtmodeltester.check(model)
    assert model.total > 30


def test_each_filter_gives_the_rows_the_database_holds(
    window: MainWindow, artifacts_dir: Path
) -> None:
    ws = window.context.workspace
    area = actions_area(window)
    filters = area.filters
    today, week = TODAY.isoformat(), (TODAY + timedelta(days=7)).isoformat()
    assert shown_ids(area) == sql_ids(ws, WAITING)

    filters.overdue.setChecked(True)
    overdue = sql_ids(ws, "ca.state IN ('open', 'submitted') AND ca.due_on < :today", today=today)
    assert shown_ids(area) == overdue
    assert overdue
    for row in range(area.model.rowCount()):
        due = area.model.index(row, area.model.column_of("due_on"))
        assert due.data().endswith("Overdue")
        assert due.data(Qt.ItemDataRole.ForegroundRole) == overdue_colour()
    filters.overdue.setChecked(False)

    filters.this_week.setChecked(True)
    soon = sql_ids(ws, f"{WAITING} AND ca.due_on BETWEEN :today AND :week", today=today, week=week)
    assert shown_ids(area) == soon
    filters.this_week.setChecked(False)

    choose(filters.severity, Verdict.MAJOR.value)
    majors = sql_ids(ws, f"{WAITING} AND f.verdict = 'major'")
    assert shown_ids(area) == majors
    choose(filters.severity, "")
    choose(filters.chapter, "co-bog")
    assert shown_ids(area) == sql_ids(ws, f"{WAITING} AND c.chapter_code = 'co-bog'")
    choose(filters.chapter, "")
    choose(filters.state, "closed")
    closed = sql_ids(ws, "ca.state = 'closed'")
    assert shown_ids(area) == closed
    assert closed
    choose(filters.state, "any")
    assert shown_ids(area) == sql_ids(ws, "1 = 1")
    choose(filters.state, "waiting")

    name = area.model.rows()[0].company_name
    filters.search.setText(name)
    filters.search_timer.timeout.emit()
    assert shown_ids(area) == sql_ids(ws, f"{WAITING} AND c.legal_name = :name", name=name)
    filters.search.clear()
    filters.search_timer.timeout.emit()
    filters.overdue.setChecked(True)
    area.table.selectRow(0)
    save_screenshot(window, artifacts_dir / "corrective-actions-area.png")


def test_submit_verify_and_close_an_action_from_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.context.workspace
    company = member(ws, name="Logística Çedro y Peñas S.A.S.", seed=515)
    audit = reported(ws, company, {"N-4.1": Verdict.MINOR})
    area = actions_area(window)
    type_text(qtbot, area.filters.search, "Peñas")
    qtbot.keyClick(area.filters.search, Qt.Key.Key_Return)
    assert area.model.total == 1
    action = area.model.rows()[0]
    assert (action.audit_id, action.state, action.severity) == (
        audit.id,
        ActionState.OPEN,
        Verdict.MINOR,
    )
    area.table.selectRow(0)

    plan = area.edit_plan()
    assert isinstance(plan, ActionPlanDialog)
    replace_text(qtbot, plan.description, "Actualizar el análisis de contexto y firmarlo.")
    type_text(qtbot, plan.owner, "Inés Peña, jefa de seguridad")
    plan.due_on.setDate(QDate(2026, 8, 1))
    ok(qtbot, plan)
    saved = get_action(ws, action.id)
    assert (saved.owner, saved.due_on.isoformat()) == ("Inés Peña, jefa de seguridad", "2026-08-01")
    assert saved.description == "Actualizar el análisis de contexto y firmarlo."
    assert "Inés Peña" in area.detail.toPlainText()

    submit = area.step(ActionStep.SUBMIT)
    assert isinstance(submit, ActionStepDialog)
    type_text(qtbot, submit.note, "Análisis enviado por correo.")
    ok(qtbot, submit)
    assert get_action(ws, action.id).state == ActionState.SUBMITTED

    verify = area.step(ActionStep.VERIFY)
    assert isinstance(verify, ActionStepDialog)
    assert not verify.audit.isEnabled()  # no follow-up audit is in progress yet
    with prompts.answering(True) as asked:
        ok(qtbot, verify)
    assert "follow-up audit" in asked[-1].text
    verify.reject()
    follow_up = planned(ws, company, kind=AuditKind.FOLLOW_UP)
    start_audit(ws, follow_up.id)
    verify = area.step(ActionStep.VERIFY)
    assert isinstance(verify, ActionStepDialog)
    assert verify.audit_id() == follow_up.id
    ok(qtbot, verify)
    verified = get_action(ws, action.id)
    assert verified.state == ActionState.VERIFIED
    assert area.current_action() == verified

    close = area.step(ActionStep.CLOSE)
    assert isinstance(close, ActionStepDialog)
    type_text(qtbot, close.note, "Cerrada tras la visita de seguimiento.")
    ok(qtbot, close)
    closed = get_action(ws, action.id)
    assert (closed.state, closed.closed_on) == (ActionState.CLOSED, TODAY)
    assert "Cerrada tras la visita" in closed.closure_note
    assert area.model.total == 0  # closed actions leave the list of those still waiting
    choose(area.filters.state, "any")
    assert [row.state for row in area.model.rows()] == [ActionState.CLOSED]


def test_a_refused_step_shows_the_reason(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.context.workspace
    company = member(ws, seed=616)
    reported(ws, company, {"N-4.1": Verdict.MAJOR})
    area = actions_area(window)
    area.filters.search.setText("Exportadora Andina")
    area.filters.search_timer.timeout.emit()
    area.table.selectRow(0)
    close = area.step(ActionStep.CLOSE)  # an open action cannot be closed yet
    assert isinstance(close, ActionStepDialog)
    with prompts.answering(True) as asked:
        ok(qtbot, close)
    assert "must first be submitted" in asked[-1].text
    assert close.isVisible()
    close.reject()
