"""The filter bar of the Admissions area: a search, state, chapter and "deadline within N days"."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.admissions import OPEN_STATES, ApplicationState
from basc_desktop.services.admission_forms import ApplicationQuery
from basc_desktop.ui.areas.audit_filters import choose_data
from basc_desktop.ui.models.applications_model import (
    application_state_icon,
    application_state_label,
)
from basc_desktop.ui.search_box import search_as_typed

OPEN = "open"
"""The state filter's value for every application still waiting for a final decision."""
DEFAULT_DEADLINE_DAYS = 60


class AdmissionFilterBar(QWidget):
    """A row of filters; ``changed`` is emitted whenever the coordinator changes one."""

    changed = Signal()

    def __init__(self, chapters: ChapterRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("applicationSearch")
        self.search.setPlaceholderText(self.tr("Search company, tax ID or city (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = search_as_typed(self.search, self.changed.emit)

        self.state = QComboBox()
        self.state.setObjectName("applicationStateFilter")
        self.state.addItem(self.tr("Any state"), "")
        self.state.addItem(self.tr("Open (no final decision)"), OPEN)
        for state in ApplicationState:
            self.state.addItem(
                application_state_icon(state), application_state_label(state), state.value
            )
        self.chapter = QComboBox()
        self.chapter.setObjectName("applicationChapterFilter")
        self.chapter.addItem(self.tr("All chapters"), "")
        for chapter in chapters:
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.by_deadline = QCheckBox(self.tr("Audit &deadline within"))
        self.deadline_days = QSpinBox()
        self.deadline_days.setObjectName("deadlineDays")
        self.deadline_days.setRange(0, 3650)
        self.deadline_days.setValue(DEFAULT_DEADLINE_DAYS)
        self.deadline_days.setSuffix(self.tr(" days"))
        self.deadline_days.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.chapter, 1)
        layout.addWidget(self.by_deadline)
        layout.addWidget(self.deadline_days)

        for combo in (self.state, self.chapter):
            combo.currentIndexChanged.connect(self.changed)
        self.by_deadline.toggled.connect(self.deadline_days.setEnabled)
        self.by_deadline.toggled.connect(self.changed)
        self.deadline_days.valueChanged.connect(self._days_changed)

    def apply(self, query: ApplicationQuery) -> ApplicationQuery:
        """``query`` narrowed by the filters (its order is kept)."""
        state = str(self.state.currentData() or "")
        chapter = str(self.chapter.currentData() or "")
        states: tuple[ApplicationState, ...] = ()
        if state == OPEN:
            states = OPEN_STATES
        elif state:
            states = (ApplicationState(state),)
        return replace(
            query,
            states=states,
            chapter_codes=(chapter,) if chapter else (),
            text=self.search.text().strip(),
            deadline_within_days=(
                self.deadline_days.value() if self.by_deadline.isChecked() else None
            ),
        )

    def set_state(self, value: str) -> None:
        """Choose a state filter: "" (any), :data:`OPEN` or an ``ApplicationState`` value."""
        choose_data(self.state, value)

    def set_chapter(self, code: str) -> None:
        choose_data(self.chapter, code)

    def set_deadline_within(self, days: int | None) -> None:
        """Only admitted companies whose audit deadline is at most ``days`` away (None: off)."""
        self.blockSignals(True)
        try:
            if days is not None:
                self.deadline_days.setValue(days)
            self.by_deadline.setChecked(days is not None)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def clear(self) -> None:
        """Every filter off and the search empty; ``changed`` is emitted once."""
        self.blockSignals(True)
        try:
            self.search_timer.stop()
            self.search.clear()
            self.search_timer.stop()
            self.state.setCurrentIndex(0)
            self.chapter.setCurrentIndex(0)
            self.by_deadline.setChecked(False)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _days_changed(self) -> None:
        if self.by_deadline.isChecked():
            self.changed.emit()
