"""The Audits area on the demo database: an audit planned, judged and reported from the keyboard."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.vocabulary import AuditKind, AuditState, Verdict
from basc_desktop.services.audit_forms import ActionQuery
from basc_desktop.services.audits import close_audit, get_audit, report_audit, start_audit
from basc_desktop.services.checklist import checklist
from basc_desktop.services.corrective_actions import find_actions
from basc_desktop.services.opening import open_workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.audit_checklist import ChecklistDialog
from basc_desktop.ui.areas.audit_commands import report_file_name
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.audit_looks import VERDICT_KEYS
from basc_desktop.ui.models.members_model import COLUMN_INDEX as MEMBER_COLUMNS
from basc_desktop.ui.screenshot import save_screenshot
from basc_desktop.ui.text import error_text
from tests.audit_factories import auditor, member, planned
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations
from tests.ui.typing import type_text

COMPANY = "Exportadora Ñandú del Pacífico S.A.S."

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def audits_area(window: MainWindow) -> AuditsArea:
    area = window.show_area("audits")
    assert isinstance(area, AuditsArea)
    settle_operations()
    return area


def verdict_keys(count: int) -> list[int]:
    """Keys 1–5 for ``count`` requirements: mostly conforming, one major, two minor, the rest."""
    keys = [1] * count
    for position in range(12, count, 9):
        keys[position] = 4
    for position in range(16, count, 13):
        keys[position] = 5
    for position, key in ((1, 3), (3, 2), (5, 2), (6, 4), (8, 5)):
        keys[position] = key
    return keys


def focus_list(qtbot: QtBot, area: AuditsArea) -> None:
    """The keyboard in the audits list, its window active (a closed dialog gave it back)."""
    area.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area.window())
    area.table.setFocus()


def plan_from_the_dialog(qtbot: QtBot, area: AuditsArea) -> int:
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = area.commands.plan_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_text(qtbot, dialog.company_search, "ñandu pacifico")
    qtbot.keyClick(dialog.company_search, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in the search box searches; it does not press OK
    assert dialog.companies.count() == 1
    assert dialog.companies.currentItem().text().startswith(COMPANY)
    dialog.kind.setCurrentIndex(dialog.kind.findData(AuditKind.CERTIFICATION.value))
    dialog.choose_lead("Ana Gómez")
    dialog.tick_team("Carlos Ruiz")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    audit = area.current_audit()
    assert audit is not None
    assert (audit.company_name, audit.state, audit.lead_auditor) == (
        COMPANY,
        AuditState.PLANNED,
        "Ana Gómez",
    )
    assert audit.team == ("Carlos Ruiz",)
    return audit.id


def test_record_a_whole_audit_from_the_keyboard(
    qtbot: QtBot, window: MainWindow, settings: Settings, artifacts_dir: Path
) -> None:
    ws = window.context.workspace
    company = member(ws, name=COMPANY, seed=4242)
    auditor(ws, "Ana Gómez")
    auditor(ws, "Carlos Ruiz")
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    settle_operations()
    area = audits_area(window)
    audit_id = plan_from_the_dialog(qtbot, area)
    # The plan was announced: the Members list shows the company's next audit.
    row = members.model.row_of(company)
    assert row is not None
    assert members.model.index(row, MEMBER_COLUMNS["next_audit_on"]).data() == "15/06/2026"

    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_S, CTRL_SHIFT)  # Start
    started = area.current_audit()
    assert started is not None
    assert started.state == AuditState.IN_PROGRESS
    assert started.total > 40
    assert started.judged == 0
    assert area.model.index(area.table.currentIndex().row(), 4).data() == (
        f"0 of {started.total} judged"
    )

    qtbot.keyClick(area.table, Qt.Key.Key_Return)  # Open checklist
    dialog = area.commands.checklist_dialog
    assert isinstance(dialog, ChecklistDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    total = started.total
    assert dialog.progress.text() == f"0 of {total} judged"
    keys = verdict_keys(total)
    for number, key in enumerate(keys):
        assert dialog.table.currentIndex().row() == number
        qtbot.keyClick(dialog.table, Qt.Key(Qt.Key.Key_0 + key))
        if number == total // 2:
            assert dialog.progress.text() == f"{number + 1} of {total} judged"
            QCoreApplication.sendPostedEvents()  # lay out the new progress text first
            save_screenshot(dialog, artifacts_dir / "audit-checklist.png")
    assert dialog.progress.text() == f"{total} of {total} judged"
    dialog.reject()

    # A new database session reads every verdict: each was saved when its key was pressed.
    fresh = open_workspace(settings, ws.chapters, url=ws.db.url)
    try:
        verdicts = [line.verdict for line in checklist(fresh, audit_id)]
    finally:
        fresh.db.close()
    assert verdicts == [VERDICT_KEYS[key - 1] for key in keys]

    focus_list(qtbot, area)
    with prompts.answering(True) as asked:
        qtbot.keyClick(area.table, Qt.Key.Key_R, CTRL_SHIFT)  # Report
    assert [prompt.kind for prompt in asked] == [prompts.PromptKind.QUESTION]
    reported = get_audit(ws, audit_id)
    assert reported.state == AuditState.REPORTED
    assert area.current_audit() == reported

    actions_area = window.show_area("actions")
    settle_operations()
    type_text(qtbot, actions_area.filters.search, "Ñandú")
    qtbot.keyClick(actions_area.filters.search, Qt.Key.Key_Return)
    shown = actions_area.model.rows()
    deadlines = ws.chapters.get("co-bog").deadlines
    assert sorted((row.severity, row.due_on) for row in shown) == sorted(
        [(Verdict.MAJOR, TODAY + timedelta(days=deadlines.major))]
        + [(Verdict.MINOR, TODAY + timedelta(days=deadlines.minor))] * 2
    )
    assert {row.company_name for row in shown} == {COMPANY}


def test_month_view_selects_the_days_audit(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path
) -> None:
    area = audits_area(window)
    day = TODAY + timedelta(days=9)
    audit = planned(window.context.workspace, member(window.context.workspace, seed=77), on=day)
    area.calendar.choose_day(day)
    assert area.filters.chosen_month() == day.replace(day=1)
    assert audit.id in [row.id for row in area.calendar.audits_on(day)]
    current = area.current_audit()
    assert current is not None
    assert current.planned_on == day
    assert all(row.planned_on.month == day.month for row in area.model.rows())
    assert area.calendar.day_list.count() == len(area.calendar.audits_on(day))
    save_screenshot(window, artifacts_dir / "audits-area.png")


def test_unjudged_audit_cannot_be_reported_and_forbidden_moves_say_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.context.workspace
    audit = planned(ws, member(ws, seed=91))
    area = audits_area(window)
    assert area.select_audit(audit.id)

    with prompts.answering(True) as asked:
        assert area.commands.open_checklist() is None  # no checklist before the start
    assert asked[-1].text == "The checklist is made when the audit starts; start it first."
    with prompts.answering(True) as asked:
        assert not area.commands.close()  # a planned audit cannot be closed
    with pytest.raises(LifecycleError) as refused:
        close_audit(ws, audit.id)
    assert asked[-1].kind == prompts.PromptKind.WARNING
    assert asked[-1].text == error_text(refused.value)
    assert "A planned audit can only be started" in asked[-1].text

    start_audit(ws, audit.id)
    area.reload()
    assert area.select_audit(audit.id)
    with prompts.answering(True) as asked:
        assert not area.commands.report()
    with pytest.raises(LifecycleError) as refused:
        report_audit(ws, audit.id)
    assert asked[-1].text == error_text(refused.value)
    assert get_audit(ws, audit.id).state == AuditState.IN_PROGRESS
    assert find_actions(ws, ActionQuery(company_id=audit.company_id)) == []


def test_export_report_pdf_asks_where_and_writes_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    area = audits_area(window)
    choose_state = area.filters.state
    choose_state.setCurrentIndex(choose_state.findData(AuditState.REPORTED.value))
    area.table.selectRow(0)
    audit = area.current_audit()
    assert audit is not None
    target = tmp_path / "informe"
    said: list[str] = []
    area.status_changed.connect(said.append)
    with prompts.answering(str(target)) as asked:
        operation = area.commands.export_pdf()
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=20_000):
            pass
    assert asked[0].kind == prompts.PromptKind.SAVE_FILE
    assert asked[0].text.endswith(report_file_name(audit))  # the suggested file
    written = tmp_path / "informe.pdf"  # ".pdf" is added when the name has none
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert audit.company_name.split()[0] in text
    assert str(written) in said[-1]
