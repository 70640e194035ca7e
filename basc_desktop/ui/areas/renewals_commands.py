"""What a coordinator does from the Renewals area: letters, Excel, marking reminders sent.

Reminder letters… (Ctrl+P) writes one PDF of the selected companies (or of the whole
list) in the background with progress and Cancel, shows it in the preview, and when
the preview is closed asks whether to mark these reminders as sent.  Excel… (Ctrl+E)
saves the list as shown.  Mark as sent asks first.  Refresh is F5.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from basc_desktop.services.reminder_forms import ReminderRow
from basc_desktop.services.reminders import (
    export_reminders_xlsx,
    mark_reminders_sent,
    write_reminder_letters_pdf,
)
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.certificate_commands import temporary_pdf
from basc_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_count

if TYPE_CHECKING:
    from basc_desktop.ui.areas.renewals import RenewalsArea


class RenewalCommands(QObject):
    def __init__(self, area: RenewalsArea) -> None:
        super().__init__(area)
        self.area = area
        self.preview: PdfPreviewDialog | None = None
        self.writing: Operation | None = None
        self.letters_path: Path | None = None
        """Where the last letters were made (a temporary file the preview removes)."""
        self.letters_action = self._action(
            self.tr("Reminder &letters…"), self.write_letters, "Ctrl+P"
        )
        self.excel_action = self._action(self.tr("E&xcel…"), self.export_excel, "Ctrl+E")
        self.mark_action = self._action(self.tr("&Mark as sent"), self.mark_selected)
        self.refresh_action = self._action(self.tr("Re&fresh"), self.area.refresh)

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

    def update(self, selected: int, listed: int) -> None:
        self.letters_action.setEnabled(listed > 0)
        self.excel_action.setEnabled(listed > 0)
        self.mark_action.setEnabled(selected > 0)

    # --- letters --------------------------------------------------------------------

    def write_letters(self) -> Operation | None:
        """Make the letters of the selection (or the whole list), then preview them."""
        rows = self.area.rows_to_act_on()
        if not rows:
            return None
        ws = self.area.context.workspace
        ids = [row.company_id for row in rows]
        path = self.letters_path = temporary_pdf("basc-reminders-")
        name = f"renewal-reminders-{ws.today().isoformat()}.pdf"

        def write(reporter: Reporter) -> Path:
            return write_reminder_letters_pdf(
                ws, ids, path, progress=reporter.progress, cancelled=reporter.cancelled
            )

        operation = Operation(
            write,
            parent=self.area,
            title=self.tr("Reminder letters"),
            label=self.tr("Writing {count} reminder letters…").format(count=format_count(len(ids))),
        )
        operation.on_success(lambda _path: self._show_preview(path, name, rows))
        operation.on_cancel(lambda: path.unlink(missing_ok=True))
        operation.failed.connect(lambda _error: path.unlink(missing_ok=True))
        self.writing = operation
        return operation.start()

    def _show_preview(
        self, path: Path, suggested_name: str, rows: Sequence[ReminderRow]
    ) -> PdfPreviewDialog:
        dialog = PdfPreviewDialog(
            path,
            self.area,
            title=self.tr("Reminder letters — preview"),
            suggested_name=suggested_name,
            temporary=True,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.offer_marking(rows))
        self.preview = dialog
        dialog.open()
        return dialog

    def offer_marking(self, rows: Sequence[ReminderRow]) -> bool:
        """Ask whether the letters went out; if so, record the reminders as sent."""
        question = self.tr("Mark these {count} reminders as sent?").format(
            count=format_count(len(rows))
        )
        if not prompts.ask(self.area, self.tr("Reminder letters"), question):
            return False
        return self._mark(rows)

    # --- marking --------------------------------------------------------------------

    def mark_selected(self) -> bool:
        rows = self.area.selected_rows()
        if not rows:
            return False
        question = self.tr(
            "Record that a renewal reminder was sent today to {count} companies?"
        ).format(count=format_count(len(rows)))
        if not prompts.ask(self.area, self.tr("Mark as sent"), question):
            return False
        return self._mark(rows)

    def _mark(self, rows: Sequence[ReminderRow]) -> bool:
        try:
            mark_reminders_sent(self.area.context.workspace, [row.company_id for row in rows])
        except Exception as error:
            show_error(self.area, error)
            return False
        self.area.context.changes.announce(changes.MEMBERS)
        return True

    # --- Excel ----------------------------------------------------------------------

    def export_excel(self) -> Operation | None:
        rows = self.area.model.rows()
        if not rows:
            return None
        ws = self.area.context.workspace
        suggested = Path.home() / f"renewal-reminders-{ws.today().isoformat()}.xlsx"
        chosen = prompts.choose_save_file(
            self.area,
            self.tr("Export the renewal reminders"),
            str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(f"{chosen}.xlsx")

        def write(reporter: Reporter) -> Path:
            return export_reminders_xlsx(
                ws, rows, path, progress=reporter.progress, cancelled=reporter.cancelled
            )

        operation = Operation(
            write,
            parent=self.area,
            title=self.tr("Export the renewal reminders"),
            label=self.tr("Writing the workbook…"),
        )
        operation.on_success(
            lambda _path: prompts.inform(
                self.area,
                self.tr("Export the renewal reminders"),
                self.tr("{count} companies were written to {path}.").format(
                    count=format_count(len(rows)), path=path
                ),
            )
        )
        self.writing = operation
        return operation.start()
