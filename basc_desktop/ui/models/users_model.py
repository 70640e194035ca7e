"""The people set up in the database, one line each: login, name, chapters, status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from basc_desktop.services.users import UserRow
from basc_desktop.ui.models.columns import ColumnsModel
from basc_desktop.ui.models.paged import AnyIndex

REMOVED_COLOR = QColor("#757575")
EVERY_CHAPTER = str(QT_TRANSLATE_NOOP("UsersModel", "Every chapter (administrator)"))
ACTIVE = str(QT_TRANSLATE_NOOP("UsersModel", "Active"))
REMOVED = str(QT_TRANSLATE_NOOP("UsersModel", "Removed"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("UsersModel", text)


def cell(row: UserRow, key: str) -> str:
    match key:
        case "login":
            return row.login
        case "name":
            return row.display_name
        case "chapters":
            return _tr(EVERY_CHAPTER) if row.is_admin else ", ".join(row.chapters)
        case "active":
            return _tr(ACTIVE if row.active else REMOVED)
    raise KeyError(key)


class UsersModel(ColumnsModel):
    CONTEXT: ClassVar[str] = "UsersModel"
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("login", str(QT_TRANSLATE_NOOP("UsersModel", "Login"))),
        ("name", str(QT_TRANSLATE_NOOP("UsersModel", "Name"))),
        ("chapters", str(QT_TRANSLATE_NOOP("UsersModel", "Chapters"))),
        ("active", str(QT_TRANSLATE_NOOP("UsersModel", "Status"))),
    )

    def __init__(self, rows: Sequence[UserRow] = ()) -> None:
        super().__init__()
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[UserRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def user_at(self, index: AnyIndex) -> UserRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, login: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.login == login:
                return position
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.user_at(index)
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell(row, self.COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(REMOVED_COLOR)
        return None
