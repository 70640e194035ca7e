"""The members list as a Qt table model: rows from ``find_members``, a page at a time.

The model holds the plain :class:`MemberRow` values the service returned.  Sorting and
searching go back to the service (the database sorts and filters); the view asks for
more rows as it scrolls (``canFetchMore``/``fetchMore``).  The paging is
:class:`PagedModel`'s; a sort reads the page again but not the count.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery, MemberRow
from basc_desktop.services.members import count_members, find_members
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.paged import (
    ID_ROLE,
    PAGE_SIZE,
    ROW_ROLE,
    SORT_ROLE,
    AnyIndex,
    Column,
    PagedModel,
)
from basc_desktop.ui.models.status import status_colour, status_icon
from basc_desktop.ui.text import business_type_label, country_name, format_date, status_label

__all__ = [
    "COLUMNS",
    "COLUMN_INDEX",
    "ID_ROLE",
    "PAGE_SIZE",
    "ROW_ROLE",
    "SORT_ROLE",
    "Column",
    "MembersModel",
]

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


class MembersModel(PagedModel):
    """The members of a query; ``counts_changed`` gives (rows loaded, members matching)."""

    CONTEXT = "MembersModel"
    COLUMNS = COLUMNS

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(MemberQuery(), page_size=page_size)
        self._ws = workspace
        self._counted = False
        """``total`` was counted for the current query's rows (at the last reload)."""

    # --- what the screen asks -------------------------------------------------------

    @property
    def query(self) -> MemberQuery:
        query: MemberQuery = self._query
        return query

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
        """Count the matching members and load the first page again.

        Not ``count``: keep the count if it holds for these rows (another order of them).
        """
        super().reload(count=count or not self._counted)

    def member_at(self, index: AnyIndex) -> MemberRow | None:
        row: MemberRow | None = self.row_at(index)
        return row

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

    # --- what PagedModel asks -------------------------------------------------------

    def count(self, query: Any) -> int:
        """Count the members of ``query``; the count holds for its rows in any order."""
        self._counted = False
        total = count_members(self._ws, query)
        self._counted = True
        return total

    def find(self, query: Any) -> list[Any]:
        return find_members(self._ws, query)

    def cell(self, row: Any, key: str, role: int) -> Any:
        member: MemberRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(member, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "status" and member.status:
            return status_icon(member.status)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status" and member.status:
            return status_colour(member.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(member, key)
        if role == SORT_ROLE:
            return _raw(member, key)
        return None

    def _tooltip(self, row: MemberRow, key: str) -> str | None:
        if key == "chapter" and row.chapter_code in self._ws.chapters:
            return self._ws.chapters.get(row.chapter_code).name
        if key == "legal_name":
            return row.legal_name
        return None
