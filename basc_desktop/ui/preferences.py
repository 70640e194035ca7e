"""File ▸ Preferences: language, which database to use, and the coordinator's chapter."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import BascError
from basc_desktop.services.access import visible_chapters
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import DATABASE_FILE
from basc_desktop.store.engine import display_url
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import error_text

log = logging.getLogger(__name__)

LANGUAGE_NAMES = (("es", "Español"), ("en", "English"), ("fr", "Français"))
"""Each language by its own name, so anyone can find theirs."""
SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://")


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        prefs = context.settings.preferences
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(560)

        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))

        self.chapter = QComboBox()
        self.chapter.addItem(self.tr("(not chosen)"), "")
        for chapter in visible_chapters(context.workspace):
            self.chapter.addItem(f"{chapter.name} ({chapter.code})", chapter.code)
        self.chapter.setCurrentIndex(max(0, self.chapter.findData(prefs.chapter)))

        local_file = context.settings.data_dir / DATABASE_FILE
        self.use_file = QRadioButton(self.tr("A file on this computer: {path}").format(
            path=local_file
        ))  # fmt: skip
        self.use_server = QRadioButton(
            self.tr("A database server (PostgreSQL), shared by the chapter")
        )
        choice = QButtonGroup(self)
        choice.addButton(self.use_file)
        choice.addButton(self.use_server)
        self.server_url = QLineEdit(prefs.database_url)
        self.server_url.setPlaceholderText("postgresql+psycopg://user:password@server/basc")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        (self.use_server if prefs.database_url else self.use_file).setChecked(True)
        self.use_server.toggled.connect(self._server_toggled)
        self._server_toggled(self.use_server.isChecked())

        server_row = QHBoxLayout()
        server_row.addWidget(self.server_url, 1)
        server_row.addWidget(self.test_button)
        database = QGroupBox(self.tr("Database"))
        database_layout = QVBoxLayout(database)
        database_layout.addWidget(self.use_file)
        database_layout.addWidget(self.use_server)
        database_layout.addLayout(server_row)
        database_layout.addWidget(self.test_result)

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Your chapter:"), self.chapter)
        self.keep_last, self.keep_daily, self.keep_weekly = (
            _count_box(prefs.backups_keep_last),
            _count_box(prefs.backups_keep_daily),
            _count_box(prefs.backups_keep_weekly),
        )
        backups = QGroupBox(self.tr("Automatic backups (made at each start)"))
        backups_form = QFormLayout(backups)
        backups_form.addRow(self.tr("Keep the newest:"), self.keep_last)
        backups_form.addRow(self.tr("And one a day for the last (days):"), self.keep_daily)
        backups_form.addRow(self.tr("And one a week for the last (weeks):"), self.keep_weekly)
        note = QLabel(
            self.tr(
                "Changes to the language and the database take effect the next time "
                "BASC Desktop starts."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(database)
        layout.addWidget(backups)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.operation: Operation | None = None

    def _server_toggled(self, on: bool) -> None:
        self.server_url.setEnabled(on)
        self.test_button.setEnabled(on)

    def _checked_url(self) -> str | None:
        url = self.server_url.text().strip()
        if url.startswith(SERVER_SCHEMES) and len(url) > url.index("://") + 3:
            return url
        prompts.warn(
            self,
            self.tr("Preferences"),
            self.tr(
                "The server address must look like "
                "postgresql+psycopg://user:password@server/database."
            ),
        )
        return None

    def test_connection(self) -> Operation | None:
        """Open the server's database in the background and say whether it worked."""
        url = self._checked_url()
        if url is None:
            return None
        settings, chapters = self.context.settings, self.context.workspace.chapters

        def connect(_reporter: Reporter) -> str:
            workspace = open_workspace(settings, chapters, url=url)
            workspace.db.close()
            return display_url(url)

        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self.operation = (
            Operation(connect, parent=self)
            .on_success(self._connected)
            .on_failure(self._not_connected)
            .start()
        )
        return self.operation

    def _connected(self, where: str) -> None:
        self.test_button.setEnabled(self.use_server.isChecked())
        self.test_result.setText(self.tr("Connected to {database}: ready to use.").format(
            database=where
        ))  # fmt: skip

    def _not_connected(self, error: BaseException) -> None:
        self.test_button.setEnabled(self.use_server.isChecked())
        if isinstance(error, BascError):
            self.test_result.setText(error_text(error))
        else:
            self.test_result.setText(self.tr("The connection failed."))
            show_error(self, error)

    def accept(self) -> None:
        prefs = self.context.settings.preferences
        url = ""
        if self.use_server.isChecked():
            checked = self._checked_url()
            if checked is None:
                return
            url = checked
        prefs.language = str(self.language.currentData())
        prefs.chapter = str(self.chapter.currentData())
        prefs.database_url = url
        prefs.backups_keep_last = self.keep_last.value()
        prefs.backups_keep_daily = self.keep_daily.value()
        prefs.backups_keep_weekly = self.keep_weekly.value()
        try:
            self.context.settings.save()
        except OSError as error:
            prompts.warn(
                self,
                self.tr("Preferences"),
                self.tr("The preferences cannot be saved in {folder}: {reason}").format(
                    folder=self.context.settings.data_dir, reason=error.strerror or error
                ),
            )
            return
        log.info("preferences saved")
        self.context.changes.announce(changes.PREFERENCES)
        super().accept()


def _count_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 999)
    box.setValue(value)
    return box
