"""The filter bar of the Audits area: month, chapter, state, auditor, kind and a search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import AuditKind, AuditState
from basc_desktop.services.audit_forms import AuditorRow, AuditQuery
from basc_desktop.ui.models.audit_looks import audit_state_icon
from basc_desktop.ui.search_box import search_as_typed
from basc_desktop.ui.text import audit_kind_label, audit_state_label


def choose_data(combo: QComboBox, value: object) -> None:
    """Select the item of ``combo`` whose data is ``value`` (the first item if none is)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))


class AuditFilterBar(QWidget):
    """A row of filters; ``changed`` is emitted whenever the coordinator changes one."""

    changed = Signal()

    def __init__(
        self, chapters: ChapterRegistry, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search company, tax ID or city (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = search_as_typed(self.search, self.changed.emit)

        self.by_month = QCheckBox(self.tr("Month:"))
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setEnabled(False)
        self.chapter = QComboBox()
        self.chapter.setObjectName("auditChapterFilter")
        self.chapter.addItem(self.tr("All chapters"), "")
        for chapter in chapters:
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.state = QComboBox()
        self.state.setObjectName("auditStateFilter")
        self.state.addItem(self.tr("Any state"), "")
        for state in AuditState:
            self.state.addItem(audit_state_icon(state), audit_state_label(state), state.value)
        self.kind = QComboBox()
        self.kind.setObjectName("auditKindFilter")
        self.kind.addItem(self.tr("Any kind"), "")
        for kind in AuditKind:
            self.kind.addItem(audit_kind_label(kind), kind.value)
        self.auditor = QComboBox()
        self.auditor.setObjectName("auditorFilter")
        self.set_auditors([])

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.by_month)
        layout.addWidget(self.month)
        for combo in (self.chapter, self.state, self.kind, self.auditor):
            layout.addWidget(combo, 1)

        self.by_month.toggled.connect(self.month.setEnabled)
        self.by_month.toggled.connect(self.changed)
        self.month.dateChanged.connect(self._month_changed)
        for combo in (self.chapter, self.state, self.kind, self.auditor):
            combo.currentIndexChanged.connect(self.changed)

    def set_auditors(self, auditors: list[AuditorRow]) -> None:
        """The auditors to choose from (the choice is kept when still there)."""
        chosen = self.auditor.currentData()
        self.auditor.blockSignals(True)
        try:
            self.auditor.clear()
            self.auditor.addItem(self.tr("Any auditor"), 0)
            for auditor in auditors:
                self.auditor.addItem(auditor.name, auditor.id)
            choose_data(self.auditor, chosen or 0)
        finally:
            self.auditor.blockSignals(False)

    def set_month(self, month: date | None) -> None:
        """Narrow the list to ``month`` (None: any month); ``changed`` is emitted once."""
        self.blockSignals(True)
        try:
            if month is not None:
                self.month.setDate(QDate(month.year, month.month, 1))
            self.by_month.setChecked(month is not None)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def chosen_month(self) -> date | None:
        if not self.by_month.isChecked():
            return None
        chosen = self.month.date()
        return date(chosen.year(), chosen.month(), 1)

    def apply(self, query: AuditQuery) -> AuditQuery:
        """``query`` narrowed by the filters (its order is kept)."""
        state = str(self.state.currentData() or "")
        kind = str(self.kind.currentData() or "")
        chapter = str(self.chapter.currentData() or "")
        return replace(
            query,
            month=self.chosen_month(),
            chapters=(chapter,) if chapter else (),
            states=(AuditState(state),) if state else (),
            kinds=(AuditKind(kind),) if kind else (),
            auditor_id=int(self.auditor.currentData() or 0) or None,
            search=self.search.text().strip(),
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _month_changed(self) -> None:
        if self.by_month.isChecked():
            self.changed.emit()
