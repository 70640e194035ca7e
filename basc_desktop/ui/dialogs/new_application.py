"""Open an application for admission: find the company, choose the date, and OK.

The company is found by a search (name, tax ID or city), as when planning an audit.
Companies that already have an open application, or were admitted, are listed greyed
out with a word saying so, and cannot be chosen.  On OK the service opens the application with the
chapter's checklist for the company's business type; a refusal is shown and the dialog
stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.admissions import OPEN_STATES, ApplicationState
from basc_desktop.services.admission_forms import ApplicationQuery, ApplicationRow
from basc_desktop.services.admissions import find_applications, open_application
from basc_desktop.services.member_forms import MemberQuery, MemberRow
from basc_desktop.services.members import find_members
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.dialogs.plan_audit import to_date, to_qdate
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.search_box import enter_searches, search_as_typed
from basc_desktop.ui.text import DATE_FORMAT, business_type_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MATCHES = 50
TAKEN_STATES = (*OPEN_STATES, ApplicationState.ADMITTED)
"""A company with an application in one of these states cannot open another."""


class NewApplicationDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: ApplicationRow | None = None
        self.setWindowTitle(self.tr("New application"))
        self.resize(560, 400)
        self.company_search = QLineEdit()
        self.company_search.setObjectName("applicantSearch")
        self.company_search.setPlaceholderText(self.tr("Type part of the name, tax ID or city"))
        self.company_search.setClearButtonEnabled(True)
        self.companies = QListWidget()
        self.companies.setObjectName("applicantMatches")
        self.hint = QLabel(
            self.tr("The checklist of documents follows the company's chapter and business type.")
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.opened_on = QDateEdit(to_qdate(context.workspace.today()))
        self.opened_on.setObjectName("openedOn")
        self.opened_on.setDisplayFormat(DATE_FORMAT)
        self.opened_on.setCalendarPopup(True)
        self.opened_on.setMaximumDate(to_qdate(context.workspace.today()))

        form = QFormLayout()
        form.addRow(self.tr("&Company:"), self.company_search)
        form.addRow("", self.companies)
        form.addRow(self.tr("&Opened on:"), self.opened_on)
        form.addRow("", self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.search_timer = search_as_typed(self.company_search, self.search_companies)
        enter_searches(self.company_search)
        self.companies.itemDoubleClicked.connect(lambda _item: self.accept())

    def search_companies(self) -> None:
        """List the members matching the search; the first one that can apply is chosen."""
        self.search_timer.stop()
        text = self.company_search.text().strip()
        ws = self.context.workspace
        found = find_members(ws, MemberQuery(search=text, limit=MATCHES))
        taken = {
            row.company_id: row.state
            for row in find_applications(
                ws, ApplicationQuery(states=TAKEN_STATES, text=text, limit=None)
            )
        }
        self.companies.clear()
        first: QListWidgetItem | None = None
        for member in found:
            item = self._add_company(member, taken.get(member.id))
            if first is None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                first = item
        if first is not None:
            self.companies.setCurrentItem(first)

    def _add_company(
        self, member: MemberRow, application: ApplicationState | None
    ) -> QListWidgetItem:
        text = (
            f"{member.legal_name} — {member.tax_id} · "
            f"{business_type_label(member.business_type)} ({member.chapter_code})"
        )
        if application == ApplicationState.ADMITTED:
            text += " — " + self.tr("already admitted")
        elif application is not None:
            text += " — " + self.tr("has an open application")
        item = QListWidgetItem(text, self.companies)
        item.setData(ID_ROLE, member.id)
        if application is not None:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        return item

    def company_id(self) -> int | None:
        item = self.companies.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return int(item.data(ID_ROLE))

    def accept(self) -> None:
        company = self.company_id()
        if company is None:
            prompts.warn(
                self,
                self.windowTitle(),
                self.tr("Choose the company that applies first."),
            )
            self.company_search.setFocus()
            return
        try:
            self.saved = open_application(
                self.context.workspace, company, on=to_date(self.opened_on.date())
            )
        except Exception as error:
            show_error(self, error, self.windowTitle())
            return
        super().accept()
