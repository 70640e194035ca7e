"""The corrective actions as a Qt table model: rows from ``find_actions``, page by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from basc_desktop.services.audit_forms import ACTION_SORTABLE_COLUMNS, ActionQuery, ActionRow
from basc_desktop.services.corrective_actions import count_actions, find_actions
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.audit_looks import (
    action_state_colour,
    action_state_icon,
    overdue_colour,
    overdue_icon,
    verdict_colour,
    verdict_icon,
)
from basc_desktop.ui.models.paged import PAGE_SIZE, SORT_ROLE, Column, PagedModel
from basc_desktop.ui.text import action_state_label, format_date, verdict_label

CONTEXT = "ActionsModel"


def overdue_word() -> str:
    return QCoreApplication.translate(CONTEXT, "Overdue")


class ActionsModel(PagedModel):
    CONTEXT = CONTEXT
    COLUMNS = (
        Column("due_on", str(QT_TRANSLATE_NOOP("ActionsModel", "Due")), "due_on"),
        Column("state", str(QT_TRANSLATE_NOOP("ActionsModel", "State")), "state"),
        Column("company", str(QT_TRANSLATE_NOOP("ActionsModel", "Company")), "company_name"),
        Column("severity", str(QT_TRANSLATE_NOOP("ActionsModel", "Severity")), "severity"),
        Column(
            "requirement", str(QT_TRANSLATE_NOOP("ActionsModel", "Requirement")), "requirement_code"
        ),
        Column("description", str(QT_TRANSLATE_NOOP("ActionsModel", "Action"))),
        Column("owner", str(QT_TRANSLATE_NOOP("ActionsModel", "Owner")), "owner"),
        Column("chapter", str(QT_TRANSLATE_NOOP("ActionsModel", "Chapter")), "chapter_code"),
    )

    assert all(c.sort_by in (*ACTION_SORTABLE_COLUMNS, None) for c in COLUMNS)

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(ActionQuery(), page_size=page_size)
        self._ws = workspace

    def set_workspace(self, workspace: Workspace, *, reload: bool = True) -> None:
        self._ws = workspace
        if reload:
            self.reload()

    def action_at(self, index: Any) -> ActionRow | None:
        row: ActionRow | None = self.row_at(index)
        return row

    def count(self, query: Any) -> int:
        return count_actions(self._ws, query)

    def find(self, query: Any) -> list[Any]:
        return list(find_actions(self._ws, query))

    def cell(self, row: Any, key: str, role: int) -> Any:
        action: ActionRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(action, key)
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "due_on" and action.overdue:
                return overdue_icon()
            if key == "state":
                return action_state_icon(action.state)
            if key == "severity":
                return verdict_icon(action.severity)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "due_on" and action.overdue:
                return overdue_colour()
            if key == "state":
                return action_state_colour(action.state)
            if key == "severity":
                return verdict_colour(action.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "requirement":
                return action.requirement_title
            if key == "description":
                return action.description
            if key == "chapter" and action.chapter_code in self._ws.chapters:
                return self._ws.chapters.get(action.chapter_code).name
        if role == SORT_ROLE:
            return _raw(action, key)
        return None


def _display(action: ActionRow, key: str) -> str:
    match key:
        case "due_on":
            due = format_date(action.due_on)
            return f"{due} · {overdue_word()}" if action.overdue else due
        case "state":
            return action_state_label(action.state)
        case "company":
            return action.company_name
        case "severity":
            return verdict_label(action.severity)
        case "requirement":
            return f"{action.requirement_code} {action.requirement_title}"
        case "description":
            return action.description.splitlines()[0] if action.description else ""
        case "owner":
            return action.owner
        case "chapter":
            return action.chapter_code
    raise KeyError(key)


def _raw(action: ActionRow, key: str) -> str:
    match key:
        case "due_on":
            return action.due_on.isoformat()
        case "state" | "severity":
            return str(getattr(action, key).value)
        case "company":
            return action.company_name
        case "requirement":
            return action.requirement_code
        case "description" | "owner":
            return str(getattr(action, key))
        case "chapter":
            return action.chapter_code
    raise KeyError(key)
