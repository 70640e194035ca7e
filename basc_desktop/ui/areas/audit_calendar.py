"""The month view of the Audits area: a calendar that shows how many audits fall on each day.

Clicking a day lists that day's audits beside the calendar and tells the area, which
narrows its list to the month and selects the day's first audit.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.services.audit_forms import AuditRow
from basc_desktop.services.audits import audits_in_month
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.audit_looks import audit_state_icon
from basc_desktop.ui.text import audit_kind_label, audit_state_label, format_date

AUDIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditMonthCalendar(QCalendarWidget):
    """A calendar that writes the number of audits planned on each day in its cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.by_day: dict[date, list[AuditRow]] = {}

    def set_audits(self, audits: list[AuditRow]) -> None:
        grouped: dict[date, list[AuditRow]] = defaultdict(list)
        for audit in audits:
            grouped[audit.planned_on].append(audit)
        self.by_day = dict(grouped)
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        super().paintCell(painter, rect, day)
        audits = self.by_day.get(_day(day))
        if not audits:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = max(12, min(20, rect.height() // 2, rect.width() // 3))
        badge = QRect(rect.right() - size - 2, rect.top() + 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2f4a66"))
        painter.drawEllipse(badge)
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(len(audits)))
        painter.restore()


class AuditCalendar(QWidget):
    """The calendar and the list of the chosen day's audits."""

    day_chosen = Signal(object)
    """The coordinator clicked a day (a :class:`datetime.date`)."""
    audit_chosen = Signal(int)
    """The coordinator double-clicked (or pressed Enter on) an audit of the day."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._chapters: tuple[str, ...] = ()
        self.calendar = AuditMonthCalendar()
        today = workspace.today()
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self.day_title = QLabel()
        self.day_title.setObjectName("auditDayTitle")
        self.day_list = QListWidget()
        self.day_list.setObjectName("auditDayList")
        self.day_list.setWordWrap(True)
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar, 3)
        layout.addWidget(self.day_title)
        layout.addWidget(self.day_list, 2)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.reload())
        self.calendar.clicked.connect(self._clicked)
        self.day_list.itemActivated.connect(self._activated)

    def set_workspace(self, workspace: Workspace) -> None:
        self._ws = workspace

    def set_chapters(self, chapters: tuple[str, ...]) -> None:
        self._chapters = chapters

    def reload(self) -> None:
        """Read the shown month's audits again."""
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        self.calendar.set_audits(audits_in_month(self._ws, year, month, chapters=self._chapters))
        self._show_day(_day(self.calendar.selectedDate()))

    def show_month(self, year: int, month: int) -> None:
        self.calendar.setCurrentPage(year, month)
        self.reload()

    def choose_day(self, day: date) -> None:
        """Select ``day`` as if it were clicked."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._clicked(QDate(day.year, day.month, day.day))

    def audits_on(self, day: date) -> list[AuditRow]:
        return list(self.calendar.by_day.get(day, []))

    def _clicked(self, value: QDate) -> None:
        day = _day(value)
        if (value.year(), value.month()) != (
            self.calendar.yearShown(),
            self.calendar.monthShown(),
        ):
            self.calendar.setCurrentPage(value.year(), value.month())
        self._show_day(day)
        self.day_chosen.emit(day)

    def _show_day(self, day: date) -> None:
        audits = self.calendar.by_day.get(day, [])
        self.day_title.setText(
            self.tr("Audits planned on {date}: {count}").format(
                count=len(audits), date=format_date(day)
            )
        )
        self.day_list.clear()
        for audit in audits:
            text = f"{audit.company_name}\n{audit_kind_label(audit.kind)} · " + (
                audit_state_label(audit.state)
            )
            item = QListWidgetItem(audit_state_icon(audit.state), text, self.day_list)
            item.setData(AUDIT_ID_ROLE, audit.id)
            item.setToolTip(audit.lead_auditor)

    def _activated(self, item: QListWidgetItem) -> None:
        self.audit_chosen.emit(int(item.data(AUDIT_ID_ROLE)))
