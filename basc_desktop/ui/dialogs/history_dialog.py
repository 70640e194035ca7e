"""A record's history of changes (who, when, each field old → new) in a window of its own.

For the areas whose detail has no room for it: audits and applications.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.areas.activity_history import history_html


class RecordHistoryDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        record_type: str,
        record_id: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {record}").format(record=title))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(history_html(workspace, record_type, record_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)


def show_history(
    parent: QWidget, workspace: Workspace, record_type: str, record_id: int, title: str
) -> RecordHistoryDialog:
    dialog = RecordHistoryDialog(workspace, record_type, record_id, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
