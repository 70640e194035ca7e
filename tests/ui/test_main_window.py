"""The main window on a demo database: every area, reached with the mouse and the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from basc_desktop import __version__
from basc_desktop.domain.search import fold
from basc_desktop.services.dashboard_forms import Figure
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members, find_members
from basc_desktop.ui.about import AboutDialog
from basc_desktop.ui.areas.chapters import ChaptersArea
from basc_desktop.ui.areas.dashboard import DashboardArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.areas.registry import AREA_KEYS, AREAS
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.dashboard_model import COUNT_ROLE
from basc_desktop.ui.models.members_model import COLUMN_INDEX
from basc_desktop.ui.screenshot import save_screenshot
from tests.ui.conftest import settle_operations


def click_area(qtbot: QtBot, window: MainWindow, key: str) -> None:
    item = window.sidebar.item(AREA_KEYS.index(key))
    centre = window.sidebar.visualItemRect(item).center()
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def members(qtbot: QtBot, window: MainWindow) -> MembersArea:
    click_area(qtbot, window, "members")
    area = window.current_area()
    assert isinstance(area, MembersArea)
    return area


def test_title_and_status_bar_name_the_database_and_user(window: MainWindow) -> None:
    assert window.windowTitle() == "BASC Desktop — basc.sqlite"
    assert "basc.sqlite" in window.database_status.text()
    assert window.user_status.text() == "User: tester"


def test_every_area_is_reached_through_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    for spec in reversed(AREAS):
        click_area(qtbot, window, spec.key)
        area = window.areas[spec.key]
        assert window.stack.currentWidget() is area
        assert area.isVisible()
        assert all(not other.isVisible() for other in window.areas.values() if other is not area)
        settle_operations()
    assert isinstance(window.current_area(), DashboardArea)


def test_ctrl_and_a_number_switch_areas(qtbot: QtBot, window: MainWindow) -> None:
    for number, key in reversed(list(enumerate(AREA_KEYS[:9], start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
    settle_operations()


def test_dashboard_counts_members_by_country(qtbot: QtBot, window: MainWindow) -> None:
    area = window.current_area()
    assert isinstance(area, DashboardArea)
    qtbot.waitUntil(lambda: area.loaded)
    total = count_members(window.context.workspace)
    assert area.model.index_of(Figure.MEMBERS).data(COUNT_ROLE) == total
    assert area.tiles[Figure.MEMBERS].number.text() == f"{total:,}"
    names = [area.model.index(row, 0).data() for row in range(area.model.rowCount())]
    assert names[-1] == "All countries"
    assert "Colombia" in names
    assert "Haiti" in names
    assert window.area_status.text().startswith(f"{total:,} members in ")


def test_members_list_shows_every_member_with_the_count(qtbot: QtBot, window: MainWindow) -> None:
    area = members(qtbot, window)
    total = count_members(window.context.workspace, MemberQuery())
    assert area.model.rowCount() == total > 0
    assert area.count_label.text() == f"{total} of {total} members"
    assert window.area_status.text() == f"{total} of {total} members"
    first = find_members(window.context.workspace, MemberQuery(limit=1))[0]
    assert area.model.index(0, COLUMN_INDEX["legal_name"]).data() == first.legal_name


def test_search_is_debounced_and_ignores_accents(qtbot: QtBot, window: MainWindow) -> None:
    area = members(qtbot, window)
    total = area.model.total
    qtbot.keyClicks(area.search, "bogota")
    assert area.model.query.search == ""  # not yet: the timer waits for a pause
    qtbot.waitUntil(lambda: area.model.query.search == "bogota", timeout=2000)
    shown = [area.model.member_at(area.model.index(row, 0)) for row in range(area.model.rowCount())]
    assert 0 < len(shown) < total
    for row in shown:
        assert row is not None
        assert "bogota" in fold(f"{row.legal_name} {row.trade_name} {row.city}")
    assert area.count_label.text() == f"{len(shown)} of {total} members"
    area.search.clear()
    qtbot.waitUntil(lambda: area.model.rowCount() == total, timeout=2000)


def test_header_click_sorts_through_the_service(qtbot: QtBot, window: MainWindow) -> None:
    area = members(qtbot, window)
    header = area.table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    column = COLUMN_INDEX["legal_name"]
    click(column)  # it was ascending: now descending
    assert area.model.query.order_by == "legal_name"
    assert area.model.query.descending
    names = [
        row.legal_name for row in find_members(window.context.workspace, MemberQuery(limit=None))
    ]
    assert area.model.index(0, column).data() == max(names, key=fold)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click(COLUMN_INDEX["status"])  # every column sorts in the database
    assert area.model.query.order_by == "status"
    assert header.sortIndicatorSection() == COLUMN_INDEX["status"]


def test_selecting_a_member_shows_its_detail(qtbot: QtBot, window: MainWindow) -> None:
    area = members(qtbot, window)
    qtbot.mouseClick(
        area.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=area.table.visualRect(area.model.index(2, 0)).center(),
    )
    row = area.model.member_at(area.model.index(2, 0))
    assert row is not None
    text = area.detail.toPlainText()
    assert row.legal_name in text
    assert row.tax_id in text
    assert "Contact details" in text


def test_ctrl_f_goes_to_the_members_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    area = window.current_area()
    assert isinstance(area, MembersArea)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is area.search)


def test_chapters_area_lists_every_chapter(qtbot: QtBot, window: MainWindow) -> None:
    click_area(qtbot, window, "chapters")
    area = window.current_area()
    assert isinstance(area, ChaptersArea)
    chapters = window.context.workspace.chapters
    codes = [area.model.index(row, 0).data() for row in range(area.model.rowCount())]
    assert codes == chapters.codes()
    assert window.area_status.text() == f"{len(chapters)} chapters"
    bogota = chapters.get("co-bog")
    area.table.selectRow(codes.index("co-bog"))
    text = area.detail.toPlainText()
    assert bogota.name in text
    assert bogota.signatories[0].name in text
    assert bogota.admission_documents[0].title.get("en") in text


def test_about_shows_the_version_and_where_things_are(qtbot: QtBot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert isinstance(dialog, AboutDialog)
    assert dialog.isVisible()
    assert f"Version: {__version__}" in dialog.text
    assert str(window.context.settings.log_file) in dialog.text
    assert str(window.context.settings.data_dir) in dialog.text
    dialog.reject()


@pytest.mark.parametrize("key", AREA_KEYS)
def test_screenshot_of_each_area(
    qtbot: QtBot, window: MainWindow, key: str, artifacts_dir: Path
) -> None:
    window.resize(1280, 800)
    click_area(qtbot, window, key)
    settle_operations()
    if key == "dashboard":
        area = window.current_area()
        assert isinstance(area, DashboardArea)
        qtbot.waitUntil(lambda: area.loaded)
    path = save_screenshot(window, artifacts_dir / f"main-window-{key}.png")
    image = QImage(str(path))
    assert not image.isNull()
    ratio = window.devicePixelRatio()
    assert (image.width(), image.height()) == (round(1280 * ratio), round(800 * ratio))
    assert path.stat().st_size > 10_000
