"""The chapter files in ``chapters/`` and their loader, ``basc_desktop.chapters``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from basc_desktop.chapters import (
    DEFAULT_CERTIFICATE_CODE,
    ChapterFileError,
    ChapterRegistry,
    default_chapters_dir,
    load_chapter,
    load_chapters,
)
from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.countries import FOUNDING_COUNTRIES
from basc_desktop.domain.errors import BascError, NotFoundError
from basc_desktop.domain.vocabulary import BusinessType

SHIPPED = Path(__file__).resolve().parent.parent / "chapters"
SHIPPED_FILES = sorted(SHIPPED.glob("*.toml"))


def certificate_code(chapter: Chapter, company: int, site: int, issue: int) -> str:
    return chapter.certificate_code.format(
        country3=chapter.country.alpha3,
        country2=chapter.country.alpha2,
        city_code=chapter.city_code,
        company=company,
        site=site,
        issue=issue,
    )


@pytest.fixture(scope="module")
def registry() -> ChapterRegistry:
    return load_chapters(SHIPPED)


# --- the shipped files ------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.stem)
def test_shipped_file_loads_and_is_complete(path: Path) -> None:
    chapter = load_chapter(path)

    assert chapter.code == path.stem
    assert chapter.source == path
    assert len(chapter.signatories) >= 2
    assert 8 <= len(chapter.admission_documents) <= 15
    # Shipped data is held to more than the loader asks: every text in every language.
    for text in [s.title for s in chapter.signatories] + [
        d.title for d in chapter.admission_documents
    ]:
        assert set(chapter.languages) <= set(text.values)
    code = certificate_code(chapter, 74, 1, 2)
    assert re.fullmatch(rf"{chapter.country.alpha3}{chapter.city_code}00074-1-2", code)


def test_every_founding_country_has_a_chapter(registry: ChapterRegistry) -> None:
    for alpha2 in FOUNDING_COUNTRIES:
        assert registry.by_country(alpha2), alpha2
    assert set(FOUNDING_COUNTRIES) <= set(registry.countries())


def test_regional_chapters(registry: ChapterRegistry) -> None:
    colombia = registry.by_country("co")
    assert len(colombia) >= 5
    assert {"co-bog", "co-ant", "co-baq", "co-ctg", "co-pac"} <= {c.code for c in colombia}
    assert [c.code for c in registry.by_country("MX")] == ["mx", "mx-occ"]
    assert registry.get("mx-occ").city_code == "GDL"
    assert registry.get("ec-pic").city_code == "UIO"


def test_haiti_is_french_first(registry: ChapterRegistry) -> None:
    haiti = registry.get("ht")
    assert haiti.languages == ("fr", "en")
    assert haiti.language == "fr"
    assert all("fr" in d.title.values for d in haiti.admission_documents)
    assert all("es" not in s.title.values for s in haiti.signatories)


def test_panama_certificate_code(registry: ChapterRegistry) -> None:
    panama = registry.get("pa")
    assert panama.certificate_code == DEFAULT_CERTIFICATE_CODE
    assert certificate_code(panama, 74, 1, 2) == "PANPTY00074-1-2"


@pytest.mark.parametrize(("code", "paper"), [("pe", "a4"), ("uy", "a4"), ("co-bog", "letter")])
def test_paper(registry: ChapterRegistry, code: str, paper: str) -> None:
    assert registry.get(code).paper == paper


def test_deadlines_vary_between_chapters(registry: ChapterRegistry) -> None:
    assert registry.get("co-bog").deadlines.major == 30
    assert registry.get("co-bog").deadlines.minor == 90
    assert (registry.get("mx-occ").deadlines.major, registry.get("mx-occ").deadlines.minor) == (
        45,
        120,
    )


def test_el_salvador_checklist(registry: ChapterRegistry) -> None:
    documents = {d.id: d for d in registry.get("sv").admission_documents}
    assert len(documents) == 15
    permit = documents["operating-permit"]
    assert permit.business_types == {BusinessType.SECURITY_COMPANY}
    assert permit.applies_to(BusinessType.SECURITY_COMPANY)
    assert not permit.applies_to(BusinessType.EXPORTER_IMPORTER)
    assert documents["vat-returns"].applies_to(BusinessType.ROAD_CARRIER)


# --- the registry -----------------------------------------------------------------------


def test_registry(registry: ChapterRegistry) -> None:
    assert len(registry) == len(SHIPPED_FILES)
    assert registry.codes() == sorted(path.stem for path in SHIPPED_FILES)
    assert [chapter.code for chapter in registry] == registry.codes()
    assert "pa" in registry
    assert registry.countries() == sorted(registry.countries())


def test_registry_get_unknown_code(registry: ChapterRegistry) -> None:
    with pytest.raises(NotFoundError, match=r"no chapter with the code 'xx-nope'"):
        registry.get("xx-nope")


def test_registry_is_immutable(registry: ChapterRegistry) -> None:
    with pytest.raises(AttributeError):
        registry._by_code = {}  # type: ignore[misc]


def test_default_chapters_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("BASC_CHAPTERS_DIR", raising=False)
    assert default_chapters_dir() == SHIPPED
    monkeypatch.setenv("BASC_CHAPTERS_DIR", str(tmp_path))
    assert default_chapters_dir() == tmp_path


# --- broken files -----------------------------------------------------------------------

TOP = 'code = "co-bog"\n'


def write_chapter(directory: Path, edits: list[tuple[str, str]], name: str = "co-bog") -> Path:
    """Copy BASC Bogotá's file into ``directory`` as ``name``.toml, with text edits made."""
    text = (SHIPPED / "co-bog.toml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = directory / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def without_signatories(text: str) -> str:
    return re.sub(r"\[\[signatories\]\]\nname = .*\ntitle = .*\n\n", "", text)


BROKEN = [
    pytest.param([('city_code = "BOG"\n', "")], "city_code", "required", id="missing-key"),
    pytest.param(
        [('paper = "letter"', 'papre = "letter"')], "papre", "did you mean 'paper'", id="typo-key"
    ),
    pytest.param([(TOP, TOP + 'colour = "red"\n')], "colour", "unknown key", id="unknown-key"),
    pytest.param(
        [("major = 30", "major = 30\nextra = 1")],
        "deadlines.extra",
        "unknown key",
        id="unknown-sub",
    ),
    pytest.param(
        [("validity_months = 12", 'validity_months = "12"')],
        "validity_months",
        "must be a whole number of months, got text",
        id="wrong-type-text",
    ),
    pytest.param(
        [("months_in_process = 9", "months_in_process = true")],
        "months_in_process",
        "got true/false (true)",
        id="wrong-type-bool",
    ),
    pytest.param(
        [('languages = ["es", "en"]', 'languages = "es"')],
        "languages",
        "must be a list",
        id="wrong-type-list",
    ),
    pytest.param(
        [("major = 30", "major = -3")], "deadlines.major", "above 0, got -3", id="negative-days"
    ),
    pytest.param(
        [("major = 30", "major = 120")],
        "deadlines.major",
        "not be longer than deadlines.minor",
        id="major-longer-than-minor",
    ),
    pytest.param(
        [("expiry_warning_days = 60", "expiry_warning_days = 400")],
        "expiry_warning_days",
        "shorter than the certificate's validity",
        id="warning-too-long",
    ),
    pytest.param([('country = "CO"', 'country = "XX"')], "country", "'XX'", id="bad-country"),
    pytest.param([('city_code = "BOG"', 'city_code = "Bog"')], "city_code", "three", id="city"),
    pytest.param([('paper = "letter"', 'paper = "legal"')], "paper", "'legal'", id="bad-paper"),
    pytest.param(
        [('languages = ["es", "en"]', 'languages = ["es", "de"]')],
        "languages",
        "'de'",
        id="bad-language",
    ),
    pytest.param(
        [('languages = ["es", "en"]', "languages = []")],
        "languages",
        "at least one",
        id="no-language",
    ),
    pytest.param(
        [("-{site}-{issue}", "-{site}")], "certificate_code", "{issue}", id="pattern-no-issue"
    ),
    pytest.param(
        [("{company:05d}", "{year}{company:05d}")],
        "certificate_code",
        "{year}",
        id="pattern-unknown-placeholder",
    ),
    pytest.param(
        [("{company:05d}", "{company:05q}")],
        "certificate_code",
        "cannot be filled in",
        id="pattern-bad-spec",
    ),
    pytest.param(
        [("{company:05d}", "{company:05d")],
        "certificate_code",
        "not a valid pattern",
        id="pattern-unbalanced",
    ),
    pytest.param(
        [('id = "rut"', 'id = "application-form"')],
        "admission.documents[3].id",
        "already the id of admission.documents[1]",
        id="duplicate-document-id",
    ),
    pytest.param(
        [('id = "rut"', 'id = "RUT card"')], "admission.documents[3].id", "lowercase", id="doc-id"
    ),
    pytest.param(
        [('["security_company"]', '["security_firm"]')],
        "admission.documents[13].business_types",
        "'security_firm' is not a business type",
        id="unknown-business-type",
    ),
    pytest.param(
        [('code = "co-bog"', 'code = "co-bogota"')],
        "code",
        "file's name without '.toml' ('co-bog')",
        id="code-not-file-name",
    ),
    pytest.param(
        [('name = "Andrés Felipe Rojas Medina"', 'name = ""')],
        "signatories[1].name",
        "must not be empty",
        id="empty-signatory-name",
    ),
    pytest.param(
        [('{ es = "Presidente de la Junta Directiva", en', "{ en")],
        "signatories[1].title",
        "first language 'es'",
        id="title-without-first-language",
    ),
    pytest.param(
        [('en = "Chair of the Board"', 'de = "Vorsitz"')],
        "signatories[1].title.de",
        "unknown key",
        id="title-unknown-language",
    ),
    pytest.param(
        [(TOP, TOP + 'logo = "logos/missing.png"\n')], "logo", "no such file", id="missing-logo"
    ),
    pytest.param(
        [(TOP, TOP + 'email = "not an address"\n'), ('email = "info@basc-bogota.example"\n', "")],
        "email",
        "e-mail address",
        id="bad-email",
    ),
]


@pytest.mark.parametrize(("edits", "key", "reason"), BROKEN)
def test_broken_file(tmp_path: Path, edits: list[tuple[str, str]], key: str, reason: str) -> None:
    path = write_chapter(tmp_path, edits)

    with pytest.raises(ChapterFileError) as caught:
        load_chapter(path)

    error = caught.value
    assert isinstance(error, BascError)
    assert error.path == path
    assert error.key == key
    assert reason in error.reason
    assert str(error) == f"{path}: key '{key}': {error.reason}"


def test_no_signatories(tmp_path: Path) -> None:
    path = tmp_path / "co-bog.toml"
    text = without_signatories((SHIPPED / "co-bog.toml").read_text(encoding="utf-8"))
    path.write_text(text.replace(TOP, TOP + "signatories = []\n"), encoding="utf-8")

    with pytest.raises(ChapterFileError, match="at least one signatory") as caught:
        load_chapter(path)
    assert caught.value.key == "signatories"


def test_message_reads_as_in_the_manual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "chapters").mkdir()
    path = write_chapter(tmp_path / "chapters", [("major = 30", "major = -3")])
    monkeypatch.chdir(tmp_path)

    with pytest.raises(ChapterFileError) as caught:
        load_chapter(path)

    assert str(caught.value) == (
        "chapters/co-bog.toml: key 'deadlines.major': "
        "must be a whole number of days above 0, got -3"
    )
    # The templates stay apart from the values, for the user interface to translate.
    assert caught.value.message.template == "{file}: key '{key}': {reason}"
    assert caught.value.reason_message.template == (
        "must be a whole number of {unit} above 0, got {value}"
    )


def test_bad_toml_syntax(tmp_path: Path) -> None:
    path = write_chapter(tmp_path, [('name = "BASC Bogotá"', 'name = "BASC Bogotá')])

    with pytest.raises(ChapterFileError) as caught:
        load_chapter(path)

    error = caught.value
    assert error.path == path
    assert error.key is None
    assert "is not valid TOML" in error.reason
    assert "line 5" in error.reason
    assert str(error).startswith(f"{path}: is not valid TOML")


def test_defaults_for_optional_keys(tmp_path: Path) -> None:
    optional = [
        'certificate_code = "{country3}{city_code}{company:05d}-{site}-{issue}"\n',
        "validity_months = 12\n",
        "expiry_warning_days = 60\n",
        "months_in_process = 9\n",
        "major = 30\n",
        "minor = 90\n",
        'address = "Avenida Ejemplo 123, Oficina 4, Bogotá"\n',
    ]
    chapter = load_chapter(write_chapter(tmp_path, [(line, "") for line in optional]))

    assert chapter.certificate_code == DEFAULT_CERTIFICATE_CODE
    assert (chapter.validity_months, chapter.expiry_warning_days) == (12, 60)
    assert chapter.months_in_process == 9
    assert (chapter.deadlines.major, chapter.deadlines.minor) == (30, 90)
    assert chapter.address == ""
    assert chapter.logo is None


def test_logo_relative_to_file(tmp_path: Path) -> None:
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "co-bog.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    chapter = load_chapter(write_chapter(tmp_path, [(TOP, TOP + 'logo = "logos/co-bog.png"\n')]))

    assert chapter.logo == (tmp_path / "logos" / "co-bog.png").resolve()


def test_duplicate_codes(tmp_path: Path) -> None:
    # Within one folder the code must equal the file name, so two files cannot share a
    # code; the registry still refuses duplicates from any source, naming both files.
    first = write_chapter(tmp_path, [])
    (tmp_path / "other").mkdir()
    second = write_chapter(tmp_path / "other", [])

    with pytest.raises(ChapterFileError) as caught:
        ChapterRegistry([load_chapter(first), load_chapter(second)])

    error = caught.value
    assert error.path == second
    assert error.key == "code"
    assert str(first) in error.reason
    assert str(second) in str(error)


def test_load_chapters_reports_the_broken_file(tmp_path: Path) -> None:
    write_chapter(tmp_path, [])
    broken = write_chapter(tmp_path, [('code = "co-bog"', 'code = "pa"')], name="pa")
    (broken.parent / "notes.txt").write_text("not a chapter", encoding="utf-8")
    broken.write_text(broken.read_text(encoding="utf-8").replace('paper = "letter"', "paper = 4"))

    with pytest.raises(ChapterFileError) as caught:
        load_chapters(tmp_path)
    assert (caught.value.path, caught.value.key) == (broken, "paper")


def test_load_chapters_of_a_folder(tmp_path: Path) -> None:
    write_chapter(tmp_path, [])
    write_chapter(tmp_path, [('code = "co-bog"', 'code = "co-ant"')], name="co-ant")

    registry = load_chapters(tmp_path)

    assert registry.codes() == ["co-ant", "co-bog"]


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ChapterFileError, match="no chapter files") as caught:
        load_chapters(tmp_path)
    assert caught.value.path == tmp_path
    assert caught.value.key is None


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ChapterFileError, match="not a folder"):
        load_chapters(tmp_path / "nowhere")
