"""The checklist of one audit: keys 1–5, saved at once, a failed save keeps the old verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.domain.vocabulary import AuditState, Verdict
from basc_desktop.services.audits import close_audit, get_audit, report_audit, start_audit
from basc_desktop.services.checklist import checklist, record_verdict
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.audit_checklist import ChecklistDialog
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.audit_looks import verdict_colour
from basc_desktop.ui.models.checklist_model import COLUMN_INDEX, ChecklistModel
from tests.audit_factories import judge_all, member, planned
from tests.ui.typing import type_text


def started_audit(ws: Workspace, seed: int = 5) -> int:
    audit = planned(ws, member(ws, seed=seed))
    start_audit(ws, audit.id)
    return audit.id


def open_checklist(qtbot: QtBot, context: AppContext, audit_id: int) -> ChecklistDialog:
    dialog = ChecklistDialog(context, audit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    return dialog


def test_checklist_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    audit_id = started_audit(demo_workspace)
    lines = checklist(demo_workspace, audit_id)
    model = ChecklistModel()
    model.set_lines(lines)
    qtmodeltester.check(model)
    assert model.rowCount() == len(lines)
    sections = [model.index(row, COLUMN_INDEX["section"]).data() for row in range(len(lines))]
    assert [s for s in sections if s] == list(dict.fromkeys(line.section for line in lines))
    model.set_only_unjudged(True)
    qtmodeltester.check(model)


def test_keys_set_the_verdict_and_move_on_and_the_verdict_has_word_and_colour(
    qtbot: QtBot, context: AppContext
) -> None:
    ws = context.workspace
    audit_id = started_audit(ws)
    dialog = open_checklist(qtbot, context, audit_id)
    total = dialog.model.rowCount()
    for key in (1, 2, 3, 4, 5):
        qtbot.keyClick(dialog.table, Qt.Key(Qt.Key.Key_0 + key))
    assert dialog.table.currentIndex().row() == 5
    assert dialog.progress.text() == f"5 of {total} judged"
    expected = [
        Verdict.CONFORMING,
        Verdict.MINOR,
        Verdict.MAJOR,
        Verdict.OBSERVATION,
        Verdict.NOT_APPLICABLE,
    ]
    assert [line.verdict for line in checklist(ws, audit_id)[:5]] == expected
    column = COLUMN_INDEX["verdict"]
    for row, verdict in enumerate(expected):
        index = dialog.model.index(row, column)
        assert index.data() == verdict.label
        assert index.data(Qt.ItemDataRole.ForegroundRole) == verdict_colour(verdict)
        assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert get_audit(ws, audit_id).judged == 5


def test_evidence_is_saved_with_the_verdict_and_when_moving_on(
    qtbot: QtBot, context: AppContext
) -> None:
    ws = context.workspace
    audit_id = started_audit(ws)
    dialog = open_checklist(qtbot, context, audit_id)
    type_text(qtbot, dialog.evidence, "Política firmada por la gerencia; acta nº 12.")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_1)
    type_text(qtbot, dialog.evidence, "Matriz de riesgos vista, sin fecha de revisión.")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # moving on keeps the note, unjudged
    type_text(qtbot, dialog.evidence, "Sin registro de la revisión por la dirección.")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.evidence, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.currentIndex().row() == 3  # judged from the note, and moved on
    first, second, third = checklist(ws, audit_id)[:3]
    assert (third.verdict, third.evidence) == (
        Verdict.MINOR,
        "Sin registro de la revisión por la dirección.",
    )
    assert (first.verdict, first.evidence) == (
        Verdict.CONFORMING,
        "Política firmada por la gerencia; acta nº 12.",
    )
    assert (second.verdict, second.evidence) == (
        None,
        "Matriz de riesgos vista, sin fecha de revisión.",
    )


def test_only_unjudged_keeps_the_cursor_and_shows_what_is_left(
    qtbot: QtBot, context: AppContext
) -> None:
    ws = context.workspace
    audit_id = started_audit(ws)
    lines = checklist(ws, audit_id)
    for line in lines[:10]:
        record_verdict(ws, line.finding_id, Verdict.CONFORMING)
    dialog = open_checklist(qtbot, context, audit_id)
    dialog.only_unjudged.setChecked(True)
    assert dialog.model.rowCount() == len(lines) - 10
    current = dialog.current_line()
    assert current is not None
    assert current.finding_id == lines[10].finding_id
    qtbot.keyClick(dialog.table, Qt.Key.Key_3)
    assert dialog.model.rowCount() == len(lines) - 10  # the judged line stays in sight
    assert dialog.table.currentIndex().row() == 1
    assert dialog.progress.text() == f"11 of {len(lines)} judged"


def test_a_failed_save_shows_why_and_keeps_the_old_verdict(
    qtbot: QtBot, context: AppContext
) -> None:
    ws = context.workspace
    audit_id = started_audit(ws)
    dialog = open_checklist(qtbot, context, audit_id)
    judge_all(ws, audit_id)
    report_audit(ws, audit_id)  # someone else reported it meanwhile
    before = dialog.current_line()
    assert before is not None
    assert before.verdict is None
    with prompts.answering(True) as asked:
        qtbot.keyClick(dialog.table, Qt.Key.Key_3)
    assert len(asked) == 1
    assert asked[0].kind == prompts.PromptKind.WARNING
    assert "only be recorded while the audit is in progress" in asked[0].text
    assert dialog.current_line() == before
    assert dialog.table.currentIndex().row() == 0
    assert dialog.model.index(0, COLUMN_INDEX["verdict"]).data() == ""


def test_a_reported_audit_opens_read_only(qtbot: QtBot, context: AppContext) -> None:
    ws = context.workspace
    audit_id = started_audit(ws)
    judge_all(ws, audit_id)
    report_audit(ws, audit_id)
    close_audit(ws, audit_id)
    dialog = open_checklist(qtbot, context, audit_id)
    assert get_audit(ws, audit_id).state == AuditState.CLOSED
    assert not dialog.editable
    assert not any(button.isEnabled() for button in dialog.verdict_buttons.values())
    qtbot.keyClick(dialog.table, Qt.Key.Key_2)
    assert checklist(ws, audit_id)[0].verdict == Verdict.CONFORMING
    total = dialog.model.rowCount()
    assert dialog.progress.text() == f"{total} of {total} judged"
