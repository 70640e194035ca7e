"""What the Members area tests share: the area, the rows it shows, and our own count of
the rows it should show (plain SQL, and the status by the domain's rules)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QComboBox
from sqlalchemy import text

from basc_desktop.services.status import status_facts
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY

Company = dict[str, object]


def open_members(window: MainWindow) -> MembersArea:
    """The window's Members area, shown and loaded."""
    members = window.show_area("members")
    assert isinstance(members, MembersArea)
    return members


def companies(area: MembersArea) -> list[Company]:
    """Every company, read with our own SQL, with its status by the domain's rules."""
    ws = area.context.workspace
    with ws.db.reading() as session:
        found = [
            dict(row._mapping)
            for row in session.execute(
                text(
                    "SELECT id, legal_name, trade_name, tax_id, city, country, chapter_code,"
                    " business_type, archived_on FROM companies"
                )
            )
        ]
        warning = {
            c["id"]: ws.chapters.get(str(c["chapter_code"])).expiry_warning_days for c in found
        }
        facts = status_facts(session, [int(str(c["id"])) for c in found], TODAY, warning)
    for company in found:
        company["status"] = facts[int(str(company["id"]))].status
        company["expires_on"] = facts[int(str(company["id"]))].expires_on
    return found


def shown_ids(area: MembersArea) -> set[int]:
    while area.model.canFetchMore():
        area.model.fetchMore()
    rows = [area.model.member_at(area.model.index(n, 0)) for n in range(area.model.rowCount())]
    return {row.id for row in rows if row is not None}


def expected(
    area: MembersArea, keep: Callable[[Company], bool], archived: bool = False
) -> set[int]:
    return {
        int(str(c["id"]))
        for c in companies(area)
        if keep(c) and (c["archived_on"] is not None) == archived
    }


def pick(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def select_rows(area: MembersArea, rows: list[int]) -> None:
    selection = area.table.selectionModel()
    selection.clearSelection()
    for number, row in enumerate(rows):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if number == 0:
            selection.setCurrentIndex(area.model.index(row, 0), flags)
        else:
            selection.select(area.model.index(row, 0), flags)
