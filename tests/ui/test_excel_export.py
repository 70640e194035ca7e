"""Exporting to Excel from the Members, Audits and Corrective actions areas."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from pytestqt.qtbot import QtBot

from basc_desktop.reports.excel_writer import ExportCancelledError
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.actions import ActionsArea
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.excel_export import write_excel
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.operations import Reporter, _Relay
from tests.audit_factories import auditor, planned
from tests.conftest import TODAY
from tests.services.test_exports import audit_with_a_nonconformity, register
from tests.ui.conftest import settle_operations
from tests.ui.members_helpers import open_members, pick, select_rows, shown_ids


@pytest.fixture
def demo_workspace(sqlite_workspace: Workspace) -> Workspace:
    """A small register of our own (four countries, every status, audits, an action)."""
    ids = register(sqlite_workspace)
    lead = auditor(sqlite_workspace)
    audit_with_a_nonconformity(sqlite_workspace, ids["andina"], lead)
    planned(sqlite_workspace, ids["istmo"], on=TODAY + timedelta(days=20), lead=lead)
    return sqlite_workspace


def saving_to(target: Path, per_country: bool = False) -> prompts.Answerer:
    def answer(prompt: prompts.Prompt) -> prompts.Answer:
        if prompt.kind == prompts.PromptKind.SAVE_FILE:
            return str(target)
        return per_country if prompt.kind == prompts.PromptKind.QUESTION else True

    return answer


def reopen(path: Path, sheet: str | None = None) -> Worksheet:
    book = openpyxl.load_workbook(path)
    found = book[sheet] if sheet else book.active
    assert isinstance(found, Worksheet)
    return found


def names(sheet: Worksheet, column: int = 1) -> list[object]:
    return [row[column] for row in sheet.iter_rows(min_row=6, values_only=True)]


def test_export_the_filtered_members_list_to_excel(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    area = open_members(window)
    pick(area.filter_bar.country, "CO")
    target = tmp_path / "miembros"  # no suffix: .xlsx is added
    with prompts.answering(saving_to(target)) as asked:
        area.member_actions.export_list_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)
    settle_operations()
    saved = target.with_name("miembros.xlsx")
    assert asked[0].kind == prompts.PromptKind.SAVE_FILE
    assert "*.xlsx" in asked[0].details
    assert "*.csv" in asked[0].details
    assert asked[1].text == f"2 members were written to {saved}."  # one country: no question
    sheet = reopen(saved)
    assert sheet.freeze_panes == "A6"
    assert sheet.cell(2, 1).value == "Filtro: País: CO"
    shown = [area.model.member_at(area.model.index(n, 0)) for n in range(area.model.rowCount())]
    assert sorted(names(sheet)) == sorted(row.legal_name for row in shown if row is not None)
    assert len(shown) == len(shown_ids(area)) == 2


def test_every_country_on_its_own_sheet_when_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    area = open_members(window)
    target = tmp_path / "members.xlsx"
    with prompts.answering(saving_to(target, per_country=True)) as asked:
        area.member_actions.export_list_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 3, timeout=10000)
    settle_operations()
    assert asked[1].kind == prompts.PromptKind.QUESTION
    assert asked[2].text == f"5 members were written to {target}."
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Resumen", "Colombia", "Haití", "México", "Panamá"]


def test_export_the_selection(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    area = open_members(window)
    select_rows(area, [0, 2])
    chosen = sorted(row.legal_name for row in area.selected_members())
    target = tmp_path / "chosen.xlsx"
    with prompts.answering(saving_to(target)) as asked:
        area.member_actions.export_selected_action.trigger()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)  # never asks per country
    settle_operations()
    assert sorted(names(reopen(target))) == chosen


def test_export_the_audit_plan_and_the_actions(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    audits = window.show_area("audits")
    assert isinstance(audits, AuditsArea)
    assert audits.commands.excel_action in audits.toolbar.actions()
    target = tmp_path / "plan.xlsx"
    with prompts.answering(saving_to(target)) as asked:
        audits.commands.excel_action.trigger()
        qtbot.waitUntil(lambda: len(asked) >= 2 and asked[-1].kind.value == "information")
    settle_operations()
    assert asked[-1].text == f"2 audits were written to {target}."
    assert reopen(target).title == "Plan de auditorías"

    actions = window.show_area("actions")
    assert isinstance(actions, ActionsArea)
    target = tmp_path / "actions.xlsx"
    with prompts.answering(saving_to(target)) as asked:
        actions.excel_action.trigger()
        qtbot.waitUntil(lambda: len(asked) >= 2 and asked[-1].kind.value == "information")
    settle_operations()
    assert asked[-1].text == f"1 corrective actions were written to {target}."
    assert names(reopen(target), 2) == ["Exportadora Andina S.A.S."]


def test_a_cancelled_export_leaves_no_file(window: MainWindow, tmp_path: Path) -> None:
    area = open_members(window)
    stop = threading.Event()
    stop.set()
    folder = tmp_path / "export"
    folder.mkdir()
    query = MemberQuery(limit=None)
    with pytest.raises(ExportCancelledError):
        write_excel(area.context, "members", query, folder / "m.xlsx", Reporter(_Relay(), stop))
    assert list(folder.iterdir()) == []


def test_cancelling_the_save_dialog_exports_nothing(window: MainWindow) -> None:
    area = open_members(window)
    with prompts.answering(None) as asked:
        area.member_actions.export_list_action.trigger()
    assert [p.kind for p in asked] == [prompts.PromptKind.SAVE_FILE]


def test_export_the_certificates_register(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    area = window.show_area("certificates")
    assert isinstance(area, CertificatesArea)
    assert area.excel_action in area.toolbar.actions()
    area.filters.country.setCurrentIndex(area.filters.country.findData("CO"))
    qtbot.waitUntil(lambda: area.model.rowCount() == 2)
    target = tmp_path / "register.xlsx"
    with prompts.answering(saving_to(target)) as asked:
        area.excel_action.trigger()
        qtbot.waitUntil(lambda: len(asked) >= 2 and asked[-1].kind.value == "information")
    settle_operations()
    assert asked[-1].text == f"2 certificates were written to {target}."
    codes = [area.model.data(area.model.index(n, 0)) for n in range(area.model.rowCount())]
    assert sorted(names(reopen(target), 0)) == sorted(codes)
