"""How a member status looks: a word and a colour (never the colour alone)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from basc_desktop.domain.vocabulary import MemberStatus

_COLOURS: dict[MemberStatus, str] = {
    MemberStatus.APPLICANT: "#1565c0",
    MemberStatus.IN_PROCESS: "#00838f",
    MemberStatus.CERTIFIED: "#2e7d32",
    MemberStatus.EXPIRING: "#e08600",
    MemberStatus.EXPIRED: "#c62828",
    MemberStatus.SUSPENDED: "#6a1b9a",
    MemberStatus.WITHDRAWN: "#616161",
}


def status_colour(status: MemberStatus) -> QColor:
    return QColor(_COLOURS[status])


@cache
def status_icon(status: MemberStatus) -> QIcon:
    """A filled dot in the status's colour, shown beside the status's word."""
    size = 12
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(status_colour(status))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
