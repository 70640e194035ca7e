"""Export then import gives the same members: the Excel export is a list the import reads."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.imports import read_import, run_import
from basc_desktop.services.member_forms import MemberInput, MemberQuery, MemberRow
from basc_desktop.services.members import create_member, find_members
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.store.engine import sqlite_url
from tests.conftest import TODAY
from tests.import_files import tax_ids

ALL = MemberQuery(archived=None, limit=None)


@pytest.fixture
def empty_workspace(
    settings: Settings, chapters: ChapterRegistry, sqlite_template: Path, tmp_path: Path
) -> Iterator[Workspace]:
    path = tmp_path / "other.sqlite"
    shutil.copyfile(sqlite_template, path)
    ws = open_workspace(settings, chapters, url=sqlite_url(path))
    ws.user, ws.clock = "tester", lambda: TODAY
    try:
        yield ws
    finally:
        ws.db.close()


def _register(ws: Workspace) -> None:
    kinds = list(BusinessType)
    for number, nit in enumerate(tax_ids("CO", 14, seed=21)):
        create_member(
            ws,
            MemberInput(
                legal_name=f"Compañía Ñandú {number} S.A.S.",
                trade_name="Ñandú" if number % 2 else "",
                tax_id=nit,
                chapter_code=("co-bog", "co-ant")[number % 2],
                business_type=kinds[number % len(kinds)],
                city=("Bogotá", "Medellín")[number % 2],
            ),
        )
    for number, ruc in enumerate(tax_ids("PE", 3, seed=22)):
        create_member(
            ws,
            MemberInput(
                legal_name=f"=Inca {number}",  # text that looks like a formula stays text
                tax_id=ruc,
                chapter_code="pe",
                business_type=kinds[-1 - number],
            ),
        )


def _same(row: MemberRow) -> tuple[object, ...]:
    return (
        row.legal_name, row.trade_name, row.tax_id, row.country, row.chapter_code,
        row.business_type, row.city,
    )  # fmt: skip


@pytest.mark.parametrize("language", ["es", "en", "fr"])
def test_export_then_import_gives_the_same_members(
    sqlite_workspace: Workspace, empty_workspace: Workspace, tmp_path: Path, language: str
) -> None:
    exports = pytest.importorskip("basc_desktop.services.exports")
    _register(sqlite_workspace)
    path = tmp_path / f"miembros-{language}.xlsx"
    exports.export_members(sqlite_workspace, ALL, path, language=language)

    preview = read_import(path)
    report = run_import(empty_workspace, path, preview.mapping)

    assert report.problems == ()
    assert (report.to_add, report.written) == (17, True)
    before = sorted(_same(r) for r in find_members(sqlite_workspace, ALL))
    after = sorted(_same(r) for r in find_members(empty_workspace, ALL))
    assert after == before
