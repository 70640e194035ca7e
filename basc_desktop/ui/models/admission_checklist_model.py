"""One application's checklist of documents as a Qt table model.

A line per document of the chapter's admission checklist: its title, its state (received
with the date, missing, not applicable) and the attached copy.  The state column can be
edited in place when the application is still open: the model does not save, it asks
through ``state_requested`` and the screen saves through the service, then hands the
saved lines back with :meth:`set_lines`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from basc_desktop.domain.vocabulary import DocumentState
from basc_desktop.services.admission_forms import DocumentLine
from basc_desktop.ui.models.applications_model import (
    document_state_colour,
    document_state_icon,
    document_state_text,
)
from basc_desktop.ui.models.columns import ColumnsModel
from basc_desktop.ui.models.paged import ID_ROLE, ROW_ROLE, SORT_ROLE, AnyIndex
from basc_desktop.ui.text import format_date

CONTEXT = "AdmissionChecklistModel"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", str(QT_TRANSLATE_NOOP("AdmissionChecklistModel", "Document"))),
    ("state", str(QT_TRANSLATE_NOOP("AdmissionChecklistModel", "State"))),
    ("file", str(QT_TRANSLATE_NOOP("AdmissionChecklistModel", "Attached file"))),
)
COLUMN_INDEX = {key: number for number, (key, _title) in enumerate(COLUMNS)}
STATE_COLUMN = COLUMN_INDEX["state"]
GREY = "#616161"


def progress_text(received: int, required: int) -> str:
    """ "11 of 14 documents", in the UI language."""
    return QCoreApplication.translate(CONTEXT, "{received} of {required} documents").format(
        received=received, required=required
    )


def state_text(line: DocumentLine) -> str:
    """ "Received 12/06/2026", "Missing" or "Not applicable"."""
    word = document_state_text(line.state)
    if line.state == DocumentState.RECEIVED and line.received_on is not None:
        return f"{word} {format_date(line.received_on)}"
    return word


class AdmissionChecklistModel(ColumnsModel):
    CONTEXT = CONTEXT
    COLUMNS = COLUMNS
    progress_changed = Signal(int, int)
    """(received, required) after every change; required leaves out "not applicable"."""
    state_requested = Signal(str, str)
    """(document id, DocumentState value) chosen in place; the screen saves it."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[DocumentLine] = []
        self._editable = False

    # --- what the screen asks -------------------------------------------------------

    def set_lines(self, lines: list[DocumentLine] | tuple[DocumentLine, ...]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()
        self.progress_changed.emit(*self.progress())

    def set_editable(self, editable: bool) -> None:
        """Open applications can be changed; admitted and rejected ones cannot."""
        self._editable = editable

    @property
    def editable(self) -> bool:
        return self._editable

    def lines(self) -> list[DocumentLine]:
        return list(self._lines)

    def line_at(self, index: AnyIndex | int) -> DocumentLine | None:
        if not isinstance(index, int):
            if not index.isValid():
                return None
            index = index.row()
        return self._lines[index] if 0 <= index < len(self._lines) else None

    def row_of(self, document_id: str) -> int | None:
        for row, line in enumerate(self._lines):
            if line.document_id == document_id:
                return row
        return None

    def progress(self) -> tuple[int, int]:
        required = [line for line in self._lines if line.state != DocumentState.NOT_APPLICABLE]
        received = sum(1 for line in required if line.state == DocumentState.RECEIVED)
        return received, len(required)

    # --- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index)
        if line is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(line, key)
        if role == Qt.ItemDataRole.EditRole and key == "state":
            return line.state.value
        if key == "state" and role == Qt.ItemDataRole.DecorationRole:
            return document_state_icon(line.state)
        if key == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return document_state_colour(line.state)
        if key == "title" and role == Qt.ItemDataRole.ForegroundRole and not line.applies:
            return QColor(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, key)
        if role == ROW_ROLE:
            return line
        if role == ID_ROLE:
            return line.document_id
        if role == SORT_ROLE:
            return line.state.value if key == "state" else _display(line, key)
        return None

    def _tooltip(self, line: DocumentLine, key: str) -> str | None:
        if key == "title":
            if not line.applies:
                return QCoreApplication.translate(
                    CONTEXT, "The chapter does not ask this document of this business type."
                )
            return line.title
        if key == "file" and line.has_attachment:
            return f"{line.file_name}\nSHA-256 {line.file_sha256}"
        if key == "state" and line.note:
            return line.note
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask for the document's new state (the screen saves it and reloads the lines)."""
        line = self.line_at(index)
        if line is None or role != Qt.ItemDataRole.EditRole or not self._editable:
            return False
        if index.column() != STATE_COLUMN:
            return False
        try:
            state = DocumentState(str(value))
        except ValueError:
            return False
        if state != line.state:
            self.state_requested.emit(line.document_id, state.value)
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = super().flags(index)
        if self._editable and index.column() == STATE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


def _display(line: DocumentLine, key: str) -> str:
    match key:
        case "title":
            return line.title
        case "state":
            return state_text(line)
        case "file":
            return line.file_name
    raise KeyError(key)
