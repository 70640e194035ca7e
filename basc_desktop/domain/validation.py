"""Field checks for what a coordinator types: required text, e-mail, phone, website."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.text import translatable as _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+\d{1,3}[\d\s\-()]{6,20}$")
_WEBSITE = re.compile(r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")


def clean_text(value: str | None) -> str:
    """Trim and fold runs of white space to one space."""
    return " ".join((value or "").split())


def strip_controls(text: str | None, *, keep: frozenset[str] = frozenset()) -> str:
    """``text`` without control characters (NUL, BEL, ESC…), except those in ``keep``.

    Line breaks and tabs become spaces unless kept, so a one-line field stays one line.
    """
    out = []
    for ch in text or "":
        if ch in keep:
            out.append(ch)
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"):
            out.append(ch)
    return "".join(out)


def _within(field: str, label: str, text: str, max_length: int) -> str:
    if len(text) > max_length:
        raise ValidationError(
            field,
            _("{label} is too long: {length} characters, at most {max_length}."),
            label=label,
            length=len(text),
            max_length=max_length,
        )
    return text


def require(field: str, label: str, value: str | None, *, max_length: int = 300) -> str:
    text = clean_text(value)
    if not text:
        raise ValidationError(field, _("{label} is required."), label=label)
    return _within(field, label, text, max_length)


def optional(field: str, label: str, value: str | None, *, max_length: int = 300) -> str:
    return _within(field, label, clean_text(value), max_length)


def check_email(value: str | None, *, field: str = "email", label: str = "E-mail") -> str:
    """An empty e-mail is allowed; a typed one must look like name@domain.tld."""
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(
            field,
            _("{label} must look like name@company.com; got “{value}”."),
            label=label,
            value=text,
        )
    return text.lower()


def check_phone(value: str | None, *, field: str = "phone", label: str = "Phone") -> str:
    """An empty phone is allowed; a typed one starts with + and the country code."""
    text = clean_text(value)
    if text and not _PHONE.match(text):
        raise ValidationError(
            field,
            _("{label} must start with + and the country code, e.g. +57 601 555 0101."),
            label=label,
        )
    return text


def check_website(value: str | None, *, field: str = "website", label: str = "Website") -> str:
    text = (value or "").strip()
    if text and not _WEBSITE.match(text):
        raise ValidationError(
            field, _("{label} must be a web address such as www.company.com."), label=label
        )
    return text


MAX_DAYS = 36_500
"""A hundred years: the most days a coordinator can mean in a filter or a deadline."""
MAX_ROWS = 2**31 - 1
"""The most rows a list can skip or show (a database integer)."""


def check_number(
    field: str, label: str, value: int | None, *, minimum: int = 0, maximum: int = MAX_DAYS
) -> int | None:
    """A whole number typed in a filter (days, a page), None when not given."""
    if value is not None and not minimum <= value <= maximum:
        raise ValidationError(
            field,
            _("{label} must be a whole number from {minimum} to {maximum}; got {value}."),
            label=label,
            minimum=minimum,
            maximum=maximum,
            value=value,
        )
    return value


def check_page(offset: int, limit: int | None) -> None:
    """The page of a list: where it starts and how many rows it shows (None: all)."""
    check_number("offset", _("First row"), offset, maximum=MAX_ROWS)
    check_number("limit", _("Rows per page"), limit, maximum=MAX_ROWS)


def check_month(year: int, month: int) -> date:
    """The first day of a month a coordinator typed (year 2026, month 6)."""
    check_number("year", _("Year"), year, minimum=1900, maximum=2999)
    check_number("month", _("Month"), month, minimum=1, maximum=12)
    return date(year, month, 1)


EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def check_date(field: str, label: str, value: date) -> date:
    """A date a coordinator typed, within the years a register can mean (1900–2999)."""
    if not EARLIEST <= value <= LATEST:
        raise ValidationError(
            field,
            _("{label} must be between {earliest} and {latest}; got {value}."),
            label=label,
            earliest=EARLIEST,
            latest=LATEST,
            value=value,
        )
    return value
