"""The table models, without a window: rows from the services, pages, sorting, roles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.domain.search import fold
from basc_desktop.domain.vocabulary import MemberStatus
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members, find_members
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.chapters_model import ChaptersModel
from basc_desktop.ui.models.members_model import (
    COLUMN_INDEX,
    ID_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    MembersModel,
)


def test_members_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = MembersModel(demo_workspace, page_size=50)
    model.reload()
    qtmodeltester.check(model)  # the tester also fetches the next pages
    assert model.loaded == model.total > 50
    # Qt's tester runs its checks on modelReset before it notes the reset as done, so a
    # reset after which more rows could be fetched trips it: search for fewer than a page.
    model.set_search("bogota")
    assert 0 < model.total < 50


def test_members_model_loads_in_pages(demo_workspace: Workspace) -> None:
    total = count_members(demo_workspace)
    model = MembersModel(demo_workspace, page_size=50)
    counts: list[tuple[int, int]] = []
    model.counts_changed.connect(lambda loaded, matching: counts.append((loaded, matching)))
    model.reload()
    assert model.rowCount() == 50
    assert model.total == total > 100
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert not model.canFetchMore(QModelIndex())
    assert counts == [(50, total), (100, total), (total, total)]
    expected = [row.id for row in find_members(demo_workspace, MemberQuery(limit=None))]
    assert [model.index(row, 0).data(ID_ROLE) for row in range(total)] == expected


def test_scrolling_to_the_end_fetches_the_next_page(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    model = MembersModel(demo_workspace, page_size=30)
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    assert model.loaded == 30
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.loaded > 30)
    assert model.rowCount() == model.loaded


def test_sorting_asks_the_service(demo_workspace: Workspace) -> None:
    model = MembersModel(demo_workspace)
    model.reload()
    model.sort(COLUMN_INDEX["legal_name"], Qt.SortOrder.DescendingOrder)
    names = [row.legal_name for row in find_members(demo_workspace, MemberQuery(limit=None))]
    column = COLUMN_INDEX["legal_name"]
    shown = [model.index(row, column).data() for row in range(model.rowCount())]
    assert shown[0] == max(names, key=fold)
    assert shown == sorted(names, key=fold, reverse=True)  # no case, no accents
    model.sort(COLUMN_INDEX["expires_on"], Qt.SortOrder.AscendingOrder)
    assert (model.query.order_by, model.query.descending) == ("expires_on", False)


def test_status_is_a_word_and_a_colour(demo_workspace: Workspace) -> None:
    model = MembersModel(demo_workspace)
    model.reload()
    column = COLUMN_INDEX["status"]
    for number in range(model.rowCount()):
        index = model.index(number, column)
        row = index.data(ROW_ROLE)
        if row.status is None:
            continue
        assert index.data() == row.status.label
        assert index.data(SORT_ROLE) == row.status.value
        assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
        assert index.data(Qt.ItemDataRole.ForegroundRole).isValid()
    labels = {model.index(n, column).data() for n in range(model.rowCount())}
    assert MemberStatus.CERTIFIED.label in labels


def test_dates_are_day_first(demo_workspace: Workspace) -> None:
    model = MembersModel(demo_workspace)
    model.reload()
    column = COLUMN_INDEX["expires_on"]
    for number in range(model.rowCount()):
        row = model.index(number, 0).data(ROW_ROLE)
        if row.expires_on is not None:
            assert model.index(number, column).data() == row.expires_on.strftime("%d/%m/%Y")
            return
    raise AssertionError("no member of the demo has a certificate")


def test_chapters_model(qtmodeltester: ModelTester, demo_workspace: Workspace) -> None:
    model = ChaptersModel(demo_workspace.chapters)
    qtmodeltester.check(model)
    assert model.rowCount() == len(demo_workspace.chapters)
    bogota = demo_workspace.chapters.codes().index("co-bog")
    assert model.index(bogota, 6).data() == "COLBOG00042-1-1"
