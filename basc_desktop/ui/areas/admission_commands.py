"""What a coordinator does from the Admissions area: the toolbar and menu actions.

New application… (Ctrl+N), Committee session… (Ctrl+Shift+M), Decide… (Ctrl+Shift+D),
Welcome letter… (Ctrl+Shift+W), Minutes… (Ctrl+M) and Refresh (F5).  Each asks the
service; what the rules forbid is refused with its reason, shown as it is.  The letters
are written in the background, then the coordinator may open them.  Every write is
announced, so the Members list (the status moves to "in process") follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from basc_desktop.domain.admissions import ApplicationState
from basc_desktop.services.admission_forms import ApplicationRow
from basc_desktop.services.admissions import (
    get_committee_session,
    write_minutes_pdf,
    write_welcome_letter_pdf,
)
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.dialogs.committee_session import CommitteeSessionDialog
from basc_desktop.ui.dialogs.decide_application import DecideApplicationDialog
from basc_desktop.ui.dialogs.history_dialog import RecordHistoryDialog, show_history
from basc_desktop.ui.dialogs.new_application import NewApplicationDialog
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.operations import Operation
from basc_desktop.ui.text import format_date

if TYPE_CHECKING:
    from basc_desktop.ui.areas.admissions import AdmissionsArea


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text.lower()).strip("-")[:40] or "company"


def welcome_letter_file_name(application: ApplicationRow) -> str:
    return f"welcome-letter-{_slug(application.company_name)}.pdf"


class AdmissionCommands(QObject):
    def __init__(self, area: AdmissionsArea) -> None:
        super().__init__(area)
        self.area = area
        self.dialog: NewApplicationDialog | CommitteeSessionDialog | DecideApplicationDialog | None
        self.dialog = None
        self.writing: Operation | None = None
        self.new_action = self._action(self.tr("&New application…"), self.new_application, "Ctrl+N")
        self.committee_action = self._action(
            self.tr("&Committee session…"), self.committee_session, "Ctrl+Shift+M"
        )
        self.decide_action = self._action(self.tr("&Decide…"), self.decide, "Ctrl+Shift+D")
        self.welcome_action = self._action(
            self.tr("&Welcome letter…"), self.welcome_letter, "Ctrl+Shift+W"
        )
        self.minutes_action = self._action(self.tr("&Minutes…"), self.minutes, "Ctrl+M")
        self.refresh_action = self._action(self.tr("Re&fresh"), self.area.reload, "")
        self.history_action = self._action(self.tr("&History…"), self.history, "Ctrl+Shift+H")
        self.application_actions = (self.decide_action, self.welcome_action, self.minutes_action)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str) -> QAction:
        action = QAction(text, self.area)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.area.addAction(action)
        return action

    def update(self, application: ApplicationRow | None) -> None:
        """Enable what makes sense for the selected application."""
        state = application.state if application is not None else None
        self.decide_action.setEnabled(state == ApplicationState.IN_SESSION)
        self.welcome_action.setEnabled(state == ApplicationState.ADMITTED)
        self.minutes_action.setEnabled(
            application is not None and application.committee_session_id is not None
        )
        self.history_action.setEnabled(application is not None)

    def history(self) -> RecordHistoryDialog | None:
        """Who changed the selected application, when, and each field old → new."""
        application = self.area.current_application()
        if application is None:
            return None
        title = self.tr("the application of {company}").format(company=application.company_name)
        workspace = self.area.context.workspace
        return show_history(self.area, workspace, "application", application.id, title)

    def _announce(self) -> None:
        self.area.context.changes.announce(changes.ADMISSIONS, changes.MEMBERS)

    # --- dialogs --------------------------------------------------------------------

    def new_application(self) -> NewApplicationDialog:
        dialog = NewApplicationDialog(self.area.context, self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        self.dialog = dialog
        dialog.open()
        return dialog

    def committee_session(self) -> CommitteeSessionDialog:
        current = self.area.current_application()
        dialog = CommitteeSessionDialog(
            self.area.context,
            self.area,
            chapter_code=current.chapter_code if current is not None else None,
            chosen=(current.id,) if current is not None else (),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(current))
        self.dialog = dialog
        dialog.open()
        return dialog

    def decide(self) -> DecideApplicationDialog | None:
        application = self.area.current_application()
        if application is None:
            return None
        if application.state != ApplicationState.IN_SESSION:
            prompts.inform(
                self.area,
                self.tr("Committee decision"),
                self.tr(
                    "The committee decides on the applications on its agenda: put this "
                    "application on a committee session first."
                ),
            )
            return None
        dialog = DecideApplicationDialog(self.area.context, application, self.area)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, application: ApplicationRow | None) -> None:
        self.dialog = None
        self._announce()
        if application is not None:
            self.area.reveal_application(application.id)

    # --- letters --------------------------------------------------------------------

    def welcome_letter(self) -> Operation | None:
        application = self.area.current_application()
        if application is None:
            return None
        if application.state != ApplicationState.ADMITTED:
            prompts.inform(
                self.area,
                self.tr("Welcome letter"),
                self.tr("Only an admitted company gets a welcome letter."),
            )
            return None
        ws = self.area.context.workspace
        return self._write_pdf(
            self.tr("Save the welcome letter"),
            welcome_letter_file_name(application),
            lambda target: write_welcome_letter_pdf(ws, application.id, target),
            self.tr("Writing the welcome letter of {company}…").format(
                company=application.company_name
            ),
            lambda path: self.tr("The welcome letter of {company} was saved to {path}.").format(
                company=application.company_name, path=str(path)
            ),
        )

    def minutes(self) -> Operation | None:
        application = self.area.current_application()
        if application is None:
            return None
        if application.committee_session_id is None:
            prompts.inform(
                self.area,
                self.tr("Minutes"),
                self.tr("This application has not been on a committee session yet."),
            )
            return None
        ws = self.area.context.workspace
        session_id = application.committee_session_id
        try:
            session = get_committee_session(ws, session_id).row
        except Exception as error:
            show_error(self.area, error)
            return None
        held = format_date(session.held_on)
        return self._write_pdf(
            self.tr("Save the minutes"),
            f"committee-{session.chapter_code}-{session.held_on.isoformat()}.pdf",
            lambda target: write_minutes_pdf(ws, session_id, target),
            self.tr("Writing the minutes of the committee of {date}…").format(date=held),
            lambda path: self.tr(
                "The minutes of the committee of {date} were saved to {path}."
            ).format(date=held, path=str(path)),
        )

    def _write_pdf(
        self,
        title: str,
        file_name: str,
        write: Callable[[Path], Path],
        label: str,
        saved_text: Callable[[Path], str],
    ) -> Operation | None:
        """Ask where, write in the background, then offer to open the file."""
        folder = Path(self.area.context.settings.data_dir)
        chosen = prompts.choose_save_file(
            self.area, title, str(folder / file_name), self.tr("PDF files (*.pdf)")
        )
        if chosen is None:
            return None
        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        self.writing = Operation(
            lambda _reporter: write(target), parent=self.area, label=label, cancellable=False
        )
        self.writing.on_success(lambda written: self._written(title, Path(written), saved_text))
        return self.writing.start()

    def _written(self, title: str, path: Path, saved_text: Callable[[Path], str]) -> None:
        self._announce()  # the welcome letter's date is kept with the application
        text = saved_text(path)
        self.area.status_changed.emit(text)
        if prompts.ask(self.area, title, text + "\n\n" + self.tr("Open it now?")):
            type(self.area.detail).open_path(path)
