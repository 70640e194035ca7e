"""Field checks for what a coordinator types: required text, e-mail, phone, website."""

from __future__ import annotations

import re
import unicodedata

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
