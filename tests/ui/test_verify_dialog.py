"""The Verify screen: a printed certificate read back from its PDF, a pasted payload,
one character changed (forged), a suspended certificate, and the way from the menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from basc_desktop.reports.qr_reading import read_qr_codes
from basc_desktop.services.certificate_printing import certificate_pdf
from basc_desktop.services.certificates import (
    certificate_by_code,
    issue_certificate,
    suspend_certificate,
)
from basc_desktop.services.verification import VerificationOutcome
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.verify_dialog import (
    AMBER,
    GREEN,
    RED,
    VerifyDialog,
    outcome_colour,
)
from basc_desktop.ui.main_window import MainWindow
from tests.ui.certificate_helpers import closed_audit
from tests.ui.conftest import settle_operations
from tests.ui.typing import type_text

COMPANY = "Frutas & Café «Doña Inés» S.A.S."


@pytest.fixture
def context(sqlite_workspace: Workspace, settings: Settings) -> AppContext:
    return AppContext(sqlite_workspace, settings, ChangeHub())


@pytest.fixture
def printed(context: AppContext, tmp_path: Path) -> tuple[str, Path]:
    """A certificate issued from a closed audit and printed: its code and its PDF."""
    ws = context.workspace
    issued = issue_certificate(ws, closed_audit(ws, COMPANY, seed=2718))
    return issued.code, certificate_pdf(ws, issued.id, tmp_path / f"{issued.code}.pdf")


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext) -> VerifyDialog:
    verify = VerifyDialog(context)
    qtbot.addWidget(verify)
    verify.show()
    qtbot.waitExposed(verify)
    return verify


def test_a_printed_certificate_is_genuine_and_valid(
    qtbot: QtBot, dialog: VerifyDialog, printed: tuple[str, Path], artifacts_dir: Path
) -> None:
    code, pdf = printed
    with prompts.answering(str(pdf)) as asked:
        operation = dialog.open_pdf()
    assert asked[0].kind == prompts.PromptKind.OPEN_FILE
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=20_000):
        pass
    settle_operations()
    [card] = dialog.cards_shown()
    assert card.verification.outcome == VerificationOutcome.VALID
    assert card.headline.text() == "\u2714  Genuine and valid"
    assert outcome_colour(card.verification.outcome) == GREEN
    assert GREEN in card.headline.styleSheet()
    assert card.message.text().startswith(f"Genuine and valid: certificate {code} of {COMPANY}")
    assert code in card.facts.text()
    assert dialog.source.text() == pdf.name
    dialog.grab().save(str(artifacts_dir / "verify-valid.png"))


def test_one_character_changed_is_forged(
    qtbot: QtBot, dialog: VerifyDialog, printed: tuple[str, Path], artifacts_dir: Path
) -> None:
    [payload] = read_qr_codes(printed[1])
    head, _dot, signature = payload.rpartition(".")
    changed = signature[:5] + ("A" if signature[5] != "A" else "B") + signature[6:]
    type_text(qtbot, dialog.payload, f"{head}.{changed}")
    qtbot.keyClick(dialog.payload, Qt.Key.Key_Return)
    [card] = dialog.cards_shown()
    assert card.verification.outcome == VerificationOutcome.FORGED
    assert card.headline.text() == "\u2716  Forged"
    assert outcome_colour(card.verification.outcome) == RED
    assert card.message.text().startswith("Forged")
    QCoreApplication.sendPostedEvents()  # show the new answer before the picture
    assert card.isVisible()
    dialog.grab().save(str(artifacts_dir / "verify-forged.png"))

    # The genuine payload, pasted: valid; the answer replaces the one before.
    dialog.payload.setText(payload)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert [c.verification.outcome for c in dialog.cards_shown()] == [VerificationOutcome.VALID]
    assert dialog.source.text() == "Pasted code"


def test_a_suspended_certificate_is_genuine_but_suspended(
    qtbot: QtBot, dialog: VerifyDialog, printed: tuple[str, Path], context: AppContext
) -> None:
    code, pdf = printed
    ws = context.workspace
    [payload] = read_qr_codes(pdf)
    suspend_certificate(ws, certificate_by_code(ws, code).row.id, reason="Cuotas impagas")
    dialog.payload.setText(payload)
    found = dialog.check_payload()
    assert found is not None
    assert found.outcome == VerificationOutcome.SUSPENDED
    [card] = dialog.cards_shown()
    assert outcome_colour(found.outcome) == AMBER
    assert "suspended since 15/06/2026" in card.message.text()
    assert "Cuotas impagas" in card.message.text()


def test_a_pdf_dropped_on_the_screen_is_checked(
    qtbot: QtBot, dialog: VerifyDialog, printed: tuple[str, Path]
) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(printed[1]))])
    point = QPointF(dialog.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), action, data, buttons, keys)
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    dialog.dropEvent(QDropEvent(point, action, data, buttons, keys))
    assert dialog.reading is not None
    with qtbot.waitSignal(dialog.reading.finished, timeout=20_000):
        pass
    assert [c.verification.outcome for c in dialog.cards_shown()] == [VerificationOutcome.VALID]

    other = QMimeData()
    other.setText("not a file")
    refused = QDragEnterEvent(point.toPoint(), action, other, buttons, keys)
    refused.ignore()
    dialog.dragEnterEvent(refused)
    assert not refused.isAccepted()


def test_text_that_is_no_payload_says_so(dialog: VerifyDialog) -> None:
    assert not dialog.check_button.isEnabled()
    dialog.payload.setText("hello")
    assert dialog.check_button.isEnabled()
    found = dialog.check_payload()
    assert found is not None
    assert found.outcome in (VerificationOutcome.UNREADABLE, VerificationOutcome.FORGED)
    assert len(dialog.cards_shown()) == 1


def test_a_file_that_is_not_a_pdf_is_refused_with_its_reason(
    qtbot: QtBot, dialog: VerifyDialog, tmp_path: Path
) -> None:
    bad = tmp_path / "nota.pdf"
    bad.write_text("no es un PDF")
    with prompts.answering(True) as asked:
        operation = dialog.verify_file(bad)
        with qtbot.waitSignal(operation.finished, timeout=10_000):
            pass
    assert asked[-1].kind == prompts.PromptKind.WARNING
    assert "is not a PDF" in asked[-1].text
    assert dialog.cards_shown() == []
    assert dialog.open_button.isEnabled()


def test_the_tools_menu_and_the_certificates_toolbar_open_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.verify_action.shortcut().toString() == "Ctrl+Shift+V"
    window.verify_action.trigger()
    opened = window.findChildren(VerifyDialog)
    assert len(opened) == 1
    assert opened[0].isVisible()
    opened[0].close()
    area = window.show_area("certificates")
    assert isinstance(area, CertificatesArea)
    settle_operations()
    area.commands.verify_action.trigger()
    assert area.commands.verify_dialog is not None
    assert area.commands.verify_dialog.isVisible()
