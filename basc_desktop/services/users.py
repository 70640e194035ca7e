"""The people who work in a shared database, and the chapters each one works for.

While the users table is empty, everyone sees everything (one PC, one coordinator).
The first person set up must be an administrator; from then on only administrators
change users, and the program refuses to open for a login that is not set up.
Every change is recorded in the event log (record type ``user``; the login is in
the changes, the event's record id is 0 because a user is known by login).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from basc_desktop.domain.access import (
    Account,
    may_manage_users,
    normal_login,
    scope_for,
    sorted_codes,
)
from basc_desktop.domain.errors import AccessDeniedError, NotFoundError, ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.engine import Database
from basc_desktop.store.members import ChapterRow
from basc_desktop.store.users import User, UserChapter

__all__ = [
    "UserRow",
    "add_user",
    "apply_scope",
    "can_manage_users",
    "deactivate",
    "list_users",
    "set_chapters",
    "user_scope",
]

RECORD_TYPE = "user"
LOGIN_MAX = 120
NAME_MAX = 200


@dataclass(frozen=True)
class UserRow:
    login: str
    display_name: str
    is_admin: bool
    active: bool
    chapters: tuple[str, ...]


def _account(user: User | None) -> Account | None:
    if user is None:
        return None
    return Account(
        login=user.login,
        is_admin=user.is_admin,
        active=user.active,
        chapters=frozenset(link.chapter_code for link in user.chapters),
    )


def _anyone(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def _row(user: User) -> UserRow:
    return UserRow(
        login=user.login,
        display_name=user.display_name,
        is_admin=user.is_admin,
        active=user.active,
        chapters=tuple(sorted(link.chapter_code for link in user.chapters)),
    )


def user_scope(db: Database, login: str) -> frozenset[str] | None:
    """The chapters ``login`` works with in ``db`` (None: all); refused if not set up."""
    with db.reading() as session:
        account = _account(session.get(User, normal_login(login)))
        return scope_for(login, account, anyone_set_up=_anyone(session))


def apply_scope(ws: Workspace) -> None:
    """Set ``ws.scope`` for ``ws.user`` (at opening, or after a change of users)."""
    ws.scope = user_scope(ws.db, ws.user)


def can_manage_users(ws: Workspace) -> bool:
    with ws.db.reading() as session:
        return _may_manage(ws, session)


def _may_manage(ws: Workspace, session: Session) -> bool:
    account = _account(session.get(User, normal_login(ws.user)))
    return may_manage_users(account, anyone_set_up=_anyone(session))


def _require_manager(ws: Workspace, session: Session) -> None:
    if not _may_manage(ws, session):
        raise AccessDeniedError(
            _("Only an administrator of this database may set up users; {user} is not one."),
            user=ws.user,
        )


def list_users(ws: Workspace) -> list[UserRow]:
    """Everyone set up in the database, active or not, by login."""
    with ws.db.reading() as session:
        return [_row(user) for user in session.scalars(select(User).order_by(User.login))]


def _clean_login(login: str) -> str:
    clean = normal_login(login)
    if not clean:
        raise ValidationError("login", _("Type the login name of the person."), label=_("Login"))
    if len(clean) > LOGIN_MAX or any(ch.isspace() for ch in clean):
        raise ValidationError(
            "login",
            _("“{value}” is not a login name: no spaces, at most {max} characters."),
            label=_("Login"),
            value=login,
            max=LOGIN_MAX,
        )
    return clean


def _clean_chapters(session: Session, chapters: Iterable[str], *, admin: bool) -> tuple[str, ...]:
    codes = sorted_codes(chapters)
    known = set(session.scalars(select(ChapterRow.code)))
    for code in codes:
        if code not in known:
            raise ValidationError(
                "chapters", _("There is no chapter “{code}”."), label=_("Chapters"), code=code
            )
    if not codes and not admin:
        raise ValidationError(
            "chapters",
            _("Give at least one chapter this person works for (or make them an administrator)."),
            label=_("Chapters"),
        )
    return codes


def _link(user: User, codes: tuple[str, ...]) -> None:
    user.chapters = [UserChapter(login=user.login, chapter_code=code) for code in codes]


def _refresh_own_scope(ws: Workspace, login: str) -> None:
    if normal_login(ws.user) == login:
        try:
            apply_scope(ws)
        except AccessDeniedError:  # deactivated oneself: the next opening refuses
            ws.scope = frozenset()


def add_user(
    ws: Workspace,
    login: str,
    chapters: Iterable[str],
    *,
    admin: bool = False,
    display_name: str = "",
) -> UserRow:
    """Set up ``login`` for ``chapters`` (an administrator sees all of them).

    A deactivated login is set up again with the new chapters.
    """
    clean = _clean_login(login)
    name = display_name.strip()
    if len(name) > NAME_MAX:
        raise ValidationError(
            "display_name", _("At most {max} characters."), label=_("Name"), max=NAME_MAX
        )
    with ws.db.transaction() as session:
        _require_manager(ws, session)
        if not admin and not _anyone(session):
            raise ValidationError(
                "admin",
                _(
                    "The first person set up must be an administrator: "
                    "basc users add {login} --admin"
                ),
                label=_("Administrator"),
                login=clean,
            )
        codes = _clean_chapters(session, chapters, admin=admin)
        user = session.get(User, clean)
        if user is not None and user.active:
            raise ValidationError(
                "login", _("{login} is already set up."), label=_("Login"), login=clean
            )
        action = "create" if user is None else "restore"
        if user is None:
            user = User(login=clean)
            session.add(user)
        user.display_name, user.is_admin, user.active = name, admin, True
        _link(user, codes)
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            0,
            action,
            {"login": clean, "display_name": name, "is_admin": admin, "chapters": list(codes)},
        )
        row = _row(user)
    _refresh_own_scope(ws, clean)
    return row


def _load(session: Session, login: str) -> User:
    user = session.get(User, normal_login(login))
    if user is None:
        raise NotFoundError(_("{login} is not set up in this database."), login=login)
    return user


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.is_admin.is_(True), User.active.is_(True))
        )
        or 0
    )


def set_chapters(ws: Workspace, login: str, chapters: Iterable[str]) -> UserRow:
    """Replace the chapters ``login`` works for."""
    with ws.db.transaction() as session:
        _require_manager(ws, session)
        user = _load(session, login)
        codes = _clean_chapters(session, chapters, admin=user.is_admin)
        before = [link.chapter_code for link in user.chapters]
        _link(user, codes)
        session.flush()
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            0,
            "update",
            {"login": user.login, "chapters": (before, list(codes))},
        )
        row = _row(user)
    _refresh_own_scope(ws, row.login)
    return row


def deactivate(ws: Workspace, login: str) -> UserRow:
    """``login`` no longer opens the database (kept, with its past events)."""
    with ws.db.transaction() as session:
        _require_manager(ws, session)
        user = _load(session, login)
        if not user.active:
            return _row(user)
        if user.is_admin and _active_admins(session) == 1:
            raise ValidationError(
                "login",
                _("{login} is the last administrator: set up another one first."),
                label=_("Login"),
                login=user.login,
            )
        user.active = False
        record_event(
            session,
            ws.user,
            RECORD_TYPE,
            0,
            "deactivate",
            {"login": user.login, "active": (True, False)},
        )
        row = _row(user)
    _refresh_own_scope(ws, row.login)
    return row
