"""Which chapters the user may see and change: enforced here, not only hidden on screen.

``ws.scope`` is None when everyone sees everything (a database without users, or an
administrator); otherwise it holds the chapter codes the user is set up for.  Every
service narrows its queries with :func:`scoped` and checks a record's chapter with
:func:`require_chapter` before reading it by id or changing it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import AccessDeniedError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace

S = TypeVar("S", bound=Select[Any])


def chapter_scope(ws: Workspace) -> frozenset[str] | None:
    """The chapters the user may work with; None for all of them."""
    return ws.scope


def may_see(ws: Workspace, chapter_code: str) -> bool:
    return ws.scope is None or chapter_code in ws.scope


def require_chapter(ws: Workspace, chapter_code: str) -> None:
    """Refuse to show or change a record of a chapter the user is not set up for."""
    if not may_see(ws, chapter_code):
        raise AccessDeniedError(
            _(
                "This record belongs to chapter {chapter}, and {user} is not set up to work "
                "for it. Ask the administrator of the database."
            ),
            chapter=chapter_code,
            user=ws.user,
        )


def scoped(statement: S, chapter_column: ColumnElement[Any], ws: Workspace) -> S:
    """``statement`` narrowed to the user's chapters (unchanged for an unrestricted user)."""
    if ws.scope is None:
        return statement
    return statement.where(chapter_column.in_(sorted(ws.scope)))


def visible_chapters(ws: Workspace) -> list[Chapter]:
    """The chapters of the registry the user may work with, in the registry's order."""
    return [chapter for chapter in ws.chapters if may_see(ws, chapter.code)]
