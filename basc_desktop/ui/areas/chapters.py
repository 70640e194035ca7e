"""The chapters the program loaded from ``chapters/``: their settings, signatories, checklist."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.chapter import Chapter
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.chapters_model import ChaptersModel, cell, example_certificate_code
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import business_type_label, country_name, current_language


class ChapterDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)

    def show_chapter(self, chapter: Chapter | None) -> None:
        if chapter is None:
            hint = self.tr("Select a chapter to see its details.")
            self.setHtml(f"<p>{escape(hint)}</p>")
            return
        language = current_language()
        parts = [f"<h2>{escape(chapter.name)}</h2>"]
        contact = [chapter.address, chapter.phone, chapter.email, chapter.website]
        if any(contact):
            parts.append(
                "<p style='margin-bottom:10px'>"
                + "<br>".join(escape(v) for v in contact if v)
                + "</p>"
            )
        parts.append(_table(self._settings(chapter)))
        signatories = self.tr("Signatories")
        parts.append(f"<h4>{escape(signatories)}</h4><ul>")
        for signatory in chapter.signatories:
            title = signatory.title.get(language, chapter.language)
            parts.append(f"<li><b>{escape(signatory.name)}</b> — {escape(title)}</li>")
        parts.append("</ul>")
        checklist = self.tr("Admission checklist")
        parts.append(f"<h4>{escape(checklist)}</h4><ol>")
        for document in chapter.admission_documents:
            title = document.title.get(language, chapter.language)
            if document.business_types:
                kinds = ", ".join(
                    sorted(business_type_label(kind) for kind in document.business_types)
                )
                who = self.tr("Only for: {kinds}").format(kinds=kinds)
            else:
                who = self.tr("Every business type")
            parts.append(
                f"<li>{escape(title)}<br><span style='color:#5f6b7a'>{escape(who)}</span></li>"
            )
        parts.append("</ol>")
        if chapter.source is not None:
            file_label = self.tr("File")
            parts.append(
                f"<p style='color:#5f6b7a'>{escape(file_label)}: {escape(str(chapter.source))}</p>"
            )
        self.setHtml("".join(parts))

    def _settings(self, chapter: Chapter) -> list[tuple[str, str]]:
        return [
            (self.tr("Country"), country_name(chapter.country_code)),
            (self.tr("Languages"), ", ".join(chapter.languages)),
            (self.tr("Paper"), cell(chapter, "paper")),
            (
                self.tr("Certificate code"),
                self.tr("{pattern}, e.g. {example}").format(
                    pattern=chapter.certificate_code, example=example_certificate_code(chapter)
                ),
            ),
            (self.tr("Certificate validity"), cell(chapter, "validity")),
            (
                self.tr("Expiry warning"),
                self.tr("{days} days before expiry").format(days=chapter.expiry_warning_days),
            ),
            (
                self.tr("Time allowed in process"),
                self.tr("{months} months").format(months=chapter.months_in_process),
            ),
            (
                self.tr("Corrective actions"),
                self.tr("major findings {major} days, minor findings {minor} days").format(
                    major=chapter.deadlines.major, minor=chapter.deadlines.minor
                ),
            ),
        ]


def _table(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td style='color:#5f6b7a; padding:2px 12px 2px 0'>{escape(label)}</td>"
        f"<td style='padding:2px 0'>{escape(value)}</td></tr>"
        for label, value in pairs
    )
    return f"<table cellspacing='0'>{rows}</table>"


class ChaptersArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = ChaptersModel(context.workspace.chapters)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = ChapterDetail()
        self.detail.show_chapter(None)
        heading = QLabel(
            self.tr(
                "Chapters are read from the chapter files at start. To change one, edit its "
                "file and restart BASC Desktop."
            )
        )
        heading.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([360, 360])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        context.changes.subscribe(self, changes.CHAPTERS, self.reload)

    def reload(self) -> None:
        self.model.set_chapters(self.context.workspace.chapters)
        self.detail.show_chapter(None)

    def activate(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def status_text(self) -> str:
        return self.tr("{count} chapters").format(count=self.model.rowCount())

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: QModelIndex
    ) -> None:
        self.detail.show_chapter(self.model.chapter_at(current))
