"""The checks behind :mod:`basc_desktop.chapters`: one reader per TOML table.

Each reader knows the file it reads and the dotted key of its table, so that every
problem is reported as *file, key, reason*, the way a coordinator editing the file
needs it.  The shared reading is :class:`basc_desktop.toml_tables.TomlTable`;
:class:`DataFileError` and :func:`display_path` are re-exported from there.  No Qt,
no SQL.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from typing import Any

from basc_desktop.domain.chapter import LocalText
from basc_desktop.domain.text import translatable
from basc_desktop.toml_tables import DataFileError, TomlTable, display_path, shown, type_name

__all__ = [
    "CHAPTER_CODE",
    "CITY_CODE",
    "EMAIL",
    "LANGUAGES",
    "PAPER_SIZES",
    "PATTERN_FIELDS",
    "PATTERN_REQUIRED",
    "SLUG",
    "ChapterFileError",
    "DataFileError",
    "TableReader",
    "check_certificate_pattern",
    "display_path",
    "read_languages",
    "type_name",
]

LANGUAGES: frozenset[str] = frozenset({"es", "en", "fr"})
PAPER_SIZES: frozenset[str] = frozenset({"letter", "a4"})
PATTERN_FIELDS: tuple[str, ...] = ("country3", "country2", "city_code", "company", "site", "issue")
PATTERN_REQUIRED: tuple[str, ...] = ("company", "site", "issue")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CHAPTER_CODE = re.compile(r"[a-z]{2}(?:-[a-z0-9]+)*")
CITY_CODE = re.compile(r"[A-Z]{3}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ChapterFileError(DataFileError):
    """A chapter file in ``chapters/`` that cannot be used."""


class TableReader(TomlTable):
    """Reads the keys of one TOML table of a chapter file; refuses keys it does not know.

    ``prefix`` is the dotted key of the table itself ("" for the file's top level).
    """

    error_type = ChapterFileError

    def whole(self, name: str, default: Any, unit: str) -> int:
        value: int = self.raw(name, int, f"a whole number of {unit}", default)
        if value <= 0:
            raise self.error(
                name,
                translatable("must be a whole number of {unit} above 0, got {value}"),
                unit=unit,
                value=value,
            )
        return value

    def choice(self, name: str, choices: Iterable[str], what: str) -> str:
        value = self.text(name)
        options = sorted(choices)
        if value not in options:
            raise self.error(
                name,
                translatable("must be {what}: one of {options}, got {value}"),
                what=what,
                options=", ".join(f"'{o}'" for o in options),
                value=shown(value),
            )
        return value

    def strings(self, name: str, default: Any = ...) -> list[str]:
        values: list[Any] = self.raw(name, list, "a list of texts", default)
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise self.error(
                    f"{name}[{index + 1}]",
                    translatable("must be text, got {kind} ({value})"),
                    kind=type_name(value),
                    value=shown(value),
                )
        return values

    def local_text(self, name: str, required_language: str) -> LocalText:
        """A text per language, ``{ es = "...", en = "..." }``; must have ``required_language``."""
        reader = self.table(name, sorted(LANGUAGES))
        values = {language: reader.text(language) for language in reader.data}
        if required_language not in values:
            raise self.error(
                name,
                translatable("must have a text in the chapter's first language '{language}'"),
                language=required_language,
            )
        return LocalText(values)


def read_languages(top: TableReader) -> tuple[str, ...]:
    """The top-level ``languages`` key: known languages, at least one, none twice."""
    languages = top.strings("languages")
    if not languages:
        raise top.error("languages", translatable("must name at least one language"))
    for language in languages:
        if language not in LANGUAGES:
            raise top.error(
                "languages",
                translatable("may only hold {known}, got '{value}'"),
                known=", ".join(f"'{known}'" for known in sorted(LANGUAGES)),
                value=language,
            )
    if len(set(languages)) != len(languages):
        raise top.error("languages", translatable("names a language twice"))
    return tuple(languages)


def check_certificate_pattern(pattern: str) -> tuple[str, dict[str, Any]] | None:
    """Why ``pattern`` cannot make certificate codes, as (reason, params); None if it can."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        return translatable("is not a valid pattern ({problem})"), {"problem": str(exc)}
    allowed = ", ".join("{" + name + "}" for name in PATTERN_FIELDS)
    for name in fields:
        if name not in PATTERN_FIELDS:
            return (
                translatable("uses the placeholder {{{name}}}; the pattern may only use {allowed}"),
                {"name": name, "allowed": allowed},
            )
    missing = [name for name in PATTERN_REQUIRED if name not in fields]
    if missing:
        return (
            translatable("must contain {missing} so that every certificate code is different"),
            {"missing": ", ".join("{" + name + "}" for name in missing)},
        )
    samples = [(74, 1, 2), (75, 1, 2), (74, 2, 2), (74, 1, 3)]
    codes = []
    for company, site, issue in samples:
        values: dict[str, Any] = {"country3": "PAN", "country2": "PA", "city_code": "PTY"}
        values |= {"company": company, "site": site, "issue": issue}
        try:
            codes.append(pattern.format(**values))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            return translatable("cannot be filled in ({problem})"), {"problem": str(exc)}
    if len(set(codes)) < len(codes):
        return (
            translatable("gives the same code {code} to different certificates"),
            {"code": codes[0]},
        )
    return None
