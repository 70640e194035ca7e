"""The demo database: made-up companies to try the program on, built in the background."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.services.demo import DemoSummary, create_demo_database
from basc_desktop.settings import Settings
from basc_desktop.store.engine import sqlite_path
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import format_count

DEMO_SEED = 1
DEFAULT_COMPANIES = 300


def demo_exists(settings: Settings) -> bool:
    path = sqlite_path(settings.demo_database_url)
    return path is not None and path.is_file()


def build_demo_operation(
    parent: QWidget | None,
    settings: Settings,
    chapters: ChapterRegistry,
    companies: int = DEFAULT_COMPANIES,
) -> Operation:
    """An operation (not started) that creates the demo database file, with Cancel."""

    def build(reporter: Reporter) -> DemoSummary:
        return create_demo_database(
            settings,
            chapters,
            companies=companies,
            seed=DEMO_SEED,
            progress=reporter.progress,
            cancelled=reporter.cancelled,
        )

    return Operation(
        build,
        parent=parent,
        title=QCoreApplication.translate("Demo", "Demo database"),
        label=QCoreApplication.translate(
            "Demo", "Building the demo database with {count} fictional companies…"
        ).format(count=format_count(companies)),
    )
