"""Search boxes: search as the coordinator types, and Enter that never presses OK.

:func:`search_as_typed` runs the search a moment after typing stops, or at once on
Enter, so a list follows the box without querying on every key.

In a dialog, a QDialogButtonBox makes its accept button the default when the dialog is shown, even
with autoDefault off, so Enter typed in a search field would save or issue at once.
:func:`enter_searches` keeps Enter inside the box: the box's ``returnPressed`` still
runs the search, and the key goes no further.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

SEARCH_DELAY_MS = 250
"""The pause in typing after which the search runs."""
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def search_as_typed(
    box: QLineEdit, search: Callable[[], None], delay_ms: int = SEARCH_DELAY_MS
) -> QTimer:
    """Run ``search`` ``delay_ms`` after the text of ``box`` last changed, or at once on
    Enter.  The timer is returned so a caller can stop a pending search."""
    timer = QTimer(box)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    box.textChanged.connect(timer.start)
    timer.timeout.connect(search)

    def search_now() -> None:
        timer.stop()
        search()

    box.returnPressed.connect(search_now)
    return timer


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
