"""GUI fixtures: a demo database opened in the main window, offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from basc_desktop.services.demo import build_demo
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import garbage
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.operations import wait_for_operations
from basc_desktop.ui.text import set_language

DEMO_COMPANIES = 120


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


@pytest.fixture(autouse=True, scope="session")
def garbage_on_the_gui_thread(qapp: QApplication) -> None:
    """As in the program: a worker never collects (and so never destroys) a widget."""
    garbage.install(qapp)


@pytest.fixture
def demo_workspace(sqlite_workspace: Workspace) -> Workspace:
    """The test workspace filled with 120 made-up companies (seeded, dated TODAY)."""
    build_demo(sqlite_workspace, companies=DEMO_COMPANIES, seed=3)
    return sqlite_workspace


@pytest.fixture
def context(demo_workspace: Workspace, settings: Settings) -> AppContext:
    return AppContext(demo_workspace, settings, ChangeHub())


def settle_operations() -> None:
    """Let background work end and hand its results over before the test goes on."""
    wait_for_operations()
    QCoreApplication.sendPostedEvents()


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    settle_operations()
