"""Plan an audit: the company, kind, standard, date and team; or change a planned one.

The company is found by a search (name, tax ID or city).  On OK the plan is saved
through the service; a value the service refuses is shown and the dialog stays open.
Changing a plan starts from the audit as it was read, with its company fixed; if
someone else changed the audit meanwhile, that is said, the form shows the audit as
it is now, and nothing is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.errors import NotFoundError, StaleRecordError
from basc_desktop.domain.vocabulary import AuditKind
from basc_desktop.services.audit_forms import AuditorRow, AuditPlanInput, AuditRow
from basc_desktop.services.auditors import auditors
from basc_desktop.services.audits import get_audit, plan_audit, update_audit_plan
from basc_desktop.services.member_forms import MemberQuery, MemberRow
from basc_desktop.services.members import find_members
from basc_desktop.services.standards import list_standards
from basc_desktop.ui import prompts
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.errors import show_error
from basc_desktop.ui.search_box import enter_searches, search_as_typed
from basc_desktop.ui.text import audit_kind_label, error_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MATCHES = 50


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PlanAuditDialog(QDialog):
    """Plan a new audit, or, given ``audit``, change that planned audit's plan."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, audit: AuditRow | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.audit: AuditRow | None = None
        """The audit whose plan is changed, as last read; None when planning a new one."""
        self.saved: AuditRow | None = None
        self.reloaded = False
        """True once the form was refilled because someone else changed the audit."""
        self._chapter: str | None = None
        self._keep: frozenset[int] = frozenset()
        """Auditors listed even from another chapter or inactive: those already on the audit."""
        ws = context.workspace
        self.setWindowTitle(self.tr("Plan audit"))

        self.company_search = QLineEdit()
        self.company_search.setObjectName("companySearch")
        self.company_search.setPlaceholderText(self.tr("Type part of the name, tax ID or city"))
        self.company_search.setClearButtonEnabled(True)
        self.companies = QListWidget()
        self.companies.setObjectName("companyMatches")
        self.companies.setMaximumHeight(130)
        self.kind = QComboBox()
        for kind in AuditKind:
            self.kind.addItem(audit_kind_label(kind), kind.value)
        self.standard = QComboBox()
        for standard in list_standards(ws):
            self.standard.addItem(
                self.tr("Version {version}").format(version=standard.version), standard.version
            )
        self.planned_on = QDateEdit(to_qdate(ws.today()))
        self.planned_on.setDisplayFormat("dd/MM/yyyy")
        self.planned_on.setCalendarPopup(True)
        self.lead = QComboBox()
        self.lead.setObjectName("leadAuditor")
        self.team = QListWidget()
        self.team.setObjectName("auditTeam")
        self.team.setMaximumHeight(120)
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("&Company:"), self.company_search)
        form.addRow("", self.companies)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Standard:"), self.standard)
        form.addRow(self.tr("&Date:"), self.planned_on)
        form.addRow(self.tr("&Lead auditor:"), self.lead)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("S&ummary:"), self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
            button = self.buttons.button(which)  # Enter in the search box searches, not saves
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.search_timer = search_as_typed(self.company_search, self.search_companies)
        enter_searches(self.company_search)
        self.companies.currentItemChanged.connect(self._company_changed)
        self.lead.currentIndexChanged.connect(self._lead_changed)
        self._fill_auditors(None)
        if audit is not None:
            self.show_audit(audit)

    # --- changing a plan ------------------------------------------------------------

    def show_audit(self, audit: AuditRow) -> None:
        """Fill the form with ``audit``'s plan; its company cannot be changed."""
        self.audit = audit
        self.setWindowTitle(self.tr("Change audit plan"))
        company = f"{audit.company_name} — {audit.tax_id} ({audit.chapter_code})"
        self.company_search.blockSignals(True)
        self.company_search.setText(company)
        self.company_search.setCursorPosition(0)
        self.company_search.blockSignals(False)
        self.company_search.setReadOnly(True)
        self.company_search.setClearButtonEnabled(False)
        self.companies.blockSignals(True)
        self.companies.clear()
        item = QListWidgetItem(company, self.companies)
        item.setData(ID_ROLE, audit.company_id)
        item.setData(ID_ROLE + 1, audit.chapter_code)
        self.companies.setCurrentItem(item)
        self.companies.blockSignals(False)
        self.companies.setEnabled(False)
        self.companies.hide()
        self.kind.setCurrentIndex(max(self.kind.findData(audit.kind.value), 0))
        standard = self.standard.findData(audit.standard_version)
        if standard < 0:
            self.standard.addItem(
                self.tr("Version {version}").format(version=audit.standard_version),
                audit.standard_version,
            )
            standard = self.standard.count() - 1
        self.standard.setCurrentIndex(standard)
        self.planned_on.setDate(to_qdate(audit.planned_on))
        self.summary.setPlainText(audit.summary)
        self._keep = frozenset((audit.lead_auditor_id or 0, *audit.team_ids)) - {0}
        self._fill_auditors(audit.chapter_code)
        self.lead.setCurrentIndex(max(self.lead.findData(audit.lead_auditor_id or 0), 0))
        for row in range(self.team.count()):
            item = self.team.item(row)
            on_team = int(item.data(ID_ROLE)) in audit.team_ids
            item.setCheckState(Qt.CheckState.Checked if on_team else Qt.CheckState.Unchecked)
        self._lead_changed()

    def _reload(self) -> None:
        """Show the audit as it is saved now (someone else changed it)."""
        assert self.audit is not None
        try:
            fresh = get_audit(self.context.workspace, self.audit.id)
        except NotFoundError as error:
            show_error(self, error)
            self.reject()
            return
        self.reloaded = True
        self.show_audit(fresh)

    # --- the company ----------------------------------------------------------------

    def search_companies(self) -> None:
        """List the members matching the search text (the first one is chosen)."""
        self.search_timer.stop()
        if self.audit is not None:
            return  # the company of a planned audit stays
        text = self.company_search.text().strip()
        found = find_members(self.context.workspace, MemberQuery(search=text, limit=MATCHES))
        self.companies.clear()
        for member in found:
            self._add_company(member)
        if self.companies.count():
            self.companies.setCurrentRow(0)

    def _add_company(self, member: MemberRow) -> None:
        item = QListWidgetItem(
            f"{member.legal_name} — {member.tax_id} · {member.city} ({member.chapter_code})",
            self.companies,
        )
        item.setData(ID_ROLE, member.id)
        item.setData(ID_ROLE + 1, member.chapter_code)

    def company_id(self) -> int | None:
        item = self.companies.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _company_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        chapter = str(current.data(ID_ROLE + 1)) if current is not None else None
        if chapter != self._chapter:
            self._fill_auditors(chapter)

    # --- auditors -------------------------------------------------------------------

    def _fill_auditors(self, chapter: str | None) -> None:
        """The chapter's auditors (every auditor if the chapter has none), keeping choices."""
        self._chapter = chapter
        ws = self.context.workspace
        people: list[AuditorRow] = auditors(ws, chapter) if chapter else []
        if not people:
            people = auditors(ws)
        people = [person for person in people if person.active]
        listed = {person.id for person in people}
        if self._keep - listed:
            people += [p for p in auditors(ws) if p.id in self._keep and p.id not in listed]
        lead = self.lead.currentData()
        team = set(self.team_ids())
        self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.addItem(self.tr("Not chosen yet"), 0)
        for person in people:
            self.lead.addItem(person.name, person.id)
        self.lead.setCurrentIndex(max(self.lead.findData(lead), 0))
        self.lead.blockSignals(False)
        self.team.clear()
        for person in people:
            item = QListWidgetItem(person.name, self.team)
            item.setData(ID_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person.id in team else Qt.CheckState.Unchecked
            )
        self._lead_changed()

    def _lead_changed(self) -> None:
        """The lead auditor is never also ticked in the team."""
        lead = int(self.lead.currentData() or 0)
        for row in range(self.team.count()):
            item = self.team.item(row)
            is_lead = int(item.data(ID_ROLE)) == lead
            item.setHidden(is_lead)
            if is_lead:
                item.setCheckState(Qt.CheckState.Unchecked)

    def team_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.team.item(row).data(ID_ROLE))
            for row in range(self.team.count())
            if self.team.item(row).checkState() == Qt.CheckState.Checked
        )

    def choose_lead(self, name: str) -> None:
        self.lead.setCurrentIndex(max(self.lead.findText(name), 0))

    def tick_team(self, *names: str) -> None:
        for row in range(self.team.count()):
            item = self.team.item(row)
            if item.text() in names:
                item.setCheckState(Qt.CheckState.Checked)

    # --- saving ---------------------------------------------------------------------

    def plan(self) -> AuditPlanInput | None:
        company = self.company_id()
        if company is None:
            return None
        return AuditPlanInput(
            company_id=company,
            kind=AuditKind(str(self.kind.currentData())),
            standard_version=str(self.standard.currentData() or ""),
            planned_on=to_date(self.planned_on.date()),
            lead_auditor_id=int(self.lead.currentData() or 0) or None,
            team_ids=self.team_ids(),
            summary=self.summary.toPlainText().strip(),
        )

    def accept(self) -> None:
        data = self.plan()
        if data is None:
            prompts.warn(self, self.tr("Plan audit"), self.tr("Choose the company to audit first."))
            self.company_search.setFocus()
            return
        ws = self.context.workspace
        try:
            if self.audit is None:
                self.saved = plan_audit(ws, data)
            else:
                self.saved = update_audit_plan(
                    ws, self.audit.id, data, expected_version=self.audit.version
                )
        except StaleRecordError as error:
            prompts.warn(
                self,
                self.windowTitle(),
                error_text(error)
                + "\n\n"
                + self.tr("The form now shows the audit as it is saved; make your changes again."),
            )
            self._reload()
            return
        except Exception as error:
            show_error(self, error)
            return
        super().accept()
