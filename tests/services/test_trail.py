"""The event log: stale saves name who changed the record and when; nothing edits the log."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, event, func, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import StaleRecordError, ValidationError
from basc_desktop.services.members import get_member, member_input, update_member
from basc_desktop.services.trail import change_time, last_change, record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.events import Event
from tests.audit_factories import member


def _events(ws: Workspace) -> int:
    with ws.db.reading() as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


def test_a_stale_save_names_who_changed_the_member_and_when(workspace: Workspace) -> None:
    ana, luis = replace(workspace, user="ana"), replace(workspace, user="luis")
    member_id = member(ana)
    opened_by_luis = get_member(luis, member_id)
    opened_by_ana = get_member(ana, member_id)
    update_member(
        ana,
        member_id,
        replace(member_input(opened_by_ana), phone="+57 601 555 0101"),
        expected_version=opened_by_ana.row.version,
    )
    with pytest.raises(StaleRecordError) as refused:
        update_member(
            luis,
            member_id,
            replace(member_input(opened_by_luis), phone="+57 602 555 0202"),
            expected_version=opened_by_luis.row.version,
        )
    message = str(refused.value)
    with workspace.db.reading() as session:
        last = last_change(session, "company", member_id)
    assert last is not None
    assert last.user == "ana"
    assert "changed by ana at" in message
    assert change_time(last.occurred_at) in message
    assert "Reload to see it." in message
    # nothing was lost: ana's phone is kept, luis's save left no trace
    assert get_member(workspace, member_id).phone == "+57 601 555 0101"
    with workspace.db.reading() as session:
        users = list(
            session.scalars(
                select(Event.user_name).where(
                    Event.record_type == "company", Event.record_id == member_id
                )
            )
        )
    assert users == ["ana", "ana"]


def test_change_time_is_the_hour_today_and_the_day_before() -> None:
    now = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    at = now.astimezone().replace(hour=10, minute=42).astimezone(UTC)
    assert change_time(at, now) == "10:42"
    earlier = at - timedelta(days=3)
    local = earlier.astimezone()
    assert change_time(earlier, now) == local.strftime("%d/%m/%Y") + " 10:42"


def test_the_database_refuses_to_edit_or_delete_the_log(workspace: Workspace) -> None:
    member(workspace)
    before = _events(workspace)
    with pytest.raises(DBAPIError), workspace.db.transaction() as session:
        session.execute(update(Event).values(user_name="someone else"))
    with pytest.raises(DBAPIError), workspace.db.transaction() as session:
        session.execute(delete(Event))
    with pytest.raises(DBAPIError), workspace.db.transaction() as session:
        session.execute(text("UPDATE events SET changes = '{}'"))
    assert _events(workspace) == before
    with workspace.db.reading() as session:
        assert session.scalar(select(Event.user_name)) == "tester"


def test_a_refused_write_records_no_event(workspace: Workspace) -> None:
    member_id = member(workspace)
    before = _events(workspace)
    detail = get_member(workspace, member_id)
    with pytest.raises(ValidationError):
        update_member(
            workspace,
            member_id,
            replace(member_input(detail), legal_name=""),
            expected_version=detail.row.version,
        )

    def fails_after_its_event() -> None:
        with workspace.db.transaction() as session:
            record_event(session, "tester", "company", member_id, "update", {"phone": ("1", "2")})
            session.flush()
            raise RuntimeError("the write failed after its event")

    with pytest.raises(RuntimeError):
        fails_after_its_event()
    assert _events(workspace) == before


def test_a_save_overtaken_between_its_check_and_its_write_is_refused(
    workspace: Workspace,
) -> None:
    """On a shared database another PC can save after our version check: still refused."""
    if workspace.db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite writers take turns: nobody can save between the check and the write")
    ana, luis = replace(workspace, user="ana"), replace(workspace, user="luis")
    member_id = member(ana)
    opened = get_member(luis, member_id)
    overtaken: list[bool] = []

    def ana_saves_first(session: Session, *_args: object) -> None:
        if overtaken:
            return
        overtaken.append(True)
        mine = get_member(ana, member_id)
        update_member(
            ana,
            member_id,
            replace(member_input(mine), phone="+57 601 555 0101"),
            expected_version=mine.row.version,
        )

    event.listen(Session, "before_flush", ana_saves_first)
    try:
        with pytest.raises(StaleRecordError, match="changed by ana at"):
            update_member(
                luis,
                member_id,
                replace(member_input(opened), phone="+57 602 555 0202"),
                expected_version=opened.row.version,
            )
    finally:
        event.remove(Session, "before_flush", ana_saves_first)
    assert overtaken
    assert get_member(workspace, member_id).phone == "+57 601 555 0101"
