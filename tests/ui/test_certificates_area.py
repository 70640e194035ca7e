"""The Certificates area on the demo database: issue a certificate from a closed audit,
suspend it and read its history, the refusals, the filters and the keys."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from basc_desktop.domain.vocabulary import (
    CertificateEventKind,
    CertificateState,
)
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.certificates import get_certificate
from basc_desktop.services.verification import VerificationOutcome
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.certificate_move import CertificateMoveDialog
from basc_desktop.ui.dialogs.issue_certificate import IssueCertificateDialog
from basc_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from basc_desktop.ui.dialogs.verify_dialog import VerifyDialog
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.certificate_history_model import CertificateHistoryModel
from basc_desktop.ui.models.certificates_model import CertificatesModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member
from tests.conftest import TODAY
from tests.factories import certify
from tests.ui.certificate_helpers import REGISTER, closed_audit, fill_register
from tests.ui.conftest import settle_operations
from tests.ui.typing import type_text

COMPANY = "Café & Compañía «Los Andes» S.A.S."
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def register(sqlite_workspace: Workspace) -> Workspace:
    fill_register(sqlite_workspace)
    return sqlite_workspace


@pytest.fixture
def context(register: Workspace, settings: Settings) -> AppContext:
    """The main window's context over the small register (instead of the demo)."""
    return AppContext(register, settings, ChangeHub())


def certificates_area(window: MainWindow) -> CertificatesArea:
    area = window.show_area("certificates")
    assert isinstance(area, CertificatesArea)
    settle_operations()
    return area


def focus_list(qtbot: QtBot, area: CertificatesArea) -> None:
    area.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area.window())
    area.table.setFocus()


def shown_ids(area: CertificatesArea) -> set[int]:
    model = area.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [row.id for row in model.rows()]
    assert len(ids) == model.total == len(set(ids))
    return set(ids)


def sql_ids(ws: Workspace, where: str, **params: object) -> set[int]:
    query = (
        f"SELECT ce.id FROM certificates ce JOIN companies c ON c.id = ce.company_id WHERE {where}"
    )
    with ws.db.reading() as session:
        return set(session.execute(text(query), params).scalars())


def test_certificate_models_pass_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, register: Workspace
) -> None:
    model = CertificatesModel(register, page_size=3)
    model.reload()
    qtmodeltester.check(model)  # the tester also fetches the next pages
    assert model.loaded == model.total == len(REGISTER)
    row = model.rows()[0]
    history = CertificateHistoryModel()
    history.set_events(get_certificate(register, row.id).events)
    qtmodeltester.check(history)
    assert history.rowCount() >= 1
    assert history.index(history.rowCount() - 1, 1).data() == "Issued"  # oldest last


def test_issue_from_the_gui_print_verify_then_suspend_and_read_the_history(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path, tmp_path: Path
) -> None:
    ws = window.context.workspace
    audit_id = closed_audit(ws, COMPANY, seed=5150)
    area = certificates_area(window)
    before = area.model.total
    assert area.count_label.text() == f"{before} of {before} certificates"

    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = area.commands.issue_dialog
    assert isinstance(dialog, IssueCertificateDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_text(qtbot, dialog.search, "compañía andes")
    assert dialog.audits.count() == 1
    assert dialog.audit_id() == audit_id
    preview = dialog.preview
    assert preview is not None
    assert preview.may_issue
    assert dialog.issue_button.isEnabled()
    shown = dialog.summary.toPlainText()
    assert preview.code.startswith("COLBOG")
    for expected in (preview.code, COMPANY, "15/06/2026", "15/06/2027", "Exporter / importer"):
        assert expected in shown
    assert all(name in shown for name in preview.signatories)
    save_screenshot(dialog, artifacts_dir / "certificate-issue-dialog.png")
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # The new certificate is in the list, selected, with its detail beside it.
    issued = area.current_certificate()
    assert issued is not None
    assert (issued.code, issued.company_name, issued.state) == (
        preview.code,
        COMPANY,
        CertificateState.VALID,
    )
    assert area.model.total == before + 1
    assert area.count_label.text() == f"{before + 1} of {before + 1} certificates"
    row = area.table.currentIndex().row()
    assert area.model.index(row, area.model.column_of("days_left")).data() == "365 days"
    assert preview.code in area.detail.data.toPlainText()
    assert not area.commands.reinstate_action.isEnabled()
    assert area.commands.suspend_action.isEnabled()

    # Print it (Ctrl+P): one PDF made in the background, shown in the preview, saved.
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    printing = area.commands.printing
    assert printing is not None
    with qtbot.waitSignal(printing.finished, timeout=20_000):
        pass
    shown = area.commands.preview
    assert isinstance(shown, PdfPreviewDialog)
    assert shown.page_count == 1
    with prompts.answering(str(tmp_path / "impreso.pdf")):
        saved = shown.save_as()
    assert saved is not None
    temporary = shown.path
    shown.reject()
    assert not temporary.exists()  # the preview's own copy is gone

    # The Verify screen, from the toolbar, reads it back: genuine and valid.
    area.commands.verify_action.trigger()
    verify = area.commands.verify_dialog
    assert isinstance(verify, VerifyDialog)
    with qtbot.waitSignal(verify.verify_file(saved).finished, timeout=20_000):
        pass
    [card] = verify.cards_shown()
    assert card.verification.outcome == VerificationOutcome.VALID
    assert card.verification.code == preview.code
    verify.close()

    # Suspend it with a reason (Ctrl+Shift+U): the history says when, why and who.
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_U, CTRL_SHIFT)
    move = area.commands.move_dialog
    assert isinstance(move, CertificateMoveDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is move)
    assert not move.ok_button.isEnabled()  # a reason is needed
    type_text(qtbot, move.reason, "Cuotas impagas: aviso n.º 12")
    assert move.ok_button.isEnabled()
    qtbot.mouseClick(move.ok_button, Qt.MouseButton.LeftButton)
    assert not move.isVisible()
    current = area.current_certificate()
    assert current is not None
    assert current.state == CertificateState.SUSPENDED
    history = area.detail.history
    lines = [[history.index(r, c).data() for c in range(4)] for r in range(history.rowCount())]
    assert lines[0] == ["15/06/2026", "Suspended", "tester", "Cuotas impagas: aviso n.º 12"]
    assert lines[1][:3] == ["15/06/2026", "Issued", "tester"]
    assert len(lines) == 2
    assert area.commands.reinstate_action.isEnabled()
    assert not area.commands.suspend_action.isEnabled()
    assert "Suspended" in area.detail.data.toPlainText()
    window.resize(1600, 860)
    settle_operations()
    save_screenshot(window, artifacts_dir / "certificates-area.png")


def test_a_refused_issue_shows_why_and_cannot_be_issued(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path
) -> None:
    ws = window.context.workspace
    audit_id = closed_audit(ws, "Transportes Ñuble Ltda.", seed=808, major=True)
    area = certificates_area(window)
    dialog = area.commands.issue(audit_id)
    assert dialog.audit_id() == audit_id
    assert dialog.preview is not None
    assert not dialog.preview.may_issue
    assert not dialog.issue_button.isEnabled()
    refusals = dialog.refusals()
    assert refusals
    shown = dialog.summary.toPlainText()
    assert "This certificate cannot be issued:" in shown
    assert all(refusal in shown for refusal in refusals)
    assert any("major" in refusal.lower() for refusal in refusals)
    save_screenshot(dialog, artifacts_dir / "certificate-issue-refused.png")
    dialog.accept()  # Enter: nothing is issued
    assert dialog.issued is None
    dialog.reject()


def test_withdraw_is_confirmed_and_final(qtbot: QtBot, window: MainWindow) -> None:
    area = certificates_area(window)
    area.filters.set_state(CertificateState.VALID)
    area.table.selectRow(0)
    chosen = area.current_certificate()
    assert chosen is not None
    commands = area.commands
    assert commands.withdraw_action.isEnabled()
    dialog = commands.move(CertificateEventKind.WITHDRAWN)
    assert dialog is not None
    assert dialog.final_note is not None
    assert dialog.final_note.isVisible()
    dialog.on.setDate(dialog.on.date().addDays(-3))
    type_text(qtbot, dialog.reason, "Incidente de seguridad confirmado")
    with prompts.answering(False) as asked:
        dialog.accept()
    assert "This is final" in asked[0].text
    assert dialog.isVisible()  # said no: still asking
    assert get_certificate(window.context.workspace, chosen.id).row.state == (
        CertificateState.VALID
    )
    with prompts.answering(True):
        dialog.accept()
    assert not dialog.isVisible()
    detail = get_certificate(window.context.workspace, chosen.id)
    assert detail.row.state == CertificateState.WITHDRAWN
    assert detail.events[-1].on == TODAY - timedelta(days=3)
    assert detail.events[-1].reason == "Incidente de seguridad confirmado"
    # Only valid ones were listed: the filter makes way, so the withdrawn one stays in view.
    assert area.filters.state.currentData() == ""
    current = area.current_certificate()
    assert current is not None
    assert (current.id, current.state) == (chosen.id, CertificateState.WITHDRAWN)
    assert not any(action.isEnabled() for action in commands.move_actions.values())
    assert "Withdrawn" in area.detail.data.toPlainText()


def test_each_filter_gives_the_rows_the_database_holds(window: MainWindow) -> None:
    ws = window.context.workspace
    area = certificates_area(window)
    filters = area.filters
    everything = sql_ids(ws, "1 = 1")
    assert shown_ids(area) == everything

    filters.set_state(CertificateState.SUSPENDED)
    suspended = sql_ids(ws, "ce.state = 'suspended'")
    assert suspended
    assert shown_ids(area) == suspended
    assert area.count_label.text() == f"{len(suspended)} of {len(everything)} certificates"
    filters.set_state(None)

    filters.set_expiring(30)
    assert shown_ids(area) == {row.id for row in area.model.rows() if row.code == "T004-1-1"}
    filters.set_expiring(90)
    soon = sql_ids(
        ws,
        "ce.state IN ('valid', 'suspended') AND ce.expires_on > :today AND ce.expires_on <= :until",
        today=TODAY.isoformat(),
        until=(TODAY + timedelta(days=90)).isoformat(),
    )
    assert soon
    assert shown_ids(area) == soon
    filters.set_expiring(None)

    filters.chapter.setCurrentIndex(filters.chapter.findData("co-bog"))
    assert shown_ids(area) == sql_ids(ws, "c.chapter_code = 'co-bog'")
    filters.chapter.setCurrentIndex(0)
    filters.country.setCurrentIndex(filters.country.findData("PE"))
    peru = sql_ids(ws, "c.chapter_code = 'pe'")
    assert len(peru) == 2
    assert shown_ids(area) == peru
    filters.country.setCurrentIndex(0)

    code = next(iter(area.model.rows())).code
    filters.search.setText(code.lower())
    filters.search_timer.timeout.emit()
    assert [row.code for row in area.model.rows()] == [code]
    assert area.model.query == filters.apply(CertificateQuery(descending=True, limit=200))


def test_keys_and_the_context_menu(qtbot: QtBot, window: MainWindow) -> None:
    area = certificates_area(window)
    menu = area.context_menu()
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [
        "&Suspend…",
        "&Reinstate…",
        "&Withdraw…",
        "&Print/PDF…",
        "&Verify…",
        "&Issue…",
        "Re&fresh",
    ]
    menu.deleteLater()
    assert not area.commands.print_action.isEnabled()  # nothing selected
    area.table.selectRow(0)
    assert area.commands.print_action.isEnabled()
    focus_list(qtbot, area)
    ws = window.context.workspace
    member_id = member(ws, name="Nueva Compañía", seed=31)
    certify(ws, member_id, TODAY, TODAY + timedelta(days=365), code="TEST-F5-1")
    before = area.model.total
    qtbot.keyClick(area.table, Qt.Key.Key_F5)
    assert area.model.total == before + 1


def test_print_all_issued_this_month_and_cancel_a_batch(qtbot: QtBot, window: MainWindow) -> None:
    area = certificates_area(window)
    commands = area.commands
    june = [
        row for row in area.model.rows() if row.issued_on.replace(day=1) == TODAY.replace(day=1)
    ]
    assert june
    with prompts.answering(True):
        operation = commands.print_this_month()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20_000):
        pass
    preview = commands.preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.page_count == len(june)
    assert preview.suggested_name == "certificates-2026-06.pdf"
    preview.reject()

    # Cancel: no preview, and the half-made file is gone.
    commands.preview = None
    ids = [row.id for row in area.model.rows()]
    batch = commands.print_certificates(ids, "all.pdf")
    batch.cancel()
    with qtbot.waitSignal(batch.cancelled, timeout=20_000):
        pass
    settle_operations()
    assert commands.preview is None
    made = commands.batch_path
    assert made is not None
    assert not made.exists()
    assert not made.with_name(made.name + ".part").exists()
