"""The Audits list and its filters, counted against the test's own SQL on the demo database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from sqlalchemy import text

from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.areas.audits import AuditsArea
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.audits_model import AuditsModel
from basc_desktop.ui.models.paged import ROW_ROLE
from tests.conftest import TODAY
from tests.ui.conftest import settle_operations

BASE = "SELECT a.id FROM audits a JOIN companies c ON c.id = a.company_id"


def sql_ids(ws: Workspace, where: str, **params: object) -> set[int]:
    with ws.db.reading() as session:
        return set(session.execute(text(f"{BASE} WHERE {where}"), params).scalars())


def shown_ids(area: AuditsArea) -> set[int]:
    model = area.model
    while model.canFetchMore(QModelIndex()):  # as scrolling to the end does
        model.fetchMore(QModelIndex())
    ids = [row.id for row in model.rows()]
    assert len(ids) == model.total == len(set(ids))
    return set(ids)


def choose(combo: object, value: object) -> None:
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_audits_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = AuditsModel(demo_workspace, page_size=40)
    model.reload()
    qtmodeltester.check(model)
    assert model.total > model.loaded > 40  # the tester fetched further pages
    assert model.index(0, 0).data(ROW_ROLE).id == model.rows()[0].id


def test_each_filter_gives_the_rows_the_database_holds(window: MainWindow) -> None:
    area = window.show_area("audits")
    assert isinstance(area, AuditsArea)
    settle_operations()
    ws = window.context.workspace
    filters = area.filters
    assert shown_ids(area) == sql_ids(ws, "1 = 1")

    choose(filters.chapter, "co-bog")
    assert shown_ids(area) == sql_ids(ws, "c.chapter_code = 'co-bog'")
    choose(filters.state, "closed")
    assert shown_ids(area) == sql_ids(ws, "c.chapter_code = 'co-bog' AND a.state = 'closed'")
    choose(filters.chapter, "")
    choose(filters.kind, "recertification")
    expected = sql_ids(ws, "a.state = 'closed' AND a.kind = 'recertification'")
    assert shown_ids(area) == expected
    assert expected
    choose(filters.state, "")
    choose(filters.kind, "")

    filters.month.setDate(QDate(TODAY.year, TODAY.month, 1))
    filters.by_month.setChecked(True)
    month = sql_ids(ws, "a.planned_on BETWEEN :first AND :last", first=date(2026, 6, 1),
                    last=date(2026, 6, 30))  # fmt: skip
    assert shown_ids(area) == month
    assert month
    filters.by_month.setChecked(False)

    auditor_id = int(filters.auditor.itemData(1))
    choose(filters.auditor, auditor_id)
    expected = sql_ids(
        ws,
        "a.lead_auditor_id = :auditor OR a.id IN "
        "(SELECT audit_id FROM audit_team WHERE auditor_id = :auditor)",
        auditor=auditor_id,
    )
    assert shown_ids(area) == expected
    assert expected
    choose(filters.auditor, 0)

    name = area.model.rows()[0].company_name
    filters.search.setText(name)
    filters.search_timer.timeout.emit()
    assert shown_ids(area) == sql_ids(ws, "c.legal_name = :name", name=name)
    assert "audits" in area.count_label.text()
