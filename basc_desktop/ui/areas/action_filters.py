"""The filter bar of the Corrective actions area: overdue, due this week, chapter, severity,
state, and a search by company (name, tax ID or city)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import ActionState, Verdict
from basc_desktop.services.audit_forms import OPEN_ACTION_STATES, ActionQuery
from basc_desktop.ui.models.audit_looks import action_state_icon, overdue_icon, verdict_icon
from basc_desktop.ui.search_box import search_as_typed
from basc_desktop.ui.text import action_state_label, verdict_label

WEEK_DAYS = 7
WAITING, ANY = "waiting", "any"


class ActionFilterBar(QWidget):
    changed = Signal()

    def __init__(self, chapters: ChapterRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search company, tax ID or city (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = search_as_typed(self.search, self.changed.emit)

        self.overdue = QCheckBox(self.tr("&Overdue"))
        self.overdue.setIcon(overdue_icon())
        self.this_week = QCheckBox(self.tr("Due this &week"))
        self.chapter = QComboBox()
        self.chapter.setObjectName("actionChapterFilter")
        self.chapter.addItem(self.tr("All chapters"), "")
        for chapter in chapters:
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.severity = QComboBox()
        self.severity.setObjectName("severityFilter")
        self.severity.addItem(self.tr("Any severity"), "")
        for verdict in (Verdict.MAJOR, Verdict.MINOR):
            self.severity.addItem(verdict_icon(verdict), verdict_label(verdict), verdict.value)
        self.state = QComboBox()
        self.state.setObjectName("actionStateFilter")
        self.state.addItem(self.tr("Not closed yet"), WAITING)
        self.state.addItem(self.tr("Any state"), ANY)
        for state in ActionState:
            self.state.addItem(action_state_icon(state), action_state_label(state), state.value)
        self.company_id: int | None = None
        """Only one company's actions (set from another screen), or None."""

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.overdue)
        layout.addWidget(self.this_week)
        for combo in (self.chapter, self.severity, self.state):
            layout.addWidget(combo, 1)
        for box in (self.overdue, self.this_week):
            box.toggled.connect(self.changed)
        for combo in (self.chapter, self.severity, self.state):
            combo.currentIndexChanged.connect(self.changed)

    def apply(self, query: ActionQuery) -> ActionQuery:
        """``query`` narrowed by the filters (its order is kept)."""
        chapter = str(self.chapter.currentData() or "")
        severity = str(self.severity.currentData() or "")
        state = str(self.state.currentData() or WAITING)
        states: tuple[ActionState, ...]
        if state == WAITING:
            states = OPEN_ACTION_STATES
        elif state == ANY:
            states = ()
        else:
            states = (ActionState(state),)
        return replace(
            query,
            overdue=self.overdue.isChecked(),
            due_within_days=WEEK_DAYS if self.this_week.isChecked() else None,
            chapters=(chapter,) if chapter else (),
            company_id=self.company_id,
            severities=(Verdict(severity),) if severity else (),
            states=states,
            search=self.search.text().strip(),
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
