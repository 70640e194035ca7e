"""The Qt binding itself must survive a long working day of signals."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Announcer(QObject):
    changed = Signal(str)


def test_emitting_signals_keeps_python_reference_counts() -> None:
    # PySide6 6.12.0 returned True from emit() without a reference: after a few hundred
    # list reloads the interpreter aborted ("bool_dealloc").  pyproject excludes it.
    announcer = _Announcer()
    received: list[str] = []
    announcer.changed.connect(received.append)
    # Few emits on purpose: with the faulty binding, many would abort the test run itself.
    before = sys.getrefcount(True)
    for number in range(100):
        announcer.changed.emit(str(number))
    assert len(received) == 100
    assert abs(sys.getrefcount(True) - before) < 20
