"""The import dialog: columns guessed and changed, the report of a messy sheet, an import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.services.imports import read_import
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.import_members import (
    MAPPING_PAGE,
    REPORT_PAGE,
    ImportMembersDialog,
    import_members_from_file,
)
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.import_preview_model import ImportPreviewModel
from basc_desktop.ui.models.import_report_model import ImportReportModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.import_files import PNG_BYTES, write_xlsx
from tests.services.test_imports import NITS, _clean_rows, _existing, _messy
from tests.ui.conftest import settle_operations

ALL = MemberQuery(archived=None, limit=None)


@pytest.fixture
def context(sqlite_workspace: Workspace, settings: Settings) -> AppContext:
    return AppContext(sqlite_workspace, settings, ChangeHub())


def _dialog(qtbot: QtBot, context: AppContext, path: Path) -> ImportMembersDialog:
    dialog = ImportMembersDialog(context, read_import(path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _finish(qtbot: QtBot, dialog: ImportMembersDialog) -> None:
    operation = dialog.operation
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=20_000)
    settle_operations()


def _row(model: ImportReportModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


@pytest.fixture
def messy(qtbot: QtBot, context: AppContext, tmp_path: Path) -> Iterator[ImportMembersDialog]:
    _existing(context.workspace)
    dialog = _dialog(qtbot, context, _messy(tmp_path / "afiliados.xlsx"))
    yield dialog
    settle_operations()


def test_columns_are_guessed_and_can_be_changed(
    messy: ImportMembersDialog, artifacts_dir: Path
) -> None:
    dialog = messy
    assert dialog.mapping() == {
        1: "tax_id", 2: "legal_name", 3: "city", 4: "chapter_code", 5: "business_type",
        6: "email", 7: "membership_start", 8: "phone",
    }  # fmt: skip
    assert dialog.combos[1].currentText() == "Tax ID"
    assert dialog.combos[0].currentText() == "(not imported)"
    model = dialog.preview_model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "N.I.T.\n→ Tax ID"
    assert model.headerData(0, Qt.Orientation.Vertical) == "5"
    assert model.rowCount() == 9
    save_screenshot(dialog, artifacts_dir / "import-members-mapping.png")

    dialog.set_field(0, "notes")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nº\n→ Notes"
    dialog.set_field(1, "")
    assert dialog.mapping_problem.text() == (
        "No column is read as Tax ID: choose the column that holds it."
    )
    assert not dialog.check_button.isEnabled()
    dialog.set_field(1, "tax_id")
    dialog.set_field(0, "")
    assert dialog.mapping_problem.text() == ""
    assert dialog.check_button.isEnabled()


def test_the_report_lists_every_problem_and_is_saved(
    qtbot: QtBot, messy: ImportMembersDialog, tmp_path: Path, artifacts_dir: Path
) -> None:
    dialog = messy
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, dialog)

    assert dialog.pages.currentIndex() == REPORT_PAGE
    model = dialog.report_model
    assert model.rowCount() == 9
    assert _row(model, 0) == [
        "7", "B", "N.I.T.", "Error", "The check digit of this NIT is wrong."
    ]  # fmt: skip
    assert _row(model, 8)[3] == "Note"
    assert dialog.summary.text().startswith(
        "9 rows: 2 to add, 0 to update, 1 to skip; 8 errors. Correct the file"
    )
    assert not dialog.import_button.isEnabled()
    save_screenshot(dialog, artifacts_dir / "import-members-report.png")

    target = tmp_path / "informe"
    with prompts.answering(str(target)) as asked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked[0].kind == prompts.PromptKind.SAVE_FILE
    book = openpyxl.load_workbook(tmp_path / "informe.xlsx", read_only=True)
    lines = [row for row in book.active.iter_rows(values_only=True) if row and row[0]]
    book.close()
    assert (7, "B", "N.I.T.", "Error", "The check digit of this NIT is wrong.") in lines
    assert count_members(dialog.context.workspace, ALL) == 1

    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == MAPPING_PAGE


def test_a_clean_sheet_is_checked_then_imported(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, context, write_xlsx(tmp_path / "limpia.xlsx", _clean_rows()))
    announced: list[str] = []
    context.changes.subscribe(dialog, "members", lambda: announced.append("members"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, dialog)
    assert dialog.report_model.rowCount() == 0
    assert dialog.summary.text() == "4 rows: 4 to add, 0 to update, 0 to skip; 0 errors."
    assert dialog.import_button.isEnabled()

    with prompts.answering(True) as asked:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        _finish(qtbot, dialog)
    assert [p.text for p in asked] == ["4 members added, 0 updated and 0 skipped from limpia.xlsx."]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert count_members(context.workspace, ALL) == 4
    assert announced


def test_the_update_policy_is_chosen_before_the_check(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    _existing(context.workspace)
    rows = [
        ["Razón social", "NIT", "Capítulo", "Tipo de empresa", "Teléfono"],
        ["Almacenes del Norte S.A.", NITS[7], "co-bog", "Depósito", "+57 601 555 9999"],
    ]
    dialog = _dialog(qtbot, context, write_xlsx(tmp_path / "cambios.xlsx", rows))
    dialog.update_existing.setChecked(True)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, dialog)
    assert dialog.report is not None
    assert dialog.report.to_update == 1
    with prompts.answering(True) as asked:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        _finish(qtbot, dialog)
    assert asked[0].text == "0 members added, 1 updated and 0 skipped from cambios.xlsx."


def test_models(qtmodeltester: ModelTester, messy: ImportMembersDialog, qtbot: QtBot) -> None:
    qtmodeltester.check(messy.preview_model)
    qtmodeltester.check(ImportPreviewModel())
    qtbot.mouseClick(messy.check_button, Qt.MouseButton.LeftButton)
    _finish(qtbot, messy)
    qtmodeltester.check(messy.report_model)
    empty = ImportReportModel()
    qtmodeltester.check(empty)
    assert empty.index(0, 0, QModelIndex()).data() is None


def test_an_unreadable_file_is_refused_with_its_name(context: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "foto.xlsx"
    path.write_bytes(PNG_BYTES)
    with prompts.answering(str(path)) as asked:
        assert import_members_from_file(None, context) is not None  # type: ignore[arg-type]
        settle_operations()
    assert asked[-1].kind == prompts.PromptKind.WARNING
    assert asked[-1].text == (
        "The file foto.xlsx is not a spreadsheet: choose an Excel workbook (.xlsx) or a CSV file."
    )


def test_reachable_from_the_members_toolbar_and_the_file_menu(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    area = window.show_area("members")
    assert isinstance(area, MembersArea)
    path = write_xlsx(tmp_path / "limpia.xlsx", _clean_rows())
    with prompts.answering(str(path)):
        area.member_actions.import_action.trigger()
    settle_operations()
    dialog = window.findChild(ImportMembersDialog)
    assert dialog is not None
    assert dialog.preview.path == path
    dialog.close()
    settle_operations()
    assert window.import_action.text() == "&Import members from Excel…"


def test_cancelling_the_check_stays_on_the_columns(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, context, write_xlsx(tmp_path / "limpia.xlsx", _clean_rows()))
    operation = dialog.check()
    operation.cancel()
    with qtbot.waitSignal(operation.cancelled, timeout=20_000):
        pass
    settle_operations()
    assert dialog.report is None
    assert dialog.pages.currentIndex() == MAPPING_PAGE
    assert dialog.check_button.isEnabled()
    assert count_members(context.workspace, ALL) == 0
