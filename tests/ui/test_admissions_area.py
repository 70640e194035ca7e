"""The Admissions area: one application from its first document to admission, by the widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from basc_desktop.domain.admissions import ApplicationState
from basc_desktop.domain.vocabulary import ApplicationDecision, DocumentState, MemberStatus
from basc_desktop.services.admissions import get_application, open_attachment_path
from basc_desktop.services.members import get_member
from basc_desktop.services.status import status_facts
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.admission_detail import AdmissionDetailPanel
from basc_desktop.ui.areas.admissions import AdmissionsArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.committee_session import CommitteeSessionDialog
from basc_desktop.ui.dialogs.decide_application import DecideApplicationDialog
from basc_desktop.ui.dialogs.new_application import NewApplicationDialog
from basc_desktop.ui.models.admission_checklist_model import STATE_COLUMN
from basc_desktop.ui.screenshot import save_screenshot
from tests.audit_factories import member
from tests.conftest import TODAY
from tests.ui.admissions_helpers import open_area, with_documents
from tests.ui.conftest import settle_operations
from tests.ui.typing import type_text

COMPANY = "Exportadora Ñandú del Pacífico S.A.S."
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def context(sqlite_workspace: Workspace, settings: Settings) -> AppContext:
    return AppContext(sqlite_workspace, settings, ChangeHub())


def pdf_words(path: Path) -> str:
    """The text of a PDF, its lines joined by single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def status_on(ws: Workspace, company_id: int, on: date) -> MemberStatus | None:
    with ws.db.reading() as session:
        return status_facts(session, [company_id], on, {company_id: 60})[company_id].status


def focus_list(qtbot: QtBot, area: AdmissionsArea) -> None:
    """The keyboard in the applications list, its window active (a closed dialog gave it back)."""
    area.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is area.window())
    area.table.setFocus()


def closed(dialog: QDialog) -> bool:
    """The dialog was closed (and maybe already deleted: they delete themselves on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def press_ok(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def new_application(qtbot: QtBot, area: AdmissionsArea) -> int:
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_N, CTRL)
    dialog = area.commands.dialog
    assert isinstance(dialog, NewApplicationDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_text(qtbot, dialog.company_search, "ñandu pacifico")
    qtbot.keyClick(dialog.company_search, Qt.Key.Key_Return)
    assert dialog.companies.count() == 1
    assert dialog.companies.currentItem().text().startswith(COMPANY)
    dialog.opened_on.setDate(QDate(2026, 6, 1))
    press_ok(qtbot, dialog.buttons)
    assert closed(dialog)
    application = area.current_application()
    assert application is not None
    assert (application.company_name, application.state) == (COMPANY, ApplicationState.COLLECTING)
    return application.id


def test_one_application_from_the_first_document_to_admission(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    artifacts_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = context.workspace
    company = member(ws, name=COMPANY, seed=4242)
    member(ws, name="Transportes Cóndor Ltda.", seed=7)
    area = open_area(qtbot, context)
    assert area.count_label.text() == "0 of 0 applications"
    application_id = new_application(qtbot, area)
    assert area.count_label.text() == "1 of 1 applications"
    assert get_member(ws, company).row.status == MemberStatus.APPLICANT

    # The checklist follows the business type: an exporter owes the chapter's general
    # documents; the ones for carriers, customs agents or security companies do not apply.
    detail = area.detail
    lines = detail.model.lines()
    required = [line for line in lines if line.applies]
    assert len(lines) == 14
    assert len(required) == 10
    assert detail.progress.text() == "0 of 10 documents"
    assert all(line.state == DocumentState.NOT_APPLICABLE for line in lines if not line.applies)

    # Seven received with the button (each moves on to the next), one not applicable.
    detail.select_row(0)
    for _ in range(7):
        qtbot.mouseClick(detail.received_button, Qt.MouseButton.LeftButton)
    assert detail.table.currentIndex().row() == 7
    qtbot.mouseClick(detail.not_applicable_button, Qt.MouseButton.LeftButton)
    assert detail.progress.text() == "7 of 9 documents"

    # The eighth required document: a copy of a file is kept, and it counts as received.
    scan = tmp_path / "Cámara de comercio.pdf"
    scan.write_bytes(b"%PDF-1.4 certificate of incorporation\n")
    detail.select_row(8)
    with prompts.answering(str(scan)) as asked:
        qtbot.mouseClick(detail.attach_button, Qt.MouseButton.LeftButton)
    assert [prompt.kind for prompt in asked] == [prompts.PromptKind.OPEN_FILE]
    attached = detail.model.line_at(8)
    assert attached is not None
    assert attached.state == DocumentState.RECEIVED
    assert attached.file_name == scan.name
    assert detail.progress.text() == "8 of 9 documents"
    kept = open_attachment_path(ws, application_id, attached.document_id)
    assert kept.read_bytes() == scan.read_bytes()
    opened: list[Path] = []
    monkeypatch.setattr(AdmissionDetailPanel, "open_path", opened.append)
    qtbot.mouseClick(detail.open_button, Qt.MouseButton.LeftButton)
    assert opened == [kept]

    # The last one in place: its state edited in the list.
    index = detail.model.index(9, STATE_COLUMN)
    detail.table.setCurrentIndex(index)
    detail.table.edit(index)
    editor = detail.table.findChild(QComboBox, "documentStateEditor")
    assert editor is not None
    editor.setCurrentIndex(editor.findData(DocumentState.RECEIVED.value))
    editor.activated.emit(editor.currentIndex())
    qtbot.waitUntil(lambda: detail.progress.text() == "9 of 9 documents")
    application = area.current_application()
    assert application is not None
    assert application.state == ApplicationState.READY
    row = area.table.currentIndex().row()
    assert area.model.index(row, area.model.column_of("documents")).data() == "9 of 9"
    QCoreApplication.sendPostedEvents()
    save_screenshot(area, artifacts_dir / "admissions-checklist.png")

    # The committee hears it: the application chosen in the list comes ticked.
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_M, CTRL_SHIFT)
    committee = area.commands.dialog
    assert isinstance(committee, CommitteeSessionDialog)
    assert committee.application_ids() == [application_id]
    type_text(qtbot, committee.members_present, "Andrés Rojas, Claudia Lozano")
    press_ok(qtbot, committee.buttons)
    application = area.current_application()
    assert application is not None
    assert (application.state, application.committee_on) == (ApplicationState.IN_SESSION, TODAY)

    # A rejection without a reason is refused, in words, and nothing is saved.
    focus_list(qtbot, area)
    qtbot.keyClick(area.table, Qt.Key.Key_D, CTRL_SHIFT)
    decide = area.commands.dialog
    assert isinstance(decide, DecideApplicationDialog)
    decide.choose(ApplicationDecision.REJECTED)
    press_ok(qtbot, decide.buttons)
    assert decide.isVisible()
    assert decide.error.isVisible()
    assert "reason" in decide.error.text()  # the domain says a rejection needs one
    assert get_application(ws, application_id).row.state == ApplicationState.IN_SESSION
    save_screenshot(decide, artifacts_dir / "admissions-decision.png")

    decide.choose(ApplicationDecision.ADMITTED)
    press_ok(qtbot, decide.buttons)
    assert closed(decide)
    application = area.current_application()
    assert application is not None
    assert application.state == ApplicationState.ADMITTED
    assert application.audit_deadline == date(2027, 3, 15)  # nine months (co-bog)
    # Admission moves the computed status; asked the day before, it still says applicant.
    assert get_member(ws, company).row.status == MemberStatus.IN_PROCESS
    assert status_on(ws, company, date(2026, 6, 14)) == MemberStatus.APPLICANT

    # The welcome letter: saved where the coordinator says, then offered to open.
    letter = tmp_path / "bienvenida.pdf"
    opened.clear()
    answers: dict[prompts.PromptKind, prompts.Answer] = {
        prompts.PromptKind.SAVE_FILE: str(letter),
        prompts.PromptKind.QUESTION: True,
    }
    focus_list(qtbot, area)
    with prompts.answering(lambda prompt: answers[prompt.kind]) as asked:
        qtbot.keyClick(area.table, Qt.Key.Key_W, CTRL_SHIFT)
        settle_operations()
    assert [prompt.kind for prompt in asked] == [
        prompts.PromptKind.SAVE_FILE,
        prompts.PromptKind.QUESTION,
    ]
    assert opened == [letter]
    assert COMPANY in pdf_words(letter)
    assert get_application(ws, application_id).row.welcome_letter_on == TODAY

    # And the minutes of the session.
    minutes = tmp_path / "acta.pdf"
    answers = {prompts.PromptKind.SAVE_FILE: str(minutes), prompts.PromptKind.QUESTION: False}

    with prompts.answering(lambda prompt: answers[prompt.kind]):
        qtbot.keyClick(area.table, Qt.Key.Key_M, CTRL)
        settle_operations()
    words = pdf_words(minutes)
    assert COMPANY in words  # in a table cell, over two lines
    assert "Andrés Rojas, Claudia Lozano" in words


def test_a_missing_attachment_says_so_and_changes_nothing(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    ws = context.workspace
    member(ws, name=COMPANY, seed=4242)
    area = open_area(qtbot, context)
    application_id = new_application(qtbot, area)
    before = get_application(ws, application_id, language="en")  # as the screen reads it
    area.detail.select_row(2)
    gone = tmp_path / "no-such-scan.pdf"
    with prompts.answering(str(gone)) as asked:
        assert not area.detail.attach()
    assert [prompt.kind for prompt in asked] == [
        prompts.PromptKind.OPEN_FILE,
        prompts.PromptKind.WARNING,
    ]
    assert asked[-1].text == f"The file {gone} does not exist."
    assert get_application(ws, application_id, language="en") == before
    assert area.detail.model.lines() == list(before.documents)
    assert area.detail.progress.text() == "0 of 10 documents"
    assert ws.data_dir is not None
    assert not list((ws.data_dir / "attachments").rglob("*.pdf"))


def test_a_postponed_application_goes_to_a_later_session(qtbot: QtBot, context: AppContext) -> None:
    ws = context.workspace
    application = with_documents(ws, member(ws, name=COMPANY, seed=4242), on=date(2026, 6, 1))
    area = open_area(qtbot, context)
    assert area.select_application(application.id)

    dialog = area.commands.committee_session()
    assert dialog.application_ids() == [application.id]  # the selected one comes ticked
    for row in range(dialog.applications.count()):
        dialog.applications.item(row).setCheckState(Qt.CheckState.Unchecked)
    with prompts.answering(True) as asked:
        dialog.accept()
    assert asked[-1].text == "Tick the applications the committee will hear."
    assert dialog.isVisible()
    dialog.held_on.setDate(QDate(2026, 6, 10))
    dialog.tick(application.id)
    dialog.accept()

    decide = area.commands.decide()
    assert decide is not None
    decide.choose(ApplicationDecision.POSTPONED)
    type_text(qtbot, decide.reason, "Traer el RUT actualizado")
    decide.accept()
    assert decide.saved is not None
    assert decide.saved.state == ApplicationState.POSTPONED
    assert decide.saved.decided_on == date(2026, 6, 10)  # the session's date by default
    current = area.current_application()
    assert current is not None
    assert current.state == ApplicationState.POSTPONED
    assert "Traer el RUT actualizado" in area.detail.heading.text()

    # Postponed applications are offered again for the next session.
    later = area.commands.committee_session()
    assert later.application_ids() == [application.id]
    later.reject()
