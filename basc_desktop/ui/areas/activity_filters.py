"""The filter bar of the Activity area: search, user, record type, action, chapter, dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.services.activity_forms import ACTION_LABELS, RECORD_TYPES, ActivityQuery
from basc_desktop.ui.dialogs.optional_date import OptionalDate
from basc_desktop.ui.search_box import search_as_typed
from basc_desktop.ui.text import translate

SHOWN_ACTIONS = (
    "create",
    "update",
    "archive",
    "restore",
    "delete",
    "plan",
    "judge",
    "issue",
    "suspend",
    "reinstate",
    "withdraw",
    "sign",
)


class ActivityFilterBar(QWidget):
    changed = Signal()

    def __init__(
        self, chapters: ChapterRegistry, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("activitySearch")
        self.search.setPlaceholderText(self.tr("Search record, code or changed value (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = search_as_typed(self.search, self.changed.emit)
        self.user = QComboBox()
        self.user.setObjectName("activityUserFilter")
        self.record_type = QComboBox()
        self.record_type.setObjectName("activityTypeFilter")
        self.record_type.addItem(self.tr("Any record"), "")
        for key, label in RECORD_TYPES.items():
            self.record_type.addItem(translate(label), key)
        self.action = QComboBox()
        self.action.setObjectName("activityActionFilter")
        self.action.addItem(self.tr("Any action"), "")
        for key in SHOWN_ACTIONS:
            self.action.addItem(translate(ACTION_LABELS[key]), key)
        self.chapter = QComboBox()
        self.chapter.setObjectName("activityChapterFilter")
        self.chapter.addItem(self.tr("All chapters"), "")
        for chapter in chapters:
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.since = OptionalDate("activitySince", today)
        self.until = OptionalDate("activityUntil", today)
        self.set_users([])

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 0, 0, 1, 2)
        layout.addWidget(self.user, 0, 2)
        layout.addWidget(self.record_type, 0, 3)
        layout.addWidget(self.action, 0, 4)
        layout.addWidget(self.chapter, 0, 5)
        layout.addWidget(QLabel(self.tr("From")), 1, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.since, 1, 1)
        layout.addWidget(QLabel(self.tr("Until")), 1, 2, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.until, 1, 3)
        layout.setColumnStretch(1, 2)
        for combo in (self.user, self.record_type, self.action, self.chapter):
            combo.currentIndexChanged.connect(self.changed)
        for day in (self.since, self.until):
            day.changed.connect(self.changed)

    def set_users(self, users: list[str]) -> None:
        """The users of the log, keeping the one chosen if still there (no signal)."""
        chosen = str(self.user.currentData() or "")
        self.user.blockSignals(True)
        try:
            self.user.clear()
            self.user.addItem(self.tr("Anyone"), "")
            for name in users:
                self.user.addItem(name, name)
            self.user.setCurrentIndex(max(self.user.findData(chosen), 0))
        finally:
            self.user.blockSignals(False)

    def apply(self, query: ActivityQuery) -> ActivityQuery:
        """``query`` narrowed by the filters."""
        user = str(self.user.currentData() or "")
        record_type = str(self.record_type.currentData() or "")
        action = str(self.action.currentData() or "")
        return replace(
            query,
            users=(user,) if user else (),
            record_types=(record_type,) if record_type else (),
            actions=(action,) if action else (),
            chapter=str(self.chapter.currentData() or "") or None,
            since=self.since.value(),
            until=self.until.value(),
            text=self.search.text().strip(),
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
