"""View ▸ Refresh (F5) reads the current screen again: others' changes appear."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings, load_settings
from basc_desktop.ui.areas.registry import AREA_KEYS
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from tests.audit_factories import member
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations
from tests.ui.members_helpers import open_members, shown_ids


@pytest.fixture
def small_window(
    qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings
) -> Iterator[MainWindow]:
    member(sqlite_workspace, name="Primera Empresa S.A.S.", seed=1)
    main = MainWindow(AppContext(sqlite_workspace, settings, ChangeHub()))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    settle_operations()


@pytest.fixture
def other_pc(
    sqlite_workspace: Workspace, chapters: ChapterRegistry, tmp_path: Path
) -> Iterator[Workspace]:
    """Another coordinator's program on the same database."""
    ws = open_workspace(load_settings(tmp_path / "pc-2"), chapters, url=sqlite_workspace.db.url)
    ws.user, ws.clock = "luis", lambda: TODAY
    yield ws
    ws.db.close()


def test_f5_shows_a_member_another_pc_registered(
    qtbot: QtBot, small_window: MainWindow, other_pc: Workspace
) -> None:
    area = open_members(small_window)
    qtbot.waitUntil(lambda: len(shown_ids(area)) == 1)
    new_id = member(other_pc, name="Registrada por Luis S.A.S.", seed=2)
    settle_operations()
    assert new_id not in shown_ids(area)  # nobody told this window

    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: new_id in shown_ids(area))
    assert small_window.area_status.text().startswith("2 ")


def test_every_screen_refreshes(qtbot: QtBot, small_window: MainWindow) -> None:
    assert small_window.refresh_action.shortcut().toString() == "F5"
    for key in AREA_KEYS:
        small_window.show_area(key)
        settle_operations()
        small_window.refresh_action.trigger()
        settle_operations()
        assert small_window.current_key() == key
