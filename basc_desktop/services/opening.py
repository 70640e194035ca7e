"""Opening the program's workspace: the database, checked and upgraded, with the chapters synced."""

from __future__ import annotations

from sqlalchemy import select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.services.standards import sync_standards
from basc_desktop.services.trail import record_event
from basc_desktop.services.users import apply_scope
from basc_desktop.services.workspace import Workspace, login_name
from basc_desktop.settings import Settings
from basc_desktop.store.engine import Database
from basc_desktop.store.members import ChapterRow
from basc_desktop.store.opening import open_database


def sync_chapters(db: Database, chapters: ChapterRegistry) -> None:
    """Make the chapters table match the chapter files (new ones added, names updated).

    A chapter whose file was removed stays in the table: its members still point to it.
    """
    with db.transaction() as session:
        rows = {row.code: row for row in session.scalars(select(ChapterRow))}
        synced: dict[str, tuple[str | None, str | None]] = {}
        for chapter in chapters:
            row = rows.get(chapter.code)
            if row is None:
                session.add(
                    ChapterRow(code=chapter.code, name=chapter.name, country=chapter.country_code)
                )
                synced[chapter.code] = (None, f"{chapter.name} ({chapter.country_code})")
            elif (row.name, row.country) != (chapter.name, chapter.country_code):
                old = f"{row.name} ({row.country})"
                row.name, row.country = chapter.name, chapter.country_code
                synced[chapter.code] = (old, f"{row.name} ({row.country})")
        if synced and rows:  # one summary event (none when a new database is filled)
            record_event(session, login_name(), "chapters", 0, "sync", synced)


def open_workspace(
    settings: Settings, chapters: ChapterRegistry, *, url: str | None = None
) -> Workspace:
    """Open the database at ``url`` (default: the settings' one), ready for the services.

    The workspace's scope is the chapters this PC's login is set up for; a login that
    is not set up in a database with users is refused (:class:`AccessDeniedError`).
    """
    db = open_database(url or settings.database_url, backups_dir=settings.backups_dir)
    try:
        ws = Workspace(db=db, chapters=chapters, data_dir=settings.data_dir)
        apply_scope(ws)
        sync_chapters(db, chapters)
        sync_standards(db)
    except BaseException:
        db.close()
        raise
    return ws
