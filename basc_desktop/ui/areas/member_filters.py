"""The filter bar of the Members area, and the filters as they are kept between sessions.

Filters narrow the list by country, chapter, business type, status, how soon the
certificate expires, and whether archived members show.  :class:`MemberFilters` is the
plain value; it goes into the :class:`MemberQuery` the list asks for, and into the
preferences file (read back leniently: a value the program no longer knows is dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import BusinessType, MemberStatus
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.ui.models.status import status_icon
from basc_desktop.ui.text import business_type_label, country_name, status_label

CURRENT, ARCHIVED, ALL = "current", "archived", "all"
ARCHIVED_CHOICES = (CURRENT, ARCHIVED, ALL)
_ARCHIVED_QUERY: dict[str, bool | None] = {CURRENT: False, ARCHIVED: True, ALL: None}
MAX_DAYS = 3650


@dataclass(frozen=True)
class MemberFilters:
    """What the filter bar narrows the list to; empty text means "any"."""

    country: str = ""
    chapter: str = ""
    business_type: str = ""
    status: str = ""
    expires_within_days: int | None = None
    archived: str = CURRENT

    def apply(self, query: MemberQuery) -> MemberQuery:
        """``query`` narrowed by these filters (its search and order are kept)."""
        return replace(
            query,
            countries=(self.country,) if self.country else (),
            chapters=(self.chapter,) if self.chapter else (),
            business_types=(BusinessType(self.business_type),) if self.business_type else (),
            statuses=(MemberStatus(self.status),) if self.status else (),
            expires_within_days=self.expires_within_days,
            archived=_ARCHIVED_QUERY[self.archived],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "chapter": self.chapter,
            "business_type": self.business_type,
            "status": self.status,
            "expires_within_days": self.expires_within_days,
            "archived": self.archived,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any], chapters: ChapterRegistry) -> MemberFilters:
        """The filters saved in ``raw``; anything unknown or malformed is left at "any"."""

        def text(key: str, allowed: set[str]) -> str:
            value = raw.get(key)
            return value if isinstance(value, str) and value in allowed else ""

        days = raw.get("expires_within_days")
        valid_days = isinstance(days, int) and not isinstance(days, bool) and 0 < days <= MAX_DAYS
        archived = raw.get("archived")
        return cls(
            country=text("country", set(chapters.countries())),
            chapter=text("chapter", set(chapters.codes())),
            business_type=text("business_type", {b.value for b in BusinessType}),
            status=text("status", {s.value for s in MemberStatus}),
            expires_within_days=days if valid_days else None,
            archived=archived if archived in ARCHIVED_CHOICES else CURRENT,
        )


class MemberFilterBar(QWidget):
    """A row of filters; ``changed`` is emitted whenever the coordinator changes one."""

    changed = Signal()

    def __init__(self, chapters: ChapterRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chapters = chapters
        self._quiet = False

        self.country = QComboBox()
        self.country.setObjectName("countryFilter")
        self.chapter = QComboBox()
        self.chapter.setObjectName("chapterFilter")
        self.business_type = QComboBox()
        self.business_type.setObjectName("businessTypeFilter")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.expires = QSpinBox()
        self.expires.setObjectName("expiresFilter")
        self.archived = QComboBox()
        self.archived.setObjectName("archivedFilter")
        self.clear_button = QPushButton(self.tr("Clear filters"))

        self.country.addItem(self.tr("All countries"), "")
        for code in sorted(chapters.countries(), key=country_name):
            self.country.addItem(country_name(code), code)
        self._fill_chapters("")
        self.business_type.addItem(self.tr("All business types"), "")
        for kind in BusinessType:
            self.business_type.addItem(business_type_label(kind), kind.value)
        self.status.addItem(self.tr("Any status"), "")
        for status in MemberStatus:
            self.status.addItem(status_icon(status), status_label(status), status.value)
        self.expires.setRange(0, MAX_DAYS)
        self.expires.setSpecialValueText(self.tr("Any expiry"))
        self.expires.setSuffix(self.tr(" days"))
        self.expires.setToolTip(
            self.tr("Only members whose certificate expires within this many days")
        )
        self.archived.addItem(self.tr("Current members"), CURRENT)
        self.archived.addItem(self.tr("Archived members"), ARCHIVED)
        self.archived.addItem(self.tr("Current and archived"), ALL)

        for combo in (self.country, self.chapter, self.business_type, self.status):
            _narrow(combo)
        self.archived.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        # Two rows: in Spanish or French the "all …" choices of one row would be clipped.
        who = QHBoxLayout()
        for widget in (self.country, self.chapter, self.business_type, self.status):
            who.addWidget(widget)
        when = QHBoxLayout()
        expires_label = QLabel(self.tr("Expires within:"))
        expires_label.setBuddy(self.expires)
        when.addWidget(expires_label)
        when.addWidget(self.expires)
        when.addWidget(self.archived)
        when.addStretch(1)
        when.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(who)
        layout.addLayout(when)

        self.country.currentIndexChanged.connect(self._country_changed)
        for combo in (self.chapter, self.business_type, self.status, self.archived):
            combo.currentIndexChanged.connect(self._emit)
        self.expires.valueChanged.connect(self._emit)
        self.clear_button.clicked.connect(lambda: self.set_filters(MemberFilters(), notify=True))

    def filters(self) -> MemberFilters:
        days = self.expires.value()
        return MemberFilters(
            country=str(self.country.currentData() or ""),
            chapter=str(self.chapter.currentData() or ""),
            business_type=str(self.business_type.currentData() or ""),
            status=str(self.status.currentData() or ""),
            expires_within_days=days or None,
            archived=str(self.archived.currentData() or CURRENT),
        )

    def set_filters(self, filters: MemberFilters, *, notify: bool = False) -> None:
        """Show ``filters``; ``changed`` is emitted once, and only if ``notify``."""
        self._quiet = True
        try:
            _choose(self.country, filters.country)
            self._fill_chapters(filters.country)
            _choose(self.chapter, filters.chapter)
            _choose(self.business_type, filters.business_type)
            _choose(self.status, filters.status)
            self.expires.setValue(filters.expires_within_days or 0)
            _choose(self.archived, filters.archived)
        finally:
            self._quiet = False
        if notify:
            self.changed.emit()

    def _fill_chapters(self, country: str) -> None:
        """The chapters of ``country`` (all chapters without one), keeping the choice."""
        chosen = self.chapter.currentData()
        self.chapter.blockSignals(True)
        try:
            self.chapter.clear()
            self.chapter.addItem(self.tr("All chapters"), "")
            for chapter in self._chapters:
                if not country or chapter.country_code == country:
                    self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
            _choose(self.chapter, str(chosen or ""))
        finally:
            self.chapter.blockSignals(False)

    def _country_changed(self) -> None:
        if not self._quiet:
            self._fill_chapters(str(self.country.currentData() or ""))
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit()


def _narrow(combo: QComboBox, letters: int = 8) -> None:
    """Let ``combo`` shrink to about ``letters`` characters, and grow when there is room;
    its list still shows every choice whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
