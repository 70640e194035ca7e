"""The Dashboard area: every country and chapter at a glance, today or on a past date.

A table of the figures (a line per country, its chapters under it, the total), tiles
for the main totals, members by status in each country and the expiries of the next 12
months as charts.  Every number, tile and bar opens exactly the records it counts in
their own area (``open_records``).  A date picker shows the dashboard as it was on a
past date, from the history.  The figures are counted in the background (the newest
request wins), again after every change and every minute while the area is shown, so
a shared database shows the others' work too.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.dashboard import dashboard_figures
from basc_desktop.services.dashboard_forms import CountedRecords, DashboardFigures, Figure
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.areas.dashboard_charts import ExpiryChart, StatusChart
from basc_desktop.ui.areas.dashboard_export import Format, export_dashboard
from basc_desktop.ui.areas.dashboard_records import (
    RecordsRequest,
    figure_records,
    month_records,
    segment_records,
)
from basc_desktop.ui.areas.dashboard_tiles import Tile
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.audit_looks import OVERDUE_COLOUR
from basc_desktop.ui.models.dashboard_model import DashboardModel
from basc_desktop.ui.models.status import status_colour
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.text import DATE_FORMAT, format_count, format_date, translate

REFRESH_MS = 60_000
"""While shown, the dashboard counts again this often (others may share the database)."""

TILES: tuple[tuple[Figure, str | None], ...] = (
    (Figure.MEMBERS, None),
    (Figure.CERTIFIED, status_colour(MemberStatus.CERTIFIED).name()),
    (Figure.EXPIRING_90, status_colour(MemberStatus.EXPIRING).name()),
    (Figure.EXPIRED, status_colour(MemberStatus.EXPIRED).name()),
    (Figure.OVERDUE_ACTIONS, OVERDUE_COLOUR),
    (Figure.AUDITS_THIS_MONTH, "#1565c0"),
)


class DashboardArea(Area):
    open_records = Signal(str, list, str)
    """(a :class:`RecordKind`, which is also the key of its area; the ids; a caption)."""

    figures_shown = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = DashboardModel()
        self.figures: DashboardFigures | None = None
        self._stale = True
        self._generation = 0
        self.operation: Operation | None = None
        self.records_operation: Operation | None = None
        self.export_operation: Operation | None = None

        heading = QLabel(self.tr("Dashboard"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        today = context.workspace.today()
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setObjectName("dashboardDate")
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date.setToolTip(self.tr("Show the dashboard as it was on this date"))
        date_label = QLabel(self.tr("Status &on:"))
        date_label.setBuddy(self.date)
        self.today_button = QPushButton(self.tr("To&day"))
        self.pdf_button = QPushButton(self.tr("&PDF report…"))
        self.excel_button = QPushButton(self.tr("E&xcel…"))
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(False)
        self.note = QLabel()
        self.note.setObjectName("dashboardNote")
        self.note.setWordWrap(True)

        self.tiles = {
            figure: Tile(figure, translate(figure.label), colour) for figure, colour in TILES
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in self.tiles.values():
            tiles.addWidget(tile)
            tile.clicked.connect(lambda figure: self.open_figure(figure))

        self.table = QTreeView()
        self.table.setObjectName("dashboardTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setExpandsOnDoubleClick(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.table.header()
        header.setStretchLastSection(False)
        # Every column as wide as its numbers and heading (a long translation scrolls);
        # the country names are never cut.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(56)
        self.table.activated.connect(self.open_index)

        self.status_chart = StatusChart()
        self.status_chart.segment_clicked.connect(self.open_segment)
        self.expiry_chart = ExpiryChart()
        self.expiry_chart.month_clicked.connect(self.open_month)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.status_chart)
        charts.addWidget(self.expiry_chart)
        charts.setChildrenCollapsible(False)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(date_label)
        top.addWidget(self.date)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.pdf_button)
        top.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addLayout(tiles)
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.date.dateChanged.connect(lambda _date: self.reload())
        self.today_button.clicked.connect(self.show_today)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        topics = (changes.MEMBERS, changes.CERTIFICATES, changes.CHAPTERS)
        context.changes.subscribe(self, (*topics, changes.AUDITS, changes.ACTIONS), self._changed)

    # --- loading --------------------------------------------------------------------

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def refresh(self) -> None:
        """Count again now (F5)."""
        self.reload()

    def chosen_date(self) -> date:
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def show_today(self) -> None:
        today = self.context.workspace.today()
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        if self.chosen_date() == today:
            self.reload()
        else:
            self.date.setDate(QDate(today.year, today.month, today.day))  # reloads

    def reload(self) -> None:
        """Count again, in the background; a newer request wins over an older one."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        workspace = self.context.workspace
        today = workspace.today()
        shown = self.figures
        following_today = shown is not None and not shown.is_past and self.chosen_date() == shown.on
        self.date.blockSignals(True)
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        if following_today:  # still today after midnight
            self.date.setDate(QDate(today.year, today.month, today.day))
        self.date.blockSignals(False)
        chosen = self.chosen_date()
        on = None if chosen >= today else chosen
        if self.figures is None:
            self.note.setText(self.tr("Counting…"))

        def count(_reporter: Reporter) -> DashboardFigures:
            return dashboard_figures(workspace, on)

        self.operation = (
            Operation(count, parent=self)
            .on_success(lambda figures: self._loaded(generation, figures))
            .start()
        )

    def _loaded(self, generation: int, figures: DashboardFigures) -> None:
        if generation == self._generation:
            self.show_figures(figures)

    def show_figures(self, figures: DashboardFigures) -> None:
        """Fill the table, the tiles and the charts with ``figures``."""
        self.figures = figures
        names = {chapter.code: chapter.name for chapter in self.context.workspace.chapters}
        self.model.set_figures(figures, names)
        for figure, tile in self.tiles.items():
            tile.set_number(figures.total[figure])
        self.status_chart.set_figures(figures)
        self.expiry_chart.set_figures(figures)
        if figures.is_past:
            self.note.setText(
                self.tr("Status on {date} (from the history)").format(date=format_date(figures.on))
            )
            self.note.setStyleSheet("color: #8a5a00; font-weight: bold;")
        else:
            self.note.setText(self.tr("Status today, {date}").format(date=format_date(figures.on)))
            self.note.setStyleSheet("color: palette(dark);")
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(True)
        self.status_changed.emit(self.status_text())
        self.figures_shown.emit()

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _tick(self) -> None:
        if self.isVisible() and (self.operation is None or not self.operation.running):
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # --- click-through --------------------------------------------------------------

    def open_index(self, index: object) -> Operation | None:
        """The number at ``index`` of the table, listed in its area."""
        cell = self.model.cell_at(index)  # type: ignore[arg-type]
        if cell is None:
            return None
        return self.open_figure(cell.figure, cell.line.country, cell.line.chapter)

    def open_figure(
        self, figure: Figure, country: str = "", chapter: str | None = None
    ) -> Operation | None:
        """List exactly the records ``figure`` counts (for a country, a chapter or all)."""
        if self.figures is None:
            return None
        ws, on = self.context.workspace, self.figures.on
        return self._open(figure_records(ws, on, figure, country, chapter))

    def open_segment(self, segment: str, country: str) -> Operation | None:
        """A stacked bar of the status chart: its members in ``country``."""
        if self.figures is None:
            return None
        ws, on = self.context.workspace, self.figures.on
        return self._open(segment_records(ws, on, segment, country))

    def open_month(self, month: date) -> Operation | None:
        """A bar of the expiries chart: the certificates in force that expire that month."""
        if self.figures is None:
            return None
        return self._open(month_records(self.context.workspace, self.figures.on, month))

    def _open(self, request: RecordsRequest) -> Operation:
        def found(records: CountedRecords) -> None:
            self.open_records.emit(str(request.kind), list(records.ids), request.caption)

        self.records_operation = (
            Operation(lambda _reporter: request.find(), parent=self).on_success(found).start()
        )
        return self.records_operation

    # --- export ---------------------------------------------------------------------

    def export(self, kind: Format) -> Operation | None:
        """The figures shown, as a PDF report or an Excel workbook."""
        if self.figures is None:
            return None
        self.export_operation = export_dashboard(
            self,
            self.context.workspace,
            self.figures,
            kind,
            self.context.settings.preferences.chapter or None,
            lambda path: self.status_changed.emit(self.tr("Saved {file}").format(file=path.name)),
        )
        return self.export_operation

    # --- status ---------------------------------------------------------------------

    def status_text(self) -> str:
        figures = self.figures
        if figures is None:
            return ""
        countries = sum(1 for line in figures.countries if line[Figure.MEMBERS])
        return self.tr("{members} members in {countries} countries on {date}").format(
            members=format_count(figures.total[Figure.MEMBERS]),
            countries=countries,
            date=format_date(figures.on),
        )

    @property
    def loaded(self) -> bool:
        return self.figures is not None
