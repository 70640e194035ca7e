"""Who may open a database, and which chapters they then see: the rule, without the database.

A database without users is one coordinator on one PC: everyone sees every chapter.
Once someone is set up, only the people in the users table may open it; an
administrator sees every chapter, anyone else the chapters they are set up for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from basc_desktop.domain.errors import AccessDeniedError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import strip_controls


@dataclass(frozen=True)
class Account:
    """One person of the users table, as far as the access rule cares."""

    login: str
    is_admin: bool
    active: bool
    chapters: frozenset[str]


def normal_login(login: str) -> str:
    """The login as the table keeps it: trimmed, lower case (PC accounts ignore case),
    without control characters (no login has them; PostgreSQL refuses a NUL)."""
    return strip_controls(login).strip().lower()


def scope_for(login: str, account: Account | None, *, anyone_set_up: bool) -> frozenset[str] | None:
    """The chapters ``login`` may work with; None for every chapter.

    Refuses (:class:`AccessDeniedError`) a login that is unknown or deactivated while
    the database has users.
    """
    if not anyone_set_up:
        return None
    if account is None or not account.active:
        raise AccessDeniedError(
            _(
                "{login} is not set up to work in this database. Ask its administrator "
                "to add you: basc users add {login} --chapter …"
            ),
            login=login,
        )
    if account.is_admin:
        return None
    return account.chapters


def may_manage_users(account: Account | None, *, anyone_set_up: bool) -> bool:
    """Only an active administrator changes users (anyone, while there are none yet)."""
    if not anyone_set_up:
        return True
    return account is not None and account.active and account.is_admin


def describe_scope(scope: frozenset[str] | None) -> str:
    """``co-bog, co-ctg`` for the chapters of a scope; empty for every chapter."""
    return "" if scope is None else ", ".join(sorted(scope))


def sorted_codes(codes: Iterable[str]) -> tuple[str, ...]:
    """Chapter codes once each, trimmed, in lower case and sorted."""
    return tuple(sorted({code.strip().lower() for code in codes if code.strip()}))
