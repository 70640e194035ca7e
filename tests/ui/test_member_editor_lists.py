"""The member editor's Contacts and Other programs tabs and its membership start, driven
as a coordinator does: rows added and typed in place, bad cells named by row, saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.domain.vocabulary import BusinessType, RelatedProgram
from basc_desktop.services.member_forms import ContactInput, MemberQuery, ProgramInput
from basc_desktop.services.members import find_members, get_member, member_history
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.dialogs.member_editor import MemberEditor
from basc_desktop.ui.dialogs.rows_editor import RowsEditor
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.member_lists import ContactsModel, ProgramsModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.conftest import TODAY
from tests.ui.test_member_editor import choose, editor_for, new_nit
from tests.ui.typing import type_text

CONTACT = "José Ñúñez Gaitán"


@pytest.fixture
def area(window: MainWindow) -> MembersArea:
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    return members


def leave_cell(qtbot: QtBot, rows: RowsEditor, editor: QWidget, key: Qt.Key) -> None:
    """Leave the open cell editor with ``key``; Enter commits once the event loop turns."""
    qtbot.keyClick(editor, key)
    if key == Qt.Key.Key_Return:
        qtbot.waitUntil(lambda: rows.table.state() != QAbstractItemView.State.EditingState)


def cell_editor(qtbot: QtBot, rows: RowsEditor, kind: type[QWidget]) -> QWidget:
    """The editor open in a cell of ``rows`` (a line edit, combo box or date editor)."""
    found: list[QWidget] = []

    def open_editor() -> bool:
        found[:] = [w for w in rows.table.viewport().findChildren(kind) if w.isVisible()]
        return bool(found)

    qtbot.waitUntil(open_editor)
    return found[0]


def type_in_cell(qtbot: QtBot, rows: RowsEditor, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type ``text`` in the open cell editor, then leave it with ``key`` (Tab: next cell)."""
    editor = cell_editor(qtbot, rows, QLineEdit)
    type_text(qtbot, editor, text)
    leave_cell(qtbot, rows, editor, key)


def add_contact(qtbot: QtBot, editor: MemberEditor, name: str, role: str, email: str) -> None:
    editor.tabs.setCurrentWidget(editor.contacts)
    qtbot.mouseClick(editor.contacts.add_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, editor.contacts, name)
    type_in_cell(qtbot, editor.contacts, role)
    type_in_cell(qtbot, editor.contacts, email, Qt.Key.Key_Return)


def test_a_contact_with_accents_and_a_ctpat_program_are_saved_and_shown(
    qtbot: QtBot, area: MembersArea
) -> None:
    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.EXPORTER_IMPORTER)
    type_text(qtbot, editor.fields["legal_name"], "Café de los Andes S.A.S.")
    type_text(qtbot, editor.fields["tax_id"], new_nit(area, seed=21))
    editor.membership_start.is_set.click()
    editor.membership_start.edit.setDate(QDate(2021, 3, 1))

    add_contact(qtbot, editor, CONTACT, "Jefe de Seguridad", "jose.nunez@cafeandes.com.co")
    assert editor.contacts.model.rows() == (
        ContactInput(CONTACT, "Jefe de Seguridad", "jose.nunez@cafeandes.com.co"),
    )

    editor.tabs.setCurrentWidget(editor.programs)
    qtbot.mouseClick(editor.programs.add_button, Qt.MouseButton.LeftButton)
    program = cell_editor(qtbot, editor.programs, QComboBox)
    assert isinstance(program, QComboBox)
    assert program.currentText() == "C-TPAT"  # the first program not listed yet
    qtbot.keyClick(program, Qt.Key.Key_Tab)
    type_in_cell(qtbot, editor.programs, "1234567890")
    type_in_cell(qtbot, editor.programs, "CBP")
    valid_from = cell_editor(qtbot, editor.programs, QDateEdit)
    assert isinstance(valid_from, QDateEdit)
    valid_from.setDate(QDate(2025, 1, 10))
    leave_cell(qtbot, editor.programs, valid_from, Qt.Key.Key_Return)
    assert editor.programs.model.rows() == (
        ProgramInput("ctpat", "1234567890", "CBP", date(2025, 1, 10)),
    )

    qtbot.waitUntil(editor.ok_button.isEnabled)
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)

    current = area.current_member()
    assert current is not None
    detail = get_member(area.context.workspace, current.id)
    assert [(c.name, c.role) for c in detail.contacts] == [(CONTACT, "Jefe de Seguridad")]
    assert [p.program for p in detail.related_certifications] == [RelatedProgram.CTPAT]
    assert detail.membership_start == date(2021, 3, 1)
    shown = area.detail.toPlainText()
    for text in (CONTACT, "jose.nunez@cafeandes.com.co", "C-TPAT", "1234567890", "01/03/2021"):
        assert text in shown

    again = editor_for(qtbot, area, current.id)
    until = again.programs.model.index(0, 4)
    assert again.programs.model.setData(until, QDate(2026, 12, 31))
    qtbot.waitUntil(again.ok_button.isEnabled)
    with qtbot.waitSignal(again.saved):
        again.ok_button.click()
    assert (
        "Other programs: C-TPAT 1234567890 (CBP, 10/01/2025 –) → "
        "C-TPAT 1234567890 (CBP, 10/01/2025 – 31/12/2026)"
    ) in area.detail.toPlainText()


def test_a_bad_contact_email_disables_ok_and_names_the_row(qtbot: QtBot, area: MembersArea) -> None:
    ws = area.context.workspace
    member = next(
        row for row in find_members(ws, MemberQuery(limit=50))
        if get_member(ws, row.id).contacts
    )  # fmt: skip
    saved = len(get_member(ws, member.id).contacts)
    editor = editor_for(qtbot, area, member.id)
    assert editor.contacts.model.rowCount() == saved
    qtbot.waitUntil(editor.ok_button.isEnabled)
    assert editor.tabs.tabIcon(1).isNull()

    add_contact(qtbot, editor, "Ana Pérez", "Compras", "ana@")
    row = saved + 1
    message = f"Contact {row}: E-mail must look like name@company.com; got “ana@”."
    qtbot.waitUntil(lambda: editor.contacts.errors.text() == message)
    assert editor.contacts.errors.isVisible()
    assert not editor.ok_button.isEnabled()
    assert not editor.tabs.tabIcon(1).isNull()  # the tab shows it has a problem
    bad_cell = editor.contacts.model.index(row - 1, 2)
    assert bad_cell.data(Qt.ItemDataRole.ToolTipRole) == message

    # Enter does not save it, nor add another row.
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert editor.contacts.model.rowCount() == row

    # Emptying the cell (Delete) mends it.
    editor.contacts.table.setCurrentIndex(bad_cell)
    qtbot.keyClick(editor.contacts.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(editor.ok_button.isEnabled)
    assert not editor.contacts.errors.isVisible()
    assert editor.tabs.tabIcon(1).isNull()
    with qtbot.waitSignal(editor.saved):
        editor.ok_button.click()
    names = [c.name for c in get_member(ws, member.id).contacts]
    assert len(names) == saved + 1
    assert names[-1] == "Ana Pérez"
    update = next(h for h in member_history(ws, member.id) if h.action == "update")
    assert [(c.field, c.old, c.new) for c in update.changes] == [
        ("contacts", "", "Ana Pérez (Compras)")
    ]
    assert "Contacts: — → Ana Pérez (Compras)" in area.detail.toPlainText()


def test_removing_rows_and_clearing_the_membership_start(qtbot: QtBot, area: MembersArea) -> None:
    ws = area.context.workspace
    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.WAREHOUSE)
    type_text(qtbot, editor.fields["legal_name"], "Almacenes Ñuble S.A.S.")
    type_text(qtbot, editor.fields["tax_id"], new_nit(area, seed=33))
    editor.membership_start.is_set.click()
    add_contact(qtbot, editor, "Luis Gómez", "Gerente", "")
    add_contact(qtbot, editor, "Marta Ríos", "Compras", "")
    qtbot.waitUntil(editor.ok_button.isEnabled)
    with qtbot.waitSignal(editor.saved):
        editor.ok_button.click()
    assert editor.saved_row is not None
    member_id = editor.saved_row.id
    assert get_member(ws, member_id).membership_start == TODAY

    again = editor_for(qtbot, area, member_id)
    assert again.membership_start.value() == TODAY
    again.tabs.setCurrentWidget(again.contacts)
    again.contacts.table.selectRow(0)
    qtbot.mouseClick(again.contacts.remove_button, Qt.MouseButton.LeftButton)
    again.membership_start.is_set.click()
    assert again.membership_start.value() is None
    qtbot.waitUntil(again.ok_button.isEnabled)
    with qtbot.waitSignal(again.saved):
        again.ok_button.click()
    detail = get_member(ws, member_id)
    assert [c.name for c in detail.contacts] == ["Marta Ríos"]
    assert detail.membership_start is None


def test_screenshot_of_the_contacts_tab_with_a_bad_row(
    qtbot: QtBot, area: MembersArea, artifacts_dir: Path
) -> None:
    ws = area.context.workspace
    member = next(
        row for row in find_members(ws, MemberQuery(limit=50))
        if len(get_member(ws, row.id).contacts) >= 2
    )  # fmt: skip
    editor = editor_for(qtbot, area, member.id)
    add_contact(qtbot, editor, "Hélène Ñáñez", "Responsable sûreté", "helene@")
    qtbot.waitUntil(editor.contacts.errors.isVisible)
    editor.contacts.table.clearSelection()  # the bad cell in red, not hidden by the selection
    path = save_screenshot(editor, artifacts_dir / "member-editor-contacts.png")
    assert path.stat().st_size > 5_000

    editor.programs.model.set_rows(
        [
            ProgramInput("ctpat", "1234567890", "CBP", date(2025, 1, 10), date(2027, 1, 9)),
            ProgramInput("aeo", "OEA-CO-0042", "DIAN", date(2026, 2, 1), date(2025, 2, 1)),
        ]
    )
    editor.tabs.setCurrentWidget(editor.programs)
    editor.check()
    assert editor.programs.errors.text().startswith("Program 2: Valid until is before")
    path = save_screenshot(editor, artifacts_dir / "member-editor-programs.png")
    assert path.stat().st_size > 5_000
    editor.reject()


def test_the_list_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    contacts = ContactsModel([ContactInput("Ana Pérez", "Gerente")])
    qtmodeltester.check(contacts)
    contacts.add_row()
    assert contacts.setData(contacts.index(1, 0), "Luis")
    contacts.set_errors({"contacts[1].email": "Contact 2: bad", "programs[0].identifier": "x"})
    assert contacts.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "Contact 2: bad"
    assert contacts.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) is None
    qtmodeltester.check(contacts)
    contacts.remove_rows([0])
    assert contacts.rows() == (ContactInput("Luis"),)

    programs = ProgramsModel([ProgramInput("ctpat", "1", valid_until=date(2027, 1, 1))])
    qtmodeltester.check(programs)
    assert programs.index(0, 0).data() == "C-TPAT"
    assert programs.index(0, 4).data() == "01/01/2027"
    programs.add_row()
    assert programs.rows()[1].program == RelatedProgram.AEO  # the next one not listed
    assert programs.clear_cell(programs.index(0, 4))
    assert programs.rows()[0].valid_until is None
    assert not programs.clear_cell(programs.index(0, 0))  # a row always names its program
    qtmodeltester.check(programs)
