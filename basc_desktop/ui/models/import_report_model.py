"""The problems an import check found: row, column, header, kind and what is wrong."""

from __future__ import annotations

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

from basc_desktop.services.import_forms import ImportProblem, ImportReport
from basc_desktop.ui.text import message_text

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_COLOR = QColor("#a4262c")
NOTE_COLOR = QColor("#5f6b7a")

COLUMNS: tuple[tuple[str, str], ...] = (
    ("row", str(QT_TRANSLATE_NOOP("ImportReportModel", "Row"))),
    ("column", str(QT_TRANSLATE_NOOP("ImportReportModel", "Column"))),
    ("header", str(QT_TRANSLATE_NOOP("ImportReportModel", "Header"))),
    ("kind", str(QT_TRANSLATE_NOOP("ImportReportModel", "Kind"))),
    ("problem", str(QT_TRANSLATE_NOOP("ImportReportModel", "Problem"))),
)
COLUMN_INDEX = {key: position for position, (key, _title) in enumerate(COLUMNS)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportReportModel", text)


def cell(problem: ImportProblem, key: str) -> str:
    match key:
        case "row":
            return str(problem.row)
        case "column":
            return problem.column
        case "header":
            return problem.header
        case "kind":
            return _tr("Error") if problem.blocking else _tr("Note")
        case "problem":
            return message_text(problem.message)
    raise KeyError(key)


class ImportReportModel(QAbstractTableModel):
    def __init__(self, report: ImportReport | None = None) -> None:
        super().__init__()
        self._problems: list[ImportProblem] = []
        if report is not None:
            self.set_report(report)

    def set_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        self._problems = list(report.problems) if report is not None else []
        self.endResetModel()

    def problem(self, row: int) -> ImportProblem:
        return self._problems[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        problem = self._problems[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(problem, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "problem":
            return cell(problem, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ERROR_COLOR if problem.blocking else NOTE_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section][1])
        return None
