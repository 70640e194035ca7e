"""The dashboard's two charts: members by status in each country, and the expiries of
the next 12 months.  A click on a bar says which records it stands for.

Status by country stacks, for each country: certified with more than 90 days left,
expiring within 90 days, expired, suspended and withdrawn, in the colours the member
lists use for those statuses.  Its bars are horizontal so long country names read
whole.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.dashboard_forms import DashboardFigures, Figure, FigureLine
from basc_desktop.ui.models.dashboard_model import country_order
from basc_desktop.ui.models.status import status_colour
from basc_desktop.ui.text import country_name, format_count

CERTIFIED_ONLY = "certified_only"
"""The stacked segment of members certified with more than 90 days left."""

SEGMENTS: tuple[tuple[str, MemberStatus], ...] = (
    (CERTIFIED_ONLY, MemberStatus.CERTIFIED),
    (Figure.EXPIRING_90, MemberStatus.EXPIRING),
    (Figure.EXPIRED, MemberStatus.EXPIRED),
    (Figure.SUSPENDED, MemberStatus.SUSPENDED),
    (Figure.WITHDRAWN, MemberStatus.WITHDRAWN),
)
EXPIRY_COLOUR = "#1565c0"


def segment_value(line: FigureLine, segment: str) -> int:
    """How many members of ``line`` one stacked segment holds."""
    if segment == CERTIFIED_ONLY:
        return max(line[Figure.CERTIFIED] - line[Figure.EXPIRING_90], 0)
    return line[Figure(segment)]


def _chart_view(chart: QChart) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setShowToolTips(True)  # the whole name of a shortened entry
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(260, 200)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return view


class StatusChart(QWidget):
    """Members by status, one stacked bar per country."""

    segment_clicked = Signal(str, str)
    """(segment: a Figure value or CERTIFIED_ONLY, country code)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Members by status in each country"))
        self.series = QHorizontalStackedBarSeries()
        self.bar_sets: dict[str, QBarSet] = {}
        for segment, status in SEGMENTS:
            bar_set = QBarSet(self._segment_label(segment))
            bar_set.setColor(status_colour(status))
            bar_set.setBorderColor(QColor("white"))
            bar_set.clicked.connect(lambda row, s=segment: self._clicked(s, row))
            self.series.append(bar_set)
            self.bar_sets[segment] = bar_set
        self.chart.addSeries(self.series)
        self.countries_axis = QBarCategoryAxis()
        self.countries_axis.setTruncateLabels(False)
        self.counts_axis = QValueAxis()
        self.counts_axis.setLabelFormat("%d")
        self.chart.addAxis(self.countries_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.counts_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.countries_axis)
        self.series.attachAxis(self.counts_axis)
        self.view = _chart_view(self.chart)
        self.countries: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _segment_label(self, segment: str) -> str:
        return {
            CERTIFIED_ONLY: self.tr("Certified"),
            Figure.EXPIRING_90: self.tr("Expiring in 90 days"),
            Figure.EXPIRED: self.tr("Expired"),
            Figure.SUSPENDED: self.tr("Suspended"),
            Figure.WITHDRAWN: self.tr("Withdrawn"),
        }[segment]

    def set_figures(self, figures: DashboardFigures) -> None:
        # The first country at the top: a horizontal chart draws its first category lowest.
        lines = sorted(figures.countries, key=country_order, reverse=True)
        self.countries = [line.country for line in lines]
        for segment, bar_set in self.bar_sets.items():
            bar_set.remove(0, bar_set.count())
            bar_set.append([float(segment_value(line, segment)) for line in lines])
        self.countries_axis.clear()
        self.countries_axis.append([country_name(code) for code in self.countries])
        highest = max(
            (sum(segment_value(line, s) for s, _status in SEGMENTS) for line in lines), default=0
        )
        self.counts_axis.setRange(0, max(highest, 1))
        self.counts_axis.applyNiceNumbers()

    def _clicked(self, segment: str, row: int) -> None:
        if 0 <= row < len(self.countries):
            self.segment_clicked.emit(segment, self.countries[row])


class ExpiryChart(QWidget):
    """Certificates in force that expire in each of the next 12 months."""

    month_clicked = Signal(object)
    """The first day of the month whose bar was clicked (a ``date``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Certificates expiring in the next 12 months"))
        self.series = QBarSeries()
        self.bar_set = QBarSet(self.tr("Certificates"))
        self.bar_set.setColor(QColor(EXPIRY_COLOUR))
        self.bar_set.clicked.connect(self._clicked)
        self.series.append(self.bar_set)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.chart.addSeries(self.series)
        self.chart.legend().setVisible(False)
        self.months_axis = QBarCategoryAxis()
        self.months_axis.setTruncateLabels(False)
        self.counts_axis = QValueAxis()
        self.counts_axis.setLabelFormat("%d")
        self.chart.addAxis(self.months_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.counts_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.months_axis)
        self.series.attachAxis(self.counts_axis)
        self.view = _chart_view(self.chart)
        self.months: list[date] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_figures(self, figures: DashboardFigures) -> None:
        self.months = [month.month for month in figures.expiries]
        self.bar_set.remove(0, self.bar_set.count())
        self.bar_set.append([float(month.count) for month in figures.expiries])
        self.months_axis.clear()
        self.months_axis.append([month_label(month) for month in self.months])
        if self.months:
            first, last = self.months[0], self.months[-1]
            self.months_axis.setTitleText(
                f"{month_label(first, 'MMM yyyy')} – {month_label(last, 'MMM yyyy')}"
            )
        highest = max((month.count for month in figures.expiries), default=0)
        self.counts_axis.setRange(0, max(highest, 1) * 1.15)
        self.counts_axis.applyNiceNumbers()

    def count_of(self, row: int) -> str:
        return format_count(int(self.bar_set.at(row)))

    def _clicked(self, row: int) -> None:
        if 0 <= row < len(self.months):
            self.month_clicked.emit(self.months[row])


def month_label(month: date, form: str = "MMM") -> str:
    """A month in the UI language: "Mar" (``form`` "MMM yyyy": "Mar 2027")."""
    return QLocale().toString(QDate(month.year, month.month, 1), form)
