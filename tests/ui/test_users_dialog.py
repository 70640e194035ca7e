"""Tools ▸ Users…: the first administrator, a coordinator for one chapter, and what they see."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.services.users import add_user, apply_scope, list_users
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.users_dialog import UsersDialog
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.screenshot import save_screenshot
from tests.ui.conftest import settle_operations
from tests.ui.typing import replace_text


def _dialog(qtbot: QtBot, ws: Workspace, settings: Settings) -> UsersDialog:
    dialog = UsersDialog(AppContext(ws, settings, ChangeHub()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_set_up_an_administrator_then_a_coordinator_for_one_chapter(
    qtbot: QtBot,
    sqlite_workspace: Workspace,
    settings: Settings,
    qtmodeltester: ModelTester,
    artifacts_dir: Path,
) -> None:
    ws = sqlite_workspace
    dialog = _dialog(qtbot, ws, settings)
    assert dialog.model.rowCount() == 0
    assert "Nobody is set up yet" in dialog.note.text()
    assert dialog.add_button.isEnabled()
    assert not dialog.remove_button.isEnabled()

    replace_text(qtbot, dialog.login, "ana")
    dialog.check_chapters(["co-bog"])
    with prompts.answering() as asked:
        assert not dialog.add()
    assert "The first person set up must be an administrator" in asked[0].text
    assert list_users(ws) == []

    replace_text(qtbot, dialog.login, "tester")
    replace_text(qtbot, dialog.display_name, "Marta Ruiz")
    dialog.check_chapters([])
    dialog.admin.setChecked(True)
    assert dialog.add()
    assert "Only the people below" in dialog.note.text()

    replace_text(qtbot, dialog.login, "ana")
    replace_text(qtbot, dialog.display_name, "Ana Pérez")
    dialog.admin.setChecked(False)
    dialog.check_chapters(["co-bog"])
    assert dialog.add()
    current = dialog.current_user()
    assert current is not None
    assert current.login == "ana"
    dialog.check_chapters(["co-bog", "co-ctg"])
    assert dialog.save_button.isEnabled()
    assert dialog.save_chapters()
    cells = [
        [dialog.model.index(row, column).data() for column in range(4)]
        for row in range(dialog.model.rowCount())
    ]
    assert cells == [
        ["ana", "Ana Pérez", "co-bog, co-ctg", "Active"],
        ["tester", "Marta Ruiz", "Every chapter (administrator)", "Active"],
    ]
    qtmodeltester.check(dialog.model)
    save_screenshot(dialog, artifacts_dir / "users-dialog.png")

    with prompts.answering(True) as asked:
        assert dialog.remove()
    assert asked[0].title == "Remove user"
    assert dialog.model.index(0, 3).data() == "Removed"
    assert dialog.select_user("tester")
    with prompts.answering(True) as asked:
        assert not dialog.remove()
    assert "tester is the last administrator" in asked[-1].text


def test_a_coordinator_sees_only_their_chapter_and_cannot_change_users(
    qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings
) -> None:
    ws = sqlite_workspace
    add_user(ws, "tester", [], admin=True)
    add_user(ws, "luis", ["co-ctg"], display_name="Luis Mora")
    ws.user = "luis"
    apply_scope(ws)

    dialog = _dialog(qtbot, ws, settings)
    assert "not an administrator" in dialog.note.text()
    assert not dialog.add_button.isEnabled()
    assert not dialog.login.isEnabled()
    dialog.close()

    window = MainWindow(AppContext(ws, settings, ChangeHub()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.user_status.text() == "User: luis (co-ctg)"
        assert not window.users_action.isEnabled()
        area = window.show_area("members")
        assert isinstance(area, MembersArea)
        combo = area.filter_bar.chapter
        codes = [combo.itemData(n) for n in range(combo.count())]
        assert [code for code in codes if code] == ["co-ctg"]
        QApplication.processEvents()
    finally:
        settle_operations()
