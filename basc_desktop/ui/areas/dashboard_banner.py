"""The banner a list shows above its rows when the dashboard opened it on exactly the
records one number counts: "Certified members in Colombia on 31/12/2025  [Show all]".

The Members, Certificates, Corrective actions and Audits areas each have one, and a
``show_records(ids, caption)`` method (:class:`ShowsRecords`) the main window calls.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from basc_desktop.ui.text import format_count

BANNER_STYLE = (
    "#shownRecords { background: #fff4d6; border: 1px solid #e0b44c; border-radius: 4px; }"
)


NO_RECORDS: tuple[int, ...] = (0,)
"""The ids of an empty list (no record has id 0): a query's empty ``ids`` means "all"."""


def only(ids: list[int]) -> tuple[int, ...]:
    """``ids`` as a query's ``ids`` filter that lists exactly them, even none."""
    return tuple(ids) or NO_RECORDS


@runtime_checkable
class ShowsRecords(Protocol):
    def show_records(self, ids: list[int], caption: str) -> None:
        """List exactly ``ids`` (and nothing else) under a banner that reads ``caption``."""


class ShownRecordsBanner(QFrame):
    """Hidden until :meth:`show_caption`; "Show all" hides it and emits ``cleared``."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shownRecords")
        self.setStyleSheet(BANNER_STYLE)
        self.caption = QLabel()
        self.caption.setObjectName("shownRecordsCaption")
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.setObjectName("showAllRecords")
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.clear_button)
        self.setVisible(False)

    def show_caption(self, caption: str, count: int) -> None:
        self.caption.setText(
            self.tr("Showing {count} from the dashboard: {caption}").format(
                count=format_count(count), caption=caption
            )
        )
        self.setVisible(True)

    @property
    def active(self) -> bool:
        return not self.isHidden()

    def clear(self) -> None:
        self.setVisible(False)
        self.cleared.emit()
