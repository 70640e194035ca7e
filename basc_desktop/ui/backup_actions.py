"""File ▸ Back up now… and Restore…, and the automatic backup at start (and when
File ▸ Open… opens another database).

Every copy runs in a worker (see ``operations.py``): the window never waits for one.
The automatic backup says how it went in the status bar only; it never stops work.
Restoring closes the open database, swaps the file in a worker, then reopens it the
way File ▸ Open does (an older backup is copied and upgraded on the way).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QMainWindow

from basc_desktop.services.backups import (
    RestoreOutcome,
    automatic_backup,
    back_up,
    database_file,
    describe_backup,
    restore_backup,
)
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.backup import BackupError, free_name
from basc_desktop.store.engine import sqlite_path
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.database_actions import DATABASE_FILTERS, DatabaseActions
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import error_text, format_date

log = logging.getLogger(__name__)

STATUS_SHOWN_MS = 15_000


def start_automatic_backup(window: QMainWindow, context: AppContext) -> Operation | None:
    """Back up the open database in the background, then rotate; say so in the status bar.

    Nothing for a server database or the demo (see ``services.backups.automatic_backup``).
    """
    settings, url = context.settings, context.workspace.db.url
    status = window.statusBar()

    def done(copy: Path | None) -> None:
        if copy is not None:
            message = QCoreApplication.translate("BackupActions", "Automatic backup saved: {file}")
            status.showMessage(message.format(file=copy.name), STATUS_SHOWN_MS)

    def failed(error: BaseException) -> None:
        log.error("the automatic backup failed", exc_info=error)
        reason = error_text(error) if isinstance(error, BackupError) else str(error)
        message = QCoreApplication.translate(
            "BackupActions", "The automatic backup failed: {reason}"
        )
        status.showMessage(message.format(reason=reason))

    if sqlite_path(url) is None or url == settings.demo_database_url:
        return None
    return (
        Operation(
            lambda reporter: automatic_backup(settings, url, cancelled=reporter.cancelled),
            parent=window,
        )
        .on_success(done)
        .on_failure(failed)
        .start()
    )


class BackupActions(QObject):
    def __init__(
        self, window: QMainWindow, context: AppContext, databases: DatabaseActions
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.databases = databases
        self.automatic: Operation | None = None
        """The automatic backup of the database opened last (File ▸ Open…)."""
        self._restoring = False
        context.changes.subscribe(self, (), self._database_opened)

    def _database_opened(self) -> None:
        """Another database was opened: back it up as at start (not one just restored)."""
        if not self._restoring:
            self.automatic = start_automatic_backup(self.window, self.context)

    def _database(self) -> Path | None:
        try:
            return database_file(self.context.workspace.db.url)
        except BackupError as error:
            show_error(self.window, error, self.tr("Back up"))
            return None

    def back_up_now(self) -> Operation | None:
        """Ask where (the backups folder, named by date, to start with), then copy."""
        path = self._database()
        if path is None:
            return None
        suggested = free_name(self.context.settings.backups_dir, path, "manual")
        chosen = prompts.choose_save_file(
            self.window,
            self.tr("Back up now"),
            str(suggested),
            self.tr("BASC Desktop databases ({patterns})").format(patterns=DATABASE_FILTERS),
        )
        if chosen is None:
            return None
        url, destination = self.context.workspace.db.url, Path(chosen)

        def copy(reporter: Reporter) -> Path:
            return back_up(
                url, destination, progress=reporter.progress, cancelled=reporter.cancelled
            )

        return (
            Operation(
                copy,
                parent=self.window,
                title=self.tr("Back up now"),
                label=self.tr("Copying {database} to {file}…").format(
                    database=path.name, file=destination
                ),
            )
            .on_success(self._backed_up)
            .on_failure(lambda error: show_error(self.window, error, self.tr("Back up")))
            .start()
        )

    def _backed_up(self, copy: Path) -> None:
        size = QLocale().formattedDataSize(copy.stat().st_size)
        prompts.inform(
            self.window,
            self.tr("Back up now"),
            self.tr("The backup was saved to {file} ({size}).").format(file=copy, size=size),
        )

    def restore(self) -> Operation | None:
        """Choose a backup, confirm, close the database, swap it in and reopen it."""
        target = self._database()
        if target is None:
            return None
        settings = self.context.settings
        chosen = prompts.choose_file(
            self.window,
            self.tr("Restore a backup"),
            str(settings.backups_dir),
            self.tr("BASC Desktop backups ({patterns});;All files (*)").format(
                patterns=DATABASE_FILTERS
            ),
        )
        if chosen is None:
            return None
        try:
            info = describe_backup(Path(chosen))
        except BackupError as error:
            show_error(self.window, error, self.tr("Restore a backup"))
            return None
        taken = f"{format_date(info.taken_at.date())} {info.taken_at:%H:%M}"
        question = self.tr(
            "Restore the backup of {date} ({file})?\n\n"
            "Everything in {database} will be replaced by the backup's data: changes made "
            "since then are undone. A copy of the current data is kept in {folder} first."
        ).format(date=taken, file=info.path.name, database=target, folder=settings.backups_dir)
        if not prompts.ask(self.window, self.tr("Restore a backup"), question):
            return None
        return self._run_restore(info.path)

    def _run_restore(self, backup: Path) -> Operation:
        settings, workspace = self.context.settings, self.context.workspace
        url, chapters = workspace.db.url, workspace.chapters
        workspace.db.close()  # connections come back lazily if the restore is refused

        def restore_and_open(_reporter: Reporter) -> tuple[RestoreOutcome, Workspace]:
            outcome = restore_backup(settings, backup, url)
            return outcome, open_workspace(settings, chapters, url=url)

        return (
            Operation(
                restore_and_open,
                parent=self.window,
                title=self.tr("Restore a backup"),
                label=self.tr("Restoring {file}…").format(file=backup.name),
                cancellable=False,
                show_after_ms=0,
            )
            .on_success(self._restored)
            .on_failure(
                lambda error: show_error(self.window, error, self.tr("Cannot restore the backup"))
            )
            .start()
        )

    def _restored(self, result: tuple[RestoreOutcome, Workspace]) -> None:
        outcome, workspace = result
        self._restoring = True
        try:
            self.databases.switch_to(workspace, remember=False)
        finally:
            self._restoring = False
        text = self.tr("The backup {file} was restored.").format(file=outcome.backup.name)
        if outcome.kept is not None:
            text += " " + self.tr("The data it replaced was kept in {file}.").format(
                file=outcome.kept
            )
        prompts.inform(self.window, self.tr("Restore a backup"), text)
