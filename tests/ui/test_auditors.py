"""Auditors on an empty workspace: registered in the Auditors dialog, then planned with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.services.auditors import add_auditor, auditors, set_auditor_active
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.auditor_form import AuditorForm
from basc_desktop.ui.dialogs.auditors_dialog import AuditorsDialog
from basc_desktop.ui.dialogs.plan_audit import PlanAuditDialog
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.auditors_model import AuditorsModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member, planned
from tests.ui.conftest import settle_operations
from tests.ui.typing import replace_text, type_text

COMPANY = "Exportadora Andina S.A.S."
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def empty_window(
    qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings
) -> Iterator[MainWindow]:
    """The main window on a workspace with one member and no auditor at all."""
    member(sqlite_workspace, name=COMPANY)
    main = MainWindow(AppContext(sqlite_workspace, settings, ChangeHub()))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    settle_operations()


def audits_area(qtbot: QtBot, window: MainWindow) -> AuditsArea:
    area = window.show_area("audits")
    assert isinstance(area, AuditsArea)
    settle_operations()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    area.table.setFocus()
    return area


def open_auditors(qtbot: QtBot, area: AuditsArea) -> AuditorsDialog:
    qtbot.keyClick(area.table, Qt.Key.Key_A, CTRL_SHIFT)
    dialog = area.commands.auditors_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def lead_choices(area: AuditsArea) -> list[str]:
    dialog = area.commands.plan()
    choices = [dialog.lead.itemText(i) for i in range(1, dialog.lead.count())]
    dialog.reject()
    return choices


def ok(form: AuditorForm) -> None:
    form.ok_button.click()


def plan_with_lead(qtbot: QtBot, area: AuditsArea, lead: str) -> PlanAuditDialog:
    dialog = area.commands.plan()
    type_text(qtbot, dialog.company_search, "andina")
    qtbot.keyClick(dialog.company_search, Qt.Key.Key_Return)
    assert dialog.companies.count() == 1
    dialog.choose_lead(lead)
    assert dialog.lead.currentText() == lead
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    return dialog


def test_register_an_auditor_then_plan_an_audit_with_them(
    qtbot: QtBot, empty_window: MainWindow, artifacts_dir: Path
) -> None:
    area = audits_area(qtbot, empty_window)
    assert lead_choices(area) == []

    dialog = open_auditors(qtbot, area)
    assert dialog.model.rowCount() == 0
    assert not dialog.edit_button.isEnabled()
    form = dialog.add()
    assert not form.ok_button.isEnabled()
    type_text(qtbot, form.name, "Nicolás Peña")
    type_text(qtbot, form.email, "nico@")
    email_error = form.error_labels["email"]
    qtbot.waitUntil(email_error.isVisible)
    assert "name@company.com" in email_error.text()
    assert not form.ok_button.isEnabled()
    type_text(qtbot, form.email, "example.com")
    qtbot.waitUntil(form.ok_button.isEnabled)
    assert not email_error.isVisible()
    form.chapter.setCurrentIndex(form.chapter.findData("co-bog"))
    qtbot.waitUntil(form.ok_button.isEnabled)
    save_screenshot(form, artifacts_dir / "auditor-form.png")
    with qtbot.waitSignal(empty_window.context.changes.changed):
        ok(form)
    assert not form.isVisible()
    nico = dialog.current_auditor()
    assert nico is not None
    assert (nico.name, nico.email, nico.chapter_code, nico.active) == (
        "Nicolás Peña",
        "nico@example.com",
        "co-bog",
        True,
    )

    # The same name again in the chapter: said under the name, OK stays off.
    again = dialog.add()
    again.chapter.setCurrentIndex(again.chapter.findData("co-bog"))
    type_text(qtbot, again.name, "nicolás peña")
    name_error = again.error_labels["name"]
    qtbot.waitUntil(name_error.isVisible)
    assert "Nicolás Peña is already an active auditor" in name_error.text()
    assert not again.ok_button.isEnabled()
    save_screenshot(again, artifacts_dir / "auditor-form-namesake.png")
    replace_text(qtbot, again.name, "Ana Gómez")
    qtbot.waitUntil(again.ok_button.isEnabled)
    ok(again)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "Ana Gómez",
        "Nicolás Peña",
    ]
    dialog.resize(720, 300)
    save_screenshot(dialog, artifacts_dir / "auditors-dialog.png")
    dialog.reject()

    plan_with_lead(qtbot, area, "Nicolás Peña")
    audit = area.current_audit()
    assert audit is not None
    assert (audit.company_name, audit.lead_auditor) == (COMPANY, "Nicolás Peña")


def test_a_retired_auditor_leaves_the_plan_form_and_stays_on_old_audits(
    qtbot: QtBot, empty_window: MainWindow
) -> None:
    ws = empty_window.context.workspace
    company = member(ws, name="Logística Caribe S.A.S.", seed=2)
    nico = add_auditor(ws, "Nicolás Peña", "", "co-bog")
    add_auditor(ws, "Ana Gómez", "", "co-bog")
    old = planned(ws, company, lead=nico.id)
    area = audits_area(qtbot, empty_window)
    assert lead_choices(area) == ["Ana Gómez", "Nicolás Peña"]

    dialog = open_auditors(qtbot, area)
    assert dialog.select_auditor("Nicolás Peña")
    assert dialog.model.index(1, 4).data() == "1"  # one audit
    with prompts.answering(True) as asked, qtbot.waitSignal(empty_window.context.changes.changed):
        dialog.retire_button.click()
    assert "Nicolás Peña" in asked[0].text
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == [
        "Ana Gómez"
    ]
    dialog.show_retired.setChecked(True)
    assert dialog.select_auditor("Nicolás Peña")
    assert dialog.model.index(1, 3).data() == "Retired"
    assert dialog.reactivate_button.isEnabled()
    assert not dialog.retire_button.isEnabled()
    dialog.reject()

    assert lead_choices(area) == ["Ana Gómez"]
    assert area.select_audit(old.id)
    current = area.current_audit()
    assert current is not None
    assert current.lead_auditor == "Nicolás Peña"
    # Changing the old audit's plan still shows its retired lead.
    change = area.commands.change_plan()
    assert change is not None
    assert change.lead.currentText() == "Nicolás Peña"
    change.reject()

    dialog = open_auditors(qtbot, area)
    dialog.show_retired.setChecked(True)
    assert dialog.select_auditor("Nicolás Peña")
    dialog.reactivate_button.click()
    assert [a.active for a in auditors(ws)] == [True, True]
    dialog.reject()
    assert lead_choices(area) == ["Ana Gómez", "Nicolás Peña"]


def test_edit_an_auditor_from_the_dialog(qtbot: QtBot, empty_window: MainWindow) -> None:
    ws = empty_window.context.workspace
    add_auditor(ws, "Nicolas Pena", "", "co-bog")
    area = audits_area(qtbot, empty_window)
    dialog = open_auditors(qtbot, area)
    dialog.chapter.setCurrentIndex(dialog.chapter.findData("mx-occ"))
    assert dialog.model.rowCount() == 0
    dialog.chapter.setCurrentIndex(0)
    assert dialog.select_auditor("Nicolas Pena")
    form = dialog.edit()
    assert form is not None
    assert form.ok_button.isEnabled()
    replace_text(qtbot, form.name, "   ")
    qtbot.waitUntil(form.error_labels["name"].isVisible)
    assert not form.ok_button.isEnabled()
    replace_text(qtbot, form.name, "Nicolás Peña")
    qtbot.waitUntil(form.ok_button.isEnabled)
    ok(form)
    assert [a.name for a in auditors(ws)] == ["Nicolás Peña"]
    current = dialog.current_auditor()
    assert current is not None
    assert current.name == "Nicolás Peña"
    dialog.reject()


def test_auditors_model(qtmodeltester: ModelTester, sqlite_workspace: Workspace) -> None:
    add_auditor(sqlite_workspace, "Ana Gómez", "ana@example.com", "co-bog")
    retired = add_auditor(sqlite_workspace, "Carlos Ruiz", "", None)
    set_auditor_active(sqlite_workspace, retired.id, False)
    model = AuditorsModel(auditors(sqlite_workspace))
    qtmodeltester.check(model)
    assert model.index(1, 2).data() == "Any chapter"
    assert model.index(1, 3).data() == "Retired"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
