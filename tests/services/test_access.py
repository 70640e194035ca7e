"""Who may open a database and which chapters they see; setting up users."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.errors import AccessDeniedError, NotFoundError, ValidationError
from basc_desktop.services.imports import check_import, read_import, run_import
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.member_search import count_members, find_members
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.users import (
    add_user,
    apply_scope,
    can_manage_users,
    deactivate,
    list_users,
    set_chapters,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.store.events import Event
from tests.audit_factories import member
from tests.import_files import tax_ids, write_xlsx


def _open_as(
    login: str, settings: Settings, chapters: ChapterRegistry, url: str, mp: pytest.MonkeyPatch
) -> frozenset[str] | None:
    mp.setenv("LOGNAME", login)
    ws = open_workspace(settings, chapters, url=url)
    try:
        assert ws.user == login
        return ws.scope
    finally:
        ws.db.close()


def _set_up(ws: Workspace) -> None:
    add_user(ws, "tester", [], admin=True, display_name="Marta Ruiz")
    add_user(ws, "ana", ["co-bog"], display_name="Ana Pérez")


def test_a_database_without_users_opens_for_everyone_with_every_chapter(
    workspace: Workspace,
    settings: Settings,
    chapters: ChapterRegistry,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert workspace.scope is None
    assert _open_as("whoever", settings, chapters, database_url, monkeypatch) is None
    assert can_manage_users(workspace)


def test_opening_gives_each_login_its_chapters_and_refuses_strangers(
    workspace: Workspace,
    settings: Settings,
    chapters: ChapterRegistry,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _set_up(workspace)
    add_user(workspace, "luis", ["co-ctg", "co-bog"])
    assert _open_as("tester", settings, chapters, database_url, monkeypatch) is None
    assert _open_as("ana", settings, chapters, database_url, monkeypatch) == {"co-bog"}
    assert _open_as("Luis", settings, chapters, database_url, monkeypatch) == {
        "co-bog",
        "co-ctg",
    }
    with pytest.raises(AccessDeniedError) as refused:
        _open_as("stranger", settings, chapters, database_url, monkeypatch)
    assert str(refused.value) == (
        "stranger is not set up to work in this database. Ask its administrator to add you: "
        "basc users add stranger --chapter …"
    )
    deactivate(workspace, "luis")
    with pytest.raises(AccessDeniedError, match="luis is not set up"):
        _open_as("luis", settings, chapters, database_url, monkeypatch)


def test_an_administrator_sees_every_chapter_and_a_user_only_theirs(
    workspace: Workspace,
) -> None:
    member(workspace, chapter="co-bog", seed=1)
    member(workspace, chapter="co-ctg", seed=2, name="Puerto Caribe S.A.")
    _set_up(workspace)
    apply_scope(workspace)
    assert workspace.scope is None
    assert count_members(workspace) == 2
    workspace.user = "ana"
    apply_scope(workspace)
    assert [m.chapter_code for m in find_members(workspace, MemberQuery())] == ["co-bog"]
    assert not can_manage_users(workspace)


def test_the_first_user_must_be_an_administrator(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="must be an administrator"):
        add_user(workspace, "ana", ["co-bog"])
    assert list_users(workspace) == []


def test_users_are_checked_and_every_change_is_in_the_event_log(workspace: Workspace) -> None:
    _set_up(workspace)
    with pytest.raises(ValidationError, match="There is no chapter “xx-yyy”"):
        add_user(workspace, "luis", ["xx-yyy"])
    with pytest.raises(ValidationError, match="at least one chapter"):
        add_user(workspace, "luis", [])
    with pytest.raises(ValidationError, match="ana is already set up"):
        add_user(workspace, "ANA", ["co-ctg"])
    with pytest.raises(ValidationError, match="not a login name"):
        add_user(workspace, "ana maría", ["co-ctg"])
    with pytest.raises(NotFoundError):
        set_chapters(workspace, "nobody", ["co-bog"])
    with pytest.raises(ValidationError, match="last administrator"):
        deactivate(workspace, "tester")

    row = set_chapters(workspace, "ana", ["co-ctg", "co-bog"])
    assert row.chapters == ("co-bog", "co-ctg")
    deactivate(workspace, "ana")
    again = add_user(workspace, "ana", ["co-ant"], display_name="Ana P.")
    assert (again.active, again.chapters, again.display_name) == (True, ("co-ant",), "Ana P.")
    assert [(u.login, u.is_admin, u.active) for u in list_users(workspace)] == [
        ("ana", False, True),
        ("tester", True, True),
    ]
    with workspace.db.reading() as session:
        events = session.execute(
            select(Event.action, Event.user_name, Event.changes)
            .where(Event.record_type == "user")
            .order_by(Event.id)
        ).all()
    assert [(e.action, e.changes["login"]) for e in events] == [
        ("create", "tester"),
        ("create", "ana"),
        ("update", "ana"),
        ("deactivate", "ana"),
        ("restore", "ana"),
    ]
    assert events[2].changes["chapters"] == [["co-bog"], ["co-bog", "co-ctg"]]
    assert {e.user_name for e in events} == {"tester"}


def test_an_import_row_of_another_chapter_is_refused_on_its_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    theirs = member(workspace, chapter="co-ctg", seed=5, name="Puerto Caribe S.A.")
    assert theirs
    _set_up(workspace)
    workspace.user = "ana"
    apply_scope(workspace)
    nits = tax_ids("CO", 3, seed=11)
    rows = [
        ["Razón social", "NIT", "Capítulo", "Tipo de empresa"],
        ["Andina S.A.S.", nits[0], "co-bog", "Depósito"],
        ["Costa S.A.S.", nits[1], "co-ctg", "Depósito"],
    ]
    path = write_xlsx(tmp_path / "afiliados.xlsx", rows)
    mapping = read_import(path).mapping
    report = check_import(workspace, path, mapping)
    assert [str(p) for p in report.problems] == [
        "row 3, C (Capítulo): ana is not set up to work for chapter co-ctg."
    ]
    written = run_import(workspace, path, mapping)
    assert not written.written
    assert count_members(workspace, MemberQuery(archived=None)) == 0
