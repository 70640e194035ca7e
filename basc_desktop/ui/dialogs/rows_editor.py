"""A small table of the member editor (contacts, other programs) with Add and Remove.

Cells are edited in place (double-click, F2 or just typing); a program is chosen in a
combo box and a date in a date editor; Delete empties the current cell.  The problems
the service finds are listed under the table, each naming its row, and the bad cells
are shown in red.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.vocabulary import RelatedProgram
from basc_desktop.ui.models.member_lists import RowsModel, error_lines, program_label, to_qdate
from basc_desktop.ui.text import DATE_FORMAT

ERROR_STYLE = "color: #c62828;"
AnyIndex = QModelIndex | QPersistentModelIndex


class ProgramsDelegate(QStyledItemDelegate):
    """The program as a combo box, the dates as date editors with a calendar."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today

    @staticmethod
    def _field(index: AnyIndex) -> str:
        model = index.model()
        if not isinstance(model, RowsModel):
            return ""
        return model.field_at(index) or ""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        field = self._field(index)
        if field == "program":
            combo = QComboBox(parent)
            combo.setObjectName("programChoice")
            for program in RelatedProgram:
                combo.addItem(program_label(program), program.value)
            return combo
        if field.startswith("valid_"):
            edit = QDateEdit(parent)
            edit.setObjectName("programDate")
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if value is not None else to_qdate(self.today))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date())
        else:
            super().setModelData(editor, model, index)


class RowsTable(QTableView):
    """The table itself: Delete empties the current cell instead of doing nothing."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
            and isinstance(model, RowsModel)
            and model.clear_cell(self.currentIndex())
        ):
            return
        super().keyPressEvent(event)


class RowsEditor(QWidget):
    """One list of the member: its table, Add and Remove, and its problems below."""

    edited = Signal()
    """A row was added, removed or changed."""

    def __init__(self, model: RowsModel[Any], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName(f"{model.list_name}Editor")
        self.table = RowsTable()
        self.table.setObjectName(f"{model.list_name}Table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"add_{model.list_name}")
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName(f"remove_{model.list_name}")
        self.remove_button.setEnabled(False)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the dialog means OK, never "add a row"
        self.errors = QLabel()
        self.errors.setObjectName(f"{model.list_name}Errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Double-click a cell to change it; Delete empties it."))
        hint.setStyleSheet("color: #5f6b7a;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        layout.addLayout(buttons)
        layout.addWidget(hint)

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        model.dataChanged.connect(self._data_changed)
        model.rowsInserted.connect(self.edited)
        model.rowsRemoved.connect(self.edited)

    def add_row(self) -> None:
        """Add a row and start typing in its first cell."""
        index = self.model.add_row()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        self.model.remove_rows(rows)
        self._selection_changed()

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Mark the bad cells of this list among the form's ``errors`` and list their
        messages, in row order, under the table; True if this list has any."""
        self.model.set_errors(errors)
        lines = error_lines(errors, self.model.list_name)
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        return bool(lines)

    def _data_changed(self, _first: QModelIndex, _last: QModelIndex, roles: list[int]) -> None:
        if roles != [Qt.ItemDataRole.ToolTipRole]:  # not our own error marks
            self.edited.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())
