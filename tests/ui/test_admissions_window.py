"""The Admissions area in the main window, on the demo database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from basc_desktop.services.admission_forms import ApplicationQuery
from basc_desktop.services.admissions import count_applications
from basc_desktop.ui import changes
from basc_desktop.ui.areas.admissions import AdmissionsArea
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member
from tests.ui.conftest import settle_operations


def test_the_sidebar_opens_the_admissions_area(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path
) -> None:
    ws = window.context.workspace
    area = window.show_area("admissions")
    assert isinstance(area, AdmissionsArea)
    settle_operations()
    total = count_applications(ws, ApplicationQuery())
    assert window.area_status.text() == f"{total} of {total} applications"
    if area.model.rowCount():
        area.table.selectRow(0)
    QCoreApplication.sendPostedEvents()
    save_screenshot(window, artifacts_dir / "admissions-main-window.png")

    # Ctrl+F puts the keyboard in the area's search box.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.focus_search()
    assert area.filters.search.hasFocus()

    # A member registered elsewhere can apply at once: the area follows announced changes.
    member(ws, name="Cooperativa Ñandutí S.A.", seed=9090)
    window.context.changes.announce(changes.MEMBERS)
    dialog = area.commands.new_application()
    dialog.company_search.setText("ñanduti")
    dialog.search_companies()
    assert dialog.companies.count() == 1
    dialog.accept()
    qtbot.waitUntil(lambda: area.model.total == total + 1)
    current = area.current_application()
    assert current is not None
    assert current.company_name == "Cooperativa Ñandutí S.A."
    assert window.area_status.text() == f"{total + 1} of {total + 1} applications"

    # F5 reads again what someone else wrote meanwhile.
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_F5)
    assert area.current_application() == current
