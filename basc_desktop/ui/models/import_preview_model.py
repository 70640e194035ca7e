"""The first rows of a file being imported, each column headed by what it is read as."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from basc_desktop.domain.import_headers import FIELD_LABELS
from basc_desktop.reports.sheet_cells import column_letter
from basc_desktop.services.import_forms import ImportPreview
from basc_desktop.ui.text import translate

AnyIndex = QModelIndex | QPersistentModelIndex
IGNORED_COLOR = QColor("#8a8a8a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreviewModel", text)


class ImportPreviewModel(QAbstractTableModel):
    """Rows: the file's first data rows; columns: the file's columns, in its order."""

    def __init__(self, preview: ImportPreview | None = None) -> None:
        super().__init__()
        self._headers: tuple[str, ...] = ()
        self._rows: list[tuple[int, tuple[str, ...]]] = []
        self._mapping: dict[int, str] = {}
        if preview is not None:
            self.set_preview(preview)

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self._headers = preview.headers
        self._rows = [(row.number, row.cells) for row in preview.rows]
        self._mapping = dict(preview.mapping)
        self.endResetModel()

    def set_mapping(self, mapping: Mapping[int, str]) -> None:
        self._mapping = {column: key for column, key in mapping.items() if key}
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
            self.dataChanged.emit(
                self.index(0, 0), self.index(max(0, len(self._rows) - 1), len(self._headers) - 1)
            )

    def read_as(self, column: int) -> str:
        """What the column is read into, in words ("Tax ID"), or that it is left out."""
        key = self._mapping.get(column)
        return translate(FIELD_LABELS[key]) if key else _tr("(not imported)")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._headers):
            return None
        cells = self._rows[index.row()][1]
        text = cells[index.column()] if index.column() < len(cells) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole and index.column() not in self._mapping:
            return QBrush(IGNORED_COLOR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self._rows):
                return str(self._rows[section][0])
            return None
        if not 0 <= section < len(self._headers):
            return None
        header = self._headers[section] or column_letter(section)
        return f"{header}\n→ {self.read_as(section)}"
