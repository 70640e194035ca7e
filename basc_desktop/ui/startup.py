"""Starting the program: settings, chapters, the database, then the main window.

Everything the coordinator can fix (an unusable data folder, a wrong chapter file, a
damaged database) ends in a :class:`StartupFailure` whose message names the file, the
key and the reason; never in a traceback.  A bug ends in one too, with the traceback in
the log file.  Building a missing demo database runs in the background, and so does
the automatic backup made once the database is open (``backup_actions.py``).
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from basc_desktop.chapters import ChapterRegistry, default_chapters_dir, load_chapters
from basc_desktop.domain.errors import BascError
from basc_desktop.logs import configure_logging
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import Settings, load_settings
from basc_desktop.store.engine import display_url
from basc_desktop.ui.backup_actions import start_automatic_backup
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.crash import install_crash_handler
from basc_desktop.ui.demo import DEFAULT_COMPANIES, build_demo_operation, demo_exists
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.operations import Operation
from basc_desktop.ui.text import error_text
from basc_desktop.ui.translation import choose_language, install_translations

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupFailure:
    """Why the program cannot start, in words for the coordinator."""

    title: str
    message: str
    details: str = ""
    exit_code: int = 2
    show: bool = True
    """False when the coordinator chose to stop (Cancel): nothing to explain."""


Outcome = MainWindow | StartupFailure


class Startup(QObject):
    """Runs the start; ``finished`` carries the :class:`MainWindow` or a failure."""

    finished = Signal(object)

    def __init__(
        self,
        *,
        data_dir: str | None = None,
        database_url: str | None = None,
        demo: bool = False,
        demo_companies: int = DEFAULT_COMPANIES,
        install_handlers: bool = False,
    ) -> None:
        """``install_handlers``: also install the crash handler and the translations."""
        super().__init__()
        self.data_dir = data_dir
        self.database_url = database_url
        self.demo = demo
        self.demo_companies = demo_companies
        self.install_handlers = install_handlers
        self.result: Outcome | None = None
        self.settings: Settings | None = None
        self.operation: Operation | None = None
        self.backup_operation: Operation | None = None
        """The automatic backup made once the database is open (None: none made)."""

    def begin(self) -> Outcome | None:
        """Start; the outcome, or None while the demo database is being built."""
        try:
            settings = self.settings = load_settings(self.data_dir, database_url=self.database_url)
            configure_logging(settings.log_file)
            if self.install_handlers:
                install_crash_handler(settings.log_file)
                install_translations(choose_language(settings.preferences.language))
            chapters = load_chapters(default_chapters_dir())
            if self.demo and not demo_exists(settings):
                self._build_demo(settings, chapters)
                return None
            url = settings.demo_database_url if self.demo else settings.database_url
            return self._finish(self._open(settings, chapters, url))
        except Exception as error:
            return self._finish(self._failure(error))

    def _open(self, settings: Settings, chapters: ChapterRegistry, url: str) -> Outcome:
        workspace = open_workspace(settings, chapters, url=url)
        log.info("started on %s", display_url(workspace.db.url))
        window = MainWindow(AppContext(workspace, settings, ChangeHub()))
        self.backup_operation = start_automatic_backup(window, window.context)
        return window

    def _build_demo(self, settings: Settings, chapters: ChapterRegistry) -> None:
        def built(_summary: object) -> None:
            try:
                self._finish(self._open(settings, chapters, settings.demo_database_url))
            except Exception as error:
                self._finish(self._failure(error))

        def stopped() -> None:
            message = QCoreApplication.translate("Startup", "The demo database was not built.")
            self._finish(
                StartupFailure(
                    QCoreApplication.translate("Startup", "BASC Desktop"),
                    message,
                    exit_code=1,
                    show=False,
                )
            )

        self.operation = (
            build_demo_operation(None, settings, chapters, self.demo_companies)
            .on_success(built)
            .on_failure(lambda error: self._finish(self._failure(error)))
            .on_cancel(stopped)
            .start()
        )

    def _failure(self, error: BaseException) -> StartupFailure:
        title = QCoreApplication.translate("Startup", "BASC Desktop cannot start")
        if isinstance(error, BascError):
            log.warning("cannot start: %s", error)
            return StartupFailure(title, error_text(error))
        details = "".join(traceback.format_exception(error))
        log.error("unexpected error at start:\n%s", details.rstrip())
        where = self.settings.log_file if self.settings is not None else None
        message = QCoreApplication.translate(
            "Startup", "BASC Desktop met a problem it did not expect while starting."
        )
        if where is not None:
            message += "\n\n" + QCoreApplication.translate(
                "Startup", "The details were written to the log file:\n{log_file}"
            ).format(log_file=where)
        return StartupFailure(title, message, details, exit_code=1)

    def _finish(self, outcome: Outcome) -> Outcome:
        self.result = outcome
        self.finished.emit(outcome)
        return outcome


def start(
    *,
    data_dir: str | None = None,
    database_url: str | None = None,
    demo: bool = False,
    demo_companies: int = DEFAULT_COMPANIES,
) -> Outcome | None:
    """Start without the event loop: the main window (not shown yet) or the failure.

    None only when the demo database has to be built first: use :class:`Startup` and
    wait for its ``finished`` signal then.
    """
    return Startup(
        data_dir=data_dir, database_url=database_url, demo=demo, demo_companies=demo_companies
    ).begin()
