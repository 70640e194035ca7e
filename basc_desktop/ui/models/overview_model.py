"""The dashboard's table: members by country and status, with a total line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.overview import CountryOverview
from basc_desktop.ui.models.status import status_icon
from basc_desktop.ui.text import country_name, format_count

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str, MemberStatus | None], ...] = (
    ("country", str(QT_TRANSLATE_NOOP("OverviewModel", "Country")), None),
    ("members", str(QT_TRANSLATE_NOOP("OverviewModel", "Members")), None),
    ("certified", str(QT_TRANSLATE_NOOP("OverviewModel", "Certified")), MemberStatus.CERTIFIED),
    ("expiring", str(QT_TRANSLATE_NOOP("OverviewModel", "Expiring")), MemberStatus.EXPIRING),
    ("expired", str(QT_TRANSLATE_NOOP("OverviewModel", "Expired")), MemberStatus.EXPIRED),
    ("suspended", str(QT_TRANSLATE_NOOP("OverviewModel", "Suspended")), MemberStatus.SUSPENDED),
)
COUNTS = tuple(key for key, _title, _status in COLUMNS[1:])


def totals(lines: list[CountryOverview]) -> dict[str, int]:
    return {key: sum(getattr(line, key) for line in lines) for key in COUNTS}


class OverviewModel(QAbstractTableModel):
    """One line per country (by name in the UI language), then "All countries"."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[CountryOverview] = []
        self._totals: dict[str, int] = dict.fromkeys(COUNTS, 0)

    def set_lines(self, lines: list[CountryOverview]) -> None:
        self.beginResetModel()
        self._lines = sorted(lines, key=lambda line: country_name(line.country))
        self._totals = totals(lines)
        self.endResetModel()

    @property
    def lines(self) -> list[CountryOverview]:
        return list(self._lines)

    def total(self, key: str) -> int:
        return self._totals[key]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._lines else len(self._lines) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        key = COLUMNS[index.column()][0]
        is_total = index.row() == len(self._lines)
        if role == Qt.ItemDataRole.DisplayRole:
            if is_total:
                if key == "country":
                    return QCoreApplication.translate("OverviewModel", "All countries")
                return format_count(self._totals[key])
            line = self._lines[index.row()]
            if key == "country":
                return country_name(line.country)
            return format_count(getattr(line, key))
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "country":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        zero = not is_total and key != "country" and getattr(self._lines[index.row()], key) == 0
        if role == Qt.ItemDataRole.ForegroundRole and zero:
            return QColor("#9aa5b1")
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        _key, title, status = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("OverviewModel", title)
        if role == Qt.ItemDataRole.DecorationRole and status is not None:
            return status_icon(status)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if section == 0 else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
