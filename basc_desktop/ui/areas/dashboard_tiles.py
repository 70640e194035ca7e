"""The dashboard's tiles: a big number with its caption, that opens its records when
clicked (or when Enter or Space is pressed on it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from basc_desktop.services.dashboard_forms import Figure
from basc_desktop.ui.text import format_count

TILE_STYLE = (
    "#tile {{ border: 1px solid palette(mid); border-left: 4px solid {accent};"
    " border-radius: 4px; background: palette(base); }}"
    "#tile:focus {{ border: 2px solid palette(highlight); border-left: 4px solid {accent}; }}"
)


class Tile(QFrame):
    """A number with its caption, e.g. "1,204 / Certified"."""

    clicked = Signal(object)
    """The tile's :class:`Figure`."""

    def __init__(
        self, figure: Figure, caption: str, colour: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.figure = figure
        self.value = 0
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(TILE_STYLE.format(accent=colour or "palette(mid)"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.number = QLabel("—")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.caption.setMinimumWidth(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption, 1)

    def set_number(self, value: int) -> None:
        self.value = value
        self.number.setText(format_count(value))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.figure)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.figure)
            return
        super().keyPressEvent(event)
