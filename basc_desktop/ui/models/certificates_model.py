"""The certificate register as a Qt table model: rows from ``find_certificates``, a page at
a time, sorted by the database.  Also how a certificate's state looks (a word and a colour).

"Days left" counts from the workspace's today to the expiry date; a certificate that no
longer counts (withdrawn or superseded) shows none, an expired one says so in red.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon

from basc_desktop.domain.certification import event_label, state_label
from basc_desktop.domain.vocabulary import CertificateEventKind, CertificateState
from basc_desktop.services.certificate_forms import (
    CERTIFICATE_SORTABLE_COLUMNS,
    CertificateQuery,
    CertificateRow,
)
from basc_desktop.services.certificates import count_certificates, find_certificates
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.audit_looks import dot_icon
from basc_desktop.ui.models.paged import PAGE_SIZE, SORT_ROLE, Column, PagedModel
from basc_desktop.ui.text import business_type_label, format_date, translate

CONTEXT = "CertificatesModel"

_STATE_COLOURS: dict[CertificateState, str] = {
    CertificateState.VALID: "#2e7d32",
    CertificateState.SUSPENDED: "#6a1b9a",
    CertificateState.WITHDRAWN: "#616161",
    CertificateState.SUPERSEDED: "#546e7a",
}
EXPIRED_COLOUR = "#c62828"
EXPIRING_COLOUR = "#e08600"
COUNTING_STATES = (CertificateState.VALID, CertificateState.SUSPENDED)
"""States in which the expiry date still matters."""


def certificate_state_label(state: CertificateState | str) -> str:
    """The state as a word in the UI language ("Suspended")."""
    return translate(state_label(CertificateState(state)))


def certificate_event_label(kind: CertificateEventKind | str) -> str:
    """An event of the history as a word in the UI language ("Reinstated")."""
    return translate(event_label(CertificateEventKind(kind)))


def certificate_state_colour(state: CertificateState) -> QColor:
    return QColor(_STATE_COLOURS[state])


def certificate_state_icon(state: CertificateState) -> QIcon:
    return dot_icon(_STATE_COLOURS[state])


def days_left(row: CertificateRow, today: date) -> int | None:
    """Days until expiry (0 or less: expired); None when expiry no longer matters."""
    if row.state not in COUNTING_STATES:
        return None
    return (row.expires_on - today).days


def days_left_text(days: int | None) -> str:
    if days is None:
        return "—"
    if days <= 0:
        return QCoreApplication.translate(CONTEXT, "Expired")
    return QCoreApplication.translate(CONTEXT, "{days} days").format(days=days)


class CertificatesModel(PagedModel):
    CONTEXT = CONTEXT
    COLUMNS = (
        Column("code", str(QT_TRANSLATE_NOOP("CertificatesModel", "Code")), "code"),
        Column("company", str(QT_TRANSLATE_NOOP("CertificatesModel", "Company")), "company_name"),
        Column("tax_id", str(QT_TRANSLATE_NOOP("CertificatesModel", "Tax ID")), "tax_id"),
        Column("chapter", str(QT_TRANSLATE_NOOP("CertificatesModel", "Chapter")), "chapter_code"),
        Column("scope", str(QT_TRANSLATE_NOOP("CertificatesModel", "Scope")), "scope"),
        Column("issued_on", str(QT_TRANSLATE_NOOP("CertificatesModel", "Issued")), "issued_on"),
        Column("expires_on", str(QT_TRANSLATE_NOOP("CertificatesModel", "Expires")), "expires_on"),
        Column("state", str(QT_TRANSLATE_NOOP("CertificatesModel", "State")), "state"),
        Column("days_left", str(QT_TRANSLATE_NOOP("CertificatesModel", "Days left")), "expires_on"),
    )

    assert all(c.sort_by in (*CERTIFICATE_SORTABLE_COLUMNS, None) for c in COLUMNS)

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        # The newest first: what was just issued is what the coordinator looks for.
        super().__init__(CertificateQuery(descending=True), page_size=page_size)
        self._ws = workspace
        self._today = workspace.today()

    def set_workspace(self, workspace: Workspace, *, reload: bool = True) -> None:
        self._ws = workspace
        self._today = workspace.today()
        if reload:
            self.reload()

    def reload(self, *, count: bool = True) -> None:
        self._today = self._ws.today()
        super().reload(count=count)

    def certificate_at(self, index: Any) -> CertificateRow | None:
        row: CertificateRow | None = self.row_at(index)
        return row

    def count(self, query: Any) -> int:
        return count_certificates(self._ws, query)

    def find(self, query: Any) -> list[Any]:
        return list(find_certificates(self._ws, query))

    def warning_days(self, row: CertificateRow) -> int:
        chapters = self._ws.chapters
        if row.chapter_code in chapters:
            return int(chapters.get(row.chapter_code).expiry_warning_days)
        return 60

    def cell(self, row: Any, key: str, role: int) -> Any:
        certificate: CertificateRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(certificate, key)
        if key == "state" and role == Qt.ItemDataRole.DecorationRole:
            return certificate_state_icon(certificate.state)
        if key == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return certificate_state_colour(certificate.state)
        if key in ("days_left", "expires_on") and role == Qt.ItemDataRole.ForegroundRole:
            return self._expiry_colour(certificate)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "company":
                return f"{certificate.company_name} · {certificate.tax_id}"
            if key == "chapter" and certificate.chapter_code in self._ws.chapters:
                return self._ws.chapters.get(certificate.chapter_code).name
            if key == "scope":
                return QCoreApplication.translate(CONTEXT, "{scope} · standard {version}").format(
                    scope=business_type_label(certificate.scope),
                    version=certificate.standard_version,
                )
        if role == SORT_ROLE:
            return self._raw(certificate, key)
        return None

    def _expiry_colour(self, row: CertificateRow) -> QColor | None:
        days = days_left(row, self._today)
        if days is None:
            return None
        if days <= 0:
            return QColor(EXPIRED_COLOUR)
        if days <= self.warning_days(row):
            return QColor(EXPIRING_COLOUR)
        return None

    def _display(self, row: CertificateRow, key: str) -> str:
        match key:
            case "code":
                return row.code
            case "company":
                return row.company_name
            case "tax_id":
                return row.tax_id
            case "chapter":
                return row.chapter_code
            case "scope":
                return business_type_label(row.scope)
            case "issued_on":
                return format_date(row.issued_on)
            case "expires_on":
                return format_date(row.expires_on)
            case "state":
                return certificate_state_label(row.state)
            case "days_left":
                return days_left_text(days_left(row, self._today))
        raise KeyError(key)

    def _raw(self, row: CertificateRow, key: str) -> str | int:
        match key:
            case "issued_on":
                return row.issued_on.isoformat()
            case "expires_on":
                return row.expires_on.isoformat()
            case "state":
                return row.state.value
            case "scope":
                return row.scope.value
            case "days_left":
                days = days_left(row, self._today)
                return -(10**6) if days is None else days
        return self._display(row, key)
