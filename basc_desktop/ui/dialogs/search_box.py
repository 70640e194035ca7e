"""Enter in a dialog's search box searches; it never presses the dialog's OK.

A QDialogButtonBox makes its accept button the default when the dialog is shown, even
with autoDefault off, so Enter typed in a search field would save or issue at once.
:func:`enter_searches` keeps Enter inside the box: the box's ``returnPressed`` still
runs the search, and the key goes no further.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterStaysHere(QObject):
    def __init__(self, box: QLineEdit) -> None:
        super().__init__(box)
        self._box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self._box.returnPressed.emit()
            return True
        return False


def enter_searches(box: QLineEdit) -> None:
    """Make Enter in ``box`` run its ``returnPressed`` only, never the dialog's default button."""
    box.installEventFilter(_EnterStaysHere(box))
