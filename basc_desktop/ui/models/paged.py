"""A table model over rows a service returns a page at a time, sorted by the database.

The members, audits and corrective-actions lists share it: a subclass names its columns, how
to count and find rows for a query (a frozen dataclass with ``offset``, ``limit``,
``order_by`` and ``descending``), and what each cell shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

PAGE_SIZE = 200

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The whole row (the service's dataclass) of the line."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The record's id."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
"""The raw value of the cell (a code, a date in ISO form), for sorting and filtering."""

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    """English source; translated in the model's ``CONTEXT``."""
    sort_by: str | None = None
    """The query's ``order_by`` this column sorts by; None: not sortable."""


class PagedModel(QAbstractTableModel):
    counts_changed = Signal(int, int)
    """(rows loaded, rows matching the query) after every load."""

    CONTEXT = "PagedModel"
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, query: Any, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._page_size = page_size
        self._query = replace(query, offset=0, limit=page_size)
        self._rows: list[Any] = []
        self._total = 0

    # --- what a subclass gives ------------------------------------------------------

    def count(self, query: Any) -> int:
        raise NotImplementedError

    def find(self, query: Any) -> list[Any]:
        raise NotImplementedError

    def cell(self, row: Any, key: str, role: int) -> Any:
        """What column ``key`` of ``row`` holds for ``role`` (display, colour, tooltip…)."""
        raise NotImplementedError

    # --- what the screen asks -------------------------------------------------------

    @property
    def query(self) -> Any:
        return self._query

    @property
    def total(self) -> int:
        """How many rows match the query (loaded or not)."""
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    def column_of(self, key: str) -> int:
        return next(n for n, column in enumerate(self.COLUMNS) if column.key == key)

    def set_query(self, query: Any) -> None:
        self._query = replace(query, offset=0, limit=self._page_size)
        self.reload()

    def reload(self, *, count: bool = True) -> None:
        """Count the matching rows and load the first page again.

        Not ``count``: keep the last count (the same rows in another order).
        """
        self.beginResetModel()
        try:
            if count:
                self._total = self.count(self._query)
            self._rows = self.find(self._page(0))
        finally:
            self.endResetModel()
        self.counts_changed.emit(len(self._rows), self._total)

    def row_at(self, index: AnyIndex) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, record_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == record_id:
                return number
        return None

    def rows(self) -> list[Any]:
        """The rows loaded so far, in order."""
        return list(self._rows)

    def _page(self, offset: int) -> Any:
        return replace(self._query, offset=offset, limit=self._page_size)

    # --- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.COLUMNS):
            return None
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return self.cell(row, self.COLUMNS[index.column()].key, role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section].title)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self.find(self._page(len(self._rows)))
        if not page:  # rows went away since the count
            self._total = len(self._rows)
        else:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.counts_changed.emit(len(self._rows), self._total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort through the service; columns without a database order are left alone."""
        if not 0 <= column < len(self.COLUMNS):
            return
        order_by = self.COLUMNS[column].sort_by
        if order_by is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (order_by, descending) != (self._query.order_by, self._query.descending):
            self.set_query(replace(self._query, order_by=order_by, descending=descending))

    def sort_column(self) -> int:
        for number, column in enumerate(self.COLUMNS):
            if column.sort_by == self._query.order_by:
                return number
        return 0
