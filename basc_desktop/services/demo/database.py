"""(Re)creating the demo database: a fresh file beside the real one, filled with the demo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.demo.build import Cancelled, DemoSummary, Progress, build_demo
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import Settings
from basc_desktop.store.engine import sqlite_path

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def create_demo_database(
    settings: Settings,
    chapters: ChapterRegistry,
    *,
    companies: int = 300,
    seed: int = 1,
    today: date | None = None,
    url: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Make the demo database at ``url`` (default: the settings' demo one) from scratch.

    An SQLite file there is deleted first, with its -wal and -shm files; the real
    database of the settings is never touched.  A server database (PostgreSQL) cannot
    be deleted: it must be empty, or the build is refused.  A cancelled or failed build
    deletes the SQLite file again.  ``today`` fixes the day the demo is dated from
    (default: the real today).
    """
    url = url or settings.demo_database_url
    path = sqlite_path(url)
    if path is not None:
        main = sqlite_path(settings.database_url)
        if main is not None and _same_file(main, path):
            raise BascError(
                _("{path} is the real database; the demo is never written over it."),
                path=path,
            )
        _delete_sqlite(path)
    ws = open_workspace(settings, chapters, url=url)
    try:
        if today is not None:
            fixed = today
            ws.clock = lambda: fixed
        return build_demo(
            ws, companies=companies, seed=seed, progress=progress, cancelled=cancelled
        )
    except BaseException:
        ws.db.close()
        if path is not None:
            # No half-made demo: a cancelled or failed build leaves no file behind, so
            # that the next start builds the demo again instead of opening an empty one.
            _delete_sqlite(path)
        raise
    finally:
        ws.db.close()


def _delete_sqlite(path: Path) -> None:
    for file in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        file.unlink(missing_ok=True)


def _same_file(first: Path, second: Path) -> bool:
    return first.expanduser().resolve() == second.expanduser().resolve()
