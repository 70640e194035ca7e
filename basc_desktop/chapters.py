"""Loads and checks the chapter files in ``chapters/``: one TOML file per chapter.

Every key of a file is checked when it is loaded, so that a typo is reported at start
with the file, the key and the reason ("chapters/co-bog.toml: key 'deadlines.major':
must be a whole number of days above 0, got -3") instead of surfacing later on a
certificate.  ``chapters/README.md`` lists the keys.  No Qt, no SQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

from basc_desktop.chapter_checks import (
    CHAPTER_CODE,
    CITY_CODE,
    EMAIL,
    PAPER_SIZES,
    SLUG,
    ChapterFileError,
    TableReader,
    check_certificate_pattern,
    read_languages,
)
from basc_desktop.domain.chapter import AdmissionDocument, Chapter, Deadlines, Signatory
from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.text import translatable
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.paths import shipped_chapters_dir
from basc_desktop.toml_tables import display_path, read_toml

__all__ = [
    "DEFAULT_CERTIFICATE_CODE",
    "ChapterFileError",
    "ChapterRegistry",
    "default_chapters_dir",
    "load_chapter",
    "load_chapters",
]

CHAPTERS_DIR_VARIABLE = "BASC_CHAPTERS_DIR"
DEFAULT_CERTIFICATE_CODE = "{country3}{city_code}{company:05d}-{site}-{issue}"

_TOP_KEYS = (
    "code", "name", "country", "city", "city_code", "languages", "paper", "certificate_code",
    "validity_months", "expiry_warning_days", "months_in_process", "deadlines", "signatories",
    "admission", "address", "phone", "email", "website", "logo",
)  # fmt: skip
_DEFAULTS = Deadlines()


def default_chapters_dir() -> Path:
    """The chapter files' folder: ``$BASC_CHAPTERS_DIR`` if set, else the shipped one."""
    override = os.environ.get(CHAPTERS_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return shipped_chapters_dir()


def load_chapter(path: Path) -> Chapter:
    """The chapter in the TOML file ``path``; :class:`ChapterFileError` if any key is wrong."""
    data = read_toml(path, ChapterFileError)
    return _read_chapter(TableReader(path, data, "", _TOP_KEYS))


def _read_chapter(top: TableReader) -> Chapter:
    path = top.path
    code = top.matching("code", CHAPTER_CODE, "lowercase, like 'co-bog' or 'pa'")
    if code != path.stem:
        raise top.error(
            "code",
            translatable("must be the file's name without '.toml' ('{stem}'), got '{code}'"),
            stem=path.stem,
            code=code,
        )
    country = top.text("country").upper()
    if country not in COUNTRIES:
        raise top.error(
            "country",
            translatable(
                "must be the ISO alpha-2 code of a country BASC works in ({known}), got '{value}'"
            ),
            known=", ".join(COUNTRIES),
            value=country,
        )
    languages = read_languages(top)
    deadlines = _read_deadlines(top)
    validity_months = top.whole("validity_months", 12, "months")
    expiry_warning_days = top.whole("expiry_warning_days", 60, "days")
    if expiry_warning_days >= validity_months * 28:
        raise top.error(
            "expiry_warning_days",
            translatable(
                "must be shorter than the certificate's validity ({months} months), got {value}"
            ),
            months=validity_months,
            value=expiry_warning_days,
        )
    email = top.text("email", "", empty=True)
    if email and not EMAIL.fullmatch(email):
        raise top.error(
            "email", translatable("must be an e-mail address, got '{value}'"), value=email
        )
    return Chapter(
        code=code,
        name=top.text("name"),
        country_code=country,
        city=top.text("city"),
        city_code=top.matching("city_code", CITY_CODE, "three capital letters, like 'BOG'"),
        languages=languages,
        paper=top.choice("paper", PAPER_SIZES, "a paper size"),
        certificate_code=_read_certificate_code(top),
        validity_months=validity_months,
        expiry_warning_days=expiry_warning_days,
        months_in_process=top.whole("months_in_process", 9, "months"),
        deadlines=deadlines,
        signatories=_read_signatories(top, languages[0]),
        admission_documents=_read_admission(top, languages[0]),
        address=top.text("address", "", empty=True),
        phone=top.text("phone", "", empty=True),
        email=email,
        website=top.text("website", "", empty=True),
        logo=_read_logo(top),
        source=path,
    )


def _read_deadlines(top: TableReader) -> Deadlines:
    table = top.table("deadlines", ("major", "minor"), {})
    major = table.whole("major", _DEFAULTS.major, "days")
    minor = table.whole("minor", _DEFAULTS.minor, "days")
    if major > minor:
        raise table.error(
            "major",
            translatable("must not be longer than deadlines.minor ({minor} days), got {major}"),
            minor=minor,
            major=major,
        )
    return Deadlines(major=major, minor=minor)


def _read_certificate_code(top: TableReader) -> str:
    pattern = top.text("certificate_code", DEFAULT_CERTIFICATE_CODE)
    problem = check_certificate_pattern(pattern)
    if problem is not None:
        reason, params = problem
        raise top.error("certificate_code", reason, **params)
    return pattern


def _read_signatories(top: TableReader, language: str) -> tuple[Signatory, ...]:
    tables = top.tables("signatories", ("name", "title"))
    if not tables:
        raise top.error("signatories", translatable("must list at least one signatory"))
    return tuple(
        Signatory(name=table.text("name"), title=table.local_text("title", language))
        for table in tables
    )


def _read_admission(top: TableReader, language: str) -> tuple[AdmissionDocument, ...]:
    admission = top.table("admission", ("documents",), {})
    documents = []
    seen: dict[str, str] = {}
    for table in admission.tables("documents", ("id", "title", "business_types"), []):
        doc_id = table.matching("id", SLUG, "lowercase words joined by '-', like 'tax-id'")
        if doc_id in seen:
            raise table.error(
                "id",
                translatable("'{id}' is already the id of {other}; ids must be unique"),
                id=doc_id,
                other=seen[doc_id],
            )
        seen[doc_id] = table.prefix
        title = table.local_text("title", language)
        kinds = []
        for value in table.strings("business_types", []):
            try:
                kinds.append(BusinessType(value))
            except ValueError:
                raise table.error(
                    "business_types",
                    translatable("'{value}' is not a business type; known: {known}"),
                    value=value,
                    known=", ".join(kind.value for kind in BusinessType),
                ) from None
        documents.append(AdmissionDocument(doc_id, title, frozenset(kinds)))
    return tuple(documents)


def _read_logo(top: TableReader) -> Path | None:
    name = top.text("logo", "", empty=True)
    if not name:
        return None
    logo = (top.path.parent / name).resolve()
    if not logo.is_file():
        raise top.error(
            "logo",
            translatable("names '{name}', but there is no such file next to the chapter file"),
            name=name,
        )
    return logo


def load_chapters(directory: Path) -> ChapterRegistry:
    """Every chapter in ``directory`` (its ``*.toml`` files, by name)."""
    if not directory.is_dir():
        raise ChapterFileError(directory, None, translatable("is not a folder of chapter files"))
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise ChapterFileError(
            directory, None, translatable("holds no chapter files (*.toml); at least one is needed")
        )
    return ChapterRegistry(load_chapter(path) for path in paths)


class ChapterRegistry:
    """The chapters the program knows, ordered by code; immutable once built."""

    __slots__ = ("_by_code",)
    _by_code: MappingProxyType[str, Chapter]

    def __init__(self, chapters: Iterable[Chapter]) -> None:
        by_code: dict[str, Chapter] = {}
        for chapter in chapters:
            if chapter.code in by_code:
                first = by_code[chapter.code].source
                raise ChapterFileError(
                    chapter.source or Path(f"{chapter.code}.toml"),
                    "code",
                    translatable("'{code}' is already the code of {other}; codes must be unique"),
                    code=chapter.code,
                    other=display_path(first) if first else "another chapter",
                )
            by_code[chapter.code] = chapter
        ordered = dict(sorted(by_code.items()))
        object.__setattr__(self, "_by_code", MappingProxyType(ordered))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("ChapterRegistry is immutable")

    def get(self, code: str) -> Chapter:
        """The chapter with ``code``; :class:`NotFoundError` if there is none."""
        try:
            return self._by_code[code]
        except KeyError:
            raise NotFoundError(
                translatable("There is no chapter with the code '{code}'. Known chapters: {known}"),
                code=code,
                known=", ".join(self._by_code) or "none",
            ) from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Chapter]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __repr__(self) -> str:
        return f"ChapterRegistry({list(self._by_code)!r})"

    def codes(self) -> list[str]:
        return list(self._by_code)

    def by_country(self, alpha2: str) -> list[Chapter]:
        """The chapters of country ``alpha2`` (any case), by code."""
        alpha2 = alpha2.upper()
        return [chapter for chapter in self if chapter.country_code == alpha2]

    def countries(self) -> list[str]:
        """The alpha-2 codes of the countries with at least one chapter, sorted."""
        return sorted({chapter.country_code for chapter in self})
