"""The member editor, driven key by key: new members, messages beside the fields, duplicates,
edits that someone else overtook, and bad input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import (
    find_members,
    get_member,
    member_input,
    update_member,
)
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.dialogs.member_editor import MemberEditor
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.screenshot import save_screenshot
from basc_desktop.ui.text import error_text
from tests.ui.typing import replace_text, type_text

ACCENTED_NAME = "Exportadora Andina Ñandú S.A.S."


@pytest.fixture
def area(qtbot: QtBot, window: MainWindow) -> MembersArea:
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    return members


def editor_for(qtbot: QtBot, area: MembersArea, member_id: int | None = None) -> MemberEditor:
    editor = area.open_editor(member_id)
    qtbot.waitExposed(editor)
    return editor


def new_nit(area: MembersArea, seed: int = 7) -> str:
    """A valid Colombian NIT no member has yet, written the Colombian way."""
    with area.context.workspace.db.reading() as session:
        taken = set(session.scalars(text("SELECT tax_id FROM companies WHERE country = 'CO'")))
    rng = random.Random(seed)
    while (number := generate_tax_id("CO", rng)) in taken:
        pass
    return format_tax_id("CO", number)


def choose(editor: MemberEditor, chapter: str, kind: BusinessType) -> None:
    editor.chapter.setCurrentIndex(editor.chapter.findData(chapter))
    editor.business_type.setCurrentIndex(editor.business_type.findData(kind.value))


def shown_error(editor: MemberEditor, field: str) -> str:
    label = editor.error_labels[field]
    return label.text() if label.isVisible() else ""


def test_a_new_member_typed_with_accents_is_found_in_the_table(
    qtbot: QtBot, area: MembersArea
) -> None:
    editor = editor_for(qtbot, area)
    assert editor.windowTitle() == "New member"
    assert not editor.ok_button.isEnabled()  # nothing typed yet
    choose(editor, "co-bog", BusinessType.EXPORTER_IMPORTER)
    type_text(qtbot, editor.fields["legal_name"], ACCENTED_NAME)
    type_text(qtbot, editor.fields["trade_name"], "Ñandú Café")
    nit = new_nit(area)
    type_text(qtbot, editor.fields["tax_id"], nit)
    type_text(qtbot, editor.fields["city"], "Bogotá")
    type_text(qtbot, editor.fields["phone"], "+57 601 555 0101")
    type_text(qtbot, editor.fields["email"], "compras@nandu.com.co")
    assert editor.fields["legal_name"].text() == ACCENTED_NAME
    qtbot.waitUntil(editor.ok_button.isEnabled)
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)

    current = area.current_member()
    assert current is not None
    assert current.legal_name == ACCENTED_NAME
    assert current.tax_id == nit
    assert current.city == "Bogotá"
    assert ACCENTED_NAME in area.detail.toPlainText()
    type_text(qtbot, area.search, "nandu")  # no accent, no capital: still found
    area.apply_search()
    names = [area.model.member_at(area.model.index(r, 0)) for r in range(area.model.rowCount())]
    assert [row.legal_name for row in names if row] == [ACCENTED_NAME]


def test_an_invalid_nit_is_refused_beside_the_field(qtbot: QtBot, area: MembersArea) -> None:
    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.CUSTOMS_AGENT)
    assert editor.tax_id_label.text() == "NIT:"
    type_text(qtbot, editor.fields["legal_name"], "Agencia Aduanera Señal S.A.S.")
    nit = new_nit(area)
    wrong = nit[:-1] + str((int(nit[-1]) + 1) % 10)  # change the check digit
    with pytest.raises(ValidationError) as refused:
        check_tax_id("CO", wrong)
    type_text(qtbot, editor.fields["tax_id"], wrong)
    qtbot.waitUntil(lambda: shown_error(editor, "tax_id") == error_text(refused.value))
    assert "NIT" in shown_error(editor, "tax_id")
    assert not editor.ok_button.isEnabled()
    assert shown_error(editor, "legal_name") == ""

    # The label and the check follow the chapter's country: a RUC in Peru.
    editor.chapter.setCurrentIndex(editor.chapter.findData("pe"))
    assert editor.tax_id_label.text() == "RUC:"
    qtbot.waitUntil(lambda: "RUC" in shown_error(editor, "tax_id"))
    assert not editor.ok_button.isEnabled()
    editor.reject()


def test_a_duplicate_tax_id_names_the_company_and_opens_it(qtbot: QtBot, area: MembersArea) -> None:
    ws = area.context.workspace
    existing = next(
        row for row in find_members(ws, MemberQuery(countries=("CO",), limit=None))
        if row.chapter_code == "co-bog"
    )  # fmt: skip
    type_text(qtbot, area.search, "no member is called this")
    area.apply_search()
    assert area.model.rowCount() == 0  # the member to open is not in the list

    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.WAREHOUSE)
    type_text(qtbot, editor.fields["legal_name"], "Almacenes Duplicados S.A.S.")
    type_text(qtbot, editor.fields["tax_id"], existing.tax_id)
    qtbot.waitUntil(lambda: existing.legal_name in shown_error(editor, "tax_id"))
    assert "already registered" in shown_error(editor, "tax_id")
    assert not editor.ok_button.isEnabled()
    assert editor.open_existing.isVisible()
    assert editor.open_existing.text() == f"Open {existing.legal_name}"

    qtbot.mouseClick(editor.open_existing, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert area.search.text() == ""
    current = area.current_member()
    assert current is not None
    assert current.id == existing.id
    assert existing.legal_name in area.detail.toPlainText()


def test_editing_a_member_saves_the_change_and_shows_it_in_the_history(
    qtbot: QtBot, area: MembersArea
) -> None:
    first = area.model.member_at(area.model.index(0, 0))
    assert first is not None
    cell = area.table.visualRect(area.model.index(0, 0)).center()
    qtbot.mouseClick(area.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    editor = area.findChild(MemberEditor)
    assert isinstance(editor, MemberEditor)
    assert editor.windowTitle() == f"Edit {first.legal_name}"
    assert editor.fields["legal_name"].text() == first.legal_name
    qtbot.waitUntil(editor.ok_button.isEnabled)
    replace_text(qtbot, editor.fields["city"], "Medellín")
    qtbot.waitUntil(editor.ok_button.isEnabled)
    with qtbot.waitSignal(editor.saved):
        editor.ok_button.click()
    assert get_member(area.context.workspace, first.id).row.city == "Medellín"
    assert area.current_member() is not None
    detail = area.detail.toPlainText()
    assert "History of changes" in detail
    assert "tester" in detail
    assert "→ Medellín" in detail


def test_a_stale_edit_is_refused_with_a_clear_message(qtbot: QtBot, area: MembersArea) -> None:
    ws = area.context.workspace
    row = find_members(ws, MemberQuery(limit=1))[0]
    editor = editor_for(qtbot, area, row.id)
    qtbot.waitUntil(editor.ok_button.isEnabled)
    # Another coordinator saves the same member meanwhile.
    detail = get_member(ws, row.id)
    data = member_input(detail)
    update_member(
        ws, row.id, type(data)(**{**data.__dict__, "notes": "changed elsewhere"}),
        expected_version=detail.row.version,
    )  # fmt: skip
    type_text(qtbot, editor.fields["trade_name"], " Norte")
    qtbot.waitUntil(editor.ok_button.isEnabled)
    with prompts.answering(True) as asked:
        editor.ok_button.click()
    message = f"{row.legal_name} was changed by tester at "
    assert editor.isVisible()
    assert editor.banner.isVisible()
    assert editor.banner.text().startswith(message)
    assert [p.kind for p in asked] == [prompts.PromptKind.WARNING]
    assert asked[0].text.startswith(message)
    assert not editor.ok_button.isEnabled()
    assert get_member(ws, row.id).row.trade_name == row.trade_name  # nothing overwritten
    qtbot.mouseClick(editor.reload_button, Qt.MouseButton.LeftButton)
    assert not editor.banner.isVisible()
    assert editor.notes.toPlainText() == "changed elsewhere"
    editor.reject()


def test_a_pasted_10000_characters_gives_the_limit_message(qtbot: QtBot, area: MembersArea) -> None:
    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.EXPORTER_IMPORTER)
    QApplication.clipboard().setText("A" * 10_000)
    editor.fields["legal_name"].setFocus()
    qtbot.keyClick(editor.fields["legal_name"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(editor.fields["legal_name"].text()) == 10_000
    qtbot.waitUntil(lambda: "too long" in shown_error(editor, "legal_name"))
    assert "10000" in shown_error(editor, "legal_name").replace(",", "")
    assert not editor.ok_button.isEnabled()
    editor.reject()


def test_a_name_of_spaces_only_is_refused(qtbot: QtBot, area: MembersArea) -> None:
    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.EXPORTER_IMPORTER)
    type_text(qtbot, editor.fields["tax_id"], new_nit(area))
    type_text(qtbot, editor.fields["legal_name"], "     ")
    qtbot.waitUntil(lambda: shown_error(editor, "legal_name") == "Legal name is required.")
    assert not editor.ok_button.isEnabled()
    qtbot.keyClick(editor.fields["legal_name"], Qt.Key.Key_Return)  # Enter does not save
    assert editor.isVisible()
    editor.reject()


def test_screenshot_of_the_editor_with_a_field_error(
    qtbot: QtBot, area: MembersArea, artifacts_dir: Path
) -> None:
    editor = editor_for(qtbot, area)
    choose(editor, "co-bog", BusinessType.ROAD_CARRIER)
    type_text(qtbot, editor.fields["legal_name"], "Transportes Ñandú S.A.S.")
    type_text(qtbot, editor.fields["tax_id"], "900.123.456-0")
    type_text(qtbot, editor.fields["email"], "ventas@")
    qtbot.waitUntil(lambda: bool(shown_error(editor, "email")))
    path = save_screenshot(editor, artifacts_dir / "member-editor.png")
    assert path.stat().st_size > 5_000
    editor.reject()
