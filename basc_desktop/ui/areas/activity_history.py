"""A record's history of changes (who, when, each field old → new) for a detail pane."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from basc_desktop.services.activity import record_activity
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.text import translate

CONTEXT = "RecordHistory"
GREY = "#5f6b7a"
SHOWN = 20
"""The newest events a pane shows; the Activity area has them all."""


def history_html(workspace: Workspace, record_type: str, record_id: int) -> str:
    """The record's events, newest first, as HTML for a QTextBrowser."""
    rows = record_activity(workspace, record_type, record_id)
    title = QCoreApplication.translate("RecordHistory", "History of changes")
    parts = [f"<h4 style='margin:10px 0 2px 0'>{escape(title)}</h4>"]
    if not rows:
        none = QCoreApplication.translate("RecordHistory", "No changes recorded.")
        parts.append(f"<p style='color:{GREY}'>{escape(none)}</p>")
        return "".join(parts)
    for row in rows[:SHOWN]:
        head = f"{row.when} · {row.user} · {translate(row.action_label)}"
        lines = [
            f"{escape(translate(change.label))}: "
            f"<span style='color:{GREY}'>{escape(translate(change.old) or '—')}</span>"
            f" → {escape(translate(change.new) or '—')}"
            for change in row.changes
        ]
        body = "<br>".join([f"<b>{escape(head)}</b>", *lines])
        parts.append(f"<p style='margin:4px 0'>{body}</p>")
    if len(rows) > SHOWN:
        more = QCoreApplication.translate(
            "RecordHistory", "{count} older changes are in the Activity area."
        )
        parts.append(f"<p style='color:{GREY}'>{escape(more.format(count=len(rows) - SHOWN))}</p>")
    return "".join(parts)
