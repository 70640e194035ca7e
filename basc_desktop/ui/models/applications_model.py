"""The applications for admission as a Qt table model: rows from ``find_applications``.

Also the words and colours of an application's state, a committee decision and a
document's state, which the detail panel and the dialogs share.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon

from basc_desktop.domain.admissions import (
    ApplicationState,
    decision_label,
    document_state_label,
)
from basc_desktop.domain.vocabulary import ApplicationDecision, DocumentState
from basc_desktop.services.admission_forms import (
    APPLICATION_SORTABLE_COLUMNS,
    ApplicationQuery,
    ApplicationRow,
)
from basc_desktop.services.admissions import count_applications, find_applications
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.audit_looks import dot_icon
from basc_desktop.ui.models.paged import PAGE_SIZE, SORT_ROLE, Column, PagedModel
from basc_desktop.ui.text import business_type_label, format_date, translate

CONTEXT = "ApplicationsModel"

_STATE_COLOURS: dict[ApplicationState, str] = {
    ApplicationState.COLLECTING: "#1565c0",
    ApplicationState.READY: "#00838f",
    ApplicationState.IN_SESSION: "#e08600",
    ApplicationState.POSTPONED: "#6a1b9a",
    ApplicationState.ADMITTED: "#2e7d32",
    ApplicationState.REJECTED: "#c62828",
}
_DECISION_COLOURS: dict[ApplicationDecision, str] = {
    ApplicationDecision.ADMITTED: "#2e7d32",
    ApplicationDecision.REJECTED: "#c62828",
    ApplicationDecision.POSTPONED: "#6a1b9a",
}
_DOCUMENT_COLOURS: dict[DocumentState, str] = {
    DocumentState.RECEIVED: "#2e7d32",
    DocumentState.MISSING: "#c62828",
    DocumentState.NOT_APPLICABLE: "#616161",
}


def application_state_label(state: ApplicationState | str) -> str:
    return translate(ApplicationState(state).label)


def application_state_colour(state: ApplicationState) -> QColor:
    return QColor(_STATE_COLOURS[state])


def application_state_icon(state: ApplicationState) -> QIcon:
    return dot_icon(_STATE_COLOURS[state])


def decision_text(decision: ApplicationDecision | str) -> str:
    return translate(decision_label(ApplicationDecision(decision)))


def decision_colour(decision: ApplicationDecision) -> QColor:
    return QColor(_DECISION_COLOURS[decision])


def decision_icon_text(decision: ApplicationDecision) -> tuple[QIcon, str]:
    """A decision's dot in its colour, and its word."""
    return dot_icon(_DECISION_COLOURS[decision]), decision_text(decision)


def document_state_text(state: DocumentState | str) -> str:
    return translate(document_state_label(DocumentState(state)))


def document_state_colour(state: DocumentState) -> QColor:
    return QColor(_DOCUMENT_COLOURS[state])


def document_state_icon(state: DocumentState) -> QIcon:
    return dot_icon(_DOCUMENT_COLOURS[state])


def documents_text(received: int, required: int) -> str:
    """ "11 of 14", in the UI language."""
    return QCoreApplication.translate(CONTEXT, "{received} of {required}").format(
        received=received, required=required
    )


class ApplicationsModel(PagedModel):
    CONTEXT = CONTEXT
    COLUMNS = (
        Column("company", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Company")), "company_name"),
        Column("tax_id", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Tax ID"))),
        Column("chapter", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Chapter")), "chapter_code"),
        Column(
            "business_type",
            str(QT_TRANSLATE_NOOP("ApplicationsModel", "Business type")),
            "business_type",
        ),
        Column("opened_on", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Opened")), "opened_on"),
        Column("documents", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Documents"))),
        Column("state", str(QT_TRANSLATE_NOOP("ApplicationsModel", "State")), "state"),
        Column(
            "committee_on", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Committee")), "committee_on"
        ),
        Column("decision", str(QT_TRANSLATE_NOOP("ApplicationsModel", "Decision")), "decided_on"),
        Column(
            "audit_deadline",
            str(QT_TRANSLATE_NOOP("ApplicationsModel", "Audit deadline")),
            "audit_deadline",
        ),
    )

    assert all(c.sort_by in (*APPLICATION_SORTABLE_COLUMNS, None) for c in COLUMNS)

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        # The newest applications first.
        super().__init__(ApplicationQuery(descending=True), page_size=page_size)
        self._ws = workspace

    def set_workspace(self, workspace: Workspace, *, reload: bool = True) -> None:
        self._ws = workspace
        if reload:
            self.reload()

    def application_at(self, index: Any) -> ApplicationRow | None:
        row: ApplicationRow | None = self.row_at(index)
        return row

    def count(self, query: Any) -> int:
        return count_applications(self._ws, query)

    def find(self, query: Any) -> list[Any]:
        return list(find_applications(self._ws, query))

    def cell(self, row: Any, key: str, role: int) -> Any:
        application: ApplicationRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(application, key)
        if key == "state" and role == Qt.ItemDataRole.DecorationRole:
            return application_state_icon(application.state)
        if key == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return application_state_colour(application.state)
        if key == "decision" and application.decision is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return decision_colour(application.decision)
            if role == Qt.ItemDataRole.ToolTipRole and application.decision_reason:
                return application.decision_reason
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "chapter" and application.chapter_code in self._ws.chapters:
                return self._ws.chapters.get(application.chapter_code).name
            if key == "company":
                return f"{application.company_name} · {application.tax_id}"
        if role == SORT_ROLE:
            return _raw(application, key)
        return None


def _display(application: ApplicationRow, key: str) -> str:
    match key:
        case "company":
            return application.company_name
        case "tax_id":
            return application.tax_id
        case "chapter":
            return application.chapter_code
        case "business_type":
            return business_type_label(application.business_type)
        case "opened_on":
            return format_date(application.opened_on)
        case "documents":
            return documents_text(application.documents_received, application.documents_required)
        case "state":
            return application_state_label(application.state)
        case "committee_on":
            return format_date(application.committee_on)
        case "decision":
            if application.decision is None:
                return ""
            return f"{decision_text(application.decision)} {format_date(application.decided_on)}"
        case "audit_deadline":
            return format_date(application.audit_deadline)
    raise KeyError(key)


def _raw(application: ApplicationRow, key: str) -> str:
    match key:
        case "company":
            return application.company_name
        case "tax_id":
            return application.tax_id
        case "chapter":
            return application.chapter_code
        case "business_type" | "state":
            return str(getattr(application, key).value)
        case "documents":
            return f"{application.documents_received:04d}/{application.documents_required:04d}"
        case "decision":
            return application.decision.value if application.decision else ""
        case "opened_on" | "committee_on" | "audit_deadline":
            value = getattr(application, key)
            return value.isoformat() if value else ""
    raise KeyError(key)
