"""The Activity list: every write, filtered by user, record, date and text, and exported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from basc_desktop.cli import main
from basc_desktop.services.activity import (
    ActivityQuery,
    activity_users,
    count_activity,
    export_activity,
    find_activity,
    iter_activity,
    record_activity,
)
from basc_desktop.services.members import get_member, member_input, update_member
from basc_desktop.services.workspace import Workspace
from tests.audit_factories import member, planned


def _edit_phone(ws: Workspace, member_id: int, phone: str) -> None:
    detail = get_member(ws, member_id)
    update_member(
        ws,
        member_id,
        replace(member_input(detail), phone=phone),
        expected_version=detail.row.version,
    )


def _log(workspace: Workspace) -> tuple[int, int]:
    ana, luis = replace(workspace, user="ana"), replace(workspace, user="luis")
    bogota = member(ana, name="Exportadora Andina S.A.S.", seed=1)
    panama = member(luis, chapter="pa", name="Canal Logistics Inc.", seed=2)
    _edit_phone(ana, bogota, "+57 601 555 0101")
    _edit_phone(luis, bogota, "+57 602 555 0202")
    planned(ana, bogota)
    return bogota, panama


def test_events_are_listed_newest_first_with_old_and_new_values(workspace: Workspace) -> None:
    bogota, _ = _log(workspace)
    rows = find_activity(workspace, ActivityQuery(), 0, 100)
    assert [row.action for row in rows] == ["plan", "update", "update", "create", "create"]
    audit, luis_edit = rows[0], rows[1]
    assert audit.record.startswith("Audit ")
    assert audit.record.endswith(" of Exportadora Andina S.A.S.")
    assert luis_edit.user == "luis"
    assert luis_edit.record == "Exportadora Andina S.A.S."
    assert luis_edit.record_type_label == "Member"
    assert luis_edit.action_label == "Edited"
    assert luis_edit.changes_text == "Phone: +57 601 555 0101 → +57 602 555 0202"
    assert luis_edit.chapter == "co-bog"
    assert count_activity(workspace, ActivityQuery()) == 5
    history = record_activity(workspace, "company", bogota)
    assert [row.user for row in history] == ["luis", "ana", "ana"]


def test_filters_by_user_type_action_dates_and_chapter(workspace: Workspace) -> None:
    _log(workspace)
    assert activity_users(workspace) == ["ana", "luis"]
    by_luis = find_activity(workspace, ActivityQuery(users=("luis",)))
    assert {row.user for row in by_luis} == {"luis"}
    assert len(by_luis) == 2
    audits = find_activity(workspace, ActivityQuery(record_types=("audit",)))
    assert [row.action for row in audits] == ["plan"]
    edits = ActivityQuery(actions=("update",))
    assert count_activity(workspace, edits) == 2
    today = date.today()
    assert count_activity(workspace, ActivityQuery(since=today, until=today)) == 5
    assert count_activity(workspace, ActivityQuery(until=today - timedelta(days=1))) == 0
    assert count_activity(workspace, ActivityQuery(since=today + timedelta(days=1))) == 0
    panama = find_activity(workspace, ActivityQuery(chapter="pa"))
    assert [row.record for row in panama] == ["Canal Logistics Inc."]


def test_search_looks_in_names_codes_and_changes(workspace: Workspace) -> None:
    _log(workspace)
    by_name = find_activity(workspace, ActivityQuery(text="canal"))
    assert [row.record for row in by_name] == ["Canal Logistics Inc."]
    by_value = find_activity(workspace, ActivityQuery(text="602 555"))
    assert [row.user for row in by_value] == ["luis"]
    both = ActivityQuery(text="andina 601")
    assert [row.user for row in find_activity(workspace, both)] == ["luis", "ana"]
    assert count_activity(workspace, ActivityQuery(text="nothing like this")) == 0


def test_a_user_of_some_chapters_sees_only_their_records(workspace: Workspace) -> None:
    _log(workspace)
    in_panama = replace(workspace, scope=frozenset({"pa"}))
    rows = find_activity(in_panama, ActivityQuery())
    assert [row.record for row in rows] == ["Canal Logistics Inc."]
    assert count_activity(in_panama, ActivityQuery(users=("ana",))) == 0
    nowhere = replace(workspace, scope=frozenset())
    assert count_activity(nowhere, ActivityQuery()) == 0


def test_batches_and_export_reopen_in_a_spreadsheet(workspace: Workspace, tmp_path: Path) -> None:
    _log(workspace)
    batches = list(iter_activity(workspace, ActivityQuery(), batch=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert [r.id for b in batches for r in b] == [
        r.id for r in find_activity(workspace, ActivityQuery())
    ]
    path = tmp_path / "activity.xlsx"
    progress: list[tuple[int, int]] = []
    written = export_activity(
        workspace,
        ActivityQuery(users=("luis",)),
        path,
        lambda done, total: progress.append((done, total)),
        lambda: False,
    )
    assert written == 2
    sheet = load_workbook(path, read_only=True).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = values.index(["When", "User", "Record type", "Record", "Chapter", "Action", "Changes"])
    body = values[header + 1 :]
    assert [row[1] for row in body] == ["luis", "luis"]
    assert body[0][6] == "Phone: +57 601 555 0101 → +57 602 555 0202"
    assert body[1][3] == "Canal Logistics Inc."


def test_basc_activity_lists_and_exports(
    sqlite_workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = sqlite_workspace
    _log(ws)
    assert ws.data_dir is not None
    where = ["--data-dir", str(ws.data_dir), "--database-url", ws.db.url]
    assert main(["activity", "--user", "luis", "--type", "member", *where]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "luis" in lines[0]
    assert "Exportadora Andina S.A.S." in lines[0]
    assert lines[1].strip() == "Phone: +57 601 555 0101 → +57 602 555 0202"
    assert "Canal Logistics Inc." in lines[2]
    out = tmp_path / "log.xlsx"
    assert main(["activity", "--type", "audit", "--xlsx", str(out), *where]) == 0
    assert capsys.readouterr().out.strip() == f"1 events written to {out}"
    assert main(["activity", "--type", "spaceship", *where]) == 2
    assert "Unknown record type" in capsys.readouterr().err
