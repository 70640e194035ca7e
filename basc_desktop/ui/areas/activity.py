"""The Activity area: who changed what, and when, for every record of the register.

A list of the event log, newest first and loaded a page at a time (so a log of
100,000 events opens at once), filtered by user, record type, action, chapter, dates
and a search over the record's name or code and the changed values.  The detail shows
the selected event with every field old → new; Export to Excel… writes the list as
filtered.  A user set up for some chapters sees only the events of their records.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.access import visible_registry
from basc_desktop.services.activity import activity_users, export_activity
from basc_desktop.services.activity_forms import ActivityQuery, ActivityRow
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.activity_filters import ActivityFilterBar
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.activity_model import ActivityModel
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import format_count, message_text, translate

COLUMN_WIDTHS = {"when": 120, "user": 90, "type": 120, "record": 240, "action": 100}
GREY = "#5f6b7a"


class ActivityArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ActivityModel(context.workspace)
        self.filters = ActivityFilterBar(
            visible_registry(context.workspace), context.workspace.today()
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("activityCount")
        self.count_label.setMinimumWidth(140)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table = read_only_table(self.model)
        self.table.setObjectName("activityTable")
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_of(key), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.detail = QTextBrowser()
        self.detail.setObjectName("activityDetail")
        self.detail.setMinimumWidth(280)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 300])
        splitter.setChildrenCollapsible(False)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.excel_action = QAction(self.tr("Export to E&xcel…"), self)
        self.excel_action.triggered.connect(self.export_excel)
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addAction(self.excel_action)
        self.operation: Operation | None = None

        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

        self.filters.changed.connect(self.apply_filters)
        self.model.counts_changed.connect(self._counts_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        topics = tuple(t for t in changes.TOPICS if t != changes.PREFERENCES)
        context.changes.subscribe(self, topics, self._changed)
        self._loaded = False
        self._show(None)

    # --- loading --------------------------------------------------------------------

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Read the log again (F5): others' changes appear."""
        self._loaded = True
        self.model.set_workspace(self.context.workspace, reload=False)
        self.filters.set_users(activity_users(self.context.workspace))
        self.apply_filters()

    def _changed(self) -> None:
        if self._loaded:
            self.refresh()

    def apply_filters(self) -> None:
        self.model.set_query(self.filters.apply(self.model.query))
        self._show(self.current_event())

    def focus_search(self) -> bool:
        self.filters.focus_search()
        return True

    def current_event(self) -> ActivityRow | None:
        return self.model.event_at(self.table.currentIndex())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.event_at(current))

    # --- export ---------------------------------------------------------------------

    def export_excel(self) -> Operation | None:
        """The events, as the list filters them, to an Excel workbook."""
        title = self.tr("Export the activity")
        today = self.context.workspace.today().isoformat()
        chosen = prompts.choose_save_file(
            self,
            title,
            str(Path.home() / f"activity-{today}.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if chosen is None:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        workspace, query = self.context.workspace, self.model.query

        def write(reporter: Reporter) -> int:
            return export_activity(
                workspace,
                ActivityQuery(**{**query.__dict__, "offset": 0, "limit": None}),
                path,
                reporter.progress,
                reporter.cancelled,
                translate=translate,
                record_text=message_text,
            )

        def done(count: int) -> None:
            text = self.tr("{count} events were written to {path}.")
            prompts.inform(self, title, text.format(count=format_count(count), path=path))

        self.operation = Operation(
            write,
            parent=self,
            title=title,
            label=self.tr("Writing {file}…").format(file=path.name),
        )
        return self.operation.on_success(done).start()

    # --- the detail -----------------------------------------------------------------

    def _show(self, event: ActivityRow | None) -> None:
        if event is None:
            self.detail.setHtml(
                f"<p style='color:{GREY}'>"
                + escape(self.tr("Select an event to see every field it changed."))
                + "</p>"
            )
            return
        facts = [
            (self.tr("When"), event.when),
            (self.tr("User"), event.user),
            (self.tr("Record type"), translate(event.record_type_label)),
            (self.tr("Action"), translate(event.action_label)),
            (self.tr("Chapter"), event.chapter or ""),
        ]
        table = "".join(
            f"<tr><td style='color:{GREY}; padding:2px 12px 2px 0'>{escape(label)}</td>"
            f"<td>{escape(value)}</td></tr>"
            for label, value in facts
            if value
        )
        lines = [
            f"<p style='margin:4px 0'><b>{escape(translate(change.label))}</b><br>"
            f"<span style='color:{GREY}'>{escape(translate(change.old) or '—')}</span>"
            f" → {escape(translate(change.new) or '—')}</p>"
            for change in event.changes
        ]
        body = "".join(lines) or f"<p style='color:{GREY}'>{escape(self.tr('No fields.'))}</p>"
        self.detail.setHtml(
            f"<h3 style='margin-bottom:2px'>{escape(message_text(event.record_name))}</h3>"
            f"<table cellspacing='0'>{table}</table>"
            f"<h4>{escape(self.tr('Changes'))}</h4>{body}"
        )

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        return self.tr("{count} events").format(count=format_count(self.model.total))

    def _counts_changed(self, _loaded: int, _matching: int) -> None:
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)
