"""The renewal reminders list: companies whose certificate expires soon, with no
recertification audit planned.

Rows from ``renewal_reminders`` (soonest expiry first).  Ten days or fewer left read in
red; a suspended certificate says so in the company's cell; "Last reminder" is empty
until one was sent for this certificate.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from basc_desktop.services.reminder_forms import ReminderRow
from basc_desktop.ui.models.columns import RowsModel
from basc_desktop.ui.models.paged import ID_ROLE, ROW_ROLE, SORT_ROLE, AnyIndex
from basc_desktop.ui.text import format_date

CONTEXT = "RemindersModel"
URGENT_DAYS = 10
"""Days left at which a row turns red."""
URGENT_COLOUR = "#c62828"
SUSPENDED_COLOUR = "#e08600"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("company", str(QT_TRANSLATE_NOOP("RemindersModel", "Company"))),
    ("chapter", str(QT_TRANSLATE_NOOP("RemindersModel", "Chapter"))),
    ("certificate", str(QT_TRANSLATE_NOOP("RemindersModel", "Certificate"))),
    ("expires_on", str(QT_TRANSLATE_NOOP("RemindersModel", "Expires"))),
    ("days_left", str(QT_TRANSLATE_NOOP("RemindersModel", "Days left"))),
    ("contact", str(QT_TRANSLATE_NOOP("RemindersModel", "Contact"))),
    ("email", str(QT_TRANSLATE_NOOP("RemindersModel", "E-mail"))),
    ("last_reminder", str(QT_TRANSLATE_NOOP("RemindersModel", "Last reminder"))),
)
COLUMN_INDEX = {key: number for number, (key, _title) in enumerate(COLUMNS)}


class RemindersModel(RowsModel[ReminderRow]):
    CONTEXT = CONTEXT
    COLUMNS = COLUMNS

    def column_of(self, key: str) -> int:
        return COLUMN_INDEX[key]

    # --- QAbstractTableModel --------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("expires_on", "days_left") and row.days_left <= URGENT_DAYS:
                return QColor(URGENT_COLOUR)
            if key == "company" and row.suspended:
                return QColor(SUSPENDED_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and key == "company":
            return QCoreApplication.translate(CONTEXT, "Certificate {code} is suspended.").format(
                code=row.certificate_code
            ) if row.suspended else row.company_name  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "days_left":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.company_id
        if role == SORT_ROLE:
            return _raw(row, key)
        return None


def _display(row: ReminderRow, key: str) -> str:
    match key:
        case "company":
            suffix = QCoreApplication.translate(CONTEXT, " (suspended)") if row.suspended else ""
            return f"{row.company_name}{suffix}"
        case "chapter":
            return row.chapter_code
        case "certificate":
            return row.certificate_code
        case "expires_on":
            return format_date(row.expires_on)
        case "days_left":
            return str(row.days_left)
        case "contact":
            return row.contact_name
        case "email":
            return row.contact_email
        case "last_reminder":
            if row.last_reminder_on is None:
                return ""
            if row.reminders_sent == 1:
                return format_date(row.last_reminder_on)
            return QCoreApplication.translate(CONTEXT, "{date} ({count} sent)").format(
                date=format_date(row.last_reminder_on), count=row.reminders_sent
            )
    raise KeyError(key)


def _raw(row: ReminderRow, key: str) -> Any:
    match key:
        case "expires_on":
            return row.expires_on.isoformat()
        case "days_left":
            return row.days_left
        case "last_reminder":
            return row.last_reminder_on.isoformat() if row.last_reminder_on else ""
    return _display(row, key)
