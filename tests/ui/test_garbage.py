"""Garbage holding widgets is collected on the GUI thread, never by a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from basc_desktop.ui import garbage


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget = QWidget()


def test_a_worker_allocating_never_collects_a_widget(qapp: QApplication, qtbot: QtBot) -> None:
    collector = garbage.install(qapp)
    assert garbage.install(qapp) is collector  # one collector for the program
    assert not gc.isenabled()

    cycle = _Cycle()
    gone = weakref.ref(cycle)
    destroyed: list[str] = []
    cycle.widget.destroyed.connect(lambda: destroyed.append(threading.current_thread().name))
    del cycle

    def allocate() -> None:  # cyclic garbage far past the thresholds, as a long task makes
        for _ in range(100_000):
            loop: list[object] = []
            loop.append(loop)

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert gone() is not None  # the worker left the garbage alone

    qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the GUI thread's timer took it
    assert destroyed == [threading.main_thread().name]
