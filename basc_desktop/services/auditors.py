"""Auditors: the people approved by WBO who carry out a chapter's audits.

The coordinator registers them, corrects their name, e-mail or chapter, and retires
those who no longer audit.  A retired auditor stays on the audits they took part in
but is no longer offered (nor accepted) for new plans; reactivating brings them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from basc_desktop.domain import validation
from basc_desktop.domain.errors import LifecycleError, NotFoundError, ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.access import (
    require_auditor,
    require_auditor_chapter,
    require_chapter,
    scoped_auditors,
)
from basc_desktop.services.audit_forms import AuditorRow
from basc_desktop.services.trail import diff, record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, Auditor, audit_team
from basc_desktop.store.members import ChapterRow

__all__ = [
    "NAME_MAX",
    "AuditorInput",
    "add_auditor",
    "auditors",
    "check_auditor",
    "get_auditor",
    "set_auditor_active",
    "update_auditor",
]

RECORD_TYPE = "auditor"
NAME_MAX = 200
EMAIL_MAX = 254


@dataclass(frozen=True)
class AuditorInput:
    """An auditor as the coordinator types it (new or corrected)."""

    name: str
    email: str = ""
    chapter_code: str | None = None
    """None: an auditor of no one chapter."""


def _audit_counts(session: Session, ids: list[int]) -> dict[int, int]:
    """Auditor id → the audits they lead or are in the team of."""
    if not ids:
        return {}
    pairs = union(
        select(Audit.lead_auditor_id.label("auditor_id"), Audit.id.label("audit_id")).where(
            Audit.lead_auditor_id.in_(ids)
        ),
        select(audit_team.c.auditor_id, audit_team.c.audit_id).where(
            audit_team.c.auditor_id.in_(ids)
        ),
    ).subquery()
    stmt = select(pairs.c.auditor_id, func.count()).group_by(pairs.c.auditor_id)
    return {int(auditor_id): int(count) for auditor_id, count in session.execute(stmt)}


def _row(auditor: Auditor, audits: int = 0) -> AuditorRow:
    return AuditorRow(
        id=auditor.id,
        name=auditor.name,
        email=auditor.email,
        chapter_code=auditor.chapter_code,
        active=auditor.active,
        audits=audits,
    )


def _counted(session: Session, auditor: Auditor) -> AuditorRow:
    return _row(auditor, _audit_counts(session, [auditor.id]).get(auditor.id, 0))


def auditors(
    ws: Workspace, chapter_code: str | None = None, *, include_retired: bool = True
) -> list[AuditorRow]:
    """The auditors by name, with their audit counts; of one chapter when it is given.

    Retired auditors are listed too unless ``include_retired`` is False (the audits
    list filters by them; the plan form leaves them out itself).
    """
    stmt = scoped_auditors(select(Auditor).order_by(Auditor.name, Auditor.id), ws)
    if chapter_code is not None:
        stmt = stmt.where(Auditor.chapter_code == chapter_code)
    if not include_retired:
        stmt = stmt.where(Auditor.active.is_(True))
    with ws.db.reading() as session:
        people = list(session.scalars(stmt))
        counts = _audit_counts(session, [a.id for a in people])
        return [_row(a, counts.get(a.id, 0)) for a in people]


def _load(session: Session, auditor_id: int) -> Auditor:
    auditor = session.get(Auditor, auditor_id)
    if auditor is None:
        raise NotFoundError(_("There is no auditor number {id}."), id=auditor_id)
    return auditor


def get_auditor(ws: Workspace, auditor_id: int) -> AuditorRow:
    with ws.db.reading() as session:
        auditor = _load(session, auditor_id)
        if auditor.chapter_code is not None:  # the shared ones are seen by everyone
            require_chapter(ws, auditor.chapter_code)
        return _counted(session, auditor)


# --- checking ------------------------------------------------------------------------


def _name(value: str | None) -> str:
    return validation.require(
        "name", _("Name"), validation.strip_controls(value), max_length=NAME_MAX
    )


def _email(value: str | None) -> str:
    text = validation.strip_controls(value).strip()
    if len(text) > EMAIL_MAX:
        raise ValidationError(
            "email",
            _("{label} is too long: {length} characters, at most {max_length}."),
            label=_("E-mail"),
            length=len(text),
            max_length=EMAIL_MAX,
        )
    return validation.check_email(text, label=_("E-mail"))


def _chapter(session: Session, value: str | None) -> str | None:
    code = validation.clean_text(validation.strip_controls(value)).lower() or None
    if code is not None and session.get(ChapterRow, code) is None:
        raise ValidationError(
            "chapter_code", _("There is no chapter “{code}”."), label=_("Chapter"), code=code
        )
    return code


def _no_namesake(
    session: Session, name: str, chapter_code: str | None, auditor_id: int | None
) -> None:
    """Refuse a second active auditor of the same name in the same chapter."""
    stmt = select(Auditor).where(Auditor.active.is_(True))
    stmt = stmt.where(
        Auditor.chapter_code.is_(None)
        if chapter_code is None
        else Auditor.chapter_code == chapter_code
    )
    for other in session.scalars(stmt):
        if other.id != auditor_id and other.name.casefold() == name.casefold():
            raise ValidationError(
                "name",
                _("{name} is already an active auditor of this chapter (number {id})."),
                label=_("Name"),
                name=other.name,
                id=other.id,
            )


def _clean(
    session: Session, data: AuditorInput, auditor_id: int | None, *, active: bool = True
) -> dict[str, Any]:
    """The checked fields; ValidationError on the first bad one."""
    name = _name(data.name)
    email = _email(data.email)
    chapter = _chapter(session, data.chapter_code)
    if active:
        _no_namesake(session, name, chapter, auditor_id)
    return {"name": name, "email": email, "chapter_code": chapter}


def check_auditor(
    ws: Workspace, data: AuditorInput, auditor_id: int | None = None
) -> dict[str, ValidationError]:
    """Every problem of the typed auditor, by field (empty when it can be saved)."""
    errors: dict[str, ValidationError] = {}
    name: str | None = None
    chapter: str | None = None
    try:
        name = _name(data.name)
    except ValidationError as error:
        errors["name"] = error
    try:
        _email(data.email)
    except ValidationError as error:
        errors["email"] = error
    with ws.db.reading() as session:
        try:
            chapter = _chapter(session, data.chapter_code)
        except ValidationError as error:
            errors["chapter_code"] = error
        active = True
        if auditor_id is not None:
            found = session.get(Auditor, auditor_id)
            active = found is not None and found.active
        if name is not None and "chapter_code" not in errors and active:
            try:
                _no_namesake(session, name, chapter, auditor_id)
            except ValidationError as error:
                errors["name"] = error
    return errors


# --- writing -------------------------------------------------------------------------


def add_auditor(
    ws: Workspace, name: str, email: str = "", chapter_code: str | None = None
) -> AuditorRow:
    """Register an auditor of a chapter (``None``: an auditor of no one chapter)."""
    with ws.db.transaction() as session:
        fields = _clean(session, AuditorInput(name, email, chapter_code), None)
        require_auditor_chapter(ws, fields["chapter_code"])
        auditor = Auditor(**fields, active=True)
        session.add(auditor)
        session.flush()
        record_event(session, ws.user, RECORD_TYPE, auditor.id, "create", fields)
        return _row(auditor)


def update_auditor(
    ws: Workspace, auditor_id: int, *, name: str, email: str, chapter_code: str | None
) -> AuditorRow:
    """Correct an auditor's name, e-mail or chapter (their audits keep them)."""
    with ws.db.transaction() as session:
        require_auditor(ws, session, auditor_id)
        auditor = _load(session, auditor_id)
        fields = _clean(
            session, AuditorInput(name, email, chapter_code), auditor_id, active=auditor.active
        )
        require_auditor_chapter(ws, fields["chapter_code"])
        before = {key: getattr(auditor, key) for key in fields}
        changes = diff(before, fields)
        if changes:
            for key, value in fields.items():
                setattr(auditor, key, value)
            session.flush()
            record_event(session, ws.user, RECORD_TYPE, auditor.id, "update", changes)
        return _counted(session, auditor)


def set_auditor_active(ws: Workspace, auditor_id: int, active: bool) -> AuditorRow:
    """Retire an auditor (``active=False``) or bring a retired one back."""
    with ws.db.transaction() as session:
        require_auditor(ws, session, auditor_id)
        auditor = _load(session, auditor_id)
        if auditor.active == active:
            template = (
                _("{name} is already an active auditor.")
                if active
                else _("{name} is already retired.")
            )
            raise LifecycleError(template, name=auditor.name)
        if active:
            _no_namesake(session, auditor.name, auditor.chapter_code, auditor.id)
        auditor.active = active
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            auditor.id,
            "reactivate" if active else "retire",
            {"active": (not active, active)},
        )
        return _counted(session, auditor)
