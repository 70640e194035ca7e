"""Auditors: registered, corrected, retired and reactivated by the coordinator."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from basc_desktop.domain.errors import LifecycleError, NotFoundError, ValidationError
from basc_desktop.services.auditors import (
    AuditorInput,
    add_auditor,
    auditors,
    check_auditor,
    get_auditor,
    set_auditor_active,
    update_auditor,
)
from basc_desktop.services.audits import get_audit
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Auditor
from basc_desktop.store.events import Event
from tests.audit_factories import member, planned


def _events(ws: Workspace, auditor_id: int) -> list[tuple[str, dict[str, Any]]]:
    with ws.db.reading() as session:
        rows = session.execute(
            select(Event.action, Event.changes)
            .where(Event.record_type == "auditor", Event.record_id == auditor_id)
            .order_by(Event.id)
        )
        return [(action, dict(changes)) for action, changes in rows]


def _count(ws: Workspace) -> int:
    with ws.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Auditor)) or 0)


def test_add_edit_retire_reactivate(workspace: Workspace) -> None:
    ws = workspace
    ana = add_auditor(ws, "  Nicolás \x07 Peña ", " Nico@Example.COM ", "co-bog")
    assert (ana.name, ana.email, ana.chapter_code, ana.active, ana.audits) == (
        "Nicolás Peña",
        "nico@example.com",
        "co-bog",
        True,
        0,
    )
    fixed = update_auditor(ws, ana.id, name="Nicolás Peña Ruiz", email="", chapter_code="mx-occ")
    assert (fixed.name, fixed.email, fixed.chapter_code) == ("Nicolás Peña Ruiz", "", "mx-occ")
    retired = set_auditor_active(ws, ana.id, False)
    assert not retired.active
    assert [a.name for a in auditors(ws, include_retired=False)] == []
    assert [a.name for a in auditors(ws)] == ["Nicolás Peña Ruiz"]
    back = set_auditor_active(ws, ana.id, True)
    assert back.active
    assert get_auditor(ws, ana.id) == back

    events = _events(ws, ana.id)
    assert [action for action, _changes in events] == ["create", "update", "retire", "reactivate"]
    assert events[0][1]["name"] == "Nicolás Peña"
    assert events[1][1] == {
        "name": ["Nicolás Peña", "Nicolás Peña Ruiz"],
        "email": ["nico@example.com", ""],
        "chapter_code": ["co-bog", "mx-occ"],
    }
    assert events[2][1] == {"active": [True, False]}


def test_an_edit_that_changes_nothing_records_nothing(workspace: Workspace) -> None:
    ana = add_auditor(workspace, "Ana Gómez", "", "co-bog")
    update_auditor(workspace, ana.id, name=" Ana  Gómez", email="", chapter_code="co-bog")
    assert [action for action, _c in _events(workspace, ana.id)] == ["create"]


@pytest.mark.parametrize(
    ("name", "email", "chapter", "field"),
    [
        ("", "", "co-bog", "name"),
        ("   ", "", "co-bog", "name"),
        ("\x00\x07", "", "co-bog", "name"),
        ("A" * 201, "", "co-bog", "name"),
        ("Ana Gómez", "ana@", "co-bog", "email"),
        ("Ana Gómez", "ana gomez@example.com", "co-bog", "email"),
        ("Ana Gómez", "a" * 250 + "@x.com", "co-bog", "email"),
        ("Ana Gómez", "", "zz-nowhere", "chapter_code"),
    ],
)
def test_bad_input_is_refused_with_its_field_and_nothing_written(
    workspace: Workspace, name: str, email: str, chapter: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        add_auditor(workspace, name, email, chapter)
    assert caught.value.field == field
    assert _count(workspace) == 0
    assert field in check_auditor(workspace, AuditorInput(name, email, chapter))

    carlos = add_auditor(workspace, "Carlos Ruiz", "carlos@example.com", "co-bog")
    with pytest.raises(ValidationError) as caught:
        update_auditor(workspace, carlos.id, name=name, email=email, chapter_code=chapter)
    assert caught.value.field == field
    assert get_auditor(workspace, carlos.id) == carlos
    assert [action for action, _c in _events(workspace, carlos.id)] == ["create"]


def test_a_second_active_namesake_in_the_chapter_is_refused(workspace: Workspace) -> None:
    ws = workspace
    ana = add_auditor(ws, "Ana Gómez", "", "co-bog")
    with pytest.raises(ValidationError) as caught:
        add_auditor(ws, "ana  gómez", "", "co-bog")
    assert caught.value.field == "name"
    assert "Ana Gómez" in str(caught.value)
    assert str(ana.id) in str(caught.value)
    assert "name" in check_auditor(ws, AuditorInput("ANA GÓMEZ", "", "co-bog"))
    assert check_auditor(ws, AuditorInput("Ana Gómez", "", "co-bog"), ana.id) == {}

    other_chapter = add_auditor(ws, "Ana Gómez", "", "mx-occ")
    with pytest.raises(ValidationError):
        update_auditor(ws, other_chapter.id, name="Ana Gómez", email="", chapter_code="co-bog")

    # Once retired, the name is free; reactivating the old one is then refused.
    set_auditor_active(ws, ana.id, False)
    update_auditor(ws, other_chapter.id, name="Ana Gómez", email="", chapter_code="co-bog")
    with pytest.raises(ValidationError):
        set_auditor_active(ws, ana.id, True)
    assert not get_auditor(ws, ana.id).active


def test_unknown_auditor_and_moves_already_made(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        update_auditor(workspace, 99, name="X", email="", chapter_code="co-bog")
    with pytest.raises(NotFoundError):
        set_auditor_active(workspace, 99, False)
    ana = add_auditor(workspace, "Ana Gómez", "", "co-bog")
    with pytest.raises(LifecycleError):
        set_auditor_active(workspace, ana.id, True)
    set_auditor_active(workspace, ana.id, False)
    with pytest.raises(LifecycleError):
        set_auditor_active(workspace, ana.id, False)


def test_retired_auditor_stays_on_past_audits_but_cannot_lead_new_ones(
    workspace: Workspace,
) -> None:
    ws = workspace
    company = member(ws)
    ana = add_auditor(ws, "Ana Gómez", "", "co-bog")
    carlos = add_auditor(ws, "Carlos Ruiz", "", "co-bog")
    audit = planned(ws, company, lead=ana.id, team=(carlos.id,))
    planned(ws, company, lead=carlos.id)
    counts = {a.name: a.audits for a in auditors(ws, "co-bog")}
    assert counts == {"Ana Gómez": 1, "Carlos Ruiz": 2}

    set_auditor_active(ws, ana.id, False)
    assert get_audit(ws, audit.id).lead_auditor == "Ana Gómez"
    assert [a.name for a in auditors(ws, "co-bog", include_retired=False)] == ["Carlos Ruiz"]
    assert get_auditor(ws, ana.id).audits == 1
    with pytest.raises(ValidationError) as caught:
        planned(ws, company, lead=ana.id)
    assert caught.value.field == "lead_auditor_id"
