"""The Standards browser: the tree of each standard's sections and requirements.

The selected requirement's text and the business types it applies to show beside the
tree; the catalogue can be read in Spanish (what certificates print) or English.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.standards import RequirementView, StandardView
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.requirements_model import (
    REQUIREMENT_ROLE,
    STANDARD_ROLE,
    RequirementsModel,
)
from basc_desktop.ui.text import business_type_label, current_language, format_count, format_date


class StandardsArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RequirementsModel()
        self.language = QComboBox()
        self.language.setObjectName("catalogueLanguage")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(1 if current_language() == "en" else 0)
        self.language.currentIndexChanged.connect(self.reload)
        language_label = QLabel(self.tr("Catalogue &language:"))
        language_label.setBuddy(self.language)

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self._fit_columns()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("requirementDetail")
        self.detail.setMinimumWidth(300)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 420])
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        context.changes.subscribe(self, changes.WORKSPACE, self._changed)
        self._loaded = False
        self._show_hint()

    def activate(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        language = str(self.language.currentData() or "es")
        try:
            self.model.load(self.context.workspace, language)
        except Exception as error:
            show_error(self, error)
            return
        self._fit_columns()
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        self._show_hint()
        self.status_changed.emit(self.status_text())

    def _fit_columns(self) -> None:
        """The names take the width, the counts what they need (set again after a load)."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        if header.count() == 2:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def _changed(self) -> None:
        if self._loaded:
            self.reload()

    def status_text(self) -> str:
        return self.tr("{count} standards").format(count=format_count(self.model.rowCount()))

    def _show_hint(self) -> None:
        self.detail.setHtml(
            "<p style='color:#5f6b7a'>"
            + escape(self.tr("Select a requirement to read its text."))
            + "</p>"
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        first = current.siblingAtColumn(0)
        requirement = first.data(REQUIREMENT_ROLE)
        standard = first.data(STANDARD_ROLE)
        if isinstance(requirement, RequirementView):
            self._show_requirement(requirement)
        elif isinstance(standard, StandardView):
            self._show_standard(standard)
        else:
            self._show_hint()

    def _show_standard(self, standard: StandardView) -> None:
        approved = format_date(standard.approved_on)
        lines = [f"<h3>{escape(standard.title)}</h3>"]
        if approved:
            lines.append(
                "<p>" + escape(self.tr("Approved on {date}").format(date=approved)) + "</p>"
            )
        lines.append(
            "<p>"
            + escape(
                self.tr("{count} requirements").format(
                    count=format_count(standard.requirement_count)
                )
            )
            + "</p>"
        )
        self.detail.setHtml("".join(lines))

    def _show_requirement(self, requirement: RequirementView) -> None:
        if requirement.business_types:
            applies = ", ".join(business_type_label(kind) for kind in requirement.business_types)
        else:
            applies = self.tr("Every business type")
        self.detail.setHtml(
            f"<h3 style='margin-bottom:2px'>{escape(requirement.code)} — "
            f"{escape(requirement.title)}</h3>"
            f"<p style='color:#5f6b7a; margin-top:0'>{escape(requirement.section)}</p>"
            f"<p>{escape(requirement.text)}</p>"
            f"<h4 style='margin:14px 0 4px 0'>{escape(self.tr('Applies to'))}</h4>"
            f"<p>{escape(applies)}</p>"
        )

    def requirement_text(self) -> str:
        """What the detail panel shows, as plain text (for tests and copying)."""
        return self.detail.toPlainText()
