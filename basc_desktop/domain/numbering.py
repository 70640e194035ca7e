"""Certificate codes, built from and read back with the chapter's pattern.

A chapter's file gives the pattern as a Python format string, for example
``{country3}{city_code}{company:05d}-{site}-{issue}``, which gives
``PANPTY00074-1-2`` for company 74 of Panama City, site 1, second issue.

Placeholders:

``{country3}``
    the country's ISO alpha-3 code: three capital letters (``PAN``).
``{country2}``
    the country's ISO alpha-2 code: two capital letters (``PA``).
``{city_code}``
    the chapter's city code: one or more capital letters (``PTY``).
``{company}``, ``{site}``, ``{issue}``
    whole numbers from 1; each may be zero-padded to a fixed width with a format
    spec such as ``:05d`` (or ``:05``).  A number that would need more digits than
    the width is refused, so that every code reads back one way only.

``{company}``, ``{site}`` and ``{issue}`` are required.  Two fields that could run
into each other (``{site}{issue}``, say) must be kept apart by a character neither
can contain, such as ``-``.  Text outside the braces is copied as is (``{{`` and
``}}`` stand for braces).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.text import translatable as _

FIELD: Final = "certificate_code"
"""The field that numbering errors are reported on."""

LABEL: Final = _("Certificate code")

TEXT_FIELDS: Final = ("country3", "country2", "city_code")
NUMBER_FIELDS: Final = ("company", "site", "issue")
PLACEHOLDERS: Final = frozenset(TEXT_FIELDS + NUMBER_FIELDS)
REQUIRED_PLACEHOLDERS: Final = frozenset(NUMBER_FIELDS)


@dataclass(frozen=True)
class CodeParts:
    """What a certificate code is made of.

    When a code is read back, a text field that is not in the pattern comes back as
    ``""`` (the numbers are always in the pattern).
    """

    country3: str
    country2: str
    city_code: str
    company: int
    site: int
    issue: int


# --- public functions ---------------------------------------------------------------


def validate_pattern(pattern: str) -> None:
    """Raise ValueError, with the reason, if ``pattern`` is not a usable code pattern."""
    _compile(pattern)


def format_certificate_code(pattern: str, parts: CodeParts) -> str:
    """The code of ``parts`` under ``pattern``.

    ValidationError on ``certificate_code`` if a number is below 1 or too wide for
    its padding, or if a country or city code is not in capital letters of the right
    length.  ValueError if the pattern itself is wrong (see :func:`validate_pattern`).
    """
    compiled = _compile(pattern)
    pieces: list[str] = []
    for literal, name, width in compiled.tokens:
        pieces.append(literal)
        if name is None:
            continue
        if name in NUMBER_FIELDS:
            value = getattr(parts, name)
            _check_number(name, value, width)
            pieces.append(format(value, f"0{width}d") if width else str(value))
        else:
            text = getattr(parts, name)
            _check_text(name, text)
            pieces.append(text)
    code = "".join(pieces)
    # Safety net: the pattern checks make this hold, but a code that read back as
    # other parts would be a duplicate waiting to happen.
    if _parts_in_pattern(compiled, _match(compiled, code)) != _parts_in_pattern(compiled, parts):
        raise ValidationError(
            FIELD,
            _(
                "The certificate code {code} would not read back the same under the "
                "pattern {pattern}."
            ),
            label=LABEL,
            code=code,
            pattern=pattern,
        )
    return code


def parse_certificate_code(pattern: str, code: str) -> CodeParts:
    """The parts of ``code`` under ``pattern``: the inverse of :func:`format_certificate_code`.

    Surrounding spaces and letter case are forgiven; country and city codes come
    back in capitals.  Text fields missing from the pattern come back as ``""``.
    ValidationError on ``certificate_code``, naming the expected shape, if the code
    does not fit the pattern or a number in it is 0.
    """
    compiled = _compile(pattern)
    parts = _match(compiled, code.strip())
    if parts is None:
        raise ValidationError(
            FIELD,
            _(
                "{code} is not a certificate code of this chapter: expected the shape "
                "{pattern}, for example {example}."
            ),
            label=LABEL,
            code=code,
            pattern=pattern,
            example=compiled.example,
        )
    return parts


def next_issue(existing_issues: Iterable[int]) -> int:
    """The issue number for a new certificate of a company's site: one more than any so far."""
    return max(max(existing_issues, default=0), 0) + 1


def next_company_number(existing: Iterable[int]) -> int:
    """The number for a new company of the chapter: one more than any so far."""
    return max(max(existing, default=0), 0) + 1


# --- the compiled pattern -----------------------------------------------------------

_TEXT_REGEX: Final = {"country3": "[A-Z]{3}", "country2": "[A-Z]{2}", "city_code": "[A-Z]+"}
_NUMBER_SPEC: Final = re.compile(r"(?:0(?P<width>[1-9][0-9]*))?d?", re.ASCII)
_EXAMPLE: Final = CodeParts("PAN", "PA", "PTY", 74, 1, 2)

_LETTERS: Final = "letters"
_DIGITS: Final = "digits"


@dataclass(frozen=True)
class _Compiled:
    tokens: tuple[tuple[str, str | None, int], ...]
    """(literal text before, field name or None, zero-padded width or 0)."""
    regex: re.Pattern[str]
    example: str
    fields: frozenset[str]


@lru_cache(maxsize=64)
def _compile(pattern: str) -> _Compiled:
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise ValueError(f"certificate code pattern {pattern!r}: {exc}") from None

    tokens: list[tuple[str, str | None, int]] = []
    seen: set[str] = set()
    for literal, name, spec, conversion in parsed:
        if name is None:
            tokens.append((literal, None, 0))
            continue
        where = f"certificate code pattern {pattern!r}"
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in TEXT_FIELDS + NUMBER_FIELDS)
            raise ValueError(f"{where}: unknown placeholder {{{name}}}; use {known}")
        if name in seen:
            raise ValueError(f"{where}: {{{name}}} appears more than once")
        seen.add(name)
        if conversion is not None:
            raise ValueError(f"{where}: {{{name}}} cannot take a conversion (!{conversion})")
        width = 0
        if name in NUMBER_FIELDS:
            spec_match = _NUMBER_SPEC.fullmatch(spec or "")
            if spec_match is None:
                raise ValueError(
                    f"{where}: {{{name}:{spec}}} has an unusable format; "
                    f"use none, or a zero-padded width such as {{{name}:05d}}"
                )
            width = int(spec_match["width"] or 0)
        elif spec:
            raise ValueError(f"{where}: {{{name}}} cannot take a format ({spec!r})")
        tokens.append((literal, name, width))

    missing = sorted(REQUIRED_PLACEHOLDERS - seen, key=NUMBER_FIELDS.index)
    if missing:
        names = ", ".join("{" + name + "}" for name in missing)
        raise ValueError(f"certificate code pattern {pattern!r}: missing {names}")
    _check_unambiguous(pattern, tokens)

    regex_parts: list[str] = []
    for literal, name, width in tokens:
        regex_parts.append(re.escape(literal))
        if name is None:
            continue
        if name in NUMBER_FIELDS:
            body = f"[0-9]{{{width}}}" if width else "[1-9][0-9]*"
        else:
            body = _TEXT_REGEX[name]
        regex_parts.append(f"(?P<{name}>{body})")
    regex = re.compile("".join(regex_parts), re.ASCII | re.IGNORECASE)

    compiled_tokens = tuple(tokens)
    example = "".join(
        literal + _example_value(name, width) for literal, name, width in compiled_tokens
    )
    return _Compiled(compiled_tokens, regex, example, frozenset(seen))


def _example_value(name: str | None, width: int) -> str:
    if name is None:
        return ""
    value = getattr(_EXAMPLE, name)
    if isinstance(value, int):
        return format(value, f"0{width}d") if width else str(value)
    return str(value)


def _check_unambiguous(pattern: str, tokens: list[tuple[str, str | None, int]]) -> None:
    """Refuse patterns where two fields of varying length could run into each other.

    The code is read left to right.  A field of varying length (an unpadded number,
    the city code) ends where the first following character that it cannot contain
    appears; so between it and the next field of varying length (that field
    included) there must be such a character, a literal or a field of the other kind.
    """
    # Flatten into (kind, varying, name) steps: one per literal character or field.
    steps: list[tuple[str, bool, str]] = []
    for literal, name, width in tokens:
        for char in literal:
            if char in string.ascii_letters:
                steps.append((_LETTERS, False, repr(char)))
            elif char in string.digits:
                steps.append((_DIGITS, False, repr(char)))
            else:
                steps.append((char, False, repr(char)))
        if name is None:
            continue
        kind = _DIGITS if name in NUMBER_FIELDS else _LETTERS
        varying = name == "city_code" or (name in NUMBER_FIELDS and not width)
        steps.append((kind, varying, "{" + name + "}"))

    for index, (kind, varying, label) in enumerate(steps):
        if not varying:
            continue
        for other_kind, other_varying, other_label in steps[index + 1 :]:
            if other_kind != kind:
                break
            if other_varying:
                raise ValueError(
                    f"certificate code pattern {pattern!r}: {label} and {other_label} "
                    "could run into each other; put a separator such as '-' between them "
                    "or give the number a fixed width such as :05d"
                )


def _match(compiled: _Compiled, code: str) -> CodeParts | None:
    found = compiled.regex.fullmatch(code)
    if found is None:
        return None
    groups = found.groupdict()
    company, site, issue = (int(groups[name]) for name in NUMBER_FIELDS)
    if min(company, site, issue) < 1:
        return None
    country3, country2, city_code = ((groups.get(name) or "").upper() for name in TEXT_FIELDS)
    return CodeParts(country3, country2, city_code, company, site, issue)


def _parts_in_pattern(compiled: _Compiled, parts: CodeParts | None) -> tuple[object, ...] | None:
    if parts is None:
        return None
    return tuple(getattr(parts, name) for name in sorted(compiled.fields))


_NUMBER_TOO_SMALL: Final = {
    "company": _("The company number must be 1 or more, not {value}."),
    "site": _("The site number must be 1 or more, not {value}."),
    "issue": _("The issue number must be 1 or more, not {value}."),
}
_NUMBER_TOO_WIDE: Final = {
    "company": _(
        "The company number {value} has more than the {width} digits that the chapter's "
        "certificate code allows."
    ),
    "site": _(
        "The site number {value} has more than the {width} digits that the chapter's "
        "certificate code allows."
    ),
    "issue": _(
        "The issue number {value} has more than the {width} digits that the chapter's "
        "certificate code allows."
    ),
}
_BAD_TEXT: Final = {
    "country3": _("The country code {value} must be three capital letters, like PAN."),
    "country2": _("The country code {value} must be two capital letters, like PA."),
    "city_code": _("The city code {value} must be capital letters only, like PTY."),
}


def _check_number(name: str, value: int, width: int) -> None:
    if value < 1:
        raise ValidationError(FIELD, _NUMBER_TOO_SMALL[name], label=LABEL, value=value)
    if width and value >= 10**width:
        raise ValidationError(FIELD, _NUMBER_TOO_WIDE[name], label=LABEL, value=value, width=width)


def _check_text(name: str, value: str) -> None:
    if re.fullmatch(_TEXT_REGEX[name], value, re.ASCII) is None:
        raise ValidationError(FIELD, _BAD_TEXT[name], label=LABEL, value=value)
