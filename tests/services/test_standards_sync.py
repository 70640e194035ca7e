"""The standards and requirements tables, kept in step with ``resources/standards/``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import event, func, select

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.standards import RequirementView, requirements_for, sync_standards
from basc_desktop.services.workspace import Workspace
from basc_desktop.standards import (
    CatalogueFileError,
    default_standards_dir,
    load_catalogue,
    load_catalogues,
)
from basc_desktop.store.engine import Database
from basc_desktop.store.standards import Requirement, Standard

SEALS_TITLE_EN = "Cargo unit inspection and seals"


def _rows(db: Database) -> dict[tuple[str, str], Any]:
    """Every requirement row, as plain values (read in a session that is then closed)."""
    with db.reading() as session:
        rows = session.execute(select(Requirement.__table__)).mappings()
        return {(r["standard_version"], r["code"]): SimpleNamespace(**r) for r in rows}


def _standards(db: Database) -> dict[str, Any]:
    with db.reading() as session:
        rows = session.execute(select(Standard.__table__)).mappings()
        return {r["version"]: SimpleNamespace(**r) for r in rows}


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    """The SQL statements (first word, upper case) sent to the database inside the block."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.split(None, 1)[0].upper())

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


@pytest.fixture
def standards_copy(tmp_path: Path) -> Path:
    """A copy of the shipped catalogues, to edit."""
    target = tmp_path / "standards"
    shutil.copytree(default_standards_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_opening_loaded_the_catalogues(workspace: Workspace) -> None:
    catalogues = load_catalogues(default_standards_dir())
    standards = _standards(workspace.db)
    rows = _rows(workspace.db)

    assert set(standards) == {c.version for c in catalogues} == {"5", "6"}
    assert len(rows) == sum(len(c.requirements) for c in catalogues)
    for catalogue in catalogues:
        standard = standards[catalogue.version]
        assert standard.title == catalogue.title_es
        assert standard.approved_on == catalogue.approved_on
        ids = []
        for requirement in catalogue.requirements:
            row = rows[(catalogue.version, requirement.code)]
            ids.append(row.id)
            assert row.section == requirement.section_es
            assert (row.title_es, row.title_en) == (requirement.title_es, requirement.title_en)
            assert (row.text_es, row.text_en) == (requirement.text_es, requirement.text_en)
            assert set(row.business_types) == {kind.value for kind in requirement.business_types}
        assert ids == sorted(ids), "rows must be inserted in file order"


def test_sync_again_changes_nothing_and_only_reads(workspace: Workspace) -> None:
    before = {key: row.id for key, row in _rows(workspace.db).items()}

    with _statements(workspace.db) as statements:
        sync_standards(workspace.db)

    assert [s for s in statements if s not in ("BEGIN", "COMMIT")] == ["SELECT", "SELECT"]
    assert {key: row.id for key, row in _rows(workspace.db).items()} == before


def test_changed_catalogue_updates_rows_in_place(
    workspace: Workspace, standards_copy: Path
) -> None:
    before = _rows(workspace.db)
    v6 = standards_copy / "basc-v6.toml"
    _edit(v6, f'en = "{SEALS_TITLE_EN}"', 'en = "Inspecting containers and seals"')
    _edit(
        v6,
        'code = "6.0.2-2.1"\n'
        'section = { es = "2. Documentos de la carga y discrepancias", '
        'en = "2. Cargo documents and discrepancies" }',
        'code = "6.0.2-2.1"\nsection = { es = "2. Documentos", en = "2. Documents" }',
    )
    _edit(
        v6,
        'business_types = ["customs_agent", "cargo_agent"]\n\n[[requirements]]\ncode = "6.0.2-2.2"',
        'business_types = ["customs_agent"]\n\n[[requirements]]\ncode = "6.0.2-2.2"',
    )
    _edit(v6, "approved_on = 2022-03-01", "approved_on = 2022-03-02")

    sync_standards(workspace.db, standards_copy)

    after = _rows(workspace.db)
    assert {k: r.id for k, r in after.items()} == {k: r.id for k, r in before.items()}
    seals = after[("6", "6.0.1-2.2")]
    assert seals.title_en == "Inspecting containers and seals"
    assert seals.title_es == before[("6", "6.0.1-2.2")].title_es
    assert after[("6", "6.0.2-2.1")].section == "2. Documentos"
    assert after[("6", "6.0.2-2.1")].business_types == ["customs_agent"]
    assert after[("6", "6.0.2-1.1")].business_types == ["cargo_agent", "customs_agent"]
    assert str(_standards(workspace.db)["6"].approved_on) == "2022-03-02"
    changed = {("6", "6.0.1-2.2"), ("6", "6.0.2-2.1")}
    for key, row in after.items():
        if key not in changed:
            assert (row.title_en, row.section) == (before[key].title_en, before[key].section)


def test_new_requirements_are_added_and_removed_ones_kept(
    workspace: Workspace, standards_copy: Path
) -> None:
    before = _rows(workspace.db)
    v5 = standards_copy / "basc-v5.toml"
    text = v5.read_text(encoding="utf-8")
    start = text.index('[[requirements]]\ncode = "E-1.7"')
    v5.write_text(text[:start], encoding="utf-8")  # E-1.7 removed from the file
    (standards_copy / "basc-v7.toml").write_text(
        'version = "7"\n'
        'title = { es = "Versión de prueba", en = "Test version" }\n'
        "[[requirements]]\n"
        'code = "N-1"\n'
        'section = { es = "Sección", en = "Section" }\n'
        'title = { es = "Título", en = "Title" }\n'
        'text = { es = "Texto.", en = "Text." }\n'
        'business_types = ["warehouse"]\n',
        encoding="utf-8",
    )

    sync_standards(workspace.db, standards_copy)

    after = _rows(workspace.db)
    assert len(after) == len(before) + 1
    assert after[("5", "E-1.7")].id == before[("5", "E-1.7")].id
    new = after[("7", "N-1")]
    assert new.id > max(row.id for row in before.values())
    assert new.business_types == ["warehouse"]
    seven = _standards(workspace.db)["7"]
    assert (seven.title, seven.approved_on) == ("Versión de prueba", None)
    assert [r.code for r in requirements_for(workspace.db, "7", BusinessType.WAREHOUSE)] == ["N-1"]
    assert requirements_for(workspace.db, "7", BusinessType.ROAD_CARRIER) == []


def test_broken_catalogue_writes_nothing(workspace: Workspace, standards_copy: Path) -> None:
    before = {k: (r.id, r.title_en) for k, r in _rows(workspace.db).items()}
    v6 = standards_copy / "basc-v6.toml"
    _edit(v6, f'en = "{SEALS_TITLE_EN}"', 'en = "Changed"')
    _edit(standards_copy / "basc-v5.toml", 'code = "E-1.7"', 'code = "E-1.6"')

    with pytest.raises(CatalogueFileError, match=r"line \d+: key 'requirements\[20\]\.code'"):
        sync_standards(workspace.db, standards_copy)

    assert {k: (r.id, r.title_en) for k, r in _rows(workspace.db).items()} == before


def test_requirements_for_filters_by_business_type(workspace: Workspace) -> None:
    carrier = requirements_for(workspace.db, "6", BusinessType.ROAD_CARRIER)
    customs = requirements_for(workspace.db, "6", BusinessType.CUSTOMS_AGENT)
    security = requirements_for(workspace.db, "6", BusinessType.SECURITY_COMPANY)

    assert all(isinstance(view, RequirementView) for view in carrier)
    carrier_codes = [view.code for view in carrier]
    norma = [code for code in carrier_codes if code.startswith("N-")]
    assert norma[:5] == [
        "N-4.1",
        "N-4.2",
        "N-4.3",
        "N-4.4",
        "N-5.1",
    ]  # file order, not string order
    assert carrier_codes.index("N-10.2") > carrier_codes.index("N-9.3")
    assert [c for c in carrier_codes if not c.startswith("N-")] == [
        c for c in carrier_codes if c.startswith("6.0.1-")
    ]
    assert {c.split("-")[0] for c in (v.code for v in customs) if not c.startswith("N-")} == {
        "6.0.2"
    }
    assert {c.split("-")[0] for c in (v.code for v in security) if not c.startswith("N-")} == {
        "6.0.3"
    }
    assert [v.code for v in carrier if v.code.startswith("N-")] == [
        v.code for v in customs if v.code.startswith("N-")
    ]
    seals = next(view for view in carrier if view.code == "6.0.1-2.2")
    assert seals.title_en == SEALS_TITLE_EN
    assert seals.section == "2. Documentos de la carga y discrepancias"
    assert seals.id == _rows(workspace.db)[("6", "6.0.1-2.2")].id
    v5 = load_catalogue(default_standards_dir() / "basc-v5.toml")
    assert len(requirements_for(workspace.db, "5", BusinessType.CUSTOMS_AGENT)) == len(
        v5.requirements_for(BusinessType.CUSTOMS_AGENT)
    )


def test_requirements_for_unknown_version(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError, match="'9'"):
        requirements_for(workspace.db, "9", BusinessType.WAREHOUSE)


def test_counts_match_the_files(workspace: Workspace) -> None:
    with workspace.db.reading() as session:
        standards = session.scalar(select(func.count()).select_from(Standard))
        requirements = session.scalar(select(func.count()).select_from(Requirement))
    catalogues = load_catalogues(default_standards_dir())
    assert standards == len(catalogues)
    assert requirements == sum(len(c.requirements) for c in catalogues)


def test_standards_browser_lists_versions_and_requirements(workspace: Workspace) -> None:
    from basc_desktop.services.standards import list_standards, requirements_of

    v6 = load_catalogue(default_standards_dir() / "basc-v6.toml")
    standards = list_standards(workspace)
    assert [s.version for s in standards] == ["6", "5"]  # newest first
    assert standards[0].title == v6.title_es
    assert standards[0].requirement_count == len(v6.requirements)
    assert list_standards(workspace, language="en")[0].title == v6.title_en

    spanish = requirements_of(workspace, "6")
    english = requirements_of(workspace, "6", language="en")
    assert [r.code for r in spanish] == [r.code for r in v6.requirements]
    seals = next(r for r in english if r.code == "6.0.1-2.4")
    source = v6.requirement("6.0.1-2.4")
    assert source is not None
    assert (seals.section, seals.title, seals.text) == (
        source.section_en,
        source.title_en,
        source.text_en,
    )
    assert set(seals.business_types) == set(source.business_types)
    assert next(r for r in spanish if r.code == "N-4.1").business_types == ()
    with pytest.raises(NotFoundError, match="'9'"):
        requirements_of(workspace, "9")
