"""Put ready applications on a committee session: the chapter, the date, who is present.

The list offers the chapter's applications that may go before the committee (no
document missing, or postponed by an earlier session); the ones chosen in the
Admissions list come ticked.  The same chapter and date make the same session, so a
second round of applications is added to it.  On OK the service plans the session; a
refusal is shown and the dialog stays open.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.admissions import ApplicationState
from basc_desktop.services.access import visible_chapters
from basc_desktop.services.admission_forms import ApplicationQuery, CommitteeSessionRow
from basc_desktop.services.admissions import find_applications, plan_committee_session
from basc_desktop.ui import prompts
from basc_desktop.ui.areas.audit_filters import choose_data
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.models.applications_model import application_state_label, documents_text
from basc_desktop.ui.text import DATE_FORMAT, business_type_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
READY_STATES = (ApplicationState.READY, ApplicationState.POSTPONED)


def members_present_text(typed: str) -> str:
    """The names typed one per line (or separated by commas or semicolons), comma-separated."""
    names = (name.strip() for name in re.split(r"[\n,;]+", typed))
    return ", ".join(name for name in names if name)


class CommitteeSessionDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        chapter_code: str | None = None,
        chosen: Iterable[int] = (),
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: CommitteeSessionRow | None = None
        self._chosen = set(chosen)
        ws = context.workspace
        self.setWindowTitle(self.tr("Committee session"))
        self.resize(600, 520)
        self.chapter = QComboBox()
        self.chapter.setObjectName("sessionChapter")
        for chapter in visible_chapters(ws):
            self.chapter.addItem(f"{chapter.code} — {chapter.name}", chapter.code)
        if chapter_code:
            choose_data(self.chapter, chapter_code)
        self.held_on = QDateEdit(to_qdate(ws.today()))
        self.held_on.setObjectName("sessionDate")
        self.held_on.setDisplayFormat(DATE_FORMAT)
        self.held_on.setCalendarPopup(True)
        self.members_present = QPlainTextEdit()
        self.members_present.setObjectName("membersPresent")
        self.members_present.setPlaceholderText(self.tr("One name per line"))
        self.members_present.setMaximumHeight(90)
        self.applications = QListWidget()
        self.applications.setObjectName("sessionApplications")
        self.none_ready = QLabel(
            self.tr("No application of this chapter is ready for the committee.")
        )
        self.none_ready.setStyleSheet("color: palette(mid);")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("sessionNotes")
        self.notes.setMaximumHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("C&hapter:"), self.chapter)
        form.addRow(self.tr("&Date:"), self.held_on)
        form.addRow(self.tr("&Members present:"), self.members_present)
        form.addRow(self.tr("&Applications:"), self.applications)
        form.addRow("", self.none_ready)
        form.addRow(self.tr("N&otes:"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.chapter.currentIndexChanged.connect(self.fill_applications)
        self.fill_applications()

    def chapter_code(self) -> str:
        return str(self.chapter.currentData() or "")

    def fill_applications(self) -> None:
        """The chapter's applications that may go before the committee (chosen ones ticked)."""
        self._chosen |= set(self.application_ids())
        query = ApplicationQuery(
            states=READY_STATES,
            chapter_codes=(self.chapter_code(),),
            limit=None,
            order_by="company_name",
        )
        self.applications.clear()
        for row in find_applications(self.context.workspace, query):
            text = " · ".join(
                (
                    f"{row.company_name} — {row.tax_id}",
                    business_type_label(row.business_type),
                    documents_text(row.documents_received, row.documents_required),
                    application_state_label(row.state),
                )
            )
            item = QListWidgetItem(text, self.applications)
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = row.id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.none_ready.setVisible(self.applications.count() == 0)

    def application_ids(self) -> list[int]:
        return [
            int(self.applications.item(row).data(ID_ROLE))
            for row in range(self.applications.count())
            if self.applications.item(row).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, *application_ids: int) -> None:
        for row in range(self.applications.count()):
            item = self.applications.item(row)
            if int(item.data(ID_ROLE)) in application_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def accept(self) -> None:
        chosen = self.application_ids()
        if not chosen:
            prompts.warn(
                self,
                self.windowTitle(),
                self.tr("Tick the applications the committee will hear."),
            )
            return
        try:
            self.saved = plan_committee_session(
                self.context.workspace,
                self.chapter_code(),
                to_date(self.held_on.date()),
                members_present_text(self.members_present.toPlainText()),
                chosen,
                notes=self.notes.toPlainText().strip(),
            )
        except Exception as error:
            show_error(self, error, self.windowTitle())
            return
        super().accept()
