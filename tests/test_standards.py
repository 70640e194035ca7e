"""The requirement catalogues in ``resources/standards/`` and their loader."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.standards import (
    STANDARDS_DIR_VARIABLE,
    Catalogue,
    CatalogueFileError,
    default_standards_dir,
    load_catalogue,
    load_catalogues,
    version_sort_key,
)
from basc_desktop.toml_tables import key_line

SHIPPED = Path(__file__).resolve().parent.parent / "resources" / "standards"
SHIPPED_FILES = sorted(SHIPPED.glob("*.toml"))
OPERATIONAL = ("6.0.1", "6.0.2", "6.0.3")


@pytest.fixture(scope="module")
def v6() -> Catalogue:
    return load_catalogue(SHIPPED / "basc-v6.toml")


# --- the shipped files ------------------------------------------------------------------


def test_default_dir_is_the_shipped_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(STANDARDS_DIR_VARIABLE, raising=False)
    assert default_standards_dir() == SHIPPED
    monkeypatch.setenv(STANDARDS_DIR_VARIABLE, str(tmp_path))
    assert default_standards_dir() == tmp_path


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.stem)
def test_shipped_file_loads(path: Path) -> None:
    catalogue = load_catalogue(path)

    assert path.stem == f"basc-v{catalogue.version}"
    assert catalogue.source == path
    assert catalogue.title_es.startswith("Norma y Estándares Internacionales BASC")
    assert catalogue.title_en.startswith("BASC International Standard")
    assert catalogue.requirements
    for requirement in catalogue.requirements:
        assert requirement.title_es != requirement.title_en, requirement.code
        assert requirement.text_es != requirement.text_en, requirement.code


def test_shipped_catalogues_sorted_by_version() -> None:
    catalogues = load_catalogues(SHIPPED)
    assert [c.version for c in catalogues] == ["5", "6"]
    v5 = catalogues[0]
    assert 35 <= len(v5.requirements) <= 50
    # The management system applies to every company; some security standards do not.
    assert all(not r.business_types for r in v5.requirements if r.code.startswith("N-"))
    assert any(r.business_types for r in v5.requirements)


def test_v6_header(v6: Catalogue) -> None:
    assert v6.version == "6"
    assert v6.title_es == "Norma y Estándares Internacionales BASC, versión 6-2022"
    assert v6.title_en == "BASC International Standard and Security Standards, version 6-2022"
    assert v6.approved_on == dt.date(2022, 3, 1)
    assert 90 <= len(v6.requirements) <= 120


def test_v6_covers_all_seven_norma_clauses(v6: Catalogue) -> None:
    clauses = {
        re.fullmatch(r"N-(\d+)\.\d+", r.code).group(1)  # type: ignore[union-attr]
        for r in v6.requirements
        if r.code.startswith("N-")
    }
    assert clauses == {"4", "5", "6", "7", "8", "9", "10"}
    # The Norma applies to every company.
    assert all(not r.business_types for r in v6.requirements if r.code.startswith("N-"))


def test_v6_covers_the_three_operational_standards(v6: Catalogue) -> None:
    for standard in OPERATIONAL:
        requirements = [r for r in v6.requirements if r.code.startswith(standard + "-")]
        assert len(requirements) >= 12, standard
        assert all(r.business_types for r in requirements), standard
        # The six sections: partners, documents, personnel, access, cyber, reporting.
        sections = {r.code.split("-")[1].split(".")[0] for r in requirements}
        assert sections == {"1", "2", "3", "4", "5", "6"}, standard
    assert len(v6.requirements) == len(
        [r for r in v6.requirements if r.code.startswith(("N-", *OPERATIONAL))]
    )


def test_v6_each_business_type_falls_under_exactly_one_operational_standard(
    v6: Catalogue,
) -> None:
    for kind in BusinessType:
        standards = {
            r.code.split("-")[0] for r in v6.requirements_for(kind) if not r.code.startswith("N-")
        }
        assert len(standards) == 1, (kind, standards)
    assert {r.code.split("-")[0] for r in v6.requirements_for(BusinessType.ROAD_CARRIER)} >= {
        "6.0.1"
    }
    assert "6.0.2-2.1" in {r.code for r in v6.requirements_for(BusinessType.CUSTOMS_AGENT)}
    security = {r.code for r in v6.requirements_for(BusinessType.SECURITY_COMPANY)}
    assert "6.0.3-4.1" in security
    assert "6.0.1-4.1" not in security
    assert "N-5.2" in security


def test_requirement_applies_to(v6: Catalogue) -> None:
    policy = v6.requirement("N-5.2")
    seals = v6.requirement("6.0.1-2.2")
    assert policy is not None
    assert seals is not None
    assert v6.requirement("X-1") is None
    assert all(policy.applies_to(kind) for kind in BusinessType)
    assert seals.applies_to(BusinessType.SEA_CARRIER)
    assert not seals.applies_to(BusinessType.CUSTOMS_AGENT)


def test_version_sort_key() -> None:
    assert sorted(["10", "6", "5", "6.1"], key=version_sort_key) == ["5", "6", "6.1", "10"]


# --- broken files -----------------------------------------------------------------------

GOOD = """\
version = "7"
title = { es = "Norma de prueba", en = "Test standard" }
approved_on = 2030-01-15

[[requirements]]
code = "N-4.1"
section = { es = "4. Contexto", en = "4. Context" }
title = { es = "Contexto", en = "Context" }
text = { es = "Texto.", en = "Text." }
business_types = []

[[requirements]]
code = "7.0.1-1.1"
section = { es = "1. Asociados", en = "1. Partners" }
title = { es = "Asociados", en = "Partners" }
text = { es = "Texto.", en = "Text." }
business_types = ["road_carrier", "warehouse"]

[[requirements]]
code = "7.0.1-1.2"
section = { es = "1. Asociados", en = "1. Partners" }
title = { es = "Lavado de activos", en = "Money laundering" }
text = { es = "Texto.", en = "Text." }
business_types = ["customs_agent"]
"""


def write(tmp_path: Path, text: str, name: str = "basc-v7.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_sample_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, GOOD))
    assert catalogue.version == "7"
    assert catalogue.approved_on == dt.date(2030, 1, 15)
    assert [r.code for r in catalogue.requirements] == ["N-4.1", "7.0.1-1.1", "7.0.1-1.2"]
    second = catalogue.requirements[1]
    assert second.section_es == "1. Asociados"
    assert second.section_en == "1. Partners"
    assert second.business_types == {BusinessType.ROAD_CARRIER, BusinessType.WAREHOUSE}


def test_approved_on_is_optional(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, GOOD.replace("approved_on = 2030-01-15\n", "")))
    assert catalogue.approved_on is None


BROKEN: list[tuple[str, str, str, str | None, str]] = [
    # (case id, text to replace, replacement, expected key, words of the reason)
    ("bad-toml", 'version = "7"', "version = 7 7", None, "is not valid TOML"),
    ("unknown-top-key", "approved_on", "aproved_on", "aproved_on", "did you mean 'approved_on'"),
    ("version-missing", 'version = "7"\n', "", "version", "is required but missing"),
    ("version-not-text", 'version = "7"', "version = 7", "version", "must be text"),
    ("version-bad-chars", 'version = "7"', 'version = "v 7"', "version", "letters, digits"),
    (
        "title-not-table",
        'title = { es = "Norma de prueba", en = "Test standard" }',
        'title = "Test standard"',
        "title",
        "table of texts by language",
    ),
    ("title-en-missing", ', en = "Test standard" }', " }", "title.en", "is required but missing"),
    (
        "title-fr-unknown",
        'en = "Test standard" }',
        'en = "Test standard", fr = "Norme" }',
        "title.fr",
        "unknown key",
    ),
    (
        "approved-on-text",
        "approved_on = 2030-01-15",
        'approved_on = "2030-01-15"',
        "approved_on",
        "must be a date",
    ),
    (
        "approved-on-datetime",
        "approved_on = 2030-01-15",
        "approved_on = 2030-01-15T10:00:00",
        "approved_on",
        "must be a date",
    ),
    ("code-missing", 'code = "7.0.1-1.2"\n', "", "requirements[3].code", "is required"),
    (
        "code-duplicate",
        'code = "7.0.1-1.2"',
        'code = "7.0.1-1.1"',
        "requirements[3].code",
        "already the code of requirements[2]",
    ),
    (
        "code-bad-chars",
        'code = "7.0.1-1.2"',
        'code = "7.0.1 1.2"',
        "requirements[3].code",
        "letters, digits",
    ),
    (
        "code-too-long",
        'code = "7.0.1-1.2"',
        f'code = "{"1" * 33}"',
        "requirements[3].code",
        "at most 32 characters",
    ),
    (
        "section-missing",
        'section = { es = "4. Contexto", en = "4. Context" }\n',
        "",
        "requirements[1].section",
        "is required but missing",
    ),
    (
        "section-es-empty",
        'es = "4. Contexto"',
        'es = "  "',
        "requirements[1].section.es",
        "must not be empty",
    ),
    (
        "title-en-empty",
        'en = "Money laundering"',
        'en = ""',
        "requirements[3].title.en",
        "must not be empty",
    ),
    (
        "title-too-long",
        'en = "Money laundering"',
        f'en = "{"x" * 301}"',
        "requirements[3].title.en",
        "at most 300 characters",
    ),
    (
        "text-es-missing",
        'text = { es = "Texto.", en = "Text." }\nbusiness_types = ["customs',
        'text = { en = "Text." }\nbusiness_types = ["customs',
        "requirements[3].text.es",
        "is required but missing",
    ),
    (
        "requirement-unknown-key",
        'business_types = ["customs_agent"]',
        'business_types = ["customs_agent"]\nnote = "x"',
        "requirements[3].note",
        "unknown key",
    ),
    (
        "business-types-missing",
        'business_types = ["customs_agent"]',
        "",
        "requirements[3].business_types",
        "is required but missing",
    ),
    (
        "business-types-not-list",
        'business_types = ["customs_agent"]',
        'business_types = "customs_agent"',
        "requirements[3].business_types",
        "must be a list",
    ),
    (
        "business-type-unknown",
        '"road_carrier", "warehouse"',
        '"road_carrier", "warehose"',
        "requirements[2].business_types[2]",
        "'warehose' is not a business type",
    ),
    (
        "business-type-twice",
        '"road_carrier", "warehouse"',
        '"road_carrier", "road_carrier"',
        "requirements[2].business_types[2]",
        "names 'road_carrier' twice",
    ),
    (
        "business-type-not-text",
        '"road_carrier", "warehouse"',
        '"road_carrier", 3',
        "requirements[2].business_types[2]",
        "must be text",
    ),
]


def _no_requirements() -> str:
    return GOOD.split("[[requirements]]")[0]


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_file(tmp_path: Path, old: str, new: str, key: str | None, reason: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))

    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(path)

    error = caught.value
    assert isinstance(error, BascError)
    assert error.path == path
    assert error.key == key
    assert reason in error.reason
    assert path.name in str(error)
    if key is not None:
        assert f"key '{key}'" in str(error)
    assert error.reason in str(error)


def test_no_requirements(tmp_path: Path) -> None:
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(write(tmp_path, _no_requirements()))
    assert caught.value.key == "requirements"
    assert "is required but missing" in caught.value.reason

    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(write(tmp_path, _no_requirements() + "requirements = []\n"))
    assert caught.value.key == "requirements"
    assert "at least one requirement" in caught.value.reason


def test_requirement_not_a_table(tmp_path: Path) -> None:
    text = _no_requirements().replace("approved_on", 'requirements = ["x"]\napproved_on')
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(write(tmp_path, text))
    assert caught.value.key == "requirements[1]"
    assert "must be a table" in caught.value.reason


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "basc-v7.toml"
    path.write_bytes(b'version = "\xff"\n')
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(path)
    assert caught.value.key is None


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueFileError, match="cannot be read"):
        load_catalogue(tmp_path / "nothing.toml")


# --- folders ----------------------------------------------------------------------------


def test_folder_sorted_by_version(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace('version = "7"', 'version = "10"'), "a.toml")
    write(tmp_path, GOOD, "b.toml")
    (tmp_path / "README.md").write_text("not a catalogue", encoding="utf-8")
    assert [c.version for c in load_catalogues(tmp_path)] == ["7", "10"]


def test_folder_refuses_a_version_twice(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.toml")
    second = write(tmp_path, GOOD, "b.toml")
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogues(tmp_path)
    assert caught.value.path == second
    assert caught.value.key == "version"
    assert "'7' is already the version of" in caught.value.reason
    assert "a.toml" in caught.value.reason


def test_folder_must_exist_and_hold_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogueFileError, match="is not a folder"):
        load_catalogues(tmp_path / "missing")
    with pytest.raises(CatalogueFileError, match="holds no standard files"):
        load_catalogues(tmp_path)


def test_folder_reports_the_broken_file(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.toml")
    broken = write(
        tmp_path,
        GOOD.replace('version = "7"', 'version = "8"').replace('en = "Context" }', 'en = "" }'),
        "b.toml",
    )
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogues(tmp_path)
    assert caught.value.path == broken
    assert caught.value.key == "requirements[1].title.en"


def _shipped_copy(tmp_path: Path) -> Path:
    path = tmp_path / "basc-v6.toml"
    shutil.copyfile(SHIPPED / "basc-v6.toml", path)
    return path


def _line_of(path: Path, text: str, after: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i in range(start, len(lines)) if text in lines[i]) + 1


def test_broken_shipped_catalogue_names_file_line_and_key(tmp_path: Path) -> None:
    path = _shipped_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    old = 'en = "Communication" }'
    assert text.count(old) == 1
    path.write_text(text.replace(old, 'en = "  " }'), encoding="utf-8")
    line = _line_of(path, 'en = "  " }', 'code = "N-7.2"')

    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(path)

    index = [r.code for r in load_catalogue(SHIPPED / "basc-v6.toml").requirements].index("N-7.2")
    assert str(caught.value) == (
        f"{path}, line {line}: key 'requirements[{index + 1}].title.en': must not be empty"
    )
    assert caught.value.line == line


def test_bad_business_type_names_the_line_of_its_list(tmp_path: Path) -> None:
    path = _shipped_copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    anchor = 'code = "6.0.3-3.4"'
    start = text.index(anchor)
    end = text.index("business_types", start)
    path.write_text(
        text[:end] + text[end:].replace('["security_company"]', '["guards"]', 1),
        encoding="utf-8",
    )
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(path)
    assert caught.value.line == _line_of(path, '["guards"]', anchor)
    assert "'guards' is not a business type" in str(caught.value)
    assert f", line {caught.value.line}: key 'requirements[" in str(caught.value)


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _shipped_copy(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[99] = "code = = broken"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CatalogueFileError, match=r"is not valid TOML: .*line 100"):
        load_catalogue(path)


def test_key_line_finds_tables_keys_and_list_items() -> None:
    text = (
        'version = "6"\n'
        "[deadlines]\n"
        "major = 30\n"
        "[[requirements]]\n"
        'code = "A"\n'
        "[[requirements]]\n"
        'code = "B"\n'
        'title = { es = "x", en = "" }\n'
        "business_types = [\n"
        '  "warehouse",\n'
        "]\n"
    )
    assert key_line(text, "version") == 1
    assert key_line(text, "deadlines.major") == 3
    assert key_line(text, "requirements[2]") == 6
    assert key_line(text, "requirements[2].code") == 7
    assert key_line(text, "requirements[2].title.en") == 8
    assert key_line(text, "requirements[2].business_types[1]") == 9
    assert key_line(text, "requirements[1].title") == 4  # missing key: its table
    assert key_line(text, "unknown") is None
