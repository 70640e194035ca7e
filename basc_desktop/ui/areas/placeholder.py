"""Areas not built yet: a clear page saying what will come there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.context import AppContext


class PlaceholderArea(Area):
    def __init__(
        self,
        context: AppContext,
        title: str,
        description: str,
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        picture = QLabel()
        picture.setPixmap(icon.pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(title)
        self.title.setObjectName("placeholderTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.description.setFixedWidth(520)  # a fixed width lets the wrapped text take its height
        self.soon = QLabel(self.tr("Coming soon."))
        self.soon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.soon.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addSpacing(4)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.description)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(8)
        layout.addWidget(self.soon)
        layout.addStretch(3)

    def status_text(self) -> str:
        return self.tr("Coming soon")
