"""Typing into widgets as a coordinator does, accents and ñ included.

``qtbot.keyClicks`` aborts on a non-ASCII character (Qt's test library maps each
character to a key code, and has none for "é").  :func:`type_text` sends runs of ASCII
through ``keyClicks`` and each other character as a key event that carries the
character as its text, with ``Qt.Key.Key_unknown`` as its key: the way an input method
delivers "ñ".  Use it wherever a test types text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def _runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into runs of ASCII and single non-ASCII characters, in order."""
    runs: list[tuple[bool, str]] = []
    for char in text:
        ascii_char = char.isascii()
        if ascii_char and runs and runs[-1][0]:
            runs[-1] = (True, runs[-1][1] + char)
        else:
            runs.append((ascii_char, char))
    return runs


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key (it gets the keyboard focus first)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    for ascii_run, chunk in _runs(text):
        if ascii_run:
            qtbot.keyClicks(widget, chunk)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                chunk,
                Qt.KeyboardModifier.NoModifier,
            )


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select everything in ``widget`` and type ``text`` over it."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)
