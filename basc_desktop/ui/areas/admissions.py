"""The Admissions area: the applications with their filters and checklist, and the deadlines.

The Applications tab lists every application (filters: state, chapter, a search,
"audit deadline within N days"), with the selected one's checklist of documents under
the list.  The Deadlines tab lists the companies in process whose deadline for the
certification audit is near or past, overdue ones in red; double-clicking one shows its
application.  The toolbar, the context menu and the shortcuts come from
:class:`AdmissionCommands`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.access import visible_registry
from basc_desktop.services.admission_forms import ApplicationQuery, ApplicationRow
from basc_desktop.services.admissions import count_applications, deadlines
from basc_desktop.ui import changes
from basc_desktop.ui.areas.admission_commands import AdmissionCommands
from basc_desktop.ui.areas.admission_detail import AdmissionDetailPanel
from basc_desktop.ui.areas.admission_filters import DEFAULT_DEADLINE_DAYS, AdmissionFilterBar
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.applications_model import ApplicationsModel
from basc_desktop.ui.models.deadlines_model import COLUMN_INDEX as DEADLINE_COLUMNS
from basc_desktop.ui.models.deadlines_model import DeadlinesModel
from basc_desktop.ui.tables import read_only_table, select_record
from basc_desktop.ui.text import format_count

COLUMN_WIDTHS = {
    "company": 230,
    "tax_id": 120,
    "chapter": 70,
    "business_type": 170,
    "opened_on": 85,
    "documents": 80,
    "state": 170,
    "committee_on": 85,
    "decision": 150,
    "audit_deadline": 100,
}


class AdmissionsArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ApplicationsModel(context.workspace)
        self._all_applications = 0
        self.filters = AdmissionFilterBar(visible_registry(context.workspace))
        self.count_label = QLabel()
        self.count_label.setObjectName("applicationCount")

        self.table = read_only_table(self.model)
        self.table.setObjectName("applicationsTable")
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_of(key), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.detail = AdmissionDetailPanel(context)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        applications = QWidget()
        page = QVBoxLayout(applications)
        page.setContentsMargins(0, 6, 0, 0)
        page.addWidget(self.filters)
        page.addWidget(splitter, 1)

        self.deadlines_model = DeadlinesModel()
        self.deadlines_table = read_only_table(self.deadlines_model)
        self.deadlines_table.setObjectName("deadlinesTable")
        for key, width in (("company", 260), ("tax_id", 130), ("days_left", 170)):
            self.deadlines_table.horizontalHeader().resizeSection(DEADLINE_COLUMNS[key], width)
        self.deadlines_table.horizontalHeader().setStretchLastSection(True)
        self.deadline_days = QSpinBox()
        self.deadline_days.setObjectName("deadlineWindow")
        self.deadline_days.setRange(0, 3650)
        self.deadline_days.setValue(DEFAULT_DEADLINE_DAYS)
        self.deadline_days.setSuffix(self.tr(" days"))
        self.deadline_summary = QLabel()
        self.deadline_summary.setObjectName("deadlineSummary")
        window = QHBoxLayout()
        window.addWidget(QLabel(self.tr("Deadline past or within")))
        window.addWidget(self.deadline_days)
        window.addStretch(1)
        window.addWidget(self.deadline_summary)
        deadlines_page = QWidget()
        deadline_layout = QVBoxLayout(deadlines_page)
        deadline_layout.setContentsMargins(0, 6, 0, 0)
        deadline_layout.addLayout(window)
        deadline_layout.addWidget(self.deadlines_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(applications, self.tr("&Applications"))
        self.tabs.addTab(deadlines_page, self.tr("D&eadlines"))

        self.commands = AdmissionCommands(self)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.commands.new_action)
        self.toolbar.addAction(self.commands.committee_action)
        self.toolbar.addAction(self.commands.decide_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.commands.welcome_action)
        self.toolbar.addAction(self.commands.minutes_action)
        self.toolbar.addAction(self.commands.history_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.commands.refresh_action)
        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.filters.changed.connect(self.apply_filters)
        self.model.counts_changed.connect(self._counts_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail.saved.connect(self._documents_saved)
        self.deadline_days.valueChanged.connect(self.reload_deadlines)
        self.deadlines_table.doubleClicked.connect(self._deadline_chosen)
        context.changes.subscribe(self, (changes.ADMISSIONS, changes.MEMBERS), self._changed)
        self.commands.update(None)
        self._workspace = context.workspace
        self._loaded = False

    # --- loading --------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read again from the workspace (also after another database was opened)."""
        self._loaded = True
        ws = self.context.workspace
        if ws is not self._workspace:  # another database: its ids mean other applications
            self._workspace = ws
            self.detail.show_nothing()
        self.model.set_workspace(ws, reload=False)
        self._all_applications = count_applications(ws, ApplicationQuery())
        self.apply_filters()
        self.reload_deadlines()

    def _changed(self) -> None:
        if self._loaded:
            self.reload()

    def apply_filters(self) -> None:
        """List what the filters ask for; the application shown stays if still listed."""
        shown = self.detail.application_id
        self.model.set_query(self.filters.apply(self.model.query))
        if shown is not None and self.select_application(shown):
            return  # selecting it showed it again, as saved now
        self._current_changed(self.table.currentIndex(), QModelIndex())

    def reload_deadlines(self) -> None:
        rows = deadlines(self.context.workspace, within_days=self.deadline_days.value())
        self.deadlines_model.set_rows(rows)
        self.deadline_summary.setText(
            self.tr("{count} companies, {overdue} overdue").format(
                count=format_count(len(rows)), overdue=format_count(self.deadlines_model.overdue())
            )
        )

    def focus_search(self) -> bool:
        self.tabs.setCurrentIndex(0)
        self.filters.focus_search()
        return True

    def show_deadlines(self) -> None:
        self.tabs.setCurrentIndex(1)

    # --- selection ------------------------------------------------------------------

    def current_application(self) -> ApplicationRow | None:
        return self.model.application_at(self.table.currentIndex())

    def select_application(self, application_id: int) -> bool:
        """Select ``application_id`` if it is in the list (loading further pages to find it)."""
        return select_record(self.table, self.model, application_id)

    def reveal_application(self, application_id: int) -> bool:
        """Select ``application_id``, clearing the filters that hide it if need be."""
        self.tabs.setCurrentIndex(0)
        if self.select_application(application_id):
            return True
        self.filters.clear()
        return self.select_application(application_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        application = self.model.application_at(current)
        self.commands.update(application)
        if application is None:
            self.detail.show_nothing()
            return
        try:
            self.detail.show_application(application.id)
        except Exception as error:
            self.detail.show_nothing()
            show_error(self, error)

    def _documents_saved(self, _application_id: int) -> None:
        self.context.changes.announce(changes.ADMISSIONS, changes.MEMBERS)

    def _deadline_chosen(self, index: QModelIndex) -> None:
        row = self.deadlines_model.row_at(index)
        if row is not None:
            self.reveal_application(row.application_id)
            self.table.setFocus()

    # --- menus ----------------------------------------------------------------------

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        for action in (
            self.commands.decide_action,
            self.commands.welcome_action,
            self.commands.minutes_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.commands.committee_action)
        menu.addAction(self.commands.new_action)
        menu.addSeparator()
        menu.addAction(self.commands.refresh_action)
        return menu

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        return self.tr("{shown} of {total} applications").format(
            shown=format_count(self.model.total), total=format_count(self._all_applications)
        )

    def _counts_changed(self, _loaded: int, _matching: int) -> None:
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)

    @property
    def deadlines_view(self) -> QTableView:
        return self.deadlines_table
