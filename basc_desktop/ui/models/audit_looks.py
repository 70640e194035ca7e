"""How verdicts, audit states and corrective actions look: a word and a colour, never one alone."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from basc_desktop.domain.vocabulary import ActionState, AuditState, Verdict

VERDICT_KEYS: tuple[Verdict, ...] = (
    Verdict.CONFORMING,
    Verdict.MINOR,
    Verdict.MAJOR,
    Verdict.OBSERVATION,
    Verdict.NOT_APPLICABLE,
)
"""The verdict each key 1–5 of the checklist sets, in key order."""

_VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.CONFORMING: "#2e7d32",
    Verdict.MINOR: "#e08600",
    Verdict.MAJOR: "#c62828",
    Verdict.OBSERVATION: "#1565c0",
    Verdict.NOT_APPLICABLE: "#616161",
}

_AUDIT_STATE_COLOURS: dict[AuditState, str] = {
    AuditState.PLANNED: "#1565c0",
    AuditState.IN_PROGRESS: "#e08600",
    AuditState.REPORTED: "#2e7d32",
    AuditState.CLOSED: "#616161",
}

_ACTION_STATE_COLOURS: dict[ActionState, str] = {
    ActionState.OPEN: "#1565c0",
    ActionState.SUBMITTED: "#00838f",
    ActionState.VERIFIED: "#2e7d32",
    ActionState.CLOSED: "#616161",
}

OVERDUE_COLOUR = "#c62828"


def verdict_colour(verdict: Verdict) -> QColor:
    return QColor(_VERDICT_COLOURS[verdict])


def audit_state_colour(state: AuditState) -> QColor:
    return QColor(_AUDIT_STATE_COLOURS[state])


def action_state_colour(state: ActionState) -> QColor:
    return QColor(_ACTION_STATE_COLOURS[state])


def overdue_colour() -> QColor:
    return QColor(OVERDUE_COLOUR)


@cache
def dot_icon(colour: str) -> QIcon:
    """A filled dot in ``colour`` (a ``#rrggbb`` name), shown beside a word."""
    size = 12
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def verdict_icon(verdict: Verdict) -> QIcon:
    return dot_icon(_VERDICT_COLOURS[verdict])


def audit_state_icon(state: AuditState) -> QIcon:
    return dot_icon(_AUDIT_STATE_COLOURS[state])


def action_state_icon(state: ActionState) -> QIcon:
    return dot_icon(_ACTION_STATE_COLOURS[state])


def overdue_icon() -> QIcon:
    return dot_icon(OVERDUE_COLOUR)
