"""The filter bar of the Certificates area: a search, state, chapter, country, and
"expiring within N days"."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import CertificateState
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.ui.areas.audit_filters import choose_data
from basc_desktop.ui.models.certificates_model import (
    certificate_state_icon,
    certificate_state_label,
)
from basc_desktop.ui.search_box import search_as_typed
from basc_desktop.ui.text import country_name

DEFAULT_EXPIRY_DAYS = 60
MAX_EXPIRY_DAYS = 730


class CertificateFilterBar(QWidget):
    """A row of filters; ``changed`` is emitted whenever the coordinator changes one."""

    changed = Signal()

    def __init__(self, chapters: ChapterRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("certificateSearch")
        self.search.setPlaceholderText(self.tr("Search code, company or tax ID (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = search_as_typed(self.search, self.changed.emit)

        self.state = QComboBox()
        self.state.setObjectName("certificateStateFilter")
        self.state.addItem(self.tr("Any state"), "")
        for state in CertificateState:
            self.state.addItem(
                certificate_state_icon(state), certificate_state_label(state), state.value
            )
        self.chapter = QComboBox()
        self.chapter.setObjectName("certificateChapterFilter")
        self.chapter.addItem(self.tr("All chapters"), "")
        for chapter in chapters:
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        self.country = QComboBox()
        self.country.setObjectName("certificateCountryFilter")
        self.country.addItem(self.tr("All countries"), "")
        countries = sorted(
            {chapter.country_code for chapter in chapters}, key=lambda code: country_name(code)
        )
        for code in countries:
            self.country.addItem(country_name(code), code)
        self.expiring = QCheckBox(self.tr("&Expiring within"))
        self.expiring.setObjectName("certificateExpiringFilter")
        self.days = QSpinBox()
        self.days.setObjectName("certificateExpiryDays")
        self.days.setRange(1, MAX_EXPIRY_DAYS)
        self.days.setValue(DEFAULT_EXPIRY_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        for combo in (self.state, self.chapter, self.country):
            layout.addWidget(combo, 1)
        layout.addWidget(self.expiring)
        layout.addWidget(self.days)

        for combo in (self.state, self.chapter, self.country):
            combo.currentIndexChanged.connect(self.changed)
        self.expiring.toggled.connect(self.days.setEnabled)
        self.expiring.toggled.connect(self.changed)
        self.days.valueChanged.connect(self._days_changed)

    def apply(self, query: CertificateQuery) -> CertificateQuery:
        """``query`` narrowed by the filters (its order is kept)."""
        state = str(self.state.currentData() or "")
        chapter = str(self.chapter.currentData() or "")
        country = str(self.country.currentData() or "")
        return replace(
            query,
            search=self.search.text().strip(),
            states=(CertificateState(state),) if state else (),
            chapter_codes=(chapter,) if chapter else (),
            countries=(country,) if country else (),
            expires_within_days=self.days.value() if self.expiring.isChecked() else None,
        )

    def set_state(self, state: CertificateState | None) -> None:
        choose_data(self.state, state.value if state is not None else "")

    def set_expiring(self, days: int | None) -> None:
        """Show only what expires within ``days`` (None: no such filter); one ``changed``."""
        self.blockSignals(True)
        try:
            if days is not None:
                self.days.setValue(days)
            self.expiring.setChecked(days is not None)
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _days_changed(self) -> None:
        if self.expiring.isChecked():
            self.changed.emit()
