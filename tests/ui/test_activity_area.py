"""The Activity area: the event log filtered by user, the detail of an event, and its export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.services.certificate_moves import suspend_certificate
from basc_desktop.services.certificates import get_certificate
from basc_desktop.services.members import get_member, member_input, update_member
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.activity import ActivityArea
from basc_desktop.ui.areas.certificate_detail import CertificateDetailPanel
from basc_desktop.ui.areas.registry import AREA_KEYS
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.activity_model import ActivityModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member, planned
from tests.certificate_factories import certified
from tests.ui.conftest import settle_operations


def _log(ws: Workspace) -> None:
    ana, luis = replace(ws, user="ana"), replace(ws, user="luis")
    bogota = member(ana, name="Exportadora Andina S.A.S.", seed=1)
    member(luis, chapter="pa", name="Canal Logistics Inc.", seed=2)
    for who, phone in ((ana, "+57 601 555 0101"), (luis, "+57 602 555 0202")):
        detail = get_member(who, bogota)
        update_member(
            who,
            bogota,
            replace(member_input(detail), phone=phone),
            expected_version=detail.row.version,
        )
    planned(ana, bogota)


def _area(qtbot: QtBot, ws: Workspace, settings: Settings) -> ActivityArea:
    area = ActivityArea(AppContext(ws, settings, ChangeHub()))
    qtbot.addWidget(area)
    area.resize(1200, 640)
    area.show()
    area.activate()
    return area


def test_filter_by_user_shows_only_their_events_with_old_and_new_values(
    qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings, artifacts_dir: Path
) -> None:
    assert AREA_KEYS[-1] == "activity" or "activity" in AREA_KEYS
    _log(sqlite_workspace)
    area = _area(qtbot, sqlite_workspace, settings)
    assert area.model.total == 5
    assert area.count_label.text() == "5 events"
    users = area.filters.user
    users.setCurrentIndex(users.findData("luis"))
    assert area.model.total == 2
    assert {row.user for row in area.model.rows()} == {"luis"}
    area.table.selectRow(0)
    html = area.detail.toHtml()
    assert "Exportadora Andina S.A.S." in html
    assert "+57 601 555 0101" in html
    assert "+57 602 555 0202" in html
    changes = area.model.index(0, area.model.column_of("changes")).data()
    assert changes == "Phone: +57 601 555 0101 → +57 602 555 0202"
    save_screenshot(area, artifacts_dir / "activity-area.png")

    area.filters.search.setText("canal")
    qtbot.waitUntil(lambda: area.model.total == 1)
    assert area.model.rows()[0].record == "Canal Logistics Inc."


def test_export_writes_the_list_as_filtered(
    qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings, tmp_path: Path
) -> None:
    _log(sqlite_workspace)
    area = _area(qtbot, sqlite_workspace, settings)
    kinds = area.filters.record_type
    kinds.setCurrentIndex(kinds.findData("company"))
    target = tmp_path / "activity.xlsx"

    def answer(prompt: prompts.Prompt) -> prompts.Answer:
        return str(target) if prompt.kind == prompts.PromptKind.SAVE_FILE else True

    with prompts.answering(answer) as asked:
        area.excel_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)
    settle_operations()
    assert asked[1].text == f"4 events were written to {target}."
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    users = [row[1] for row in sheet.iter_rows(values_only=True) if row[1] in ("ana", "luis")]
    assert users == ["luis", "ana", "luis", "ana"]


def test_the_model_pages_through_a_long_log(
    qtmodeltester: ModelTester, sqlite_workspace: Workspace
) -> None:
    _log(sqlite_workspace)
    model = ActivityModel(sqlite_workspace, page_size=2)
    model.reload()
    assert (model.loaded, model.total) == (2, 5)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [row.action for row in model.rows()] == ["plan", "update", "update", "create", "create"]
    qtmodeltester.check(model)


def test_a_certificate_s_detail_shows_its_changes(
    qtbot: QtBot, sqlite_workspace: Workspace
) -> None:
    ws = replace(sqlite_workspace, user="ana")
    row = certified(ws, member(ws))
    suspend_certificate(ws, row.id, reason="Cuotas")
    panel = CertificateDetailPanel()
    qtbot.addWidget(panel)
    panel.show_certificate(get_certificate(ws, row.id), ws)
    text = panel.data.toPlainText()
    assert "History of changes" in text
    assert "ana · Suspended" in text
    assert "State: Valid → Suspended" in text
