"""Starting the program: a clear message (never a traceback) when something is wrong."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from basc_desktop.chapters import default_chapters_dir
from basc_desktop.services.members import count_members
from basc_desktop.settings import DATABASE_FILE, DEMO_DATABASE_FILE
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.startup import Startup, StartupFailure, start
from tests.ui.conftest import settle_operations


@pytest.fixture(autouse=True)
def no_database_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BASC_DATABASE_URL", raising=False)
    monkeypatch.delenv("BASC_CHAPTERS_DIR", raising=False)


def started(qtbot: QtBot, outcome: MainWindow | StartupFailure | None) -> MainWindow:
    assert isinstance(outcome, MainWindow), outcome
    qtbot.addWidget(outcome)
    return outcome


def close(window: MainWindow) -> None:
    settle_operations()
    window.context.workspace.db.close()


def failure(outcome: MainWindow | StartupFailure | None) -> StartupFailure:
    assert isinstance(outcome, StartupFailure), outcome
    assert outcome.show
    assert outcome.exit_code == 2
    assert "Traceback" not in outcome.message
    assert not outcome.details
    return outcome


def test_starts_on_a_new_database_in_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    window = started(qtbot, start(data_dir=str(tmp_path / "data")))
    assert window.windowTitle() == f"BASC Desktop — {DATABASE_FILE}"
    assert (tmp_path / "data" / DATABASE_FILE).is_file()
    assert (tmp_path / "data" / "logs" / "basc-desktop.log").is_file()
    close(window)


def test_corrupt_database_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DATABASE_FILE).write_bytes(b"these are not the bytes of a database\n" * 20)
    result = failure(start(data_dir=str(data)))
    assert result.title == "BASC Desktop cannot start"
    assert str(data / DATABASE_FILE) in result.message
    assert "not a BASC Desktop database, or it is damaged" in result.message


def test_broken_chapter_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chapters = tmp_path / "chapters"
    shutil.copytree(default_chapters_dir(), chapters)
    bogota = chapters / "co-bog.toml"
    bogota.write_text(
        bogota.read_text(encoding="utf-8").replace("major = 30", "major = -3"), encoding="utf-8"
    )
    monkeypatch.setenv("BASC_CHAPTERS_DIR", str(chapters))
    result = failure(start(data_dir=str(tmp_path / "data")))
    assert "co-bog.toml" in result.message
    assert "deadlines.major" in result.message
    assert "must be a whole number of days above 0, got -3" in result.message


def test_data_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = failure(start(data_dir=str(blocker / "data")))
    assert str(blocker / "data") in result.message
    assert "cannot be created" in result.message


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders",
)
def test_data_folder_that_cannot_be_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o500)
    try:
        result = failure(start(data_dir=str(data)))
    finally:
        data.chmod(0o700)
    assert str(data) in result.message


def test_demo_database_is_built_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    startup = Startup(data_dir=str(tmp_path / "data"), demo=True, demo_companies=15)
    with qtbot.waitSignal(startup.finished, timeout=30_000) as finished:
        assert startup.begin() is None
        assert startup.operation is not None
        assert startup.operation.dialog is not None
    window = started(qtbot, finished.args[0])
    assert window.windowTitle() == f"BASC Desktop — {DEMO_DATABASE_FILE}"
    assert count_members(window.context.workspace) > 0
    close(window)
    # The second time the demo file is there: it opens at once.
    again = started(qtbot, start(data_dir=str(tmp_path / "data"), demo=True))
    assert again.windowTitle() == f"BASC Desktop — {DEMO_DATABASE_FILE}"
    close(again)
