"""The checks behind :mod:`basc_desktop.chapters`: one reader per TOML table.

Each reader knows the file it reads and the dotted key of its table, so that every
problem is reported as *file, key, reason*, the way a coordinator editing the file
needs it.  No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from basc_desktop.domain.chapter import LocalText
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import Message, translatable

LANGUAGES: frozenset[str] = frozenset({"es", "en", "fr"})
PAPER_SIZES: frozenset[str] = frozenset({"letter", "a4"})
PATTERN_FIELDS: tuple[str, ...] = ("country3", "country2", "city_code", "company", "site", "issue")
PATTERN_REQUIRED: tuple[str, ...] = ("company", "site", "issue")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CHAPTER_CODE = re.compile(r"[a-z]{2}(?:-[a-z0-9]+)*")
CITY_CODE = re.compile(r"[A-Z]{3}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def display_path(path: Path) -> str:
    """``path`` as short as it can be and still be found: relative to the working folder."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return str(path)


class DataFileError(BascError):
    """A data file (chapter, standards catalogue) that cannot be used: which file, which key, why.

    ``key`` is the dotted key (``deadlines.major``, ``requirements[3].title.en``), or
    ``None`` when the problem is with the whole file (bad TOML, a duplicate file).
    ``reason`` is the English reason alone; ``reason_message`` the same as a
    :class:`Message` the user interface can translate.
    """

    def __init__(self, path: Path, key: str | None, reason: str, /, **params: Any) -> None:
        self.path = path
        self.key = key
        self.reason_message = Message(reason, params)
        self.reason = str(self.reason_message)
        if key is None:
            super().__init__(
                translatable("{file}: {reason}"),
                file=display_path(path),
                reason=self.reason_message,
            )
        else:
            super().__init__(
                translatable("{file}: key '{key}': {reason}"),
                file=display_path(path),
                key=key,
                reason=self.reason_message,
            )


class ChapterFileError(DataFileError):
    """A chapter file in ``chapters/`` that cannot be used."""


_TYPE_NAMES: tuple[tuple[type, str], ...] = (
    (bool, "true/false"),
    (int, "a whole number"),
    (float, "a decimal number"),
    (str, "text"),
    (list, "a list"),
    (dict, "a table"),
    (dt.datetime, "a date and time"),
    (dt.date, "a date"),
    (dt.time, "a time"),
)


def type_name(value: object) -> str:
    """What a TOML value is, in words: ``a whole number``, ``text``…"""
    for kind, name in _TYPE_NAMES:
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _shown(value: object) -> str:
    """``value`` as the file spells it, cut short."""
    text = str(value).lower() if isinstance(value, bool) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class TableReader:
    """Reads the keys of one TOML table; refuses keys it does not know.

    ``prefix`` is the dotted key of the table itself ("" for the file's top level).
    """

    def __init__(self, path: Path, data: dict[str, Any], prefix: str, known: Iterable[str]):
        self.path = path
        self.data = data
        self.prefix = prefix
        known = tuple(known)
        for name in data:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
                raise self.error(name, translatable("unknown key ({hint})"), hint=hint)

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def error(self, name: str | None, reason: str, /, **params: Any) -> ChapterFileError:
        return ChapterFileError(
            self.path, self.key(name) if name else self.prefix or None, reason, **params
        )

    def raw(self, name: str, kind: type | tuple[type, ...], expected: str, default: Any) -> Any:
        """The value of key ``name``, checked to be of ``kind``; ``default`` if absent.

        ``default`` ``...`` (Ellipsis) makes the key required.
        """
        if name not in self.data:
            if default is ...:
                raise self.error(name, translatable("is required but missing"))
            return default
        value = self.data[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise self.error(
                name,
                translatable("must be {expected}, got {kind} ({value})"),
                expected=expected,
                kind=type_name(value),
                value=_shown(value),
            )
        return value

    def text(self, name: str, default: Any = ..., *, empty: bool = False) -> str:
        value: str = self.raw(name, str, "text", default)
        if not empty and not value.strip():
            raise self.error(name, translatable("must not be empty"))
        return value.strip()

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
                value=_shown(value),
            )
        return value

    def matching(self, name: str, pattern: re.Pattern[str], what: str) -> str:
        value = self.text(name)
        if not pattern.fullmatch(value):
            raise self.error(
                name, translatable("must be {what}, got {value}"), what=what, value=_shown(value)
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
                    value=_shown(value),
                )
        return values

    def table(self, name: str, known: Iterable[str], default: Any = ...) -> TableReader:
        value: dict[str, Any] = self.raw(name, dict, "a table", default)
        return TableReader(self.path, value, self.key(name), known)

    def tables(self, name: str, known: Iterable[str], default: Any = ...) -> list[TableReader]:
        """An array of tables (``[[name]]``); each is checked for unknown keys."""
        values: list[Any] = self.raw(name, list, "a list of tables ([[...]])", default)
        readers = []
        for index, value in enumerate(values):
            key = f"{name}[{index + 1}]"
            if not isinstance(value, dict):
                raise self.error(
                    key,
                    translatable("must be a table, got {kind} ({value})"),
                    kind=type_name(value),
                    value=_shown(value),
                )
            readers.append(TableReader(self.path, value, self.key(key), known))
        return readers

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
