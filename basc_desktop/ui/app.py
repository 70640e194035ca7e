"""The GUI's entry point: ``run_gui`` makes the application, starts, and runs the event loop."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from basc_desktop import __version__
from basc_desktop.settings import APP_AUTHOR
from basc_desktop.ui import garbage, prompts
from basc_desktop.ui.demo import DEFAULT_COMPANIES
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.operations import wait_for_operations
from basc_desktop.ui.resources import icon, resources_dir
from basc_desktop.ui.startup import Outcome, Startup, StartupFailure
from basc_desktop.ui.translation import choose_language, install_translations

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the program's names, icon and font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setOrganizationDomain("wbasco.org")
    QCoreApplication.setApplicationName("BASC Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setWindowIcon(icon("basc-desktop"))
    app.setDesktopFileName("basc-desktop")
    load_fonts(app)
    garbage.install(app)
    return app


def load_fonts(app: QApplication) -> None:
    """Use the embedded font of ``resources/fonts`` (full Latin coverage), if shipped."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = app.font()
        font.setFamily(families[0])
        app.setFont(font)


def show_failure(failure: StartupFailure) -> None:
    if failure.show:
        prompts.fail(None, failure.title, failure.message, failure.details)


def run_gui(
    *,
    data_dir: str | None = None,
    database_url: str | None = None,
    demo: bool = False,
    demo_companies: int = DEFAULT_COMPANIES,
    argv: list[str] | None = None,
) -> int:
    """Run BASC Desktop until its window closes; the process exit code."""
    app = create_application(argv)
    # Before the settings are read (they may be what fails), speak the system's language.
    install_translations(choose_language())
    startup = Startup(
        data_dir=data_dir,
        database_url=database_url,
        demo=demo,
        demo_companies=demo_companies,
        install_handlers=True,
    )
    app.setQuitOnLastWindowClosed(False)  # the demo's progress dialog closes first
    windows: list[MainWindow] = []

    def finished(outcome: Outcome) -> None:
        if isinstance(outcome, StartupFailure):
            show_failure(outcome)
            app.exit(outcome.exit_code)  # nothing happens if the loop is not running yet
            return
        windows.append(outcome)
        outcome.show()
        app.setQuitOnLastWindowClosed(True)

    startup.finished.connect(finished)
    try:
        outcome = startup.begin()
        if isinstance(outcome, StartupFailure):
            return outcome.exit_code
        code = app.exec()
    finally:
        app.setQuitOnLastWindowClosed(True)
        wait_for_operations()
        for window in windows:
            window.context.workspace.db.close()
    log.info("BASC Desktop ends with exit code %s", code)
    return code
