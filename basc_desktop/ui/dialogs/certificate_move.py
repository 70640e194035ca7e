"""Suspend, reinstate or withdraw a certificate: the reason and the date (today unless
changed).  Withdrawal is final, so it is confirmed once more.  On OK the service is
asked; a refusal is shown and the dialog stays."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.vocabulary import CertificateEventKind
from basc_desktop.services.certificate_forms import CertificateRow
from basc_desktop.services.certificates import (
    reinstate_certificate,
    suspend_certificate,
    withdraw_certificate,
)
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.certificates_model import certificate_state_label
from basc_desktop.ui.text import DATE_FORMAT, format_date

MOVES = (
    CertificateEventKind.SUSPENDED,
    CertificateEventKind.REINSTATED,
    CertificateEventKind.WITHDRAWN,
)
_SERVICES = {
    CertificateEventKind.SUSPENDED: suspend_certificate,
    CertificateEventKind.REINSTATED: reinstate_certificate,
    CertificateEventKind.WITHDRAWN: withdraw_certificate,
}


class CertificateMoveDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        certificate: CertificateRow,
        move: CertificateEventKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if move not in MOVES:
            raise ValueError(f"not a move a coordinator makes: {move}")
        self.context = context
        self.certificate = certificate
        self.kind = move
        self.saved: CertificateRow | None = None
        titles = {
            CertificateEventKind.SUSPENDED: self.tr("Suspend certificate"),
            CertificateEventKind.REINSTATED: self.tr("Reinstate certificate"),
            CertificateEventKind.WITHDRAWN: self.tr("Withdraw certificate"),
        }
        hints = {
            CertificateEventKind.SUSPENDED: self.tr(
                "An overdue major nonconformity, unpaid fees, a security incident…"
            ),
            CertificateEventKind.REINSTATED: self.tr("What was put right, and how it was checked…"),
            CertificateEventKind.WITHDRAWN: self.tr("Why the certificate is withdrawn…"),
        }
        self.setWindowTitle(titles[move])
        self.resize(500, 320)
        state = certificate_state_label(certificate.state)
        summary = QLabel(
            f"<b>{escape(certificate.code)}</b> · {escape(state)}"
            f"<br>{escape(certificate.company_name)} · {escape(certificate.tax_id)}"
            f"<br><span style='color:#5f6b7a'>"
            + escape(
                self.tr("Issued {issued}, expires {expires}").format(
                    issued=format_date(certificate.issued_on),
                    expires=format_date(certificate.expires_on),
                )
            )
            + "</span>"
        )
        summary.setObjectName("moveSummary")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("moveReason")
        self.reason.setPlaceholderText(hints[move])
        self.on = QDateEdit(to_qdate(context.workspace.today()))
        self.on.setObjectName("moveDate")
        self.on.setDisplayFormat(DATE_FORMAT)
        self.on.setCalendarPopup(True)
        form = QFormLayout()
        form.addRow(summary)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("&Date:"), self.on)
        self.final_note: QLabel | None = None
        if move == CertificateEventKind.WITHDRAWN:
            self.final_note = QLabel(
                self.tr("Withdrawal is final: the certificate cannot be reinstated afterwards.")
            )
            self.final_note.setWordWrap(True)
            self.final_note.setStyleSheet("color: #c62828; font-weight: bold;")
            form.addRow(self.final_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            return
        on = to_date(self.on.date())
        if self.kind == CertificateEventKind.WITHDRAWN and not prompts.ask(
            self,
            self.windowTitle(),
            self.tr(
                "Withdraw certificate {code} of {company} on {date}? This is final: it cannot "
                "be reinstated afterwards."
            ).format(
                code=self.certificate.code,
                company=self.certificate.company_name,
                date=format_date(on),
            ),
        ):
            return
        service = _SERVICES[self.kind]
        try:
            self.saved = service(
                self.context.workspace,
                self.certificate.id,
                reason=reason,
                on=on,
                expected_version=self.certificate.version,
            )
        except Exception as error:
            show_error(self, error, self.windowTitle())
            return
        super().accept()
