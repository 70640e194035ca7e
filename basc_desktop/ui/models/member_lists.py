"""The member editor's small editable tables: the company's contacts and its other programs.

Each model holds the rows as typed (:class:`ContactInput` / :class:`ProgramInput`), lets
every cell be edited in place, and shows the problems the service found in a cell
(keys like ``contacts[1].email``) in red, with the message as the cell's tooltip.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from basc_desktop.domain.vocabulary import RelatedProgram
from basc_desktop.services.member_forms import ContactInput, ProgramInput
from basc_desktop.ui.text import format_date, translate

AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row", ContactInput, ProgramInput)
ERROR_BACKGROUND = QColor("#fdecea")
ERROR_TEXT = QColor("#c62828")
_KEY = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of one list of the member editor, each cell editable in place."""

    list_name = ""
    """``contacts`` or ``programs``: the prefix of the service's error keys."""
    context = ""
    columns: tuple[tuple[str, str], ...] = ()
    """(field, header marked with QT_TRANSLATE_NOOP in ``context``)."""

    def __init__(self, rows: Iterable[Row] = ()) -> None:
        super().__init__()
        self._rows: list[Row] = list(rows)
        self._errors: dict[tuple[int, str], str] = {}

    # --- what the editor reads and writes ---------------------------------------------

    def rows(self) -> tuple[Row, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._errors = {}
        self.endResetModel()

    def add_row(self) -> QModelIndex:
        """Append an empty row; returns the index of its first cell."""
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(self.blank())
        self.endInsertRows()
        return self.index(position, 0)

    def remove_rows(self, positions: Iterable[int]) -> None:
        for position in sorted(set(positions), reverse=True):
            if 0 <= position < len(self._rows):
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()

    def clear_cell(self, index: AnyIndex) -> bool:
        """Empty one cell (the Delete key): a date becomes "not set", a text "".

        The program of a row cannot be emptied.
        """
        field = self.field_at(index)
        if field is None or field == "program":
            return False
        return self.setData(index, None if field.startswith("valid_") else "")

    def set_errors(self, errors: dict[str, str]) -> None:
        """Show these problems (service keys such as ``contacts[1].email``) in their cells."""
        found: dict[tuple[int, str], str] = {}
        for key, message in errors.items():
            match = _KEY.match(key)
            if match and match.group(1) == self.list_name:
                found[int(match.group(2)), match.group(3)] = message
        if found != self._errors:
            self._errors = found
            if self._rows:
                last = self.index(len(self._rows) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.ToolTipRole])

    def field_at(self, index: AnyIndex) -> str | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        return self.columns[index.column()][0]

    # --- what each kind of row says ---------------------------------------------------

    def blank(self) -> Row:
        raise NotImplementedError

    def text(self, row: Row, field: str) -> str:
        return str(getattr(row, field))

    def value(self, row: Row, field: str) -> Any:
        return getattr(row, field)

    # --- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        field = self.field_at(index)
        if field is None:
            return None
        row = self._rows[index.row()]
        problem = self._errors.get((index.row(), field))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, field)
        if role == Qt.ItemDataRole.EditRole:
            return self.value(row, field)
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and problem:
            return QBrush(ERROR_TEXT)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        field = self.field_at(index)
        if field is None or role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, QDate):
            value = to_date(value) if value.isValid() else None
        current = self._rows[index.row()]
        changed = dataclasses.replace(current, **{field: value})
        if changed == current:
            return True
        self._rows[index.row()] = changed
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate(self.context, self.columns[section][1])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if self.field_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class ContactsModel(RowsModel[ContactInput]):
    list_name = "contacts"
    context = "ContactsModel"
    columns = (
        ("name", str(QT_TRANSLATE_NOOP("ContactsModel", "Name"))),
        ("role", str(QT_TRANSLATE_NOOP("ContactsModel", "Role"))),
        ("email", str(QT_TRANSLATE_NOOP("ContactsModel", "E-mail"))),
        ("phone", str(QT_TRANSLATE_NOOP("ContactsModel", "Phone"))),
    )

    def blank(self) -> ContactInput:
        return ContactInput("")


class ProgramsModel(RowsModel[ProgramInput]):
    list_name = "programs"
    context = "ProgramsModel"
    columns = (
        ("program", str(QT_TRANSLATE_NOOP("ProgramsModel", "Program"))),
        ("identifier", str(QT_TRANSLATE_NOOP("ProgramsModel", "Identifier"))),
        ("authority", str(QT_TRANSLATE_NOOP("ProgramsModel", "Authority"))),
        ("valid_from", str(QT_TRANSLATE_NOOP("ProgramsModel", "Valid from"))),
        ("valid_until", str(QT_TRANSLATE_NOOP("ProgramsModel", "Valid until"))),
    )

    def blank(self) -> ProgramInput:
        """A new row names the first program the company does not list yet."""
        listed = {str(row.program) for row in self._rows}
        free = [p for p in RelatedProgram if p.value not in listed]
        return ProgramInput((free or list(RelatedProgram))[0])

    def text(self, row: ProgramInput, field: str) -> str:
        if field == "program":
            return program_label(row.program)
        if field.startswith("valid_"):
            return format_date(getattr(row, field))
        return str(getattr(row, field))

    def value(self, row: ProgramInput, field: str) -> Any:
        if field == "program":
            return str(row.program)
        if field.startswith("valid_"):
            found = getattr(row, field)
            return to_qdate(found) if found else None
        return str(getattr(row, field))


def program_label(program: RelatedProgram | str) -> str:
    try:
        return translate(RelatedProgram(program).label)
    except ValueError:
        return str(program)


def list_errors(errors: dict[str, str], list_name: str) -> dict[str, str]:
    """The problems of one list (``contacts`` / ``programs``) among all of the form's."""
    return {key: text for key, text in errors.items() if key.startswith(f"{list_name}[")}


def error_lines(errors: dict[str, str], list_name: str) -> Sequence[str]:
    """The list's messages in row order, each once (a row may have several)."""

    def order(key: str) -> tuple[int, str]:
        match = _KEY.match(key)
        return (int(match.group(2)), key) if match else (0, key)

    wanted = list_errors(errors, list_name)
    return list(dict.fromkeys(wanted[key] for key in sorted(wanted, key=order)))
