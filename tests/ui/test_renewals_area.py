"""The Renewals area: the list, letters then "mark as sent?", Excel, the history line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.domain.vocabulary import AuditKind
from basc_desktop.services.members import get_member
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.member_detail import MemberDetailPanel
from basc_desktop.ui.areas.registry import AREA_KEYS, AREAS
from basc_desktop.ui.areas.renewals import RenewalsArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import planned
from tests.conftest import TODAY
from tests.services.test_reminders import company
from tests.ui.conftest import settle_operations


@pytest.fixture
def area(qtbot: QtBot, sqlite_workspace: Workspace, settings: Settings) -> Iterator[RenewalsArea]:
    ws = sqlite_workspace
    company(
        ws, "Alfa Exportaciones S.A.S.", expires_in=8, seed=61,
        contact=("Laura Gómez", "laura@alfa.example"),
    )  # fmt: skip
    company(ws, "Beta Carga Ltda.", expires_in=50, seed=62, email="info@beta.example")
    company(ws, "Zêta Transport Haïti S.A.", chapter="ht", expires_in=20, seed=63)
    planned_one = company(ws, "Gamma Con Auditoría S.A.", expires_in=30, seed=64)
    planned(ws, planned_one, kind=AuditKind.RECERTIFICATION, on=TODAY + timedelta(days=7))
    company(ws, "Delta Lejana S.A.", expires_in=200, seed=65)
    widget = RenewalsArea(AppContext(ws, settings, ChangeHub()))
    qtbot.addWidget(widget)
    widget.resize(1200, 520)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activate()
    yield widget
    settle_operations()


def names(area: RenewalsArea) -> list[str]:
    return [row.company_name for row in area.model.rows()]


def select_rows(area: RenewalsArea, *numbers: int) -> None:
    area.table.clearSelection()
    chosen = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for number in numbers:
        index = area.model.index(number, 0)
        area.table.selectionModel().setCurrentIndex(index, chosen)


def test_the_area_is_in_the_sidebar_after_certificates() -> None:
    assert AREA_KEYS[AREA_KEYS.index("certificates") + 1] == "renewals"
    spec = AREAS[AREA_KEYS.index("renewals")]
    assert (spec.title, spec.icon) == ("Renewals", "renewals")
    assert (Path(__file__).parents[2] / "resources" / "icons" / "renewals.svg").is_file()


def test_the_model_passes_the_model_tester(area: RenewalsArea, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(area.model)
    assert area.model.rowCount() == 3


def test_letters_then_marked_sent_after_the_question(
    qtbot: QtBot, area: RenewalsArea, tmp_path: Path, artifacts_dir: Path
) -> None:
    assert names(area) == [
        "Alfa Exportaciones S.A.S.",
        "Zêta Transport Haïti S.A.",
        "Beta Carga Ltda.",
    ]
    assert area.count_label.text() == "3 companies to remind"
    area.chapter.setCurrentIndex(area.chapter.findData("ht"))
    assert names(area) == ["Zêta Transport Haïti S.A."]
    area.chapter.setCurrentIndex(0)

    select_rows(area, 0, 2)
    assert area.detail.text() == "Beta Carga Ltda.: no reminder sent yet for certificate R062-1-1."
    operation = area.commands.write_letters()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20_000):
        pass
    preview = area.commands.preview
    assert preview is not None
    assert preview.isVisible()
    assert preview.page_count == 2
    with prompts.answering(True) as asked:
        preview.reject()
    assert [p.text for p in asked] == ["Mark these 2 reminders as sent?"]
    rows = {row.company_name: row for row in area.model.rows()}
    assert rows["Alfa Exportaciones S.A.S."].last_reminder_on == TODAY
    assert rows["Beta Carga Ltda."].reminders_sent == 1
    assert rows["Zêta Transport Haïti S.A."].reminders_sent == 0
    assert area.model.index(0, area.model.column_of("last_reminder")).data() == "15/06/2026"

    area.table.setCurrentIndex(area.model.index(0, 0))
    assert area.detail.text() == (
        "Alfa Exportaciones S.A.S.: last reminder sent on 15/06/2026 for certificate "
        "R061-1-1 (1 in all)."
    )
    save_screenshot(area, artifacts_dir / "renewals-area.png")

    detail = MemberDetailPanel()
    member_id = rows["Alfa Exportaciones S.A.S."].company_id
    ws = area.context.workspace
    detail.show_member(get_member(ws, member_id), ws)
    history = detail.toPlainText()
    assert "Renewal reminder sent for certificate R061-1-1 (expires 23/06/2026)" in history
    detail.deleteLater()

    area.include_reminded.setChecked(False)
    assert names(area) == ["Zêta Transport Haïti S.A."]


def test_mark_as_sent_asks_first_and_excel_writes_the_list(
    qtbot: QtBot, area: RenewalsArea, tmp_path: Path
) -> None:
    select_rows(area, 1)
    with prompts.answering(False) as asked:
        assert area.commands.mark_selected() is False
    assert asked[0].text == "Record that a renewal reminder was sent today to 1 companies?"
    assert all(row.reminders_sent == 0 for row in area.model.rows())
    reloaded: list[str] = []
    area.context.changes.changed.connect(reloaded.append)
    with prompts.answering(True):
        assert area.commands.mark_selected() is True
    assert reloaded == [changes.MEMBERS]
    assert area.model.rows()[1].reminders_sent == 1

    book = tmp_path / "renovaciones.xlsx"
    with prompts.answering(str(book)) as asked:
        operation = area.commands.export_excel()
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=20_000):
            pass
    assert asked[-1].text == f"3 companies were written to {book}."
    sheet = load_workbook(book).active
    assert sheet is not None
    assert sheet.max_row == 4 + 3
    assert sheet["B6"].value == "Zêta Transport Haïti S.A."
