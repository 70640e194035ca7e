"""Help ▸ About: the version, and where this installation keeps its data."""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from basc_desktop import __version__
from basc_desktop.store.engine import display_url
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.resources import icon


class AboutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About BASC Desktop"))
        settings = context.settings
        logo = QLabel()
        logo.setPixmap(icon("basc-desktop").pixmap(56, 56))
        title = QLabel(
            f"<h2>BASC Desktop {escape(__version__)}</h2>"
            + "<p>"
            + escape(
                self.tr(
                    "Member registration, audits and certification for the chapters of the "
                    "Business Alliance for Secure Commerce (BASC)."
                )
            )
            + "</p>"
        )
        title.setWordWrap(True)
        rows = [
            (self.tr("Version"), __version__),
            (self.tr("Database"), display_url(context.workspace.db.url)),
            (self.tr("Data folder"), str(settings.data_dir)),
            (self.tr("Log file"), str(settings.log_file)),
            (self.tr("User"), context.workspace.user),
            (
                self.tr("Built with"),
                f"Python {platform.python_version()}, Qt {qVersion()}, "
                f"PySide6 {PySide6.__version__}",
            ),
        ]
        details = QLabel(
            "<table cellspacing='0'>"
            + "".join(
                f"<tr><td style='padding:2px 12px 2px 0'><b>{escape(label)}</b></td>"
                f"<td style='padding:2px 0'>{escape(value)}</td></tr>"
                for label, value in rows
            )
            + "</table>"
        )
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = details
        self.text = "\n".join(f"{label}: {value}" for label, value in rows)
        """The same facts as plain text (for tests and for copying)."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(details)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
