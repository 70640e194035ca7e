"""Loads and checks the requirement catalogues in ``resources/standards/``.

A BASC standard is data: one TOML file per version (``basc-v6.toml``), holding the
version, its title in Spanish and English, the approval date, and the requirements an
audit judges (code, section, title, text, and the business types each applies to).
The format is explained at the top of ``resources/standards/basc-v6.toml``.

Every key is checked when a file is loaded, so that a mistake is reported with the
file, the key and the reason (``resources/standards/basc-v6.toml: key
'requirements[3].title.en': must not be empty``) instead of surfacing in an audit.
Unknown keys are refused, so a typo cannot be silently ignored.  In a key,
``requirements[3]`` is the third ``[[requirements]]`` block of the file (counting
from 1).  No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from basc_desktop.domain.text import translatable
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.paths import resources_dir
from basc_desktop.toml_tables import (
    DataFileError,
    TomlTable,
    display_path,
    read_toml,
    shown,
    type_name,
)

__all__ = [
    "CATALOGUE_LANGUAGES",
    "STANDARDS_DIR_VARIABLE",
    "Catalogue",
    "CatalogueFileError",
    "CatalogueRequirement",
    "default_standards_dir",
    "load_catalogue",
    "load_catalogues",
    "version_sort_key",
]

STANDARDS_DIR_VARIABLE = "BASC_STANDARDS_DIR"
CATALOGUE_LANGUAGES: tuple[str, ...] = ("es", "en")
"""Every text of a catalogue is given in each of these languages."""

VERSION = re.compile(r"[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*")
CODE = re.compile(r"[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*")

# Longest values the database columns take (basc_desktop/store/standards.py).
MAX_VERSION = 16
MAX_STANDARD_TITLE = 200
MAX_CODE = 32
MAX_SECTION = 200
MAX_REQUIREMENT_TITLE = 300

_TOP_KEYS = ("version", "title", "approved_on", "requirements")
_REQUIREMENT_KEYS = ("code", "section", "title", "text", "business_types")


def default_standards_dir() -> Path:
    """The catalogues' folder: ``$BASC_STANDARDS_DIR`` if set, else the shipped one."""
    override = os.environ.get(STANDARDS_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return resources_dir() / "standards"


class CatalogueFileError(DataFileError):
    """A standards catalogue in ``resources/standards/`` that cannot be used.

    Its message names the file, the line and the key: ``basc-v6.toml, line 212: key
    'requirements[14].title.en': must not be empty``.
    """

    names_line = True


@dataclass(frozen=True)
class CatalogueRequirement:
    """One requirement of a standard, as its catalogue file states it."""

    code: str
    section_es: str
    section_en: str
    title_es: str
    title_en: str
    text_es: str
    text_en: str
    business_types: frozenset[BusinessType] = frozenset()
    """The business types it applies to; empty means every business type."""

    def applies_to(self, business_type: BusinessType) -> bool:
        return not self.business_types or business_type in self.business_types


@dataclass(frozen=True)
class Catalogue:
    """One version of the BASC standard and its requirements, in file order."""

    version: str
    title_es: str
    title_en: str
    approved_on: dt.date | None
    requirements: tuple[CatalogueRequirement, ...]
    source: Path | None = field(default=None, compare=False)
    """The file it was loaded from, for messages."""

    def requirement(self, code: str) -> CatalogueRequirement | None:
        """The requirement with ``code``, or None."""
        return next((r for r in self.requirements if r.code == code), None)

    def requirements_for(self, business_type: BusinessType) -> tuple[CatalogueRequirement, ...]:
        """The requirements that apply to ``business_type``, in file order."""
        return tuple(r for r in self.requirements if r.applies_to(business_type))


def version_sort_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """Sorts versions by their numbers: "5" < "6" < "10"; "6.1" after "6"."""
    parts = re.findall(r"\d+|[^\d]+", version)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts)


class _Table(TomlTable):
    """Reads the keys of one TOML table of a catalogue; refuses keys it does not know."""

    error_type = CatalogueFileError

    def date(self, name: str) -> dt.date | None:
        value: dt.date | None = self.raw(name, dt.date, "a date written like 2022-03-01", None)
        return value

    def local_text(self, name: str, max_length: int | None = None) -> dict[str, str]:
        """``{ es = "...", en = "..." }``: a non-empty text in every catalogue language."""
        expected = "a table of texts by language, like { es = ..., en = ... }"
        table = self.table(name, CATALOGUE_LANGUAGES, expected=expected)
        return {
            language: table.text(language, max_length=max_length)
            for language in CATALOGUE_LANGUAGES
        }

    def business_types(self, name: str) -> frozenset[BusinessType]:
        values: list[Any] = self.raw(name, list, "a list of business type codes ([] for all)")
        known = ", ".join(kind.value for kind in BusinessType)
        kinds: list[BusinessType] = []
        for index, value in enumerate(values):
            key = f"{name}[{index + 1}]"
            if not isinstance(value, str):
                raise self.error(
                    key,
                    translatable("must be text, got {kind} ({value})"),
                    kind=type_name(value),
                    value=shown(value),
                )
            try:
                kind = BusinessType(value.strip())
            except ValueError:
                raise self.error(
                    key,
                    translatable("'{value}' is not a business type; known: {known}"),
                    value=value,
                    known=known,
                ) from None
            if kind in kinds:
                raise self.error(key, translatable("names '{value}' twice"), value=kind.value)
            kinds.append(kind)
        return frozenset(kinds)


def load_catalogue(path: Path) -> Catalogue:
    """The standard in the TOML file ``path``; :class:`CatalogueFileError` if any key is wrong."""
    top = _Table(path, read_toml(path, CatalogueFileError), "", _TOP_KEYS)
    version = top.matching(
        "version", VERSION, "letters, digits, '.' and '-', like '6'", MAX_VERSION
    )
    title = top.local_text("title", MAX_STANDARD_TITLE)
    approved_on = top.date("approved_on")
    tables = top.tables("requirements", _REQUIREMENT_KEYS)
    if not tables:
        raise top.error("requirements", translatable("must list at least one requirement"))
    requirements: list[CatalogueRequirement] = []
    seen: dict[str, str] = {}
    for table in tables:
        code = table.matching(
            "code", CODE, "letters, digits, '.' and '-', like 'N-4.1' or '6.0.1-2.1'", MAX_CODE
        )
        if code in seen:
            raise table.error(
                "code",
                translatable("'{code}' is already the code of {other}; codes must be unique"),
                code=code,
                other=seen[code],
            )
        seen[code] = table.prefix
        section = table.local_text("section", MAX_SECTION)
        req_title = table.local_text("title", MAX_REQUIREMENT_TITLE)
        text = table.local_text("text")
        requirements.append(
            CatalogueRequirement(
                code=code,
                section_es=section["es"],
                section_en=section["en"],
                title_es=req_title["es"],
                title_en=req_title["en"],
                text_es=text["es"],
                text_en=text["en"],
                business_types=table.business_types("business_types"),
            )
        )
    return Catalogue(
        version=version,
        title_es=title["es"],
        title_en=title["en"],
        approved_on=approved_on,
        requirements=tuple(requirements),
        source=path,
    )


def load_catalogues(directory: Path) -> list[Catalogue]:
    """Every catalogue in ``directory`` (its ``*.toml`` files), sorted by version.

    Two files for the same version are refused.
    """
    if not directory.is_dir():
        raise CatalogueFileError(directory, None, translatable("is not a folder of standard files"))
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise CatalogueFileError(
            directory,
            None,
            translatable("holds no standard files (*.toml); at least one is needed"),
        )
    by_version: dict[str, Catalogue] = {}
    for path in paths:
        catalogue = load_catalogue(path)
        other = by_version.get(catalogue.version)
        if other is not None:
            raise CatalogueFileError(
                path,
                "version",
                translatable(
                    "'{version}' is already the version of {other}; versions must be unique"
                ),
                version=catalogue.version,
                other=display_path(other.source) if other.source else "another file",
            )
        by_version[catalogue.version] = catalogue
    return sorted(by_version.values(), key=lambda c: version_sort_key(c.version))
