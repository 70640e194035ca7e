"""The event log as a Qt table model: rows from ``find_activity``, page by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from basc_desktop.services.activity import count_activity, find_activity
from basc_desktop.services.activity_forms import ActivityChange, ActivityQuery, ActivityRow
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.paged import PAGE_SIZE, SORT_ROLE, Column, PagedModel
from basc_desktop.ui.text import message_text, translate

CONTEXT = "ActivityModel"


def change_text(change: ActivityChange) -> str:
    """``Phone: +57 601 … → +57 602 …`` with the field's label in the window's language."""
    return ActivityChange(
        change.field, translate(change.label), translate(change.old), translate(change.new)
    ).text()


def changes_text(row: ActivityRow) -> str:
    return "; ".join(change_text(change) for change in row.changes)


class ActivityModel(PagedModel):
    CONTEXT = CONTEXT
    COLUMNS = (
        Column("when", str(QT_TRANSLATE_NOOP("ActivityModel", "When"))),
        Column("user", str(QT_TRANSLATE_NOOP("ActivityModel", "User"))),
        Column("type", str(QT_TRANSLATE_NOOP("ActivityModel", "Record type"))),
        Column("record", str(QT_TRANSLATE_NOOP("ActivityModel", "Record"))),
        Column("action", str(QT_TRANSLATE_NOOP("ActivityModel", "Action"))),
        Column("changes", str(QT_TRANSLATE_NOOP("ActivityModel", "Changes"))),
    )

    def __init__(self, workspace: Workspace, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(ActivityQuery(), page_size=page_size)
        self._ws = workspace

    def set_workspace(self, workspace: Workspace, *, reload: bool = True) -> None:
        self._ws = workspace
        if reload:
            self.reload()

    def event_at(self, index: Any) -> ActivityRow | None:
        row: ActivityRow | None = self.row_at(index)
        return row

    def count(self, query: Any) -> int:
        return count_activity(self._ws, query)

    def find(self, query: Any) -> list[Any]:
        return list(find_activity(self._ws, query, query.offset, query.limit))

    def cell(self, row: Any, key: str, role: int) -> Any:
        event: ActivityRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(event, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "changes":
            return "\n".join(change_text(change) for change in event.changes) or None
        if role == SORT_ROLE:
            return event.at.isoformat() if key == "when" else _display(event, key)
        return None


def _display(event: ActivityRow, key: str) -> str:
    match key:
        case "when":
            return event.when
        case "user":
            return event.user
        case "type":
            return translate(event.record_type_label)
        case "record":
            return message_text(event.record_name)
        case "action":
            return translate(event.action_label)
        case _:
            return changes_text(event)
