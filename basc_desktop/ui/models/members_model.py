"""The members list as a Qt table model: rows from ``find_members``, a page at a time.

The model holds the plain :class:`MemberRow` values the service returned.  Sorting and
searching go back to the service (the database sorts and filters); the view asks for
more rows as it scrolls (``canFetchMore``/``fetchMore``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery, MemberRow
from basc_desktop.services.members import count_members, find_members
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.status import status_colour, status_icon
from basc_desktop.ui.text import business_type_label, country_name, format_date, status_label

PAGE_SIZE = 200

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The whole :class:`MemberRow` of the line."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The member's id."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
"""The raw value of the cell (a code, a date in ISO form), for sorting and filtering."""

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    """English source; translated in the ``MembersModel`` context."""
    sort_by: str
    """The ``MemberQuery.order_by`` this column sorts by (the database sorts)."""


COLUMNS: tuple[Column, ...] = (
    Column("legal_name", str(QT_TRANSLATE_NOOP("MembersModel", "Legal name")), "legal_name"),
    Column("status", str(QT_TRANSLATE_NOOP("MembersModel", "Status")), "status"),
    Column("expires_on", str(QT_TRANSLATE_NOOP("MembersModel", "Expires")), "expires_on"),
    Column(
        "certificate",
        str(QT_TRANSLATE_NOOP("MembersModel", "Certificate")),
        "certificate_code",
    ),
    Column("tax_id", str(QT_TRANSLATE_NOOP("MembersModel", "Tax ID")), "tax_id"),
    Column("next_audit_on", str(QT_TRANSLATE_NOOP("MembersModel", "Next audit")), "next_audit_on"),
    Column("trade_name", str(QT_TRANSLATE_NOOP("MembersModel", "Trade name")), "trade_name"),
    Column("country", str(QT_TRANSLATE_NOOP("MembersModel", "Country")), "country"),
    Column("chapter", str(QT_TRANSLATE_NOOP("MembersModel", "Chapter")), "chapter_code"),
    Column(
        "business_type",
        str(QT_TRANSLATE_NOOP("MembersModel", "Business type")),
        "business_type",
    ),
)
assert all(c.sort_by in SORTABLE_COLUMNS for c in COLUMNS), "every column sorts in the database"

"""What a coordinator looks at first comes first: who, and how their certificate stands."""

COLUMN_INDEX = {column.key: number for number, column in enumerate(COLUMNS)}


def _display(row: MemberRow, key: str) -> str:
    match key:
        case "legal_name":
            return row.legal_name
        case "trade_name":
            return row.trade_name
        case "tax_id":
            return row.tax_id
        case "country":
            return country_name(row.country)
        case "chapter":
            return row.chapter_code
        case "business_type":
            return business_type_label(row.business_type)
        case "status":
            return status_label(row.status)
        case "certificate":
            return row.certificate_code or ""
        case "expires_on":
            return format_date(row.expires_on)
        case "next_audit_on":
            return format_date(row.next_audit_on)
    raise KeyError(key)


def _raw(row: MemberRow, key: str) -> str:
    match key:
        case "country" | "business_type" | "tax_id" | "legal_name" | "trade_name":
            return str(getattr(row, key))
        case "chapter":
            return row.chapter_code
        case "status":
            return row.status.value if row.status else ""
        case "certificate":
            return row.certificate_code or ""
        case "expires_on" | "next_audit_on":
            value = getattr(row, key)
            return value.isoformat() if value else ""
    raise KeyError(key)


def _unordered(query: MemberQuery) -> MemberQuery:
    """``query`` without its order: which rows, not how they are sorted."""
    return replace(query, order_by="legal_name", descending=False)


class MembersModel(QAbstractTableModel):
    counts_changed = Signal(int, int)
    """(rows loaded, members matching the query) after every load."""

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._ws = workspace
        self._page_size = page_size
        self._query = MemberQuery(limit=page_size)
        self._rows: list[MemberRow] = []
        self._total = 0
        self._counted = False
        """``_total`` was counted for the current query (at the last reload)."""

    # --- what the screen asks -------------------------------------------------------

    @property
    def query(self) -> MemberQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many members match the query (loaded or not)."""
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    def set_workspace(self, workspace: Workspace) -> None:
        self._ws = workspace
        self.reload()

    def set_query(self, query: MemberQuery, *, load: bool = True) -> None:
        """Show ``query`` from its first page (later, at the next ``reload``, if not ``load``)."""
        previous = self._query
        self._query = replace(query, offset=0, limit=self._page_size)
        if _unordered(previous) != _unordered(self._query):
            self._counted = False
        if load:
            # Another order of the same rows: their count is known, only the page is read.
            self.reload(count=not self._counted)

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self.set_query(replace(self._query, search=text))

    def reload(self, *, count: bool = True) -> None:
        """Count the matching members (unless not ``count``) and load the first page again."""
        self.beginResetModel()
        try:
            if count or not self._counted:
                self._counted = False
                self._total = count_members(self._ws, self._query)
                self._counted = True
            self._rows = find_members(self._ws, self._page(0))
        finally:
            self.endResetModel()
        self.counts_changed.emit(len(self._rows), self._total)

    def member_at(self, index: AnyIndex) -> MemberRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, member_id: int) -> int | None:
        """The line of ``member_id`` among the loaded rows, if loaded."""
        for number, row in enumerate(self._rows):
            if row.id == member_id:
                return number
        return None

    def load_until(self, member_id: int, *, max_rows: int = 5000) -> int | None:
        """Fetch pages until ``member_id`` is loaded (or ``max_rows`` are); its line."""
        found = self.row_of(member_id)
        while found is None and self.canFetchMore() and len(self._rows) < max_rows:
            first = len(self._rows)
            self.fetchMore()
            found = next(
                (n for n in range(first, len(self._rows)) if self._rows[n].id == member_id),
                None,
            )
        return found

    def _page(self, offset: int) -> MemberQuery:
        return replace(self._query, offset=offset, limit=self._page_size)

    # --- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.member_at(index)
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "status" and row.status:
            return status_icon(row.status)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status" and row.status:
            return status_colour(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return _raw(row, key)
        return None

    def _tooltip(self, row: MemberRow, key: str) -> str | None:
        if key == "chapter" and row.chapter_code in self._ws.chapters:
            return self._ws.chapters.get(row.chapter_code).name
        if key == "legal_name":
            return row.legal_name
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("MembersModel", column.title)
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
        page = find_members(self._ws, self._page(len(self._rows)))
        if not page:  # members were archived or removed since the count
            self._total = len(self._rows)
        else:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.counts_changed.emit(len(self._rows), self._total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort through the service: the database orders the rows, then pages them."""
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        order_by = COLUMNS[column].sort_by
        if (order_by, descending) != (self._query.order_by, self._query.descending):
            self.set_query(replace(self._query, order_by=order_by, descending=descending))

    def sort_column(self) -> int:
        for number, column in enumerate(COLUMNS):
            if column.sort_by == self._query.order_by:
                return number
        return 0
