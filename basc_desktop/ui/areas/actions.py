"""The Corrective actions area: every action, its filters, its detail and its steps.

Edit plan… (description, owner, due date), Submit…, Verify… (through a follow-up audit
in progress) and Close… each open a dialog that asks for what the step needs.
Overdue actions show their due date in red with the word "Overdue".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.access import visible_registry
from basc_desktop.services.audit_forms import ActionRow
from basc_desktop.ui import changes
from basc_desktop.ui.areas.action_filters import ANY, ActionFilterBar
from basc_desktop.ui.areas.activity_history import history_html
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.dashboard_banner import ShownRecordsBanner, only
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.action_dialog import ActionPlanDialog, ActionStep, ActionStepDialog
from basc_desktop.ui.excel_export import export_to_excel
from basc_desktop.ui.models.actions_model import ActionsModel, overdue_word
from basc_desktop.ui.models.audit_looks import OVERDUE_COLOUR
from basc_desktop.ui.operations import Operation
from basc_desktop.ui.tables import read_only_table, select_record
from basc_desktop.ui.text import action_state_label, format_count, format_date, verdict_label

COLUMN_WIDTHS = {
    "due_on": 178,
    "state": 100,
    "company": 210,
    "severity": 165,
    "requirement": 220,
    "description": 220,
    "owner": 130,
    "chapter": 70,
}


class ActionsArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ActionsModel(context.workspace)
        self.filters = ActionFilterBar(visible_registry(context.workspace))
        self.count_label = QLabel()
        self.count_label.setObjectName("actionCount")
        self._shown_ids: tuple[int, ...] = ()
        """Only these actions (opened from the dashboard), or () for every one."""
        self.banner = ShownRecordsBanner()
        self.banner.cleared.connect(self._show_all)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_of(key), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.detail = QTextBrowser()
        self.detail.setObjectName("actionDetail")
        self.detail.setMinimumWidth(280)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 300])
        splitter.setChildrenCollapsible(False)

        self.dialog: QDialog | None = None
        self.edit_action = self._action(self.tr("&Edit plan…"), self.edit_plan, "Ctrl+Shift+E")
        self.edit_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+E"), QKeySequence(Qt.Key.Key_Return)]
        )
        self.submit_action = self._action(
            self.tr("&Submit…"), lambda: self.step(ActionStep.SUBMIT), "Ctrl+Shift+S"
        )
        self.verify_action = self._action(
            self.tr("&Verify…"), lambda: self.step(ActionStep.VERIFY), "Ctrl+Shift+V"
        )
        self.close_action = self._action(
            self.tr("C&lose…"), lambda: self.step(ActionStep.CLOSE), "Ctrl+Shift+L"
        )
        self.row_actions = (
            self.edit_action,
            self.submit_action,
            self.verify_action,
            self.close_action,
        )
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in self.row_actions:
            self.toolbar.addAction(action)
        self.excel_action = QAction(self.tr("Export to E&xcel…"), self)
        self.excel_action.triggered.connect(self.export_excel)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.excel_action)

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
        self.table.doubleClicked.connect(lambda _index: self.edit_plan())
        context.changes.subscribe(self, (changes.ACTIONS, changes.AUDITS), self._changed)
        self._loaded = False
        self._show(None)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    # --- loading --------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.model.set_workspace(self.context.workspace, reload=False)
        self.apply_filters()

    def _changed(self) -> None:
        if self._loaded:
            current = self.current_action()
            self.reload()
            if current is not None:
                self.select_action(current.id)

    def apply_filters(self) -> None:
        query = replace(self.filters.apply(self.model.query), ids=self._shown_ids)
        self.model.set_query(query)
        self._show(self.current_action())

    def show_records(self, ids: list[int], caption: str) -> None:
        """List exactly the corrective actions ``ids`` (from the dashboard), any state."""
        self._set_filters(ANY)
        self._shown_ids = only(ids)
        self.banner.show_caption(caption, len(ids))
        self.reload()

    def _show_all(self) -> None:
        self._shown_ids = ()
        self._set_filters(None)
        self.apply_filters()

    def _set_filters(self, state: str | None) -> None:
        """Every filter off; the state filter on ``state`` (None: not closed yet)."""
        bar = self.filters
        bar.blockSignals(True)
        try:
            bar.search.clear()
            bar.search_timer.stop()
            bar.overdue.setChecked(False)
            bar.this_week.setChecked(False)
            bar.chapter.setCurrentIndex(0)
            bar.severity.setCurrentIndex(0)
            bar.state.setCurrentIndex(max(bar.state.findData(state), 0) if state else 0)
            bar.company_id = None
        finally:
            bar.blockSignals(False)

    def focus_search(self) -> bool:
        self.filters.focus_search()
        return True

    # --- selection ------------------------------------------------------------------

    def current_action(self) -> ActionRow | None:
        return self.model.action_at(self.table.currentIndex())

    def select_action(self, action_id: int) -> bool:
        return select_record(self.table, self.model, action_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.action_at(current))

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for action in self.row_actions:
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    # --- steps ----------------------------------------------------------------------

    def edit_plan(self) -> QDialog | None:
        action = self.current_action()
        if action is None:
            return None
        return self._open(ActionPlanDialog(self.context, action, self))

    def step(self, step: ActionStep) -> QDialog | None:
        action = self.current_action()
        if action is None:
            return None
        return self._open(ActionStepDialog(self.context, action, step, self))

    def _open(self, dialog: ActionPlanDialog | ActionStepDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _saved(self, saved: ActionRow | None) -> None:
        self.context.changes.announce(changes.ACTIONS, changes.MEMBERS)
        if saved is not None:
            self.select_action(saved.id)

    def export_excel(self) -> Operation | None:
        """The corrective actions, as the list filters them, to an Excel workbook."""
        return export_to_excel(self, self.context, "actions", self.model.query)

    # --- the detail -----------------------------------------------------------------

    def _show(self, action: ActionRow | None) -> None:
        for step in self.row_actions:
            step.setEnabled(action is not None)
        if action is None:
            self.detail.setHtml(
                "<p style='color:#5f6b7a'>"
                + escape(self.tr("Select a corrective action to see its details."))
                + "</p>"
            )
            return
        due = escape(format_date(action.due_on))
        if action.overdue:
            due += f" <b style='color:{OVERDUE_COLOUR}'>{escape(overdue_word())}</b>"
        rows = [
            (self.tr("State"), escape(action_state_label(action.state))),
            (self.tr("Severity"), escape(verdict_label(action.severity))),
            (self.tr("Due"), due),
            (self.tr("Owner"), escape(action.owner) or "—"),
            (self.tr("Submitted"), escape(format_date(action.submitted_on))),
            (self.tr("Verified"), escape(format_date(action.verified_on))),
            (self.tr("Closed"), escape(format_date(action.closed_on))),
        ]
        table = "".join(
            f"<tr><td style='color:#5f6b7a; padding:2px 12px 2px 0'>{escape(label)}</td>"
            f"<td>{value}</td></tr>"
            for label, value in rows
            if value
        )
        notes = (
            f"<h4>{escape(self.tr('Notes'))}</h4><p>{escape(action.closure_note)}</p>"
            if action.closure_note
            else ""
        )
        self.detail.setHtml(
            f"<h3 style='margin-bottom:2px'>{escape(action.company_name)}</h3>"
            f"<p style='color:#5f6b7a; margin-top:0'>{escape(action.requirement_code)} — "
            f"{escape(action.requirement_title)}</p>"
            f"<table cellspacing='0'>{table}</table>"
            f"<h4>{escape(self.tr('Action'))}</h4><p>{escape(action.description)}</p>"
            + notes
            + history_html(self.context.workspace, "corrective_action", action.id)
        )

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        return self.tr("{count} corrective actions").format(count=format_count(self.model.total))

    def _counts_changed(self, _loaded: int, _matching: int) -> None:
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)
