"""Companies in process whose deadline for the certification audit is near or past.

Rows from ``deadlines`` (most urgent first).  A past deadline reads "Overdue by 12 days"
in red; a near one "34 days left".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)

from basc_desktop.services.admission_forms import DeadlineRow
from basc_desktop.ui.models.audit_looks import overdue_colour, overdue_icon
from basc_desktop.ui.models.columns import RowsModel
from basc_desktop.ui.models.paged import ID_ROLE, ROW_ROLE, SORT_ROLE, AnyIndex
from basc_desktop.ui.text import format_date

CONTEXT = "DeadlinesModel"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("company", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Company"))),
    ("tax_id", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Tax ID"))),
    ("chapter", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Chapter"))),
    ("admitted_on", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Admitted"))),
    ("audit_deadline", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Audit deadline"))),
    ("days_left", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Time left"))),
    ("audit", str(QT_TRANSLATE_NOOP("DeadlinesModel", "Certification audit"))),
)
COLUMN_INDEX = {key: number for number, (key, _title) in enumerate(COLUMNS)}


def days_left_text(days_left: int) -> str:
    """ "34 days left", "Due today" or "Overdue by 12 days"."""
    if days_left < 0:
        return QCoreApplication.translate(CONTEXT, "Overdue by {days} days").format(days=-days_left)
    if days_left == 0:
        return QCoreApplication.translate(CONTEXT, "Due today")
    return QCoreApplication.translate(CONTEXT, "{days} days left").format(days=days_left)


class DeadlinesModel(RowsModel[DeadlineRow]):
    CONTEXT = CONTEXT
    COLUMNS = COLUMNS

    def overdue(self) -> int:
        return sum(1 for row in self._rows if row.overdue)

    # --- QAbstractTableModel --------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if row.overdue and key in ("audit_deadline", "days_left"):
            if role == Qt.ItemDataRole.ForegroundRole:
                return overdue_colour()
            if role == Qt.ItemDataRole.DecorationRole and key == "days_left":
                return overdue_icon()
        if role == Qt.ItemDataRole.ToolTipRole and key == "company":
            return f"{row.company_name} · {row.tax_id}"
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.application_id
        if role == SORT_ROLE:
            return _raw(row, key)
        return None


def _display(row: DeadlineRow, key: str) -> str:
    match key:
        case "company":
            return row.company_name
        case "tax_id":
            return row.tax_id
        case "chapter":
            return row.chapter_code
        case "admitted_on":
            return format_date(row.admitted_on)
        case "audit_deadline":
            return format_date(row.audit_deadline)
        case "days_left":
            return days_left_text(row.days_left)
        case "audit":
            if row.certification_audit_on is None:
                return QCoreApplication.translate(CONTEXT, "Not planned")
            return format_date(row.certification_audit_on)
    raise KeyError(key)


def _raw(row: DeadlineRow, key: str) -> Any:
    match key:
        case "admitted_on" | "audit_deadline":
            return getattr(row, key).isoformat()
        case "days_left":
            return row.days_left
        case "audit":
            return row.certification_audit_on.isoformat() if row.certification_audit_on else ""
    return _display(row, key)
