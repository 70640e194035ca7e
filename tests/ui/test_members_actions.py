"""Archive, restore, delete and export from the Members area, by key, menu and toolbar."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.member_filters import ARCHIVED
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.dialogs.member_editor import MemberEditor
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.member_export import write_export
from basc_desktop.ui.operations import OperationCancelledError, Reporter, _Relay
from tests.ui.conftest import settle_operations
from tests.ui.members_helpers import (
    expected,
    open_members,
    pick,
    select_rows,
    shown_ids,
)


@pytest.fixture
def area(window: MainWindow) -> MembersArea:
    return open_members(window)


def test_archive_with_del_then_restore(qtbot: QtBot, area: MembersArea) -> None:
    first = area.model.member_at(area.model.index(0, 0))
    assert first is not None
    cell = area.table.visualRect(area.model.index(0, 0)).center()
    qtbot.mouseClick(area.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    with prompts.answering(False) as asked:
        qtbot.keyClick(area.table, Qt.Key.Key_Delete)
    assert first.legal_name in asked[0].text  # asked, said no: nothing changed
    assert first.id in shown_ids(area)
    with prompts.answering(True):
        qtbot.keyClick(area.table, Qt.Key.Key_Delete)
    assert first.id not in shown_ids(area)
    assert expected(area, lambda c: c["id"] == first.id, archived=True) == {first.id}

    pick(area.filter_bar.archived, ARCHIVED)
    assert first.id in shown_ids(area)
    area.select_member(first.id)
    assert "Archived on 15/06/2026" in area.detail.toPlainText()
    assert area.member_actions.restore_action.isEnabled()
    assert not area.member_actions.archive_action.isEnabled()
    area.member_actions.restore_action.trigger()
    assert first.id not in shown_ids(area)
    pick(area.filter_bar.archived, "current")
    assert first.id in shown_ids(area)


def test_bulk_archive_of_the_selected_rows(area: MembersArea) -> None:
    before = area.model.total
    select_rows(area, [1, 2, 4])
    chosen = {row.id for row in area.selected_members()}
    assert len(chosen) == 3
    with prompts.answering(True) as asked:
        area.member_actions.archive_action.trigger()
    assert asked[0].text.startswith("Archive 3 members?")
    assert area.model.total == before - 3
    assert not chosen & shown_ids(area)
    assert expected(area, lambda c: c["id"] in chosen, archived=True) == chosen


def test_hard_delete_only_without_audits_or_certificates(area: MembersArea) -> None:
    ws = area.context.workspace
    with ws.db.reading() as session:
        bare = set(
            session.scalars(
                text(
                    "SELECT id FROM companies WHERE archived_on IS NULL"
                    " AND id NOT IN (SELECT company_id FROM audits)"
                    " AND id NOT IN (SELECT company_id FROM certificates)"
                )
            )
        )
        certified = session.scalar(text("SELECT company_id FROM certificates LIMIT 1"))
    assert bare
    actions = area.member_actions
    area.select_member(certified)
    assert not actions.delete_action.isEnabled()
    actions.update_enabled()
    assert actions.delete_action in actions.build_menu().actions()

    doomed = min(bare)
    assert area.reveal_member(doomed)
    assert actions.delete_action.isEnabled()
    with prompts.answering(False):
        actions.delete_action.trigger()
    assert doomed in shown_ids(area)
    with prompts.answering(True) as asked:
        actions.delete_action.trigger()
    assert "permanently" in asked[0].text
    assert doomed not in shown_ids(area)
    assert count_members(ws, MemberQuery(ids=(doomed,), archived=None)) == 0


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_keys_and_the_context_menu(qtbot: QtBot, area: MembersArea, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area.search)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = area.findChild(MemberEditor)
    assert isinstance(editor, MemberEditor)
    assert editor.member_id is None
    editor.reject()
    qtbot.waitUntil(lambda: area.findChild(MemberEditor) is None)

    area.table.setFocus()
    area.select_member(area.model.member_at(area.model.index(3, 0)).id)  # type: ignore[union-attr]
    row = area.current_member()
    assert row is not None
    area.table.customContextMenuRequested.emit(QPoint(10, 10))
    menu = area.member_actions.menu
    assert isinstance(menu, QMenu)
    assert menu.isVisible()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:5] == ["&New member…", "&Open…", "&Archive…", "&Restore", "&Delete permanently…"]
    next(a for a in menu.actions() if a.text() == "&Open…").trigger()
    menu.close()
    editor = area.findChild(MemberEditor)
    assert isinstance(editor, MemberEditor)
    assert editor.member_id == row.id
    editor.reject()

    window.show_area("dashboard")  # Ctrl+N belongs to the Members area only
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: area.findChild(MemberEditor) is None)


def test_export_the_list_and_the_selection_to_csv(
    qtbot: QtBot, area: MembersArea, tmp_path: Path
) -> None:
    pick(area.filter_bar.country, "CO")
    target = tmp_path / "members.csv"

    def answer(prompt: prompts.Prompt) -> prompts.Answer:
        return str(target) if prompt.kind == prompts.PromptKind.SAVE_FILE else True

    with prompts.answering(answer) as asked:
        area.member_actions.export_list_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)
    settle_operations()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert {line["country"] for line in lines} == {"CO"}
    assert len(lines) == area.model.total
    assert asked[1].text == f"{len(lines)} members were written to {target}."

    select_rows(area, [0, 2])
    chosen = [row.legal_name for row in area.selected_members()]
    with prompts.answering(answer) as asked:
        area.member_actions.export_selected_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)
    settle_operations()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert sorted(line["legal_name"] for line in csv.DictReader(handle)) == sorted(chosen)


def test_a_cancelled_export_leaves_no_file(area: MembersArea, tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "members.csv"
    with pytest.raises(OperationCancelledError):
        write_export(area.context, MemberQuery(limit=None), target, Reporter(_Relay(), stop))
    assert list(folder.iterdir()) == []
