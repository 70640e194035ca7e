"""What the main window expects of an area of the sidebar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from basc_desktop.ui.context import AppContext


class Area(QWidget):
    """A page of the main window.  Areas reach the data through ``context`` only."""

    status_changed = Signal(str)
    """The area's line for the status bar changed (e.g. "312 of 4,210 members")."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def status_text(self) -> str:
        return ""

    def activate(self) -> None:
        """The area became the visible page; load what it shows if not loaded yet."""

    def refresh(self) -> None:
        """Read again what the area shows, so others' changes appear (View ▸ Refresh, F5).

        By default the area's ``reload()`` if it has one, else :meth:`activate`.
        """
        reload = getattr(self, "reload", None)
        if callable(reload):
            reload()
        else:
            self.activate()

    def focus_search(self) -> bool:
        """Put the keyboard in the area's search box; False if it has none."""
        return False
