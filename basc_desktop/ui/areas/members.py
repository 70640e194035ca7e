"""The members list: search, sort, scroll through pages, and see one member's detail.

A first version: editing, filters and archiving come with the full Members area.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members, get_member
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.member_detail import MemberDetailPanel
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.members_model import COLUMN_INDEX, COLUMNS, MembersModel
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import format_count

SEARCH_DELAY_MS = 250
"""Typing pauses this long before the list is searched again."""

COLUMN_WIDTHS = {
    "legal_name": 250,
    "status": 110,
    "expires_on": 90,
    "certificate": 160,
    "tax_id": 150,
    "next_audit_on": 90,
    "trade_name": 140,
    "country": 130,
    "chapter": 75,
    "business_type": 210,
}


class MembersArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = MembersModel(context.workspace)
        self._all_members = 0

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, tax ID or city (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self.apply_search)
        self.search_timer.timeout.connect(self.apply_search)
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")

        self.table = read_only_table(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)

        self.detail = MemberDetailPanel()
        self.detail.setMinimumWidth(300)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 320])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.model.counts_changed.connect(self._counts_changed)
        context.changes.subscribe(
            self, (changes.MEMBERS, changes.CERTIFICATES, changes.AUDITS), self._changed
        )
        self._loaded = False

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read again from the workspace (also after another database was opened)."""
        self._loaded = True
        self._count_all()
        self.model.set_workspace(self.context.workspace)

    def _changed(self) -> None:
        if self._loaded:  # else the first visit loads it
            self.reload()

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.model.set_search(self.search.text().strip())

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def select_member(self, member_id: int) -> bool:
        """Select ``member_id`` if it is among the loaded rows."""
        row = self.model.row_of(member_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def status_text(self) -> str:
        return self.tr("{shown} of {total} members").format(
            shown=format_count(self.model.total), total=format_count(self._all_members)
        )

    def _count_all(self) -> None:
        self._all_members = count_members(self.context.workspace, MemberQuery())

    def _counts_changed(self, _loaded: int, _matching: int) -> None:
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)

    def _sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if COLUMNS[column].sort_by is None:
            # Not sortable by the database (yet): put the indicator back.
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: QModelIndex
    ) -> None:
        row = self.model.member_at(current)
        if row is None:
            self.detail.show_nothing()
            return
        if row.id == self.detail.member_id:
            return
        try:
            detail = get_member(self.context.workspace, row.id)
        except Exception as error:
            self.detail.show_nothing()
            show_error(self, error)
            return
        self.detail.show_member(detail, self.context.workspace)
