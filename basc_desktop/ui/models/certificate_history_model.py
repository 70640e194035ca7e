"""A certificate's history as a Qt table model: date, event, reason and who recorded it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from basc_desktop.services.certificate_forms import CertificateEventLine
from basc_desktop.ui.models.certificates_model import certificate_event_label
from basc_desktop.ui.models.columns import ColumnsModel
from basc_desktop.ui.models.paged import ROW_ROLE, SORT_ROLE
from basc_desktop.ui.text import format_date

CONTEXT = "CertificateHistoryModel"
AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("on", str(QT_TRANSLATE_NOOP("CertificateHistoryModel", "Date"))),
    ("event", str(QT_TRANSLATE_NOOP("CertificateHistoryModel", "Event"))),
    ("who", str(QT_TRANSLATE_NOOP("CertificateHistoryModel", "Recorded by"))),
    ("reason", str(QT_TRANSLATE_NOOP("CertificateHistoryModel", "Reason"))),
)
"""The reason comes last: it takes the room left in a narrow detail panel."""
COLUMN_INDEX = {key: number for number, (key, _title) in enumerate(COLUMNS)}


def recorded_when(line: CertificateEventLine) -> str:
    """When the event was recorded, in the coordinator's local time."""
    at = line.recorded_at.astimezone() if line.recorded_at.tzinfo is not None else line.recorded_at
    return f"{format_date(at.date())} {at:%H:%M}"


class CertificateHistoryModel(ColumnsModel):
    """The events of one certificate, newest first."""

    CONTEXT = CONTEXT
    COLUMNS = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[CertificateEventLine] = []

    def set_events(self, events: Sequence[CertificateEventLine]) -> None:
        """``events`` oldest first, as the service gives them; shown newest first."""
        self.beginResetModel()
        self._lines = list(reversed(events))
        self.endResetModel()

    def lines(self) -> list[CertificateEventLine]:
        return list(self._lines)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        line = self._lines[index.row()]
        key = COLUMNS[index.column()][0]
        if role == ROW_ROLE:
            return line
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "reason" and line.reason:
                return line.reason
            if key == "who":
                return QCoreApplication.translate(CONTEXT, "Recorded on {when}").format(
                    when=recorded_when(line)
                )
        if role == SORT_ROLE:
            return line.on.isoformat() if key == "on" else self._display(line, key)
        return None

    @staticmethod
    def _display(line: CertificateEventLine, key: str) -> str:
        match key:
            case "on":
                return format_date(line.on)
            case "event":
                return certificate_event_label(line.kind)
            case "reason":
                return " ".join(line.reason.split())
            case "who":
                return line.recorded_by
        raise KeyError(key)
