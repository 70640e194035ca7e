"""The one helper for background work: results, failures and progress on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from basc_desktop.domain.errors import BascError
from basc_desktop.ui import prompts
from basc_desktop.ui.operations import Operation, Reporter, running_operations
from basc_desktop.ui.prompts import PromptKind

WAIT_MS = 5_000


def on_gui_thread() -> bool:
    app = QApplication.instance()
    assert app is not None
    return QThread.currentThread() is app.thread()


def test_success_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    worker_thread: list[int] = []
    delivered: list[tuple[object, bool]] = []

    def task(_reporter: Reporter) -> int:
        worker_thread.append(threading.get_ident())
        return 6 * 7

    operation = Operation(task).on_success(lambda value: delivered.append((value, on_gui_thread())))
    with qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        operation.start()
    assert delivered == [(42, True)]
    assert worker_thread
    assert worker_thread[0] != threading.get_ident()
    assert not operation.running
    assert running_operations() == 0


def test_failure_is_delivered_to_its_handler(qtbot: QtBot) -> None:
    failures: list[tuple[BaseException, bool]] = []

    def task(_reporter: Reporter) -> None:
        raise ValueError("boom")

    operation = Operation(task).on_failure(lambda e: failures.append((e, on_gui_thread())))
    with prompts.answering() as asked, qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        operation.start()
    assert len(failures) == 1
    error, gui = failures[0]
    assert isinstance(error, ValueError)
    assert str(error) == "boom"
    assert gui
    assert asked == []  # handled: nothing shown


def test_unhandled_user_error_is_shown_as_a_message(qtbot: QtBot) -> None:
    def task(_reporter: Reporter) -> None:
        raise BascError("The file {path} is locked.", path="/tmp/x.sqlite")

    operation = Operation(task)
    with prompts.answering() as asked, qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        operation.start()
    assert [(p.kind, p.text) for p in asked] == [
        (PromptKind.WARNING, "The file /tmp/x.sqlite is locked.")
    ]


def test_unhandled_bug_is_reported_as_a_crash(qtbot: QtBot) -> None:
    def task(_reporter: Reporter) -> None:
        raise ZeroDivisionError("division by zero")

    operation = Operation(task)
    with prompts.answering() as asked, qtbot.waitSignal(operation.finished, timeout=WAIT_MS):
        operation.start()
    assert len(asked) == 1
    assert asked[0].kind is PromptKind.CRITICAL
    assert "ZeroDivisionError" in asked[0].details


def test_progress_arrives_in_order_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[int, int, bool]] = []

    def task(reporter: Reporter) -> str:
        for done in range(4):
            reporter.progress(done, 3)
        reporter.progress(3, 3)  # the same again: not sent twice
        return "done"

    operation = Operation(task)
    operation.progressed.connect(lambda d, t: seen.append((d, t, on_gui_thread())))
    with qtbot.waitSignal(operation.succeeded, timeout=WAIT_MS) as result:
        operation.start()
    assert result.args == ["done"]
    assert seen == [(0, 3, True), (1, 3, True), (2, 3, True), (3, 3, True)]


def test_cancel_stops_the_task(qtbot: QtBot) -> None:
    started = threading.Event()
    succeeded: list[object] = []

    def task(reporter: Reporter) -> str:
        started.set()
        while not reporter.cancelled():
            started.wait(0.005)
        reporter.check()
        return "not reached"

    operation = Operation(task).on_success(succeeded.append)
    operation.start()
    assert started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(operation.cancelled, timeout=WAIT_MS):
        operation.cancel()
    assert succeeded == []
    assert operation.cancel_requested


@pytest.mark.parametrize("ending", ["returns", "raises a user error"])
def test_cancel_button_of_the_progress_dialog(qtbot: QtBot, ending: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    steps = threading.Event()

    def task(reporter: Reporter) -> str:
        reporter.progress(1, 10)
        steps.set()
        while not reporter.cancelled():
            steps.wait(0.005)
        if ending == "returns":
            return "partial"
        raise BascError("The demo was cancelled; nothing was written.")

    operation = Operation(task, parent=parent, label="Working…", show_after_ms=0)
    dialog = operation.dialog
    assert dialog is not None
    operation.start()
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.bar.value() == 1, timeout=WAIT_MS)
    assert dialog.bar.maximum() == 10
    with prompts.answering() as asked, qtbot.waitSignal(operation.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.label.text() == "Cancelling…"
        assert not dialog.cancel_button.isEnabled()
    assert asked == []
    assert operation.dialog is None
