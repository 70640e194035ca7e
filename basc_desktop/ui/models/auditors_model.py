"""The auditors, one line each: name, e-mail, chapter, active or retired, and audits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from basc_desktop.services.audit_forms import AuditorRow
from basc_desktop.ui.text import format_count

AnyIndex = QModelIndex | QPersistentModelIndex
AUDITOR_ROLE = Qt.ItemDataRole.UserRole + 1
RETIRED_COLOR = QColor("#757575")

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", str(QT_TRANSLATE_NOOP("AuditorsModel", "Name"))),
    ("email", str(QT_TRANSLATE_NOOP("AuditorsModel", "E-mail"))),
    ("chapter", str(QT_TRANSLATE_NOOP("AuditorsModel", "Chapter"))),
    ("active", str(QT_TRANSLATE_NOOP("AuditorsModel", "Status"))),
    ("audits", str(QT_TRANSLATE_NOOP("AuditorsModel", "Audits"))),
)
COLUMN_INDEX = {key: position for position, (key, _title) in enumerate(COLUMNS)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditorsModel", text)


def cell(row: AuditorRow, key: str) -> str:
    match key:
        case "name":
            return row.name
        case "email":
            return row.email
        case "chapter":
            return row.chapter_code or _tr("Any chapter")
        case "active":
            return _tr("Active") if row.active else _tr("Retired")
        case "audits":
            return format_count(row.audits)
    raise KeyError(key)


class AuditorsModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[AuditorRow] = ()) -> None:
        super().__init__()
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[AuditorRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def auditor_at(self, index: AnyIndex) -> AuditorRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, auditor_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == auditor_id:
                return position
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.auditor_at(index)
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(RETIRED_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "audits":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == AUDITOR_ROLE:
            return row
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section][1])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
