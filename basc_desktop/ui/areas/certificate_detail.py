"""The detail of one certificate: its data above, its history (date, event, reason, who)
below."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.services.certificate_forms import CertificateDetail
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.areas.activity_history import history_html
from basc_desktop.ui.models.certificate_history_model import COLUMN_INDEX, CertificateHistoryModel
from basc_desktop.ui.models.certificates_model import (
    EXPIRED_COLOUR,
    EXPIRING_COLOUR,
    certificate_state_colour,
    certificate_state_label,
    days_left,
    days_left_text,
)
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import business_type_label, country_name, format_date

GREY = "#5f6b7a"


def _rows(pairs: list[tuple[str, str]]) -> str:
    """Label and value lines; values are HTML already, empty ones are left out."""
    cells = "".join(
        f"<tr><td style='color:{GREY}; padding:2px 12px 2px 0'>{escape(label)}</td>"
        f"<td style='padding:2px 0'>{value}</td></tr>"
        for label, value in pairs
        if value
    )
    return f"<table cellspacing='0'>{cells}</table>"


class CertificateDetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateDetail")
        self.certificate_id: int | None = None
        self.detail: CertificateDetail | None = None
        self.data = QTextBrowser()
        self.data.setObjectName("certificateData")
        self.data.setOpenLinks(False)
        self.history = CertificateHistoryModel()
        self.history_table = read_only_table(self.history)
        self.history_table.setObjectName("certificateHistory")
        header = self.history_table.horizontalHeader()
        header.setHighlightSections(False)
        for short in ("on", "event", "who"):
            header.setSectionResizeMode(
                COLUMN_INDEX[short], QHeaderView.ResizeMode.ResizeToContents
            )
        header.setSectionResizeMode(COLUMN_INDEX["reason"], QHeaderView.ResizeMode.Stretch)
        self.history_table.setWordWrap(True)  # a reason is read whole
        self.history_title = QLabel(self.tr("History"))
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.data)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.certificate_id = None
        self.detail = None
        self.history.set_events([])
        self.data.setHtml(
            f"<p style='color:{GREY}'>"
            + escape(self.tr("Select a certificate to see its details and history."))
            + "</p>"
        )

    def show_certificate(self, detail: CertificateDetail, workspace: Workspace) -> None:
        row = detail.row
        self.certificate_id = row.id
        self.detail = detail
        self.history.set_events(detail.events)
        self.history_table.resizeRowsToContents()
        today = workspace.today()
        chapters = workspace.chapters
        chapter = chapters.get(row.chapter_code) if row.chapter_code in chapters else None
        known = COUNTRIES.get(row.country)
        tax_label = known.tax_id_name if known else self.tr("Tax ID")
        state = (
            f"<span style='color:{certificate_state_colour(row.state).name()}'>&#9679;</span> "
            f"<b>{escape(certificate_state_label(row.state))}</b>"
        )
        self.data.setHtml(
            f"<h2 style='margin-bottom:0'>{escape(row.code)}</h2>"
            f"<p style='margin-top:2px'>{state}</p>"
            f"<h3 style='margin:8px 0 2px 0'>{escape(row.company_name)}</h3>"
            + _rows(
                [
                    (tax_label, escape(row.tax_id)),
                    (self.tr("Address"), escape(detail.company_address)),
                    (self.tr("City"), escape(detail.company_city)),
                    (self.tr("Country"), escape(country_name(row.country))),
                    (self.tr("Chapter"), escape(chapter.name if chapter else row.chapter_code)),
                    (self.tr("Scope"), escape(business_type_label(row.scope))),
                    (self.tr("Standard"), escape(row.standard_version)),
                    (self.tr("Issued"), escape(format_date(row.issued_on))),
                    (self.tr("Expires"), self._expiry(detail, today, chapter_warning(chapter))),
                    (self.tr("Issue number"), str(row.issue_number)),
                    (self.tr("Site"), str(row.site)),
                    (self.tr("Renews"), escape(detail.supersedes or "")),
                    (self.tr("Superseded by"), escape(detail.superseded_by or "")),
                ]
            )
            + history_html(workspace, "certificate", row.id)
        )

    def _expiry(self, detail: CertificateDetail, today: date, warning: int) -> str:
        row = detail.row
        text = escape(format_date(row.expires_on))
        days = days_left(row, today)
        if days is None:
            return text
        colour = EXPIRED_COLOUR if days <= 0 else EXPIRING_COLOUR if days <= warning else GREY
        return f"{text} <span style='color:{colour}'>({escape(days_left_text(days))})</span>"


def chapter_warning(chapter: object) -> int:
    """The chapter's expiry warning window in days (60 without a chapter)."""
    return int(getattr(chapter, "expiry_warning_days", 60))
