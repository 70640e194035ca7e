"""A first dashboard: how many members each country has, and how their certificates stand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.overview import CountryOverview, country_overview
from basc_desktop.ui import changes
from basc_desktop.ui.areas.base import Area
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.models.overview_model import OverviewModel
from basc_desktop.ui.models.status import status_colour
from basc_desktop.ui.operations import Operation, Reporter
from basc_desktop.ui.tables import read_only_table
from basc_desktop.ui.text import format_count, format_date


class Tile(QFrame):
    """A number with its caption, e.g. "1,204 / Certified"."""

    def __init__(self, caption: str, colour: str | None = None) -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        accent = colour or "palette(mid)"
        self.setStyleSheet(
            f"#tile {{ border: 1px solid palette(mid); border-left: 4px solid {accent};"
            " border-radius: 4px; background: palette(base); }"
        )
        self.number = QLabel("—")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_number(self, value: int) -> None:
        self.number.setText(format_count(value))


class DashboardArea(Area):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = OverviewModel()
        self._loaded = False
        self._stale = True
        self._generation = 0
        self.operation: Operation | None = None

        heading = QLabel(self.tr("Members by country"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.note = QLabel()
        self.note.setStyleSheet("color: palette(dark);")

        self.tiles = {
            "members": Tile(self.tr("Members")),
            "certified": Tile(self.tr("Certified"), _hex(MemberStatus.CERTIFIED)),
            "expiring": Tile(self.tr("Expiring"), _hex(MemberStatus.EXPIRING)),
            "expired": Tile(self.tr("Expired"), _hex(MemberStatus.EXPIRED)),
            "suspended": Tile(self.tr("Suspended"), _hex(MemberStatus.SUSPENDED)),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        self.table = read_only_table(self.model, single_selection=False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addLayout(tiles)
        layout.addWidget(self.table, 1)
        context.changes.subscribe(
            self, (changes.MEMBERS, changes.CERTIFICATES, changes.CHAPTERS), self._changed
        )

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Count again, in the background; a newer request wins over an older one."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        workspace = self.context.workspace
        self.note.setText(self.tr("Counting…"))

        def count(_reporter: Reporter) -> list[CountryOverview]:
            return country_overview(workspace)

        self.operation = (
            Operation(count, parent=self)
            .on_success(lambda lines: self._show(generation, lines))
            .start()
        )

    def _show(self, generation: int, lines: list[CountryOverview]) -> None:
        if generation != self._generation:
            return
        self.model.set_lines(lines)
        for key, tile in self.tiles.items():
            tile.set_number(self.model.total(key))
        self.note.setText(
            self.tr("Current members and their status on {date}.").format(
                date=format_date(self.context.workspace.today())
            )
        )
        self._loaded = True
        self.status_changed.emit(self.status_text())

    def _changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def status_text(self) -> str:
        if not self._loaded:
            return ""
        countries = sum(1 for line in self.model.lines if line.members)
        return self.tr("{members} members in {countries} countries").format(
            members=format_count(self.model.total("members")), countries=countries
        )

    @property
    def loaded(self) -> bool:
        return self._loaded


def _hex(status: MemberStatus) -> str:
    return status_colour(status).name()
