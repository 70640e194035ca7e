"""What a coordinator does from the Certificates area: the toolbar and menu actions.

Issue… (Ctrl+N), Suspend… (Ctrl+Shift+U), Reinstate… (Ctrl+Shift+R), Withdraw…
(Ctrl+Shift+W), Print/PDF… of the selected certificates (Ctrl+P), Print all issued this
month…, Verify…, and Refresh (F5).  The moves are enabled only when the domain allows
them for the selected certificate.  Printing makes one PDF in the background (progress
and Cancel), then shows it in a preview that prints or saves it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from basc_desktop.domain.vocabulary import CertificateEventKind
from basc_desktop.services.certificate_forms import CertificateRow
from basc_desktop.services.certificate_printing import (
    certificate_ids_issued_in,
    write_certificates_pdf,
)
from basc_desktop.services.certificates import allowed_moves
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.dialogs.certificate_move import CertificateMoveDialog
from basc_desktop.ui.dialogs.issue_certificate import IssueCertificateDialog
from basc_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from basc_desktop.ui.dialogs.verify_dialog import VerifyDialog
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_count

if TYPE_CHECKING:
    from basc_desktop.ui.areas.certificates import CertificatesArea


def temporary_pdf(prefix: str) -> Path:
    """A new empty file for a PDF to preview (the preview removes it when closed)."""
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=".pdf")
    os.close(handle)
    return Path(name)


class CertificateCommands(QObject):
    def __init__(self, area: CertificatesArea) -> None:
        super().__init__(area)
        self.area = area
        self.issue_dialog: IssueCertificateDialog | None = None
        self.move_dialog: CertificateMoveDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.printing: Operation | None = None
        self.batch_path: Path | None = None
        """Where the last batch PDF is made (a temporary file the preview removes)."""
        self.issue_action = self._action(self.tr("&Issue…"), self.issue, "Ctrl+N")
        self.suspend_action = self._action(
            self.tr("&Suspend…"),
            lambda: self.move(CertificateEventKind.SUSPENDED),
            "Ctrl+Shift+U",
        )
        self.reinstate_action = self._action(
            self.tr("&Reinstate…"),
            lambda: self.move(CertificateEventKind.REINSTATED),
            "Ctrl+Shift+R",
        )
        self.withdraw_action = self._action(
            self.tr("&Withdraw…"),
            lambda: self.move(CertificateEventKind.WITHDRAWN),
            "Ctrl+Shift+W",
        )
        self.print_action = self._action(self.tr("&Print/PDF…"), self.print_selected, "Ctrl+P")
        self.print_month_action = self._action(
            self.tr("Print all issued this &month…"), self.print_this_month
        )
        # No shortcut here: the main window's menu gives Verify its shortcut everywhere.
        self.verify_action = self._action(self.tr("&Verify…"), self.verify)
        self.refresh_action = self._action(self.tr("Re&fresh"), self.area.reload)
        self.move_actions = {
            CertificateEventKind.SUSPENDED: self.suspend_action,
            CertificateEventKind.REINSTATED: self.reinstate_action,
            CertificateEventKind.WITHDRAWN: self.withdraw_action,
        }

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

    def update(self, current: CertificateRow | None, selected: int) -> None:
        """Enable each move only when the domain allows it for ``current``."""
        allowed = allowed_moves(current) if current is not None else frozenset()
        for kind, action in self.move_actions.items():
            action.setEnabled(kind in allowed)
        self.print_action.setEnabled(selected > 0)

    # --- issuing --------------------------------------------------------------------

    def issue(self, audit_id: int | None = None) -> IssueCertificateDialog:
        dialog = IssueCertificateDialog(self.area.context, self.area, audit_id=audit_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._issued(dialog.issued))
        self.issue_dialog = dialog
        dialog.open()
        return dialog

    def _issued(self, issued: CertificateRow | None) -> None:
        self._announce()
        if issued is not None:
            self.area.reveal_certificate(issued.id)
            self.area.status_changed.emit(
                self.tr("Certificate {code} issued to {company}").format(
                    code=issued.code, company=issued.company_name
                )
            )

    # --- suspend, reinstate, withdraw -----------------------------------------------

    def move(self, kind: CertificateEventKind) -> CertificateMoveDialog | None:
        certificate = self.area.current_certificate()
        if certificate is None or kind not in allowed_moves(certificate):
            return None
        dialog = CertificateMoveDialog(self.area.context, certificate, kind, self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._moved(certificate.id))
        self.move_dialog = dialog
        dialog.open()
        return dialog

    def _moved(self, certificate_id: int) -> None:
        self._announce()
        self.area.reveal_certificate(certificate_id)

    def _announce(self) -> None:
        self.area.context.changes.announce(changes.CERTIFICATES, changes.MEMBERS)

    # --- printing -------------------------------------------------------------------

    def print_selected(self) -> Operation | None:
        chosen = self.area.selected_certificates()
        if not chosen:
            return None
        name = f"{chosen[0].code}.pdf" if len(chosen) == 1 else self._dated_name()
        return self.print_certificates([row.id for row in chosen], name)

    def print_this_month(self) -> Operation | None:
        today = self.area.context.workspace.today()
        ids = certificate_ids_issued_in(self.area.context.workspace, today.year, today.month)
        if not ids:
            prompts.inform(
                self.area,
                self.tr("Print certificates"),
                self.tr("No certificate was issued this month."),
            )
            return None
        return self.print_certificates(ids, f"certificates-{today:%Y-%m}.pdf")

    def _dated_name(self) -> str:
        return f"certificates-{self.area.context.workspace.today().isoformat()}.pdf"

    def print_certificates(self, ids: Sequence[int], suggested_name: str) -> Operation:
        """Make one PDF of ``ids`` in the background, then preview it."""
        ws = self.area.context.workspace
        path = self.batch_path = temporary_pdf("basc-certificates-")
        count = len(ids)

        def write(reporter: Reporter) -> int:
            return write_certificates_pdf(
                ws, list(ids), path, progress=reporter.progress, cancelled=reporter.cancelled
            )

        operation = Operation(
            write,
            parent=self.area,
            title=self.tr("Print certificates"),
            label=self.tr("Making the PDF of {count} certificates…").format(
                count=format_count(count)
            ),
        )
        operation.on_success(lambda _pages: self._show_preview(path, suggested_name))
        operation.on_cancel(lambda: path.unlink(missing_ok=True))
        operation.failed.connect(lambda _error: path.unlink(missing_ok=True))
        self.printing = operation
        return operation.start()

    def _show_preview(self, path: Path, suggested_name: str) -> PdfPreviewDialog:
        dialog = PdfPreviewDialog(
            path,
            self.area,
            title=self.tr("Certificates — preview"),
            suggested_name=suggested_name,
            temporary=True,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview = dialog
        dialog.open()
        return dialog

    # --- verifying ------------------------------------------------------------------

    def verify(self) -> VerifyDialog:
        dialog = VerifyDialog(self.area.context, self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.verify_dialog = dialog
        dialog.show()
        return dialog
