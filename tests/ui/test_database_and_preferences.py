"""File ▸ Open database…, Open demo database and Preferences."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from basc_desktop.services.members import count_members
from basc_desktop.services.opening import open_workspace
from basc_desktop.store.engine import sqlite_url
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.preferences import PreferencesDialog
from basc_desktop.ui.prompts import PromptKind
from tests.ui.conftest import settle_operations

WAIT_MS = 10_000


def empty_database(window: MainWindow, path: Path) -> Path:
    ctx = window.context
    open_workspace(ctx.settings, ctx.workspace.chapters, url=sqlite_url(path)).db.close()
    return path


def test_open_database_switches_every_screen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    assert members.model.rowCount() > 0
    old = window.context.workspace
    other = empty_database(window, tmp_path / "other.sqlite")
    heard: list[str] = []
    window.context.changes.changed.connect(heard.append)
    with prompts.answering(str(other)) as asked:
        operation = window.database_actions.open_file()
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    assert asked[0].kind is PromptKind.OPEN_FILE
    assert window.context.workspace is not old
    assert heard == [changes.WORKSPACE]
    assert window.windowTitle() == "BASC Desktop — other.sqlite"
    assert members.model.rowCount() == 0
    assert window.area_status.text() == "0 of 0 members"
    assert window.context.settings.preferences.recent_databases[0] == sqlite_url(other)
    saved = json.loads(window.context.settings.settings_file.read_text(encoding="utf-8"))
    assert saved["recent_databases"] == [sqlite_url(other)]


def test_a_damaged_file_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"\x00garbage" * 100)
    old = window.context.workspace
    with prompts.answering(str(damaged)) as asked:
        operation = window.database_actions.open_file()
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    assert window.context.workspace is old
    warning = asked[-1]
    assert warning.kind is PromptKind.WARNING
    assert warning.title == "Cannot open the database"
    assert str(damaged) in warning.text
    assert "damaged" in warning.text


def test_cancelling_the_file_dialog_changes_nothing(window: MainWindow) -> None:
    with prompts.answering(None):
        assert window.database_actions.open_file() is None


def test_open_demo_asks_before_building(qtbot: QtBot, window: MainWindow) -> None:
    with prompts.answering(False) as asked:
        assert window.database_actions.open_demo() is None
    assert asked[0].kind is PromptKind.QUESTION
    assert "does not exist yet" in asked[0].text


def test_preferences_are_saved(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.chapter.setCurrentIndex(dialog.chapter.findData("ht"))
    assert dialog.use_file.isChecked()
    assert not dialog.server_url.isEnabled()
    heard: list[str] = []
    window.context.changes.changed.connect(heard.append)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = json.loads(window.context.settings.settings_file.read_text(encoding="utf-8"))
    assert (saved["language"], saved["chapter"], saved["database_url"]) == ("fr", "ht", "")
    assert heard == [changes.PREFERENCES]


def test_a_server_address_must_look_like_one(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.show_preferences()
    dialog.use_server.setChecked(True)
    dialog.server_url.setText("my server")
    with prompts.answering() as asked:
        dialog.accept()
        assert dialog.test_connection() is None
    assert dialog.isVisible()
    assert [p.kind for p in asked] == [PromptKind.WARNING, PromptKind.WARNING]
    assert "postgresql+psycopg://" in asked[0].text
    dialog.reject()


def test_test_connection_reports_a_server_that_does_not_answer(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.show_preferences()
    dialog.use_server.setChecked(True)
    dialog.server_url.setText("postgresql+psycopg://basc:secret@127.0.0.1:1/basc")
    with prompts.answering() as asked:
        operation = dialog.test_connection()
        assert operation is not None
        assert not dialog.test_button.isEnabled()
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    assert asked == []
    text = dialog.test_result.text()
    assert text.startswith("Cannot connect to the database")
    assert "secret" not in text
    assert "***" in text
    assert dialog.test_button.isEnabled()
    dialog.reject()
    settle_operations()
    assert count_members(window.context.workspace) > 0
