"""The Admissions lists: the models, the filters, the deadlines view and the member picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.domain.admissions import ApplicationState
from basc_desktop.services.admission_forms import ApplicationQuery
from basc_desktop.services.admissions import deadlines, find_applications, get_application
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.admission_filters import OPEN
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.new_application import NewApplicationDialog
from basc_desktop.ui.models.admission_checklist_model import AdmissionChecklistModel
from basc_desktop.ui.models.applications_model import ApplicationsModel
from basc_desktop.ui.models.audit_looks import overdue_colour
from basc_desktop.ui.models.deadlines_model import COLUMN_INDEX, DeadlinesModel
from basc_desktop.ui.models.paged import ID_ROLE
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member
from tests.ui.admissions_helpers import Applications, open_area, register
from tests.ui.typing import type_text


@pytest.fixture
def context(sqlite_workspace: Workspace, settings: Settings) -> AppContext:
    return AppContext(sqlite_workspace, settings, ChangeHub())


@pytest.fixture
def applications(context: AppContext) -> Applications:
    return register(context.workspace)


def test_the_models_pass_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, context: AppContext, applications: Applications
) -> None:
    ws = context.workspace
    model = ApplicationsModel(ws, page_size=3)
    model.reload()
    qtmodeltester.check(model)  # the tester also fetches the next pages
    assert model.loaded == model.total == 7
    ids = [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]
    assert ids == [row.id for row in find_applications(ws, ApplicationQuery(descending=True))]
    # (Qt's tester fails a reset after which more rows could be fetched: sort another one.)
    by_name = ApplicationsModel(ws, page_size=3)
    by_name.sort(by_name.column_of("company"), Qt.SortOrder.AscendingOrder)
    assert by_name.index(0, 0).data() == "Agencia de Aduanas Bolívar S.A."
    assert by_name.rowCount() == 3

    checklist = AdmissionChecklistModel()
    checklist.set_lines(get_application(ws, applications.collecting, language="en").documents)
    qtmodeltester.check(checklist)
    received, required = checklist.progress()
    assert received == 1 < required
    checklist.set_editable(True)
    qtmodeltester.check(checklist)

    rows = DeadlinesModel()
    rows.set_rows(deadlines(ws, within_days=60))
    qtmodeltester.check(rows)
    assert rows.rowCount() == 2


def test_filters_narrow_the_list_and_the_status_bar_counts(
    qtbot: QtBot, context: AppContext, applications: Applications, artifacts_dir: Path
) -> None:
    area = open_area(qtbot, context)
    assert area.status_text() == "7 of 7 applications"

    area.filters.set_state(OPEN)
    assert {row.id for row in area.model.rows()} == {
        applications.collecting,
        applications.ready,
        applications.in_session,
    }
    assert area.count_label.text() == "3 of 7 applications"
    area.filters.set_chapter("pa")
    assert [row.id for row in area.model.rows()] == [applications.collecting]
    area.filters.clear()

    type_text(qtbot, area.filters.search, "condor")
    qtbot.keyClick(area.filters.search, Qt.Key.Key_Return)
    assert [row.id for row in area.model.rows()] == [applications.near]
    area.filters.clear()

    area.filters.set_deadline_within(60)
    assert {row.id for row in area.model.rows()} == {applications.overdue, applications.near}
    area.filters.set_deadline_within(None)
    area.filters.set_state(ApplicationState.REJECTED.value)
    rejected = area.model.rows()
    assert [row.id for row in rejected] == [applications.rejected]
    decision = area.model.index(0, area.model.column_of("decision"))
    assert decision.data() == "Rejected 05/06/2026"
    assert decision.data(Qt.ItemDataRole.ToolTipRole) == rejected[0].decision_reason

    area.filters.clear()
    assert area.select_application(applications.in_session)
    assert area.commands.decide_action.isEnabled()
    assert not area.commands.welcome_action.isEnabled()
    assert area.select_application(applications.collecting)
    assert not area.commands.decide_action.isEnabled()
    with prompts.answering(True) as asked:
        assert area.commands.decide() is None
    assert "committee session first" in asked[-1].text
    menu = area.context_menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Decide…",
        "&Welcome letter…",
        "&Minutes…",
        "&Committee session…",
        "&New application…",
        "Re&fresh",
    ]
    menu.deleteLater()
    assert area.select_application(applications.far)
    QCoreApplication.sendPostedEvents()
    save_screenshot(area, artifacts_dir / "admissions-area.png")


def test_deadlines_view_lists_near_and_past_deadlines_overdue_in_red(
    qtbot: QtBot, context: AppContext, applications: Applications, artifacts_dir: Path
) -> None:
    area = open_area(qtbot, context)
    area.show_deadlines()
    model = area.deadlines_model
    assert [row.application_id for row in model.rows()] == [
        applications.overdue,
        applications.near,
    ]
    assert area.deadline_summary.text() == "2 companies, 1 overdue"
    left = COLUMN_INDEX["days_left"]
    assert model.index(0, left).data() == "Overdue by 27 days"
    assert model.index(0, left).data(Qt.ItemDataRole.ForegroundRole) == overdue_colour()
    assert model.index(1, left).data() == "23 days left"
    assert model.index(1, left).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, COLUMN_INDEX["audit_deadline"]).data() == "19/05/2026"
    assert model.index(0, COLUMN_INDEX["audit"]).data() == "Not planned"
    QCoreApplication.sendPostedEvents()
    save_screenshot(area, artifacts_dir / "admissions-deadlines.png")

    area.deadline_days.setValue(0)
    assert [row.application_id for row in model.rows()] == [applications.overdue]
    area.deadline_days.setValue(365)
    assert len(model.rows()) == 3

    # Double-clicking a company shows its application, whatever the filters hid.
    area.filters.set_state(OPEN)
    area.deadlines_table.doubleClicked.emit(model.index(1, 0))
    assert area.tabs.currentIndex() == 0
    current = area.current_application()
    assert current is not None
    assert current.id == applications.near


def test_the_member_picker_leaves_out_members_who_cannot_apply(
    qtbot: QtBot, context: AppContext, applications: Applications
) -> None:
    ws = context.workspace
    member(ws, name="Textiles Ñuble S.A.S.", seed=555)
    dialog = NewApplicationDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search_companies()  # an empty search lists every member
    assert dialog.companies.count() == 8
    enabled = [
        dialog.companies.item(row).text()
        for row in range(dialog.companies.count())
        if dialog.companies.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    ]
    # A member turned down may apply again; one admitted or with an open application not.
    assert [text.split(" — ")[0] for text in enabled] == [
        "Seguridad Nocturna Ltda.",
        "Textiles Ñuble S.A.S.",
    ]
    assert dialog.company_id() == applications.companies["rejected"]
    greyed = {
        dialog.companies.item(row).text().rsplit(" — ", 1)[1]
        for row in range(dialog.companies.count())
        if not dialog.companies.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    }
    assert greyed == {"already admitted", "has an open application"}
    type_text(qtbot, dialog.company_search, "ñuble")
    qtbot.keyClick(dialog.company_search, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in the search box searches; it does not press OK
    assert dialog.companies.count() == 1
    dialog.accept()
    assert dialog.saved is not None
    assert dialog.saved.company_name == "Textiles Ñuble S.A.S."
    assert dialog.saved.state == ApplicationState.COLLECTING
