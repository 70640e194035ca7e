"""Issue a certificate: pick a closed audit, see what the certificate would be, issue it.

The list holds the closed certification and recertification audits that have no
certificate yet.  Choosing one shows the preview the service computes: the code, the
dates, the scope, the signatories, the certificate it would supersede, and, when the
rules refuse, every reason why (then Issue stays off).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.search import fold
from basc_desktop.services.certificate_forms import CertificateRow, IssuableAudit, IssuePreview
from basc_desktop.services.certificates import issuable_audits, issue_certificate, preview_issue
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.search_box import enter_searches
from basc_desktop.ui.text import (
    DATE_FORMAT,
    audit_kind_label,
    business_type_label,
    format_date,
    message_text,
)

AUDIT_ROLE = Qt.ItemDataRole.UserRole + 1
GREY = "#5f6b7a"
RED = "#c62828"


class IssueCertificateDialog(QDialog):
    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, audit_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.issued: CertificateRow | None = None
        self.preview: IssuePreview | None = None
        self.setWindowTitle(self.tr("Issue certificate"))
        self.resize(760, 560)
        ws = context.workspace

        self.search = QLineEdit()
        self.search.setObjectName("issuableSearch")
        self.search.setPlaceholderText(self.tr("Type part of the company's name or tax ID"))
        self.search.setClearButtonEnabled(True)
        self.audits = QListWidget()
        self.audits.setObjectName("issuableAudits")
        self.on = QDateEdit(to_qdate(ws.today()))
        self.on.setObjectName("issueDate")
        self.on.setDisplayFormat(DATE_FORMAT)
        self.on.setCalendarPopup(True)
        self.summary = QTextBrowser()
        self.summary.setObjectName("issuePreview")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button: QPushButton = self.buttons.addButton(
            self.tr("&Issue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setEnabled(False)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter in the search box neither issues nor cancels
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        chooser = QFormLayout()
        chooser.addRow(self.tr("&Find:"), self.search)
        chooser.addRow(QLabel(self.tr("Closed audits without a certificate:")))
        chooser.addRow(self.audits)
        chooser.addRow(self.tr("Issue &date:"), self.on)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser, 2)
        layout.addWidget(self.summary, 3)
        layout.addWidget(self.buttons)

        self._all: list[IssuableAudit] = issuable_audits(ws)
        self._fill()
        self.search.textChanged.connect(self._fill)
        enter_searches(self.search)
        self.audits.currentItemChanged.connect(lambda *_: self.refresh_preview())
        self.on.dateChanged.connect(lambda *_: self.refresh_preview())
        if audit_id is not None:
            self.choose_audit(audit_id)
        elif self.audits.count():
            self.audits.setCurrentRow(0)
        else:
            self.refresh_preview()

    # --- the audits -----------------------------------------------------------------

    def _fill(self) -> None:
        words = fold(self.search.text()).split()
        chosen = self.audit_id()
        self.audits.blockSignals(True)
        try:
            self.audits.clear()
            for audit in self._all:
                text = (
                    f"{audit.company_name} · {audit.tax_id} · {audit_kind_label(audit.kind)}"
                    f" · {audit.chapter_code} · {format_date(audit.finished_on)}"
                )
                if words and not all(word in fold(text) for word in words):
                    continue
                item = QListWidgetItem(text, self.audits)
                item.setData(AUDIT_ROLE, audit.audit_id)
                if audit.audit_id == chosen:
                    self.audits.setCurrentItem(item)
            if self.audits.currentItem() is None and self.audits.count():
                self.audits.setCurrentRow(0)
        finally:
            self.audits.blockSignals(False)
        self.refresh_preview()

    def audit_id(self) -> int | None:
        item = self.audits.currentItem()
        return int(item.data(AUDIT_ROLE)) if item is not None else None

    def choose_audit(self, audit_id: int) -> bool:
        for row in range(self.audits.count()):
            if self.audits.item(row).data(AUDIT_ROLE) == audit_id:
                self.audits.setCurrentRow(row)
                return True
        return False

    # --- the preview ----------------------------------------------------------------

    def refresh_preview(self) -> None:
        audit_id = self.audit_id()
        self.preview = None
        if audit_id is None:
            self.issue_button.setEnabled(False)
            text = (
                self.tr("No audit matches the search.")
                if self._all
                else self.tr(
                    "No closed certification or recertification audit is waiting for its "
                    "certificate."
                )
            )
            self.summary.setHtml(f"<p style='color:{GREY}'>{escape(text)}</p>")
            return
        try:
            preview = preview_issue(self.context.workspace, audit_id, on=to_date(self.on.date()))
        except Exception as error:
            self.issue_button.setEnabled(False)
            self.summary.clear()
            show_error(self, error)
            return
        self.preview = preview
        self.issue_button.setEnabled(preview.may_issue)
        self.summary.setHtml(self._preview_html(preview))

    def refusals(self) -> list[str]:
        """The reasons the rules give against issuing, as shown (empty when it may be issued)."""
        if self.preview is None:
            return []
        return [
            refusal if isinstance(refusal, str) else message_text(refusal)
            for refusal in self.preview.refusals
        ]

    def _preview_html(self, preview: IssuePreview) -> str:
        def line(label: str, value: str) -> str:
            return (
                f"<tr><td style='color:{GREY}; padding:2px 12px 2px 0'>{escape(label)}</td>"
                f"<td style='padding:2px 0'>{value}</td></tr>"
            )

        signatories = "<br>".join(escape(name) for name in preview.signatories) or "—"
        rows = [
            line(self.tr("Company"), f"<b>{escape(preview.company_name)}</b>"),
            line(self.tr("Tax ID"), escape(preview.tax_id)),
            line(self.tr("Code"), f"<b>{escape(preview.code)}</b>"),
            line(self.tr("Scope"), escape(business_type_label(preview.scope))),
            line(self.tr("Standard"), escape(preview.standard_version)),
            line(self.tr("Issued"), escape(format_date(preview.issued_on))),
            line(self.tr("Expires"), escape(format_date(preview.expires_on))),
            line(self.tr("Signatories"), signatories),
        ]
        if preview.supersedes:
            rows.append(line(self.tr("Supersedes"), escape(preview.supersedes)))
        html = f"<table cellspacing='0'>{''.join(rows)}</table>"
        if preview.refusals:
            items = "".join(f"<li>{escape(text)}</li>" for text in self.refusals())
            html += (
                f"<h4 style='color:{RED}; margin:12px 0 4px 0'>"
                + escape(self.tr("This certificate cannot be issued:"))
                + f"</h4><ul style='color:{RED}'>{items}</ul>"
            )
        return html

    # --- issuing --------------------------------------------------------------------

    def accept(self) -> None:
        audit_id = self.audit_id()
        if audit_id is None or self.preview is None or not self.preview.may_issue:
            return
        try:
            self.issued = issue_certificate(
                self.context.workspace, audit_id, on=to_date(self.on.date())
            )
        except Exception as error:
            show_error(self, error, self.windowTitle())
            self.refresh_preview()
            return
        super().accept()
