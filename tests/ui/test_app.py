"""``run_gui`` end to end, the translations, and the screenshot helper."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.store.engine import Database, make_engine
from basc_desktop.ui import prompts
from basc_desktop.ui.about import AboutDialog
from basc_desktop.ui.app import run_gui
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.prompts import PromptKind
from basc_desktop.ui.screenshot import screenshot_main_window
from basc_desktop.ui.translation import install_translations


@pytest.fixture
def gui_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_gui installs the crash handler and translations: put them back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.delenv("BASC_DATABASE_URL", raising=False)
    yield
    install_translations("en")


@pytest.mark.usefixtures("gui_run")
def test_run_gui_shows_why_it_cannot_start(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with prompts.answering() as asked:
        assert run_gui(data_dir=str(blocker / "data")) == 2
    assert len(asked) == 1
    assert asked[0].kind is PromptKind.CRITICAL
    assert asked[0].title == "BASC Desktop cannot start"
    assert str(blocker / "data") in asked[0].text


@pytest.mark.usefixtures("gui_run")
def test_run_gui_runs_until_the_window_closes(tmp_path: Path) -> None:
    shown: list[str] = []

    def close_main_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()

    QTimer.singleShot(0, close_main_window)
    assert run_gui(data_dir=str(tmp_path / "data")) == 0
    assert shown == ["BASC Desktop — basc.sqlite"]
    assert (tmp_path / "data" / "window.ini").is_file()


def test_qt_translations_load_when_present() -> None:
    try:
        loaded = install_translations("es")
        assert any(Path(path).name.startswith("qtbase_es") for path in loaded)
    finally:
        install_translations("en")


def test_about_hides_the_database_password(
    qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings
) -> None:
    server = Database(make_engine("postgresql+psycopg://basc:s3cret@db.example/basc"))
    try:
        workspace = Workspace(db=server, chapters=sqlite_workspace.chapters, user="ana")
        dialog = AboutDialog(AppContext(workspace, settings, ChangeHub()))
        qtbot.addWidget(dialog)
        assert "s3cret" not in dialog.text
        assert "postgresql+psycopg://basc:***@db.example/basc" in dialog.text
    finally:
        server.close()


def test_screenshot_helper_writes_each_area(
    qtbot: QtBot, demo_workspace: Workspace, settings: Settings, tmp_path: Path
) -> None:
    paths = screenshot_main_window(demo_workspace, settings, tmp_path)
    assert [path.name for path in paths] == [
        "main-window-dashboard.png",
        "main-window-members.png",
    ]
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull()
        assert image.width() >= 1280
        assert image.height() >= 800
