"""What a coordinator does to an audit from the Audits area: the toolbar and menu actions.

Plan audit… (Ctrl+N), Auditors… (Ctrl+Shift+A), Change plan… (Ctrl+Shift+E), Start,
Open checklist (Enter), Report, Close and Export report PDF….  Each asks the service; a
move the audit's state forbids is refused by the domain and its reason is shown as it is.
Every write is announced, so the other screens (Members shows the next audit, Corrective
actions the new actions) refresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.vocabulary import AuditState
from basc_desktop.services.audit_forms import AuditRow
from basc_desktop.services.audit_report import audit_report_pdf
from basc_desktop.services.audits import (
    close_audit,
    report_audit,
    start_audit,
    update_audit_plan,
)
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.audit_checklist import ChecklistDialog
from basc_desktop.ui.dialogs.auditors_dialog import AuditorsDialog
from basc_desktop.ui.dialogs.history_dialog import RecordHistoryDialog, show_history
from basc_desktop.ui.dialogs.plan_audit import PlanAuditDialog
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.excel_export import export_to_excel
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_date

if TYPE_CHECKING:
    from basc_desktop.ui.areas.audits import AuditsArea


def report_file_name(audit: AuditRow) -> str:
    """A file name for an audit's report: ``audit-<id>-<company>.pdf``."""
    company = re.sub(r"[^\w-]+", "-", audit.company_name.lower()).strip("-")[:40]
    return f"audit-{audit.id}-{company or 'company'}.pdf"


class AuditCommands(QObject):
    def __init__(self, area: AuditsArea) -> None:
        super().__init__(area)
        self.area = area
        self.plan_dialog: PlanAuditDialog | None = None
        self.checklist_dialog: ChecklistDialog | None = None
        self.export: Operation | None = None
        self.plan_action = self._action(self.tr("&Plan audit…"), self.plan, "Ctrl+N")
        self.change_action = self._action(
            self.tr("C&hange plan…"), self.change_plan, "Ctrl+Shift+E"
        )
        self.start_action = self._action(self.tr("&Start"), self.start, "Ctrl+Shift+S")
        self.checklist_action = self._action(self.tr("Open &checklist"), self.open_checklist)
        self.checklist_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.report_action = self._action(self.tr("&Report"), self.report, "Ctrl+Shift+R")
        self.close_action = self._action(self.tr("C&lose audit"), self.close, "Ctrl+Shift+L")
        self.export_action = self._action(self.tr("&Export report PDF…"), self.export_pdf, "Ctrl+E")
        self.auditors_dialog: AuditorsDialog | None = None
        self.auditors_action = self._action(
            self.tr("A&uditors…"), self.manage_auditors, "Ctrl+Shift+A"
        )
        self.excel_action = self._action(self.tr("Export to E&xcel…"), self.export_excel)
        self.history_action = self._action(self.tr("&History…"), self.history, "Ctrl+Shift+H")
        self.audit_actions = (
            self.change_action,
            self.start_action,
            self.checklist_action,
            self.report_action,
            self.close_action,
            self.export_action,
            self.history_action,
        )

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self.area)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.area.addAction(action)
        return action

    def update(self, audit: AuditRow | None) -> None:
        """Enable what makes sense with ``audit`` selected (the domain judges each move)."""
        for action in self.audit_actions:
            action.setEnabled(audit is not None)

    def history(self) -> RecordHistoryDialog | None:
        """Who changed the selected audit, when, and each field old → new."""
        audit = self.area.current_audit()
        if audit is None:
            return None
        title = self.tr("audit {id} of {company}").format(id=audit.id, company=audit.company_name)
        return show_history(self.area, self.area.context.workspace, "audit", audit.id, title)

    def manage_auditors(self) -> AuditorsDialog:
        """Register, correct, retire or reactivate auditors (the dialog announces changes)."""
        dialog = AuditorsDialog(self.area.context, self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.auditors_dialog = dialog
        dialog.open()
        return dialog

    # --- planning -------------------------------------------------------------------

    def plan(self) -> PlanAuditDialog:
        dialog = PlanAuditDialog(self.area.context, self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._planned(dialog))
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, dialog: PlanAuditDialog) -> None:
        if dialog.saved is not None:
            self._announce()
            self.area.select_audit(dialog.saved.id)

    def change_plan(self) -> PlanAuditDialog | None:
        """Change the selected audit's plan; only a planned one (the service says why)."""
        audit = self.area.current_audit()
        if audit is None:
            return None
        if audit.state != AuditState.PLANNED:
            ws = self.area.context.workspace
            # The service judges: it refuses with the reason, which is shown.
            self._move(
                lambda: update_audit_plan(
                    ws, audit.id, audit.plan(), expected_version=audit.version
                ),
                audit,
            )
            return None
        dialog = PlanAuditDialog(self.area.context, self.area, audit=audit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._plan_changed(dialog, audit.id))
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def _plan_changed(self, dialog: PlanAuditDialog, audit_id: int) -> None:
        """Saved, or reloaded after someone else's change: the lists and next audits follow."""
        if dialog.saved is not None or dialog.reloaded:
            self.area.context.changes.announce(changes.AUDITS, changes.MEMBERS)
            self.area.select_audit(audit_id)

    # --- moves ----------------------------------------------------------------------

    def start(self) -> bool:
        audit = self.area.current_audit()
        if audit is None:
            return False
        return self._move(lambda: start_audit(self.area.context.workspace, audit.id), audit)

    def report(self) -> bool:
        audit = self.area.current_audit()
        if audit is None:
            return False
        question = self.tr(
            "Report the audit of {company}? Its nonconformities become corrective actions, "
            "and its verdicts can no longer be changed."
        ).format(company=audit.company_name)
        if not prompts.ask(self.area, self.tr("Report audit"), question):
            return False
        return self._move(lambda: report_audit(self.area.context.workspace, audit.id), audit)

    def close(self) -> bool:
        audit = self.area.current_audit()
        if audit is None:
            return False
        question = self.tr("Close the audit of {company}? Nothing more can be recorded on it.")
        if not prompts.ask(
            self.area, self.tr("Close audit"), question.format(company=audit.company_name)
        ):
            return False
        return self._move(lambda: close_audit(self.area.context.workspace, audit.id), audit)

    def _move(self, call: Callable[[], object], audit: AuditRow) -> bool:
        """Make the move ``call`` asks for; a refusal is shown with the domain's reason."""
        try:
            call()
        except BascError as error:
            show_error(self.area, error, self.tr("Audit"))
            return False
        self._announce()
        self.area.select_audit(audit.id)
        return True

    def _announce(self) -> None:
        self.area.context.changes.announce(changes.AUDITS, changes.ACTIONS, changes.MEMBERS)

    # --- the checklist --------------------------------------------------------------

    def open_checklist(self) -> ChecklistDialog | None:
        audit = self.area.current_audit()
        if audit is None:
            return None
        if audit.state == AuditState.PLANNED:
            prompts.inform(
                self.area,
                self.tr("Audit checklist"),
                self.tr("The checklist is made when the audit starts; start it first."),
            )
            return None
        try:
            dialog = ChecklistDialog(self.area.context, audit.id, self.area)
        except BascError as error:
            show_error(self.area, error)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._checklist_closed(dialog, audit.id))
        self.checklist_dialog = dialog
        dialog.open()
        return dialog

    def _checklist_closed(self, dialog: ChecklistDialog, audit_id: int) -> None:
        self.checklist_dialog = None
        if dialog.saved:
            self.area.context.changes.announce(changes.AUDITS)
            self.area.select_audit(audit_id)

    # --- the report -----------------------------------------------------------------

    def export_pdf(self) -> Operation | None:
        audit = self.area.current_audit()
        if audit is None:
            return None
        folder = Path(self.area.context.settings.data_dir)
        path = prompts.choose_save_file(
            self.area,
            self.tr("Export audit report"),
            str(folder / report_file_name(audit)),
            self.tr("PDF files (*.pdf)"),
        )
        if path is None:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        ws = self.area.context.workspace

        def write(_reporter: Reporter) -> Path:
            # In the member's chapter's language (French for Haiti), not the window's.
            return audit_report_pdf(ws, audit.id, target)

        self.export = Operation(
            write,
            parent=self.area,
            label=self.tr("Writing the audit report of {company}…").format(
                company=audit.company_name
            ),
            cancellable=False,
        )
        self.export.on_success(lambda written: self._exported(audit, written))
        return self.export.start()

    def export_excel(self) -> Operation | None:
        """The audit plan, as the list filters it, to an Excel workbook."""
        self.export = export_to_excel(self.area, self.area.context, "audits", self.area.model.query)
        return self.export

    def _exported(self, audit: AuditRow, written: Path) -> None:
        self.area.status_changed.emit(
            self.tr("Report of the audit of {date} saved to {path}").format(
                date=format_date(audit.planned_on), path=str(written)
            )
        )
