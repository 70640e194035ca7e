"""Changing an audit's plan from the Audits area: date, lead auditor and team."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.vocabulary import AuditKind, AuditState
from basc_desktop.services.audit_forms import AuditPlanInput, AuditQuery, AuditRow
from basc_desktop.services.audits import find_audits, get_audit, plan_audit, update_audit_plan
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.dialogs.plan_audit import PlanAuditDialog, to_date, to_qdate
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.members_model import COLUMN_INDEX as MEMBER_COLUMNS
from basc_desktop.ui.screenshot import save_screenshot
from basc_desktop.ui.text import error_text, format_date
from tests.audit_factories import auditor, member
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations
from tests.ui.test_audits import audits_area, focus_list

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
COMPANY = "Transportes Cóndor del Norte S.A.S."
SUMMARY = "Planta de Funza y bodega del aeropuerto"


def plan_with_a_team(window: MainWindow) -> tuple[AuditRow, dict[str, int]]:
    ws = window.context.workspace
    company = member(ws, name=COMPANY, seed=5151)
    people = {name: auditor(ws, name) for name in ("Inés Vega", "Lucía Prado", "Mateo Ríos")}
    audit = plan_audit(
        ws,
        AuditPlanInput(
            company_id=company,
            kind=AuditKind.CERTIFICATION,
            standard_version="6",
            planned_on=TODAY + timedelta(days=10),
            lead_auditor_id=people["Lucía Prado"],
            team_ids=(people["Mateo Ríos"],),
            summary=SUMMARY,
        ),
    )
    return audit, people


def change_plan_from_the_keyboard(qtbot: QtBot, area: AuditsArea, audit_id: int) -> PlanAuditDialog:
    assert area.select_audit(audit_id)
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = area.commands.plan_dialog
    assert isinstance(dialog, PlanAuditDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def set_team(dialog: PlanAuditDialog, *names: str) -> None:
    for row in range(dialog.team.count()):
        item = dialog.team.item(row)
        checked = item.text() in names
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def click_ok(qtbot: QtBot, dialog: PlanAuditDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def next_audit_shown(members: MembersArea, company_id: int) -> str:
    row = members.model.row_of(company_id)
    assert row is not None
    return str(members.model.index(row, MEMBER_COLUMNS["next_audit_on"]).data())


def test_change_date_lead_and_team_and_the_lists_follow(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path
) -> None:
    audit, people = plan_with_a_team(window)
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    settle_operations()
    assert next_audit_shown(members, audit.company_id) == format_date(audit.planned_on)
    area = audits_area(window)
    assert area.commands.change_action in area.context_menu().actions()
    assert area.commands.change_action in area.toolbar.actions()

    dialog = change_plan_from_the_keyboard(qtbot, area, audit.id)
    # The form starts from the audit as it is; its company cannot change.
    assert dialog.windowTitle() == "Change audit plan"
    assert dialog.company_search.text().startswith(f"{COMPANY} — {audit.tax_id}")
    assert dialog.company_search.isReadOnly()
    assert not dialog.companies.isVisible()
    assert dialog.company_id() == audit.company_id
    assert dialog.kind.currentData() == AuditKind.CERTIFICATION.value
    assert to_date(dialog.planned_on.date()) == audit.planned_on
    assert dialog.lead.currentText() == "Lucía Prado"
    assert dialog.team_ids() == (people["Mateo Ríos"],)
    assert dialog.summary.toPlainText() == SUMMARY
    save_screenshot(dialog, artifacts_dir / "audit-change-plan.png")

    new_day = TODAY + timedelta(days=40)
    dialog.planned_on.setDate(to_qdate(new_day))
    dialog.choose_lead("Inés Vega")
    set_team(dialog, "Lucía Prado")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()

    changed = area.current_audit()
    assert changed is not None
    assert changed.id == audit.id
    assert (changed.planned_on, changed.lead_auditor, changed.team) == (
        new_day,
        "Inés Vega",
        ("Lucía Prado",),
    )
    assert changed.summary == SUMMARY  # what was not touched survives
    assert changed.state == AuditState.PLANNED
    assert changed == get_audit(window.context.workspace, audit.id)
    # The change was announced: the Members list shows the new next audit date.
    assert next_audit_shown(members, audit.company_id) == format_date(new_day)


def test_a_reported_audit_cannot_be_replanned_and_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.context.workspace
    area = audits_area(window)
    (reported,) = find_audits(ws, AuditQuery(states=(AuditState.REPORTED,), limit=1))
    assert area.select_audit(reported.id)
    focus_list(qtbot, area)
    with prompts.answering(True) as asked:
        qtbot.keyClick(area.table, Qt.Key.Key_E, CTRL_SHIFT)
    with pytest.raises(LifecycleError) as refused:
        update_audit_plan(ws, reported.id, reported.plan(), expected_version=reported.version)
    assert [prompt.kind for prompt in asked] == [prompts.PromptKind.WARNING]
    assert asked[0].text == error_text(refused.value)
    assert "Only a planned audit can be re-planned" in asked[0].text
    assert area.commands.plan_dialog is None  # no form was opened
    assert get_audit(ws, reported.id) == reported


def test_a_plan_changed_by_someone_else_is_said_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.context.workspace
    audit, people = plan_with_a_team(window)
    area = audits_area(window)
    dialog = change_plan_from_the_keyboard(qtbot, area, audit.id)

    # Someone else moves the audit while the form is open.
    moved_on = date(2026, 9, 14)
    theirs = update_audit_plan(
        ws, audit.id, replace(audit.plan(), planned_on=moved_on), expected_version=audit.version
    )
    dialog.choose_lead("Inés Vega")
    with prompts.answering(True) as asked:
        click_ok(qtbot, dialog)
    assert [prompt.kind for prompt in asked] == [prompts.PromptKind.WARNING]
    assert "was changed by tester at" in asked[0].text
    assert dialog.isVisible()
    assert get_audit(ws, audit.id) == theirs  # nothing of ours was written
    # The form now shows the audit as saved, and saving from it works.
    assert to_date(dialog.planned_on.date()) == moved_on
    assert dialog.lead.currentText() == "Lucía Prado"
    dialog.choose_lead("Inés Vega")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    saved = get_audit(ws, audit.id)
    assert (saved.planned_on, saved.lead_auditor_id, saved.team_ids) == (
        moved_on,
        people["Inés Vega"],
        (people["Mateo Ríos"],),
    )
    assert area.current_audit() == saved
