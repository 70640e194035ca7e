"""The Members area: search and filter the register, sort it, page through it, see one
member's detail, and add, edit, archive, restore, delete and export members.

The filters and the order are kept in the preferences, so the list comes back as the
coordinator left it.  Every write is announced on the change hub; the list (and every
other screen that shows members) reloads itself.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError
from basc_desktop.services.access import visible_registry
from basc_desktop.services.member_forms import SORTABLE_COLUMNS, MemberQuery, MemberRow
from basc_desktop.services.members import count_members, get_member
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.dashboard_banner import ShownRecordsBanner, only
from basc_desktop.ui.areas.member_actions import MemberActions
from basc_desktop.ui.areas.member_detail import MemberDetailPanel
from basc_desktop.ui.areas.member_filters import ALL, CURRENT, MemberFilterBar, MemberFilters
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.member_editor import MemberEditor
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.members_model import COLUMN_INDEX, MembersModel
from basc_desktop.ui.search_box import search_as_typed
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import format_count

log = logging.getLogger(__name__)

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
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Search by name, tax ID or city (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = search_as_typed(self.search, self.apply_search)
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")
        self.filter_bar = MemberFilterBar(visible_registry(context.workspace))
        self.filter_bar.changed.connect(self.apply_filters)
        self._shown_ids: tuple[int, ...] = ()
        """Only these members (opened from the dashboard), or () for every one."""
        self.banner = ShownRecordsBanner()
        self.banner.cleared.connect(self._show_all)

        self.table = read_only_table(self.model, single_selection=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._restore_state()
        header.setSortIndicator(self.model.sort_column(), self._sort_order())
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(lambda *_: self._save_state())
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

        self.member_actions = MemberActions(self)
        selection.selectionChanged.connect(lambda *_: self.member_actions.update_enabled())

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.member_actions.toolbar)
        layout.addWidget(splitter, 1)

        self.model.counts_changed.connect(self._counts_changed)
        context.changes.subscribe(
            self, (changes.MEMBERS, changes.CERTIFICATES, changes.AUDITS), self._changed
        )
        self._loaded = False

    # --- loading --------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read again from the workspace (also after another database was opened)."""
        self._loaded = True
        current = self.current_member()
        self.detail.show_nothing()
        self._count_all()
        self.model.set_workspace(self.context.workspace)
        if current is not None and self.model.row_of(current.id) is not None:
            self.select_member(current.id)
        self.member_actions.update_enabled()

    def _changed(self) -> None:
        if self._loaded:  # else the first visit loads it
            self.reload()

    def query(self) -> MemberQuery:
        """What the list shows now: the search box and the filters, in the list's order."""
        base = replace(self.model.query, search=self.search.text().strip(), ids=self._shown_ids)
        return self.filter_bar.filters().apply(base)

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.model.set_search(self.search.text().strip())

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.model.set_query(self.query(), load=self._loaded)
        self._save_state()

    def show_records(self, ids: list[int], caption: str) -> None:
        """List exactly the members ``ids`` (from the dashboard) under a banner."""
        self._shown_ids = only(ids)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filter_bar.set_filters(MemberFilters(archived=ALL))
        self.banner.show_caption(caption, len(ids))
        self.model.set_query(self.query(), load=False)
        self.reload()

    def _show_all(self) -> None:
        self._shown_ids = ()
        self.filter_bar.set_filters(MemberFilters())
        self.apply_filters()

    # --- kept between sessions ------------------------------------------------------

    def _restore_state(self) -> None:
        saved = self.context.settings.preferences.member_filters
        filters = MemberFilters.from_dict(saved, self.context.workspace.chapters)
        self.filter_bar.set_filters(filters)
        order_by = saved.get("order_by")
        query = filters.apply(self.model.query)
        if isinstance(order_by, str) and order_by in SORTABLE_COLUMNS:
            query = replace(query, order_by=order_by, descending=saved.get("descending") is True)
        self.model.set_query(query, load=False)

    def _save_state(self) -> None:
        query = self.model.query
        state = {
            **self.filter_bar.filters().to_dict(),
            "order_by": query.order_by,
            "descending": query.descending,
        }
        settings = self.context.settings
        if settings.preferences.member_filters == state:
            return
        settings.preferences.member_filters = state
        try:
            settings.save()
        except OSError:
            log.warning("the members list's filters could not be saved", exc_info=True)

    def _sort_order(self) -> Qt.SortOrder:
        if self.model.query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    # --- selection ------------------------------------------------------------------

    def current_member(self) -> MemberRow | None:
        return self.model.member_at(self.table.currentIndex())

    def selected_members(self) -> list[MemberRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.member_at(self.model.index(row, 0)) for row in rows]
        return [row for row in found if row is not None]

    def select_member(self, member_id: int) -> bool:
        """Select ``member_id`` if it is among the loaded rows."""
        row = self.model.row_of(member_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def reveal_member(self, member_id: int) -> bool:
        """Select ``member_id``, loading more rows, or clearing the search and filters
        that hide it, as needed."""
        if not self._loaded:
            self.reload()
        if self.model.load_until(member_id) is not None:
            return self.select_member(member_id)
        try:
            member = get_member(self.context.workspace, member_id).row
        except BascError as error:
            show_error(self, error)
            return False
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._shown_ids = ()
        self.banner.setVisible(False)
        self.filter_bar.set_filters(
            MemberFilters(archived=ALL if member.archived_on is not None else CURRENT)
        )
        self.apply_filters()
        if self.model.load_until(member_id) is None:
            # Far down a very long list: find it by its tax ID instead.
            self.search.blockSignals(True)
            self.search.setText(member.tax_id)
            self.search.blockSignals(False)
            self.apply_search()
        return self.select_member(member_id)

    # --- the editor -----------------------------------------------------------------

    def new_member(self) -> MemberEditor:
        return self.open_editor(None)

    def edit_current(self) -> MemberEditor | None:
        chosen = self.selected_members()
        row = chosen[0] if len(chosen) == 1 else self.current_member()
        return self.open_editor(row.id) if row is not None else None

    def open_editor(self, member_id: int | None) -> MemberEditor:
        editor = MemberEditor(self.context, member_id, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open_member_requested.connect(self.reveal_member)
        editor.saved.connect(lambda row: self.reveal_member(row.id))
        editor.open()
        return editor

    # --- the rest -------------------------------------------------------------------

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
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
            self.detail.show_member(detail, self.context.workspace)
        except Exception as error:
            self.detail.show_nothing()
            show_error(self, error)
