"""Dialogs for one corrective action: its plan (description, owner, due date), and a step.

A step is submitting, verifying or closing the action: each asks for the date and a
note; verifying also asks which follow-up audit in progress (of the same company)
verifies it.  On OK the service is asked; a refusal is shown and the dialog stays.
"""

from __future__ import annotations

from enum import StrEnum
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.vocabulary import AuditKind, AuditState
from basc_desktop.services.audit_forms import ActionRow, AuditQuery
from basc_desktop.services.audits import find_audits
from basc_desktop.services.corrective_actions import (
    close_action,
    submit_action,
    update_action_plan,
    verify_action,
)
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.text import format_date, verdict_label


class ActionStep(StrEnum):
    SUBMIT = "submit"
    VERIFY = "verify"
    CLOSE = "close"


def _date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def _summary(action: ActionRow) -> str:
    return (
        f"<b>{escape(action.company_name)}</b><br>"
        f"{escape(action.requirement_code)} — {escape(action.requirement_title)}<br>"
        f"{escape(verdict_label(action.severity))} · {escape(format_date(action.due_on))}"
    )


class ActionPlanDialog(QDialog):
    """Edit what the company will do, who answers for it, and by when."""

    def __init__(
        self, context: AppContext, action: ActionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.action = action
        self.saved: ActionRow | None = None
        self.setWindowTitle(self.tr("Corrective action plan"))
        self.resize(520, 360)
        self.description = QPlainTextEdit(action.description)
        self.description.setObjectName("actionDescription")
        self.owner = QLineEdit(action.owner)
        self.owner.setObjectName("actionOwner")
        self.due_on = _date_edit(to_qdate(action.due_on))
        form = QFormLayout()
        form.addRow(QLabel(_summary(action)))
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Owner at the company:"), self.owner)
        form.addRow(self.tr("D&ue date:"), self.due_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.saved = update_action_plan(
                self.context.workspace,
                self.action.id,
                description=self.description.toPlainText(),
                owner=self.owner.text(),
                due_on=to_date(self.due_on.date()),
                expected_version=self.action.version,
            )
        except Exception as error:
            show_error(self, error)
            return
        super().accept()


class ActionStepDialog(QDialog):
    """Submit, verify or close an action: the date, a note, and (verify) the follow-up audit."""

    def __init__(
        self,
        context: AppContext,
        action: ActionRow,
        step: ActionStep,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.action = action
        self.step = step
        self.saved: ActionRow | None = None
        titles = {
            ActionStep.SUBMIT: self.tr("Submit corrective action"),
            ActionStep.VERIFY: self.tr("Verify corrective action"),
            ActionStep.CLOSE: self.tr("Close corrective action"),
        }
        self.setWindowTitle(titles[step])
        self.resize(480, 300)
        today = context.workspace.today()
        self.on = _date_edit(to_qdate(today))
        self.note = QPlainTextEdit()
        self.note.setObjectName("actionNote")
        self.note.setPlaceholderText(
            self.tr("What the company did, what was seen, documents received…")
        )
        self.audit = QComboBox()
        self.audit.setObjectName("followUpAudit")
        form = QFormLayout()
        form.addRow(QLabel(_summary(action)))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        if step == ActionStep.VERIFY:
            form.addRow(self.tr("&Follow-up audit:"), self.audit)
            self._fill_audits()
        form.addRow(self.tr("&Date:"), self.on)
        form.addRow(self.tr("&Note:"), self.note)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _fill_audits(self) -> None:
        """The follow-up audits of the action's company now in progress."""
        query = AuditQuery(
            company_id=self.action.company_id,
            kinds=(AuditKind.FOLLOW_UP,),
            states=(AuditState.IN_PROGRESS,),
            limit=None,
        )
        for audit in find_audits(self.context.workspace, query):
            self.audit.addItem(
                self.tr("Follow-up of {date} ({lead})").format(
                    date=format_date(audit.planned_on), lead=audit.lead_auditor or "—"
                ),
                audit.id,
            )
        if not self.audit.count():
            self.audit.addItem(self.tr("No follow-up audit of this company is in progress"), 0)
            self.audit.setEnabled(False)

    def audit_id(self) -> int | None:
        return int(self.audit.currentData() or 0) or None

    def accept(self) -> None:
        ws = self.context.workspace
        on = to_date(self.on.date())
        note = self.note.toPlainText().strip()
        try:
            if self.step == ActionStep.SUBMIT:
                self.saved = submit_action(ws, self.action.id, on=on, note=note)
            elif self.step == ActionStep.CLOSE:
                self.saved = close_action(ws, self.action.id, on=on, note=note)
            else:
                audit_id = self.audit_id()
                if audit_id is None:
                    prompts.warn(
                        self,
                        self.windowTitle(),
                        self.tr(
                            "A corrective action is verified by a follow-up audit of the same "
                            "company. Plan and start one first."
                        ),
                    )
                    return
                self.saved = verify_action(ws, self.action.id, audit_id=audit_id, on=on, note=note)
        except Exception as error:
            show_error(self, error)
            return
        super().accept()
