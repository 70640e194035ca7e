"""Auditors: the people approved by WBO who carry out a chapter's audits."""

from __future__ import annotations

from sqlalchemy import select

from basc_desktop.domain import validation
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.audit_forms import AuditorRow
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Auditor
from basc_desktop.store.members import ChapterRow

__all__ = ["add_auditor", "auditors"]

RECORD_TYPE = "auditor"


def _row(auditor: Auditor) -> AuditorRow:
    return AuditorRow(
        id=auditor.id,
        name=auditor.name,
        email=auditor.email,
        chapter_code=auditor.chapter_code,
        active=auditor.active,
    )


def auditors(ws: Workspace, chapter_code: str | None = None) -> list[AuditorRow]:
    """The auditors, by name; of one chapter when ``chapter_code`` is given."""
    stmt = select(Auditor).order_by(Auditor.name, Auditor.id)
    if chapter_code is not None:
        stmt = stmt.where(Auditor.chapter_code == chapter_code)
    with ws.db.reading() as session:
        return [_row(a) for a in session.scalars(stmt)]


def add_auditor(ws: Workspace, name: str, email: str, chapter_code: str | None) -> AuditorRow:
    """Register an auditor of a chapter (``None``: an auditor of no one chapter)."""
    fields = {
        "name": validation.require("name", _("Name"), name, max_length=200),
        "email": validation.check_email(email, label=_("E-mail")),
        "chapter_code": chapter_code or None,
    }
    with ws.db.transaction() as session:
        if chapter_code and session.get(ChapterRow, chapter_code) is None:
            raise ValidationError(
                "chapter_code",
                _("There is no chapter “{code}”."),
                label=_("Chapter"),
                code=chapter_code,
            )
        auditor = Auditor(**fields, active=True)
        session.add(auditor)
        session.flush()
        record_event(session, ws.user, RECORD_TYPE, auditor.id, "create", fields)
        return _row(auditor)
