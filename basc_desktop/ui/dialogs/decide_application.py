"""Record the committee's decision on one application: admitted, rejected or postponed.

A rejection must give its reason, and a postponement what the company is to bring; an
admission needs every document in.  The service judges: what it refuses is written in
red under the form, the dialog stays open and nothing is saved.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.vocabulary import ApplicationDecision
from basc_desktop.services.admission_forms import ApplicationRow
from basc_desktop.services.admissions import decide_application
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.applications_model import decision_icon_text, documents_text
from basc_desktop.ui.text import DATE_FORMAT, business_type_label, error_text, format_date

ERROR_COLOUR = "#c62828"


class DecideApplicationDialog(QDialog):
    def __init__(
        self, context: AppContext, application: ApplicationRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.application = application
        self.saved: ApplicationRow | None = None
        self.setWindowTitle(self.tr("Committee decision"))
        self.resize(520, 380)
        today = context.workspace.today()
        committee = application.committee_on
        summary = QLabel(
            f"<b>{escape(application.company_name)}</b> · {escape(application.tax_id)}<br>"
            + escape(
                " · ".join(
                    (
                        business_type_label(application.business_type),
                        self.tr("{documents} documents").format(
                            documents=documents_text(
                                application.documents_received, application.documents_required
                            )
                        ),
                        self.tr("committee of {date}").format(date=format_date(committee)),
                    )
                )
            )
        )
        summary.setObjectName("decisionSummary")
        self.choices = QButtonGroup(self)
        self.radios: dict[ApplicationDecision, QRadioButton] = {}
        row = QHBoxLayout()
        for decision in ApplicationDecision:
            icon, text = decision_icon_text(decision)
            radio = QRadioButton(text)
            radio.setIcon(icon)
            radio.setObjectName(f"decision_{decision.value}")
            self.choices.addButton(radio)
            self.radios[decision] = radio
            row.addWidget(radio)
        row.addStretch(1)
        self.radios[ApplicationDecision.ADMITTED].setChecked(True)
        self.decided_on = QDateEdit(to_qdate(min(committee or today, today)))
        self.decided_on.setObjectName("decidedOn")
        self.decided_on.setDisplayFormat(DATE_FORMAT)
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setMaximumDate(to_qdate(today))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decisionReason")
        self.error = QLabel()
        self.error.setObjectName("decisionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(summary)
        form.addRow(self.tr("Decision:"), row)
        form.addRow(self.tr("&Date:"), self.decided_on)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.choices.buttonToggled.connect(lambda *_: self._decision_changed())
        self.reason.textChanged.connect(self.error.hide)
        self._decision_changed()

    def decision(self) -> ApplicationDecision:
        for decision, radio in self.radios.items():
            if radio.isChecked():
                return decision
        return ApplicationDecision.ADMITTED

    def choose(self, decision: ApplicationDecision) -> None:
        self.radios[decision].setChecked(True)

    def _decision_changed(self) -> None:
        hints = {
            ApplicationDecision.ADMITTED: self.tr("Optional"),
            ApplicationDecision.REJECTED: self.tr("Required: why the committee turned it down"),
            ApplicationDecision.POSTPONED: self.tr("Required: what the company is to bring"),
        }
        self.reason.setPlaceholderText(hints[self.decision()])
        self.error.hide()

    def accept(self) -> None:
        try:
            self.saved = decide_application(
                self.context.workspace,
                self.application.id,
                self.decision(),
                reason=self.reason.toPlainText().strip(),
                on=to_date(self.decided_on.date()),
                expected_version=self.application.version,
            )
        except BascError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        except Exception as error:
            show_error(self, error)
            return
        super().accept()
