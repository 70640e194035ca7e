"""The Audits area: the list of audits with its filters, and the month view beside it.

The toolbar, the context menu and the shortcuts come from :class:`AuditCommands`.
Clicking a day of the month view narrows the list to that month and selects the
day's first audit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.access import visible_registry
from basc_desktop.services.audit_forms import AuditRow
from basc_desktop.services.auditors import auditors
from basc_desktop.ui import changes
from basc_desktop.ui.areas.audit_calendar import AuditCalendar
from basc_desktop.ui.areas.audit_commands import AuditCommands
from basc_desktop.ui.areas.audit_filters import AuditFilterBar
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.dashboard_banner import ShownRecordsBanner, only
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.audits_model import AuditsModel
from basc_desktop.ui.tables import read_only_table, select_record
from basc_desktop.ui.text import format_count

COLUMN_WIDTHS = {
    "planned_on": 90,
    "company": 230,
    "kind": 120,
    "state": 110,
    "progress": 130,
    "standard": 70,
    "lead_auditor": 160,
    "chapter": 75,
}


class AuditsArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = AuditsModel(context.workspace)
        self.filters = AuditFilterBar(
            visible_registry(context.workspace), context.workspace.today()
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self._shown_ids: tuple[int, ...] = ()
        """Only these audits (opened from the dashboard), or () for every one."""
        self.banner = ShownRecordsBanner()
        self.banner.cleared.connect(self._show_all)

        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_of(key), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.calendar = AuditCalendar(context.workspace)
        self.calendar.setMinimumWidth(300)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.calendar)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 320])
        splitter.setChildrenCollapsible(False)

        self.commands = AuditCommands(self)
        # Enter opens the checklist from the list only (the search box keeps its Enter).
        self.removeAction(self.commands.checklist_action)
        self.table.addAction(self.commands.checklist_action)
        self.commands.checklist_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.commands.plan_action)
        self.toolbar.addAction(self.commands.auditors_action)
        self.toolbar.addSeparator()
        for action in self.commands.audit_actions:
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.commands.excel_action)

        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

        self.filters.changed.connect(self.apply_filters)
        self.model.counts_changed.connect(self._counts_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _index: self.commands.open_checklist())
        self.calendar.day_chosen.connect(self._day_chosen)
        self.calendar.audit_chosen.connect(self._audit_chosen)
        context.changes.subscribe(self, (changes.AUDITS, changes.MEMBERS), self._changed)
        self.commands.update(None)
        self._loaded = False

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read again from the workspace (also after another database was opened)."""
        self._loaded = True
        ws = self.context.workspace
        self.model.set_workspace(ws, reload=False)
        self.calendar.set_workspace(ws)
        self.filters.set_auditors(auditors(ws))
        self.apply_filters()

    def _changed(self) -> None:
        if self._loaded:
            current = self.current_audit()
            self.reload()
            if current is not None:
                self.select_audit(current.id)

    def apply_filters(self) -> None:
        query = replace(self.filters.apply(self.model.query), ids=self._shown_ids)
        self.model.set_query(query)
        self.calendar.set_chapters(query.chapters)
        self.calendar.reload()
        self.commands.update(self.current_audit())

    def show_records(self, ids: list[int], caption: str) -> None:
        """List exactly the audits ``ids`` (from the dashboard) under a banner."""
        bar = self.filters
        bar.blockSignals(True)
        try:
            bar.search.clear()
            bar.search_timer.stop()
            bar.by_month.setChecked(False)
            for combo in (bar.chapter, bar.state, bar.kind, bar.auditor):
                combo.setCurrentIndex(0)
        finally:
            bar.blockSignals(False)
        self._shown_ids = only(ids)
        self.banner.show_caption(caption, len(ids))
        self.reload()

    def _show_all(self) -> None:
        self._shown_ids = ()
        self.apply_filters()

    def focus_search(self) -> bool:
        self.filters.focus_search()
        return True

    # --- selection ------------------------------------------------------------------

    def current_audit(self) -> AuditRow | None:
        return self.model.audit_at(self.table.currentIndex())

    def select_audit(self, audit_id: int) -> bool:
        """Select ``audit_id`` if it is in the list (loading further pages to find it)."""
        return select_record(self.table, self.model, audit_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.commands.update(self.model.audit_at(current))

    def _day_chosen(self, day: date) -> None:
        if self.filters.chosen_month() != day.replace(day=1):
            self.filters.set_month(day.replace(day=1))
        audits = self.calendar.audits_on(day)
        if audits:
            self.select_audit(audits[0].id)

    def _audit_chosen(self, audit_id: int) -> None:
        if self.select_audit(audit_id):
            self.table.setFocus()

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.commands.checklist_action)
        menu.addSeparator()
        for action in (
            self.commands.start_action,
            self.commands.report_action,
            self.commands.close_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.commands.export_action)
        menu.addAction(self.commands.change_action)
        menu.addAction(self.commands.plan_action)
        return menu

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        return self.tr("{count} audits").format(count=format_count(self.model.total))

    def _counts_changed(self, _loaded: int, _matching: int) -> None:
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)
