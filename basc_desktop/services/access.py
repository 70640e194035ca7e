"""Which chapters the user may see and change: enforced here, not only hidden on screen.

``ws.scope`` is None when everyone sees everything (a database without users, or an
administrator); otherwise it holds the chapter codes the user is set up for.  Every
service narrows its queries with :func:`scoped` and checks a record's chapter with
:func:`require_chapter` before reading it by id or changing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import AccessDeniedError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application, CommitteeSession
from basc_desktop.store.audits import Audit, Auditor, CorrectiveAction, Finding
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.members import Company

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


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


def scoped(
    statement: S, chapter_column: ColumnElement[Any] | QueryableAttribute[Any], ws: Workspace
) -> S:
    """``statement`` narrowed to the user's chapters (unchanged for an unrestricted user)."""
    if ws.scope is None:
        return statement
    return statement.where(chapter_column.in_(sorted(ws.scope)))


def visible_chapters(ws: Workspace) -> list[Chapter]:
    """The chapters of the registry the user may work with, in the registry's order."""
    return [chapter for chapter in ws.chapters if may_see(ws, chapter.code)]


def require_chapter_of(ws: Workspace, session: Session, statement: Select[Any]) -> None:
    """:func:`require_chapter` on the chapter ``statement`` selects (nothing if no row).

    A missing record is left to the service, which says it was not found.
    """
    if ws.scope is None:
        return
    chapter_code = session.scalar(statement)
    if chapter_code is not None:
        require_chapter(ws, chapter_code)


def require_member(ws: Workspace, session: Session, member_id: int) -> None:
    """Refuse a member (company) of a chapter outside the user's scope."""
    require_chapter_of(ws, session, select(Company.chapter_code).where(Company.id == member_id))


def require_audit(ws: Workspace, session: Session, audit_id: int) -> None:
    require_chapter_of(
        ws,
        session,
        select(Company.chapter_code)
        .join(Audit, Audit.company_id == Company.id)
        .where(Audit.id == audit_id),
    )


def require_action(ws: Workspace, session: Session, action_id: int) -> None:
    require_chapter_of(
        ws,
        session,
        select(Company.chapter_code)
        .join(Audit, Audit.company_id == Company.id)
        .join(Finding, Finding.audit_id == Audit.id)
        .join(CorrectiveAction, CorrectiveAction.finding_id == Finding.id)
        .where(CorrectiveAction.id == action_id),
    )


def require_certificate(ws: Workspace, session: Session, certificate_id: int) -> None:
    require_chapter_of(
        ws,
        session,
        select(Company.chapter_code)
        .join(Certificate, Certificate.company_id == Company.id)
        .where(Certificate.id == certificate_id),
    )


def require_application(ws: Workspace, session: Session, application_id: int) -> None:
    require_chapter_of(
        ws,
        session,
        select(Company.chapter_code)
        .join(Application, Application.company_id == Company.id)
        .where(Application.id == application_id),
    )


def require_committee_session(ws: Workspace, session: Session, session_id: int) -> None:
    require_chapter_of(
        ws, session, select(CommitteeSession.chapter_code).where(CommitteeSession.id == session_id)
    )


def require_auditor(ws: Workspace, session: Session, auditor_id: int) -> None:
    """Refuse to change an auditor of another chapter.

    An auditor of every chapter (no chapter) is shared: a user set up for some
    chapters sees them but only an unrestricted user changes them.
    """
    if ws.scope is None:
        return
    found = session.execute(select(Auditor.chapter_code).where(Auditor.id == auditor_id)).first()
    if found is not None:
        require_auditor_chapter(ws, found[0])


def require_auditor_chapter(ws: Workspace, chapter_code: str | None) -> None:
    """An auditor may be given ``chapter_code`` (None: every chapter) by this user."""
    if ws.scope is None:
        return
    if chapter_code is None:
        raise AccessDeniedError(
            _(
                "Auditors of every chapter are shared: only the administrator of the "
                "database changes them."
            )
        )
    require_chapter(ws, chapter_code)


def scoped_auditors(statement: S, ws: Workspace) -> S:
    """``statement`` narrowed to the auditors of the user's chapters and the shared ones."""
    if ws.scope is None:
        return statement
    return statement.where(
        or_(Auditor.chapter_code.is_(None), Auditor.chapter_code.in_(sorted(ws.scope)))
    )


def require_finding(ws: Workspace, session: Session, finding_id: int) -> None:
    """Refuse a checklist line of an audit of a chapter outside the scope."""
    require_chapter_of(
        ws,
        session,
        select(Company.chapter_code)
        .join(Audit, Audit.company_id == Company.id)
        .join(Finding, Finding.audit_id == Audit.id)
        .where(Finding.id == finding_id),
    )


def require_certificates(ws: Workspace, session: Session, ids: Sequence[int]) -> None:
    """:func:`require_certificate` for many at once (a print batch), before any of them."""
    if ws.scope is None:
        return
    wanted = list(ids)
    for start in range(0, len(wanted), 1000):
        chapters = session.scalars(
            select(Company.chapter_code)
            .join(Certificate, Certificate.company_id == Company.id)
            .where(Certificate.id.in_(wanted[start : start + 1000]))
            .distinct()
        )
        for chapter_code in chapters:
            require_chapter(ws, chapter_code)


def visible_registry(ws: Workspace) -> ChapterRegistry:
    """The chapter registry as the user's screens offer it: only their chapters."""
    if ws.scope is None:
        return ws.chapters
    return ChapterRegistry(visible_chapters(ws))
