"""Click-through: every number, tile and bar of the dashboard opens exactly the records it
counts, in their own area, under a banner that says what is shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from basc_desktop.services.dashboard import counted_records, expiring_certificates
from basc_desktop.services.dashboard_forms import Figure
from basc_desktop.ui.areas.actions import ActionsArea
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.dashboard_model import COUNT_ROLE
from basc_desktop.ui.models.paged import PagedModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations
from tests.ui.test_dashboard import PAST, open_dashboard

AnyArea = MembersArea | CertificatesArea | ActionsArea | AuditsArea


def listed_ids(model: PagedModel) -> list[int]:
    """Every row of the list, every page loaded."""
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return sorted(row.id for row in model.rows())


def opened(qtbot: QtBot, window: MainWindow, key: str) -> AnyArea:
    """The area the click switched to, once the records are listed."""
    qtbot.waitUntil(lambda: window.current_key() == key, timeout=10_000)
    settle_operations()
    area = window.current_area()
    assert isinstance(area, MembersArea | CertificatesArea | ActionsArea | AuditsArea)
    assert area.banner.isVisible()
    return area


def test_double_clicking_a_number_lists_exactly_its_members(
    qtbot: QtBot, window: MainWindow, artifacts_dir: Path
) -> None:
    area = open_dashboard(qtbot, window)
    index = area.model.index_of(Figure.CERTIFIED, "CO")
    shown = index.data(COUNT_ROLE)
    assert shown > 0
    area.table.scrollTo(index)
    point = area.table.visualRect(index).center()
    qtbot.mouseClick(area.table.viewport(), Qt.MouseButton.LeftButton, pos=point)  # as a user
    qtbot.mouseDClick(area.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    members = opened(qtbot, window, "members")
    assert isinstance(members, MembersArea)
    assert members.model.total == shown
    ws = window.context.workspace
    assert (
        listed_ids(members.model) == counted_records(ws, Figure.CERTIFIED, TODAY, country="CO").ids
    )
    assert members.banner.caption.text() == (
        f"Showing {shown} from the dashboard: Certified in Colombia on 15/06/2026"
    )
    assert window.area_status.text().startswith(f"{shown} of ")
    save_screenshot(window, artifacts_dir / "dashboard-opened-members.png")
    members.banner.clear_button.click()
    assert not members.banner.isVisible()
    assert members.model.total > shown


def test_enter_on_a_chapter_number_on_a_past_date(qtbot: QtBot, window: MainWindow) -> None:
    area = open_dashboard(qtbot, window)
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        area.date.setDate(QDate(PAST.year, PAST.month, PAST.day))
    assert area.figures is not None
    line = max(area.figures.chapters, key=lambda line: line[Figure.MEMBERS])
    area.table.expandAll()
    index = area.model.index_of(Figure.MEMBERS, line.country, line.chapter)
    area.table.setCurrentIndex(index)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_Return)
    members = opened(qtbot, window, "members")
    assert isinstance(members, MembersArea)
    assert members.model.total == line[Figure.MEMBERS]
    assert "on 31/12/2025" in members.banner.caption.text()
    assert f"chapter {line.chapter}" in members.banner.caption.text()


def test_tiles_open_actions_and_audits(qtbot: QtBot, window: MainWindow) -> None:
    area = open_dashboard(qtbot, window)
    ws = window.context.workspace
    tile = area.tiles[Figure.OVERDUE_ACTIONS]
    assert tile.value > 0
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    actions = opened(qtbot, window, "actions")
    assert isinstance(actions, ActionsArea)
    assert actions.model.total == tile.value
    assert listed_ids(actions.model) == counted_records(ws, Figure.OVERDUE_ACTIONS, TODAY).ids
    assert "Overdue corrective actions in all countries" in actions.banner.caption.text()

    window.show_area("dashboard")
    tile = area.tiles[Figure.AUDITS_THIS_MONTH]
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Space)
    audits = opened(qtbot, window, "audits")
    assert isinstance(audits, AuditsArea)
    assert audits.model.total == tile.value
    assert listed_ids(audits.model) == counted_records(ws, Figure.AUDITS_THIS_MONTH, TODAY).ids


def test_bars_open_members_and_certificates(qtbot: QtBot, window: MainWindow) -> None:
    area = open_dashboard(qtbot, window)
    ws = window.context.workspace
    chart = area.status_chart
    row = chart.countries.index("CO")
    expected = int(chart.bar_sets["certified_only"].at(row))
    chart.bar_sets["certified_only"].clicked.emit(row)
    members = opened(qtbot, window, "members")
    assert isinstance(members, MembersArea)
    assert members.model.total == expected
    certified = set(counted_records(ws, Figure.CERTIFIED, TODAY, country="CO").ids)
    expiring = set(counted_records(ws, Figure.EXPIRING_90, TODAY, country="CO").ids)
    assert set(listed_ids(members.model)) == certified - expiring

    window.show_area("dashboard")
    chart.bar_sets[Figure.EXPIRING_90].clicked.emit(row)
    qtbot.waitUntil(lambda: members.model.total == len(expiring), timeout=10_000)
    assert "Expiring in 90 days in Colombia" in members.banner.caption.text()

    window.show_area("dashboard")
    month = max(range(12), key=lambda n: area.expiry_chart.bar_set.at(n))
    area.expiry_chart.bar_set.clicked.emit(month)
    certificates = opened(qtbot, window, "certificates")
    assert isinstance(certificates, CertificatesArea)
    assert certificates.model.total == int(area.expiry_chart.bar_set.at(month))
    first = area.expiry_chart.months[month]
    assert listed_ids(certificates.model) == expiring_certificates(ws, first, TODAY).ids
    assert "Certificates in force on 15/06/2026 that expire in" in (
        certificates.banner.caption.text()
    )
    certificates.banner.clear_button.click()
    assert certificates.model.total > int(area.expiry_chart.bar_set.at(month))


def test_a_zero_opens_an_empty_list(qtbot: QtBot, window: MainWindow) -> None:
    area = open_dashboard(qtbot, window)
    assert area.figures is not None
    line = next(line for line in area.figures.countries if not line[Figure.WITHDRAWN])
    area.open_figure(Figure.WITHDRAWN, line.country)
    members = opened(qtbot, window, "members")
    assert isinstance(members, MembersArea)
    assert members.model.total == 0
    assert date(2026, 6, 15) == TODAY
