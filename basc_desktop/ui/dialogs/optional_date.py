"""A date the coordinator may leave unset: a check box that turns a date editor on."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from basc_desktop.ui.models.member_lists import to_date, to_qdate
from basc_desktop.ui.text import DATE_FORMAT


class OptionalDate(QWidget):
    """``[x] 15/06/2026``: unticked means "not set" (the date editor is greyed out)."""

    changed = Signal()

    def __init__(self, name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.today = today
        self.is_set = QCheckBox(self.tr("Set"))
        self.is_set.setObjectName(f"{name}Set")
        self.edit = QDateEdit(to_qdate(today))
        self.edit.setObjectName(f"{name}Date")
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.is_set)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.is_set.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        return to_date(self.edit.date()) if self.is_set.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(to_qdate(value or self.today))
        self.is_set.setChecked(value is not None)

    def _toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.changed.emit()
