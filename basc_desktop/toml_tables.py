"""Reading a TOML data file one table at a time, every problem as *file, key, reason*.

The chapter files (:mod:`basc_desktop.chapters`) and the standards catalogues
(:mod:`basc_desktop.standards`) are read with a subclass of :class:`TomlTable` each,
which names the :class:`DataFileError` subclass it raises.  Each reader knows the file
it reads and the dotted key of its table (``deadlines.major``,
``requirements[3].title.en``), and refuses keys it does not know, so that a typo
cannot be silently ignored.  No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, Self

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import Message, translatable

__all__ = [
    "DataFileError",
    "TomlTable",
    "display_path",
    "key_line",
    "read_toml",
    "shown",
    "type_name",
]


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
    :class:`Message` the user interface can translate.  A subclass that sets
    :attr:`names_line` also names the line of the key (``line``), found in the file's
    text: long files such as the standards catalogues need it.
    """

    names_line: ClassVar[bool] = False

    def __init__(self, path: Path, key: str | None, reason: str, /, **params: Any) -> None:
        self.path = path
        self.key = key
        self.reason_message = Message(reason, params)
        self.reason = str(self.reason_message)
        self.line = _line_in_file(path, key) if self.names_line and key else None
        if key is None:
            super().__init__(
                translatable("{file}: {reason}"),
                file=display_path(path),
                reason=self.reason_message,
            )
        elif self.line is not None:
            super().__init__(
                translatable("{file}, line {line}: key '{key}': {reason}"),
                file=display_path(path),
                line=self.line,
                key=key,
                reason=self.reason_message,
            )
        else:
            super().__init__(
                translatable("{file}: key '{key}': {reason}"),
                file=display_path(path),
                key=key,
                reason=self.reason_message,
            )


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")
_KEY_PART = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


def _key_parts(key: str) -> list[tuple[str, int | None]]:
    """``requirements[3].title.en`` → ``[("requirements", 3), ("title", None), ("en", None)]``."""
    return [(name, int(index) if index else None) for name, index in _KEY_PART.findall(key)]


def key_line(text: str, key: str) -> int | None:
    """The line (from 1) of ``text`` where the dotted ``key`` is written, or None.

    Follows table headers (``[deadlines]``, the n-th ``[[requirements]]``) and
    ``name = value`` lines; when the full key is not written on a line of its own (a
    key inside an inline table, an item of a list), the line of the longest part of it
    that is.
    """
    wanted = _key_parts(key)
    arrays: dict[str, int] = {}
    current: list[tuple[str, int | None]] = []
    best, best_line = 0, None

    def matched(path: list[tuple[str, int | None]], assignment: bool) -> int:
        if len(path) > len(wanted):
            return 0
        for depth, (part, want) in enumerate(zip(path, wanted, strict=False)):
            last = depth == len(path) - 1
            if part[0] != want[0] or (part[1] != want[1] and not (assignment and last)):
                return 0
        return len(path)

    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not _ASSIGNMENT.match(line):
            name = header.group(2).replace(" ", "")
            names: list[tuple[str, int | None]] = [(n.strip('"'), None) for n in name.split(".")]
            if header.group(1) == "[[":
                arrays[name] = arrays.get(name, 0) + 1
                names[-1] = (names[-1][0], arrays[name])
            current = names
            depth = matched(current, assignment=False)
        else:
            assignment = _ASSIGNMENT.match(line)
            if not assignment:
                continue
            depth = matched([*current, (assignment.group(1).strip('"'), None)], assignment=True)
        if depth > best:
            best, best_line = depth, number
    return best_line


def _line_in_file(path: Path, key: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return key_line(text, key)


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


def shown(value: object) -> str:
    """``value`` as the file spells it, cut short."""
    text = str(value).lower() if isinstance(value, bool) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_toml(path: Path, error_type: type[DataFileError]) -> dict[str, Any]:
    """The TOML file ``path``; ``error_type`` if it cannot be read or is not valid TOML."""
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as exc:
        raise error_type(
            path, None, translatable("is not valid TOML: {problem}"), problem=str(exc)
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise error_type(
            path, None, translatable("cannot be read: {problem}"), problem=str(exc)
        ) from exc


class TomlTable:
    """Reads the keys of one TOML table; refuses keys it does not know.

    ``prefix`` is the dotted key of the table itself ("" for the file's top level).
    A subclass sets :attr:`error_type`, the error its problems are raised as.  Where a
    reader takes a ``default``, ``...`` (Ellipsis, the default) makes the key required.
    """

    error_type: ClassVar[type[DataFileError]] = DataFileError

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

    def error(self, name: str | None, reason: str, /, **params: Any) -> DataFileError:
        """The problem ``reason`` with key ``name`` of this table (None: the table itself)."""
        key = self.key(name) if name else self.prefix or None
        return self.error_type(self.path, key, reason, **params)

    def raw(
        self, name: str, kinds: type | tuple[type, ...], expected: str, default: Any = ...
    ) -> Any:
        """The value of key ``name``, checked to be of ``kinds``; ``default`` if absent.

        true/false is refused unless ``bool`` is one of ``kinds`` (Python counts it as a
        whole number), and a date and time unless ``datetime`` is (Python counts it as a
        date).
        """
        if name not in self.data:
            if default is ...:
                raise self.error(name, translatable("is required but missing"))
            return default
        value = self.data[name]
        allowed = kinds if isinstance(kinds, tuple) else (kinds,)
        if (
            not isinstance(value, kinds)
            or (isinstance(value, bool) and bool not in allowed)
            or (isinstance(value, dt.datetime) and dt.datetime not in allowed)
        ):
            raise self.error(
                name,
                translatable("must be {expected}, got {kind} ({value})"),
                expected=expected,
                kind=type_name(value),
                value=shown(value),
            )
        return value

    def text(
        self, name: str, default: Any = ..., *, empty: bool = False, max_length: int | None = None
    ) -> str:
        """A text, stripped; not empty unless ``empty``, at most ``max_length`` long."""
        value: str = self.raw(name, str, "text", default)
        value = value.strip()
        if not empty and not value:
            raise self.error(name, translatable("must not be empty"))
        if max_length is not None and len(value) > max_length:
            raise self.error(
                name,
                translatable("must be at most {limit} characters long, got {length}"),
                limit=max_length,
                length=len(value),
            )
        return value

    def matching(
        self, name: str, pattern: re.Pattern[str], what: str, max_length: int | None = None
    ) -> str:
        """A required text that ``pattern`` matches in full; ``what`` says what it must be."""
        value = self.text(name, max_length=max_length)
        if not pattern.fullmatch(value):
            raise self.error(
                name, translatable("must be {what}, got {value}"), what=what, value=shown(value)
            )
        return value

    def table(
        self, name: str, known: Iterable[str], default: Any = ..., *, expected: str = "a table"
    ) -> Self:
        """The table at key ``name``, read by the same kind of reader."""
        value: dict[str, Any] = self.raw(name, dict, expected, default)
        return type(self)(self.path, value, self.key(name), known)

    def tables(self, name: str, known: Iterable[str], default: Any = ...) -> list[Self]:
        """An array of tables (``[[name]]``); each is checked for unknown keys."""
        values: list[Any] = self.raw(name, list, "a list of tables ([[...]])", default)
        readers: list[Self] = []
        for index, value in enumerate(values):
            key = f"{name}[{index + 1}]"
            if not isinstance(value, dict):
                raise self.error(
                    key,
                    translatable("must be a table, got {kind} ({value})"),
                    kind=type_name(value),
                    value=shown(value),
                )
            readers.append(type(self)(self.path, value, self.key(key), known))
        return readers
