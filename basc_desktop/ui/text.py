"""Text the domain hands to the screen: messages, data labels, dates and counts.

The domain writes user-facing text in English and marks it for translation in the
``basc`` context (see :mod:`basc_desktop.domain.text`); this module looks it up with
``QCoreApplication.translate`` and fills in the values.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import DOMAIN_CONTEXT, Message
from basc_desktop.domain.vocabulary import (
    ActionState,
    AuditKind,
    AuditState,
    BusinessType,
    MemberStatus,
    Verdict,
)

SUPPORTED_LANGUAGES = ("es", "en", "fr")
DATE_FORMAT = "dd/MM/yyyy"

_language = "en"


_LOCALES = {"es": "es_419", "en": "en_US", "fr": "fr_HT"}


def set_language(language: str) -> None:
    """The language the screens use for data (country names, titles) and numbers."""
    global _language
    _language = language if language in SUPPORTED_LANGUAGES else "en"
    QLocale.setDefault(QLocale(_LOCALES[_language]))


def current_language() -> str:
    return _language


def translate(source: str) -> str:
    """``source`` (an English string marked in the domain) in the UI language."""
    return QCoreApplication.translate(DOMAIN_CONTEXT, source)


def _param(value: Any) -> Any:
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, date):
        return format_date(value)  # day-first, as every date on screen
    if isinstance(value, str):
        # A field label marked in the domain ("Legal name") is shown translated; other
        # text (a company's name, a tax ID) has no translation and comes back unchanged.
        return translate(value)
    return value


def message_text(message: Message) -> str:
    """A domain message, translated, with its values filled in.

    Text values are looked up too, so a label marked with ``translatable`` and passed
    as a value (``label=_("Legal name")``) reads in the UI language.
    """
    params = {key: _param(value) for key, value in message.params.items()}
    template = translate(message.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not hide the message.
        return message.template.format(**params)


def error_text(error: BascError) -> str:
    return message_text(error.message)


def status_label(status: MemberStatus | str | None) -> str:
    """A member status as a word, e.g. "Certified"; an em dash when there is none."""
    if status is None or status == "":
        return "—"
    return translate(MemberStatus(status).label)


def business_type_label(kind: BusinessType | str) -> str:
    return translate(BusinessType(kind).label)


def verdict_label(verdict: Verdict | str | None) -> str:
    """A verdict as a word ("Minor nonconformity"); an empty text while unjudged."""
    if verdict is None or verdict == "":
        return ""
    return translate(Verdict(verdict).label)


def audit_kind_label(kind: AuditKind | str) -> str:
    return translate(AuditKind(kind).label)


def audit_state_label(state: AuditState | str) -> str:
    return translate(AuditState(state).label)


def action_state_label(state: ActionState | str) -> str:
    return translate(ActionState(state).label)


def country_name(alpha2: str) -> str:
    """The country's name in the UI language; the code itself if BASC does not know it."""
    found = COUNTRIES.get(alpha2.upper())
    return found.name(_language) if found else alpha2


def format_date(value: date | None) -> str:
    """Day first, as the coordinators write it: 15/06/2026."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_count(value: int) -> str:
    """A whole number with the UI language's digit grouping: 4,210 or 4.210."""
    return QLocale().toString(value)
