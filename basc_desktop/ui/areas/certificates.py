"""The Certificates area: the register with its filters, one certificate's detail and
history, and the actions of :class:`CertificateCommands` in a toolbar and a context menu.

The status bar reads "12 of 340 certificates".  Every write is announced, so the
Members list (which shows each member's certificate) follows.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from basc_desktop.services.certificate_forms import CertificateQuery, CertificateRow
from basc_desktop.services.certificates import count_certificates, get_certificate
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.certificate_commands import CertificateCommands
from basc_desktop.ui.areas.certificate_detail import CertificateDetailPanel
from basc_desktop.ui.areas.certificate_filters import CertificateFilterBar
from basc_desktop.ui.areas.dashboard_banner import ShownRecordsBanner, only
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.excel_export import export_to_excel
from basc_desktop.ui.models.certificates_model import CertificatesModel
from basc_desktop.ui.tables import read_only_table, select_record
from basc_desktop.ui.text import format_count

COLUMN_WIDTHS = {
    "code": 125,
    "company": 200,
    "tax_id": 110,
    "chapter": 60,
    "scope": 130,
    "issued_on": 82,
    "expires_on": 82,
    "state": 105,
    "days_left": 75,
}


class CertificatesArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = CertificatesModel(context.workspace)
        self.filters = CertificateFilterBar(visible_registry(context.workspace))
        self.count_label = QLabel()
        self.count_label.setObjectName("certificateCount")
        self._all_certificates = 0
        self._shown_ids: tuple[int, ...] = ()
        """Only these certificates (opened from the dashboard), or () for every one."""
        self.banner = ShownRecordsBanner()
        self.banner.cleared.connect(self._show_all)

        self.table = read_only_table(self.model, single_selection=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_of(key), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.detail = CertificateDetailPanel()
        self.detail.setMinimumWidth(300)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 380])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        self.commands = CertificateCommands(self)
        c = self.commands
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("certificateToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(c.issue_action)
        self.toolbar.addSeparator()
        for action in (c.suspend_action, c.reinstate_action, c.withdraw_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(c.print_action)
        self.toolbar.addAction(c.print_month_action)
        self.export_slot = self.toolbar.addSeparator()
        self.excel_action = self.toolbar.addAction(
            self.tr("Export to E&xcel…"),
            lambda: export_to_excel(self, self.context, "certificates", self.model.query),
        )
        self.toolbar.addAction(c.verify_action)
        self.toolbar.addAction(c.refresh_action)

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
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(lambda *_: self._update_commands())
        context.changes.subscribe(self, (changes.CERTIFICATES, changes.MEMBERS), self._changed)
        self._loaded = False
        self._update_commands()

    # --- loading --------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read again from the workspace (also after another database was opened)."""
        self._loaded = True
        current = self.current_certificate()
        self.detail.show_nothing()
        self._all_certificates = count_certificates(
            self.context.workspace, CertificateQuery(limit=None)
        )
        self.model.set_workspace(self.context.workspace, reload=False)
        self.apply_filters()
        if current is not None:
            self.select_certificate(current.id)

    def _changed(self) -> None:
        if self._loaded:  # else the first visit loads it
            self.reload()

    def apply_filters(self) -> None:
        query = replace(self.filters.apply(self.model.query), ids=self._shown_ids)
        self.model.set_query(query)
        self._show_current()

    def show_records(self, ids: list[int], caption: str) -> None:
        """List exactly the certificates ``ids`` (from the dashboard) under a banner."""
        self._clear_filters()
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

    def current_certificate(self) -> CertificateRow | None:
        return self.model.certificate_at(self.table.currentIndex())

    def selected_certificates(self) -> list[CertificateRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.certificate_at(self.model.index(row, 0)) for row in rows]
        return [row for row in found if row is not None]

    def select_certificate(self, certificate_id: int) -> bool:
        """Select ``certificate_id`` if the list holds it (loading further pages to find it)."""
        return select_record(self.table, self.model, certificate_id)

    def reveal_certificate(self, certificate_id: int) -> bool:
        """Select ``certificate_id``, clearing the search and filters if they hide it."""
        if not self._loaded:
            self.reload()
        if self.select_certificate(certificate_id):
            return True
        self._shown_ids = ()
        self.banner.setVisible(False)
        self._clear_filters()
        self.apply_filters()
        return self.select_certificate(certificate_id)

    def _clear_filters(self) -> None:
        self.filters.blockSignals(True)
        try:
            self.filters.search.clear()
            self.filters.search_timer.stop()
            self.filters.set_state(None)
            self.filters.chapter.setCurrentIndex(0)
            self.filters.country.setCurrentIndex(0)
            self.filters.expiring.setChecked(False)
        finally:
            self.filters.blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.certificate_at(current))

    def _show_current(self) -> None:
        self._show(self.current_certificate())

    def _show(self, row: CertificateRow | None) -> None:
        self._update_commands()
        if row is None:
            self.detail.show_nothing()
            return
        try:
            detail = get_certificate(self.context.workspace, row.id)
        except Exception as error:
            self.detail.show_nothing()
            show_error(self, error)
            return
        self.detail.show_certificate(detail, self.context.workspace)

    def _update_commands(self) -> None:
        self.commands.update(
            self.current_certificate(), len(self.table.selectionModel().selectedRows())
        )

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        c = self.commands
        menu = QMenu(self)
        for action in (c.suspend_action, c.reinstate_action, c.withdraw_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(c.print_action)
        menu.addAction(c.verify_action)
        menu.addSeparator()
        menu.addAction(c.issue_action)
        menu.addAction(c.refresh_action)
        return menu

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        return self.tr("{shown} of {total} certificates").format(
            shown=format_count(self.model.total), total=format_count(self._all_certificates)
        )

    def _counts_changed(self, _loaded: int, _matching: int) -> None:
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)
