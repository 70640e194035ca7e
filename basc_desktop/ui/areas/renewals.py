"""The Renewals area: companies to remind that their certificate is running out.

A chapter filter and "Include already reminded", the list (several rows can be
selected), a line about the selected company's last reminder, and the actions of
:class:`RenewalCommands`: Reminder letters…, Excel…, Mark as sent.  The list reloads
itself when members, certificates or audits change (a recertification audit planned
takes a company off it).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.access import visible_chapters
from basc_desktop.services.reminder_forms import ReminderRow
from basc_desktop.services.reminders import renewal_reminders
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.renewals_commands import RenewalCommands
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.reminders_model import RemindersModel
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import format_count, format_date

COLUMN_WIDTHS = {
    "company": 240,
    "chapter": 60,
    "certificate": 130,
    "expires_on": 82,
    "days_left": 70,
    "contact": 150,
    "email": 180,
    "last_reminder": 120,
}


class RenewalsArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RemindersModel()
        self.chapter = QComboBox()
        self.chapter.setObjectName("renewalsChapterFilter")
        self.include_reminded = QCheckBox(self.tr("Include already &reminded"))
        self.include_reminded.setObjectName("renewalsIncludeReminded")
        self.include_reminded.setChecked(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("renewalsCount")
        self.detail = QLabel()
        self.detail.setObjectName("renewalsDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = read_only_table(self.model, single_selection=False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_of(key), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.commands = RenewalCommands(self)
        c = self.commands
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("renewalsToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(c.letters_action)
        self.toolbar.addAction(c.excel_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(c.mark_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(c.refresh_action)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Chapter:")))
        filters.addWidget(self.chapter, 1)
        filters.addWidget(self.include_reminded)
        filters.addStretch(2)
        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

        self._fill_chapters()
        self.chapter.currentIndexChanged.connect(lambda _index: self.reload())
        self.include_reminded.toggled.connect(lambda _on: self.reload())
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(lambda *_: self._update_commands())
        context.changes.subscribe(
            self, (changes.MEMBERS, changes.CERTIFICATES, changes.AUDITS), self._changed
        )
        self._loaded = False
        self._show(None)

    # --- loading --------------------------------------------------------------------

    def _fill_chapters(self) -> None:
        chosen = self.chapter.currentData()
        self.chapter.blockSignals(True)
        try:
            self.chapter.clear()
            self.chapter.addItem(self.tr("All chapters"), "")
            for chapter in visible_chapters(self.context.workspace):
                self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
            found = self.chapter.findData(chosen) if chosen else 0
            self.chapter.setCurrentIndex(max(found, 0))
        finally:
            self.chapter.blockSignals(False)

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def refresh(self) -> None:
        """Read the list again (F5)."""
        self.reload()

    def reload(self) -> None:
        """Read the list again from the workspace, keeping the selected companies."""
        self._loaded = True
        kept = {row.company_id for row in self.selected_rows()}
        try:
            rows = renewal_reminders(
                self.context.workspace,
                chapter=self.chapter.currentData() or None,
                include_reminded=self.include_reminded.isChecked(),
            )
        except Exception as error:
            rows = []
            show_error(self, error)
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.company_id in kept:
                self.table.selectionModel().select(
                    self.model.index(number, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows,
                )
        self._show(self.current_row())
        text = self.status_text()
        self.count_label.setText(text)
        self.status_changed.emit(text)

    def _changed(self) -> None:
        self._fill_chapters()
        if self._loaded:  # else the first visit loads it
            self.reload()

    # --- selection ------------------------------------------------------------------

    def current_row(self) -> ReminderRow | None:
        return self.model.row_at(self.table.currentIndex())

    def selected_rows(self) -> list[ReminderRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.row_at(self.model.index(row, 0)) for row in rows]
        return [row for row in found if row is not None]

    def rows_to_act_on(self) -> list[ReminderRow]:
        """The selected companies, or every company listed when none is selected."""
        return self.selected_rows() or self.model.rows()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.row_at(current))

    def _show(self, row: ReminderRow | None) -> None:
        self._update_commands()
        if row is None:
            self.detail.setText(self.tr("Select a company to see its last reminder."))
        elif row.last_reminder_on is None:
            self.detail.setText(
                self.tr("{company}: no reminder sent yet for certificate {code}.").format(
                    company=row.company_name, code=row.certificate_code
                )
            )
        else:
            self.detail.setText(
                self.tr(
                    "{company}: last reminder sent on {date} for certificate {code} "
                    "({count} in all)."
                ).format(
                    company=row.company_name,
                    date=format_date(row.last_reminder_on),
                    code=row.certificate_code,
                    count=row.reminders_sent,
                )
            )

    def _update_commands(self) -> None:
        self.commands.update(len(self.selected_rows()), self.model.rowCount())

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        return self.tr("{count} companies to remind").format(
            count=format_count(self.model.rowCount())
        )
