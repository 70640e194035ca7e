"""The history of an audit and of an application, each in a window of its own (Ctrl+Shift+H)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from basc_desktop.domain.vocabulary import AuditState, DocumentState
from basc_desktop.services.admissions import get_application, mark_document, open_application
from basc_desktop.services.audits import start_audit
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.history_dialog import RecordHistoryDialog
from tests.audit_factories import member, planned
from tests.conftest import TODAY
from tests.ui.admissions_helpers import open_area
from tests.ui.conftest import settle_operations

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def context(sqlite_workspace: Workspace, settings: Settings) -> AppContext:
    return AppContext(sqlite_workspace, settings, ChangeHub())


def opened_history(qtbot: QtBot, parent: object) -> RecordHistoryDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordHistoryDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RecordHistoryDialog)
    assert dialog.parent() is parent
    return dialog


def test_an_audit_s_history_names_who_started_it_and_the_state_it_left(
    qtbot: QtBot, context: AppContext, artifacts_dir: Path
) -> None:
    ws = context.workspace
    company = member(ws)
    audit_id = planned(ws, company, on=TODAY - timedelta(days=1)).id
    start_audit(ws, audit_id, on=TODAY)
    area = AuditsArea(context)
    qtbot.addWidget(area)
    area.resize(1280, 800)
    area.show()
    qtbot.waitExposed(area)
    area.activate()
    settle_operations()
    assert area.select_audit(audit_id)
    assert area.commands.history_action.isEnabled()
    area.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_H, CTRL_SHIFT)

    dialog = opened_history(qtbot, area)
    text = dialog.browser.toPlainText()
    assert "Exportadora Andina" in dialog.windowTitle()
    assert ws.user in text
    assert f"{AuditState.PLANNED.label} → {AuditState.IN_PROGRESS.label}" in text
    dialog.grab().save(str(artifacts_dir / "audit-history.png"))
    dialog.reject()


def test_an_application_s_history_lists_each_document_received(
    qtbot: QtBot, context: AppContext
) -> None:
    ws = context.workspace
    company = member(ws)
    application = open_application(ws, company, on=TODAY)
    first = get_application(ws, application.id).documents[0]
    mark_document(ws, application.id, first.document_id, DocumentState.RECEIVED, received_on=TODAY)
    area = open_area(qtbot, context)
    assert area.select_application(application.id)
    assert area.commands.history_action.isEnabled()

    area.commands.history_action.trigger()

    dialog = opened_history(qtbot, area)
    text = dialog.browser.toPlainText()
    assert ws.user in text
    assert text.count(ws.user) >= 2  # opened, then a document received
    dialog.reject()
