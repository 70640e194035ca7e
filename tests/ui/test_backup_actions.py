"""File ▸ Back up now… and Restore a backup…, the automatic backup at start, and its
settings in Preferences."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services import backups
from basc_desktop.services.backups import back_up
from basc_desktop.services.member_forms import MemberInput, MemberQuery
from basc_desktop.services.members import count_members, create_member
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import DATABASE_FILE, Settings
from basc_desktop.store.engine import sqlite_path
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.preferences import PreferencesDialog
from basc_desktop.ui.prompts import Prompt, PromptKind
from basc_desktop.ui.screenshot import save_screenshot
from basc_desktop.ui.startup import Startup
from tests.import_files import tax_ids
from tests.ui.conftest import settle_operations

WAIT_MS = 15_000
EVERYONE = MemberQuery(archived=None)


def file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    return [action.text() for action in menu.actions()]


def test_back_up_now_asks_where_copies_in_a_worker_and_says_where(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert "&Back up now…" in file_menu_texts(window)
    assert "Res&tore a backup…" in file_menu_texts(window)
    destination = tmp_path / "usb" / "register.sqlite"

    def answer(prompt: Prompt) -> str | bool:
        return str(destination) if prompt.kind is PromptKind.SAVE_FILE else True

    with prompts.answering(answer) as asked:
        operation = window.backup_actions.back_up_now()
        assert operation is not None
        assert operation.running  # the window got control back at once…
        members = window.show_area("members")  # …and goes on working meanwhile
        assert isinstance(members, MembersArea)
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    suggested = Path(asked[0].text)
    assert suggested.parent == window.context.settings.backups_dir
    assert suggested.name.startswith("basc.")
    assert suggested.name.endswith(".manual.sqlite")
    assert asked[-1].kind is PromptKind.INFORMATION
    assert str(destination) in asked[-1].text
    ws = open_workspace(window.context.settings, window.context.workspace.chapters,
                        url=f"sqlite:///{destination}")  # fmt: skip
    try:
        assert count_members(ws, EVERYONE) == count_members(window.context.workspace, EVERYONE)
    finally:
        ws.db.close()


def test_cancel_stops_the_copy_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_back_up = backups.back_up

    def held_back_up(*args: object, **kwargs: object) -> Path:
        release.wait(WAIT_MS / 1000)  # the copy starts only once Cancel was pressed
        return real_back_up(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("basc_desktop.ui.backup_actions.back_up", held_back_up)
    destination = tmp_path / "copy.sqlite"
    with prompts.answering(str(destination)) as asked:
        operation = window.backup_actions.back_up_now()
        assert operation is not None
        assert operation.dialog is not None
        cancelled: list[bool] = []
        operation.on_cancel(lambda: cancelled.append(True))
        operation.dialog.cancel_button.click()
        release.set()
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    assert cancelled == [True]
    assert [p.kind for p in asked] == [PromptKind.SAVE_FILE]
    assert list(tmp_path.glob("copy.sqlite*")) == []


def _add_member(window: MainWindow) -> None:
    create_member(
        window.context.workspace,
        MemberInput(
            legal_name="Bodegas del Pacífico S.A.S.",
            tax_id=tax_ids("CO", 1, seed=77)[0],
            chapter_code="co-bog",
            business_type=BusinessType.WAREHOUSE,
        ),
    )


def test_restore_asks_then_swaps_and_reopens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ws = window.context.workspace
    before = count_members(ws, EVERYONE)
    backup = back_up(ws, tmp_path / "basc.2026-06-14T180000.manual.sqlite")
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    status_then = members.status_text()
    _add_member(window)  # work done since the backup
    window.context.changes.announce(changes.MEMBERS)
    qtbot.waitUntil(lambda: members.status_text() != status_then, timeout=WAIT_MS)

    def answer(prompt: Prompt) -> str | bool:
        return str(backup) if prompt.kind is PromptKind.OPEN_FILE else True

    with prompts.answering(answer) as asked:
        operation = window.backup_actions.restore()
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    question = asked[1]
    assert question.kind is PromptKind.QUESTION
    assert "14/06/2026 18:00" in question.text
    assert "will be replaced" in question.text
    assert asked[-1].kind is PromptKind.INFORMATION, asked[-1]
    assert window.context.workspace is not ws
    assert count_members(window.context.workspace, EVERYONE) == before
    kept = list(window.context.settings.backups_dir.glob("basc.*.before-restore.sqlite"))
    assert len(kept) == 1
    assert str(kept[0]) in asked[-1].text
    qtbot.waitUntil(lambda: members.status_text() == status_then, timeout=WAIT_MS)


def test_a_damaged_backup_is_refused_and_work_goes_on(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ws = window.context.workspace
    before = count_members(ws, EVERYONE)
    damaged = tmp_path / "damaged.sqlite"
    path = sqlite_path(ws.db.url)
    assert path is not None
    shutil.copyfile(path, damaged)
    damaged.write_bytes(damaged.read_bytes()[:20_000])

    def answer(prompt: Prompt) -> str | bool:
        return str(damaged) if prompt.kind is PromptKind.OPEN_FILE else True

    with prompts.answering(answer) as asked:
        operation = window.backup_actions.restore()
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    assert asked[-1].kind is PromptKind.WARNING
    assert asked[-1].title == "Cannot restore the backup"
    assert str(damaged) in asked[-1].text
    assert "damaged" in asked[-1].text
    assert window.context.workspace is ws
    _add_member(window)  # the database is usable again at once
    assert count_members(ws, EVERYONE) == before + 1


def test_restore_answered_no_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    backup = back_up(window.context.workspace, tmp_path / "b.sqlite")

    def answer(prompt: Prompt) -> str | bool:
        return str(backup) if prompt.kind is PromptKind.OPEN_FILE else False

    with prompts.answering(answer):
        assert window.backup_actions.restore() is None
    assert not list(window.context.settings.backups_dir.iterdir())


@pytest.fixture
def server_window(
    qtbot: QtBot, postgres_url: str, settings: Settings, chapters: ChapterRegistry
) -> Iterator[MainWindow]:
    ws = open_workspace(settings, chapters, url=postgres_url)
    main = MainWindow(AppContext(ws, settings, ChangeHub()))
    qtbot.addWidget(main)
    yield main
    settle_operations()
    ws.db.close()


@pytest.mark.postgres
def test_a_server_database_is_backed_up_on_its_server(server_window: MainWindow) -> None:
    for action in (server_window.backup_actions.back_up_now, server_window.backup_actions.restore):
        with prompts.answering(True) as asked:
            assert action() is None
        assert [p.kind for p in asked] == [PromptKind.WARNING]
        assert "pg_dump" in asked[0].text


def test_the_program_backs_up_at_start_in_the_background(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path
) -> None:
    monkeypatch.delenv("BASC_DATABASE_URL", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(sqlite_template, data / DATABASE_FILE)
    startup = Startup(data_dir=str(data))
    window = startup.begin()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert startup.backup_operation is not None
    with qtbot.waitSignal(startup.backup_operation.finished, timeout=WAIT_MS):
        pass
    (copy,) = (data / "backups").glob("basc.*.auto.sqlite")
    assert window.statusBar().currentMessage() == f"Automatic backup saved: {copy.name}"
    settle_operations()
    window.context.workspace.db.close()


def test_opening_another_database_backs_it_up_too(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, sqlite_template: Path
) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(sqlite_template, other)
    operation = window.database_actions.open_url(f"sqlite:///{other}")
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        pass
    automatic = window.backup_actions.automatic
    assert automatic is not None
    qtbot.waitUntil(lambda: not automatic.running, timeout=WAIT_MS)
    backups_dir = window.context.settings.backups_dir
    assert len(list(backups_dir.glob("other.*.auto.sqlite"))) == 1


def test_a_failed_automatic_backup_shows_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    from basc_desktop.ui.backup_actions import start_automatic_backup

    folder = window.context.settings.backups_dir
    folder.rmdir()
    folder.write_text("a file where the backups folder should be")
    with prompts.answering(True) as asked:
        operation = start_automatic_backup(window, window.context)
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
            pass
    assert asked == []  # nothing pops up; work goes on
    assert window.statusBar().currentMessage().startswith("The automatic backup failed:")


def test_the_demo_database_is_not_backed_up_at_start(window: MainWindow) -> None:
    from basc_desktop.ui.backup_actions import start_automatic_backup

    demo = window.context.settings.demo_database_url
    ws = window.context.workspace
    source, target = sqlite_path(ws.db.url), sqlite_path(demo)
    assert source is not None
    assert target is not None
    shutil.copyfile(source, target)
    other = open_workspace(window.context.settings, ws.chapters, url=demo)
    try:
        context = AppContext(other, window.context.settings, window.context.changes)
        assert start_automatic_backup(window, context) is None
    finally:
        other.db.close()


def test_preferences_keep_the_rotation_counts(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path
) -> None:
    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save_screenshot(dialog, artifacts_dir / "preferences-backups.png")
    assert (dialog.keep_last.value(), dialog.keep_daily.value(), dialog.keep_weekly.value()) == (
        10, 7, 4,
    )  # fmt: skip
    dialog.keep_last.setValue(3)
    dialog.keep_daily.setValue(0)
    dialog.keep_weekly.setValue(12)
    dialog.accept()
    prefs = window.context.settings.preferences
    assert (prefs.backups_keep_last, prefs.backups_keep_daily, prefs.backups_keep_weekly) == (
        3, 0, 12,
    )  # fmt: skip
    assert '"backups_keep_weekly": 12' in window.context.settings.settings_file.read_text()
