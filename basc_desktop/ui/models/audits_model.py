"""The audits list as a Qt table model: rows from ``find_audits``, a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from basc_desktop.services.audit_forms import AUDIT_SORTABLE_COLUMNS, AuditQuery, AuditRow
from basc_desktop.services.audits import count_audits, find_audits
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.audit_looks import audit_state_colour, audit_state_icon
from basc_desktop.ui.models.paged import PAGE_SIZE, SORT_ROLE, Column, PagedModel
from basc_desktop.ui.text import audit_kind_label, audit_state_label, format_date

CONTEXT = "AuditsModel"


def progress_text(judged: int, total: int) -> str:
    """ "87 of 120 judged", in the UI language."""
    return QCoreApplication.translate(CONTEXT, "{judged} of {total} judged").format(
        judged=judged, total=total
    )


class AuditsModel(PagedModel):
    CONTEXT = CONTEXT
    COLUMNS = (
        Column("planned_on", str(QT_TRANSLATE_NOOP("AuditsModel", "Planned")), "planned_on"),
        Column("company", str(QT_TRANSLATE_NOOP("AuditsModel", "Company")), "company_name"),
        Column("kind", str(QT_TRANSLATE_NOOP("AuditsModel", "Kind")), "kind"),
        Column("state", str(QT_TRANSLATE_NOOP("AuditsModel", "State")), "state"),
        Column("progress", str(QT_TRANSLATE_NOOP("AuditsModel", "Progress"))),
        Column("standard", str(QT_TRANSLATE_NOOP("AuditsModel", "Standard")), "standard_version"),
        Column(
            "lead_auditor", str(QT_TRANSLATE_NOOP("AuditsModel", "Lead auditor")), "lead_auditor"
        ),
        Column("chapter", str(QT_TRANSLATE_NOOP("AuditsModel", "Chapter")), "chapter_code"),
    )

    assert all(c.sort_by in (*AUDIT_SORTABLE_COLUMNS, None) for c in COLUMNS)

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        # The latest planned first: what is coming, then what was just done.
        super().__init__(AuditQuery(descending=True), page_size=page_size)
        self._ws = workspace

    def set_workspace(self, workspace: Workspace, *, reload: bool = True) -> None:
        self._ws = workspace
        if reload:
            self.reload()

    def audit_at(self, index: Any) -> AuditRow | None:
        row: AuditRow | None = self.row_at(index)
        return row

    def count(self, query: Any) -> int:
        return count_audits(self._ws, query)

    def find(self, query: Any) -> list[Any]:
        return list(find_audits(self._ws, query))

    def cell(self, row: Any, key: str, role: int) -> Any:
        audit: AuditRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(audit, key)
        if key == "state" and role == Qt.ItemDataRole.DecorationRole:
            return audit_state_icon(audit.state)
        if key == "state" and role == Qt.ItemDataRole.ForegroundRole:
            return audit_state_colour(audit.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "company":
                return f"{audit.company_name} · {audit.tax_id}"
            if key == "chapter" and audit.chapter_code in self._ws.chapters:
                return self._ws.chapters.get(audit.chapter_code).name
            if key == "lead_auditor" and audit.team:
                return ", ".join(audit.team)
        if role == SORT_ROLE:
            return _raw(audit, key)
        return None


def _display(audit: AuditRow, key: str) -> str:
    match key:
        case "planned_on":
            return format_date(audit.planned_on)
        case "company":
            return audit.company_name
        case "kind":
            return audit_kind_label(audit.kind)
        case "state":
            return audit_state_label(audit.state)
        case "progress":
            return progress_text(audit.judged, audit.total) if audit.total else ""
        case "standard":
            return audit.standard_version
        case "lead_auditor":
            return audit.lead_auditor
        case "chapter":
            return audit.chapter_code
    raise KeyError(key)


def _raw(audit: AuditRow, key: str) -> str:
    match key:
        case "planned_on":
            return audit.planned_on.isoformat()
        case "kind" | "state":
            return str(getattr(audit, key).value)
        case "progress":
            return f"{audit.judged:06d}/{audit.total:06d}"
        case "chapter":
            return audit.chapter_code
        case "company":
            return audit.company_name
        case "standard":
            return audit.standard_version
        case "lead_auditor":
            return audit.lead_auditor
    raise KeyError(key)
