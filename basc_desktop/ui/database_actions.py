"""File ▸ Open database…, Open recent and Open demo database: switching the workspace.

Opening runs in the background (an older database is copied and upgraded first); the
new workspace replaces the old one only once it is open, and every screen reloads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import SettingsError
from basc_desktop.store.engine import display_url, sqlite_url
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.demo import build_demo_operation, demo_exists
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.operations import Operation, Reporter

log = logging.getLogger(__name__)

RECENT_KEPT = 8
DATABASE_FILTERS = "*.sqlite *.sqlite3 *.db"


class DatabaseActions(QObject):
    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context

    def open_file(self) -> Operation | None:
        """Ask for a database file, then open it."""
        path = prompts.choose_file(
            self.window,
            self.tr("Open database"),
            str(self.context.settings.data_dir),
            self.tr("BASC Desktop databases ({patterns});;All files (*)").format(
                patterns=DATABASE_FILTERS
            ),
        )
        if path is None:
            return None
        return self.open_url(sqlite_url(Path(path).resolve()))

    def open_url(self, url: str, *, remember: bool = True) -> Operation:
        """Open the database at ``url`` in the background and switch to it."""
        settings = self.context.settings
        chapters = self.context.workspace.chapters

        def open_it(_reporter: Reporter) -> Workspace:
            return open_workspace(settings, chapters, url=url)

        return (
            Operation(
                open_it,
                parent=self.window,
                title=self.tr("Open database"),
                label=self.tr("Opening {database}…").format(database=display_url(url)),
                cancellable=False,
            )
            .on_success(lambda ws: self.switch_to(ws, remember=remember))
            .on_failure(self._cannot_open)
            .start()
        )

    def open_demo(self) -> Operation | None:
        """Open the demo database, building it first (after asking) if it is not there."""
        settings = self.context.settings
        if demo_exists(settings):
            return self.open_url(settings.demo_database_url, remember=False)
        question = self.tr(
            "The demo database does not exist yet. Build it now with fictional companies? "
            "It takes about a minute."
        )
        if not prompts.ask(self.window, self.tr("Demo database"), question):
            return None
        operation = build_demo_operation(self.window, settings, self.context.workspace.chapters)
        operation.on_success(
            lambda _summary: self.open_url(settings.demo_database_url, remember=False)
        )
        return operation.start()

    def switch_to(self, workspace: Workspace, *, remember: bool = True) -> None:
        """Make ``workspace`` the open one; the previous one is closed."""
        previous = self.context.workspace
        workspace.user, workspace.clock = previous.user, previous.clock
        self.context.workspace = workspace
        if remember:
            self._remember(workspace.db.url)
        self.context.changes.announce(changes.WORKSPACE)
        if previous is not workspace:
            previous.db.close()
        log.info("switched to the database %s", display_url(workspace.db.url))

    def _remember(self, url: str) -> None:
        prefs = self.context.settings.preferences
        prefs.recent_databases = [url, *(u for u in prefs.recent_databases if u != url)][
            :RECENT_KEPT
        ]
        try:
            self.context.settings.save()
        except (OSError, SettingsError) as error:
            log.warning("could not save the recent databases: %s", error)

    def _cannot_open(self, error: BaseException) -> None:
        show_error(self.window, error, self.tr("Cannot open the database"))
