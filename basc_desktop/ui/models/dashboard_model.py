"""The dashboard's table: a line per country with its chapters under it, then the total.

Every :class:`Figure` is a column.  Countries are named in the UI language and sorted
by that name; a chapter shows its code and name.  :meth:`DashboardModel.cell_at` tells
which number (figure, country, chapter) an index shows, so a double-click can open
exactly the records it counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from basc_desktop.domain.search import fold
from basc_desktop.services.dashboard_forms import DashboardFigures, Figure, FigureLine
from basc_desktop.ui.text import country_name, format_count, translate

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "DashboardModel"
FIGURES: tuple[Figure, ...] = tuple(Figure)
ZERO_COLOUR = QColor("#9aa5b1")
COUNT_ROLE = Qt.ItemDataRole.UserRole
"""The plain number of a cell (an int), for tests and sorting."""

HEADINGS: dict[Figure, str] = {
    Figure.MEMBERS: str(QT_TRANSLATE_NOOP("DashboardModel", "Members")),
    Figure.CERTIFIED: str(QT_TRANSLATE_NOOP("DashboardModel", "Certified")),
    Figure.EXPIRING_30: str(QT_TRANSLATE_NOOP("DashboardModel", "Expiring\n≤ 30 days")),
    Figure.EXPIRING_60: str(QT_TRANSLATE_NOOP("DashboardModel", "Expiring\n≤ 60 days")),
    Figure.EXPIRING_90: str(QT_TRANSLATE_NOOP("DashboardModel", "Expiring\n≤ 90 days")),
    Figure.EXPIRED: str(QT_TRANSLATE_NOOP("DashboardModel", "Expired")),
    Figure.SUSPENDED: str(QT_TRANSLATE_NOOP("DashboardModel", "Suspended")),
    Figure.WITHDRAWN: str(QT_TRANSLATE_NOOP("DashboardModel", "Withdrawn")),
    Figure.OPEN_ACTIONS: str(QT_TRANSLATE_NOOP("DashboardModel", "Open\nactions")),
    Figure.OVERDUE_ACTIONS: str(QT_TRANSLATE_NOOP("DashboardModel", "Overdue\nactions")),
    Figure.AUDITS_THIS_MONTH: str(QT_TRANSLATE_NOOP("DashboardModel", "Audits\nthis month")),
}
"""Short column headings (two lines at most); the tooltip gives the figure's full label."""


@dataclass(frozen=True)
class Cell:
    """The number an index shows: which figure, for which country and chapter."""

    figure: Figure
    line: FigureLine
    count: int


def country_order(line: FigureLine) -> str:
    """Countries by their name in the UI language, accents aside (Équateur after Costa Rica)."""
    return fold(country_name(line.country))


def column_of(figure: Figure) -> int:
    return FIGURES.index(figure) + 1


class DashboardModel(QAbstractItemModel):
    """Top rows: the countries, then "All countries"; child rows: a country's chapters."""

    def __init__(self) -> None:
        super().__init__()
        self._countries: list[FigureLine] = []
        self._chapters: list[list[FigureLine]] = []
        self._total: FigureLine | None = None
        self._chapter_names: dict[str, str] = {}

    def set_figures(
        self, figures: DashboardFigures | None, chapter_names: Mapping[str, str] | None = None
    ) -> None:
        """Show ``figures`` (None: nothing); ``chapter_names`` by chapter code."""
        self.beginResetModel()
        if figures is None:
            self._countries, self._chapters, self._total = [], [], None
        else:
            self._countries = sorted(figures.countries, key=country_order)
            self._chapters = [
                sorted(figures.chapters_of(line.country), key=lambda c: c.chapter or "")
                for line in self._countries
            ]
            self._total = figures.total
        self._chapter_names = dict(chapter_names or {})
        self.endResetModel()

    # --- what the screen asks -------------------------------------------------------

    def line_at(self, index: AnyIndex) -> FigureLine | None:
        if not index.isValid():
            return None
        parent = index.internalId()
        if parent:
            chapters = self._chapters[parent - 1]
            return chapters[index.row()] if index.row() < len(chapters) else None
        if index.row() < len(self._countries):
            return self._countries[index.row()]
        return self._total if index.row() == len(self._countries) else None

    def cell_at(self, index: AnyIndex) -> Cell | None:
        """The number at ``index``; None for the name column."""
        line = self.line_at(index)
        if line is None or index.column() < 1:
            return None
        figure = FIGURES[index.column() - 1]
        return Cell(figure, line, line[figure])

    def index_of(
        self, figure: Figure, country: str = "", chapter: str | None = None
    ) -> QModelIndex:
        """The index of one number: a country's, a chapter's or (no country) the total's."""
        column = column_of(figure)
        if not country:
            return self.index(len(self._countries), column)
        for row, line in enumerate(self._countries):
            if line.country != country:
                continue
            if chapter is None:
                return self.index(row, column)
            parent = self.index(row, 0)
            for child, chapter_line in enumerate(self._chapters[row]):
                if chapter_line.chapter == chapter:
                    return self.index(child, column, parent)
        return QModelIndex()

    def place_name(self, line: FigureLine) -> str:
        """What the name column says: a country, "CO-BOG — Bogotá" or "All countries"."""
        if line.chapter is not None:
            name = self._chapter_names.get(line.chapter, "")
            return f"{line.chapter} — {name}" if name else line.chapter
        if not line.country:
            return QCoreApplication.translate(CONTEXT, "All countries")
        return country_name(line.country)

    # --- QAbstractItemModel ---------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if parent.isValid():
            return self.createIndex(row, column, parent.row() + 1)
        return self.createIndex(row, column, 0)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if self._total is None:
            return 0
        if not parent.isValid():
            return len(self._countries) + 1
        if parent.internalId() or parent.column() != 0 or parent.row() >= len(self._countries):
            return 0
        return len(self._chapters[parent.row()])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(FIGURES) + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index)
        if line is None:
            return None
        column = index.column()
        figure = FIGURES[column - 1] if column > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.place_name(line) if figure is None else format_count(line[figure])
        if role == COUNT_ROLE:
            return None if figure is None else line[figure]
        if role == Qt.ItemDataRole.TextAlignmentRole and figure is not None:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and figure is not None and not line[figure]:
            return ZERO_COLOUR
        if role == Qt.ItemDataRole.FontRole and (not line.country or line.chapter is None):
            font = QFont()
            font.setBold(not line.country)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None and line[figure]:
            return QCoreApplication.translate(
                CONTEXT, "{figure}: double-click to list them"
            ).format(figure=translate(figure.label))
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(FIGURES):
            return None
        figure = FIGURES[section - 1] if section > 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return QCoreApplication.translate(CONTEXT, "Country and chapter")
            return QCoreApplication.translate(CONTEXT, HEADINGS[figure])
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None:
            return translate(figure.label)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if figure is None else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
