"""One audit's checklist as a Qt table model: a line per requirement, grouped by section.

The lines come from ``checklist`` in the service's order (section by section).  The
section's name shows on the first line of each group.  "Only unjudged" narrows the
lines to those without a verdict *when it is switched on*: a line judged afterwards
stays in sight until the filter is applied again, so the cursor never jumps.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from basc_desktop.domain.vocabulary import Verdict
from basc_desktop.services.audit_forms import ChecklistLine
from basc_desktop.ui.models.audit_looks import verdict_colour, verdict_icon
from basc_desktop.ui.models.columns import ColumnsModel
from basc_desktop.ui.models.paged import ID_ROLE, ROW_ROLE, SORT_ROLE, AnyIndex
from basc_desktop.ui.text import verdict_label

CONTEXT = "ChecklistModel"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("section", str(QT_TRANSLATE_NOOP("ChecklistModel", "Section"))),
    ("code", str(QT_TRANSLATE_NOOP("ChecklistModel", "Code"))),
    ("title", str(QT_TRANSLATE_NOOP("ChecklistModel", "Requirement"))),
    ("verdict", str(QT_TRANSLATE_NOOP("ChecklistModel", "Verdict"))),
    ("evidence", str(QT_TRANSLATE_NOOP("ChecklistModel", "Evidence"))),
)
COLUMN_INDEX = {key: number for number, (key, _title) in enumerate(COLUMNS)}


class ChecklistModel(ColumnsModel):
    CONTEXT = CONTEXT
    COLUMNS = COLUMNS
    progress_changed = Signal(int, int)
    """(judged, total) of the whole checklist, after every change."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[ChecklistLine] = []
        self._shown: list[int] = []
        """Positions in ``_lines`` of the lines on view, in order."""
        self._only_unjudged = False

    # --- what the screen asks -------------------------------------------------------

    def set_lines(self, lines: list[ChecklistLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._shown = self._filtered()
        self.endResetModel()
        self._emit_progress()

    def set_only_unjudged(self, only: bool) -> None:
        self.beginResetModel()
        self._only_unjudged = only
        self._shown = self._filtered()
        self.endResetModel()

    @property
    def only_unjudged(self) -> bool:
        return self._only_unjudged

    def progress(self) -> tuple[int, int]:
        judged = sum(1 for line in self._lines if line.verdict is not None)
        return judged, len(self._lines)

    def line_at(self, index: AnyIndex | int) -> ChecklistLine | None:
        row = index if isinstance(index, int) else index.row()
        if isinstance(index, QModelIndex | QPersistentModelIndex) and not index.isValid():
            return None
        if not 0 <= row < len(self._shown):
            return None
        return self._lines[self._shown[row]]

    def row_of(self, finding_id: int) -> int | None:
        for row, position in enumerate(self._shown):
            if self._lines[position].finding_id == finding_id:
                return row
        return None

    def lines(self) -> list[ChecklistLine]:
        """Every line of the checklist (shown or not), in order."""
        return list(self._lines)

    def replace_line(self, line: ChecklistLine) -> None:
        """Put the saved ``line`` in place of the line of the same finding."""
        for position, old in enumerate(self._lines):
            if old.finding_id == line.finding_id:
                self._lines[position] = line
                break
        else:
            return
        row = self.row_of(line.finding_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self._emit_progress()

    def set_verdict_locally(self, finding_id: int, verdict: Verdict | None) -> None:
        row = self.row_of(finding_id)
        if row is None:
            return
        self.replace_line(replace(self._lines[self._shown[row]], verdict=verdict))

    def _filtered(self) -> list[int]:
        return [
            position
            for position, line in enumerate(self._lines)
            if not self._only_unjudged or line.verdict is None
        ]

    def _emit_progress(self) -> None:
        self.progress_changed.emit(*self.progress())

    # --- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def _first_of_section(self, row: int) -> bool:
        if row == 0:
            return True
        return self._lines[self._shown[row - 1]].section != self._lines[self._shown[row]].section

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index)
        if line is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "section":
                return line.section if self._first_of_section(index.row()) else ""
            return _display(line, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("section", "title", "evidence"):
            return getattr(line, key) or None
        if role == Qt.ItemDataRole.FontRole and key == "section":
            font = QFont()
            font.setBold(True)
            return font
        if key == "verdict" and line.verdict is not None:
            if role == Qt.ItemDataRole.DecorationRole:
                return verdict_icon(line.verdict)
            if role == Qt.ItemDataRole.ForegroundRole:
                return verdict_colour(line.verdict)
        if role == ROW_ROLE:
            return line
        if role == ID_ROLE:
            return line.finding_id
        if role == SORT_ROLE:
            if key == "verdict":
                return line.verdict.value if line.verdict else ""
            return _display(line, key) if key != "section" else line.section
        return None


def _display(line: ChecklistLine, key: str) -> str:
    match key:
        case "code":
            return line.requirement_code
        case "title":
            return line.title
        case "verdict":
            return verdict_label(line.verdict) if line.verdict else ""
        case "evidence":
            return line.evidence.splitlines()[0] if line.evidence else ""
    raise KeyError(key)
