"""Checking a member as the coordinator types it: every field at once, nothing half-saved.

:func:`check_member` reports every bad field together (for the editor, which shows
each message beside its field); :func:`clean_member` gives the normalised fields or
raises the first error, and agrees with it because both use :func:`examine_member`.

Bad input: control characters are stripped (notes keep their line breaks and tabs),
runs of white space in one-line fields become one space, a name of only spaces is
refused as missing, and text over a field's limit is refused with a message that names
the field and the limit (so a 10,000-character paste is not saved cut short).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.domain import validation
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id, tax_id_label
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import strip_controls
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.member_people import examine_contacts, examine_programs
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company

FIELD_LIMITS: dict[str, int] = {
    "legal_name": 300,
    "trade_name": 300,
    "tax_id": 40,
    "address": 300,
    "city": 120,
    "phone": 40,
    "email": 254,
    "website": 254,
    "notes": 4_000,
}
"""The most characters each typed field takes (the database columns allow as much)."""

FIELD_LABELS: dict[str, str] = {
    "legal_name": _("Legal name"),
    "trade_name": _("Trade name"),
    "tax_id": _("Tax ID"),
    "chapter_code": _("Chapter"),
    "business_type": _("Business type"),
    "address": _("Address"),
    "city": _("City"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "website": _("Website"),
    "notes": _("Notes"),
}

_KEEP_IN_NOTES = frozenset("\n\t")


def _too_long(name: str, text: str) -> ValidationError | None:
    limit = FIELD_LIMITS[name]
    if len(text) <= limit:
        return None
    return ValidationError(
        name,
        _("{label} is too long: {length} characters, at most {max_length}."),
        label=FIELD_LABELS[name],
        length=len(text),
        max_length=limit,
    )


def examine_member(
    ws: Workspace, data: MemberInput
) -> tuple[dict[str, Any], dict[str, ValidationError]]:
    """The cleaned fields and the errors of every bad field (no database look-up)."""
    fields: dict[str, Any] = {}
    errors: dict[str, ValidationError] = {}

    def check(name: str, clean: Callable[[str], Any], raw: str | None) -> None:
        keep = _KEEP_IN_NOTES if name == "notes" else frozenset()
        text = strip_controls(raw, keep=keep)
        problem = _too_long(name, text.strip())
        if problem is not None:
            errors[name] = problem
            return
        try:
            fields[name] = clean(text)
        except ValidationError as exc:
            errors[name] = exc

    label = FIELD_LABELS
    chapter = ws.chapters.get(data.chapter_code) if data.chapter_code in ws.chapters else None
    if chapter is None:
        errors["chapter_code"] = ValidationError(
            "chapter_code",
            _("There is no chapter “{code}”."),
            label=label["chapter_code"],
            code=data.chapter_code,
        )
    else:
        fields["country"] = chapter.country_code
        fields["chapter_code"] = chapter.code
    try:
        fields["business_type"] = BusinessType(data.business_type)
    except ValueError:
        errors["business_type"] = ValidationError(
            "business_type",
            _("“{value}” is not a business type."),
            label=label["business_type"],
            value=data.business_type,
        )
    check(
        "legal_name",
        lambda t: validation.require("legal_name", label["legal_name"], t),
        data.legal_name,
    )
    check(
        "trade_name",
        lambda t: validation.optional("trade_name", label["trade_name"], t),
        data.trade_name,
    )
    if chapter is not None:
        country = chapter.country_code
        check("tax_id", lambda t: check_tax_id(country, t), data.tax_id)
    elif not validation.clean_text(data.tax_id):
        errors["tax_id"] = ValidationError(
            "tax_id", _("{label} is required."), label=label["tax_id"]
        )
    check("address", lambda t: validation.optional("address", label["address"], t), data.address)
    check(
        "city", lambda t: validation.optional("city", label["city"], t, max_length=120), data.city
    )
    check("phone", lambda t: validation.check_phone(t, label=label["phone"]), data.phone)
    check("email", lambda t: validation.check_email(t, label=label["email"]), data.email)
    check("website", lambda t: validation.check_website(t, label=label["website"]), data.website)
    check("notes", lambda t: t.strip(), data.notes)
    fields["membership_start"] = data.membership_start
    if data.contacts is not None:
        fields["contacts"], found = examine_contacts(data.contacts)
        errors.update(found)
    if data.programs is not None:
        fields["programs"], found = examine_programs(data.programs)
        errors.update(found)
    return fields, errors


def duplicate_tax_id(
    session: Session, country: str, tax_id: str, own_id: int | None
) -> ValidationError | None:
    """The error for a tax ID already registered in ``country`` to another member."""
    existing = session.execute(
        select(Company.id, Company.legal_name).where(
            Company.country == country, Company.tax_id == tax_id
        )
    ).first()
    if existing is None or existing.id == own_id:
        return None
    return ValidationError(
        "tax_id",
        _("The {label} {tax_id} is already registered to {company}."),
        label=tax_id_label(country),
        tax_id=format_tax_id(country, tax_id),
        company=existing.legal_name,
        existing_id=existing.id,
    )


def refuse_duplicate(session: Session, country: str, tax_id: str, own_id: int | None) -> None:
    problem = duplicate_tax_id(session, country, tax_id, own_id)
    if problem is not None:
        raise problem


def check_member(
    ws: Workspace, data: MemberInput, *, member_id: int | None = None
) -> dict[str, ValidationError]:
    """Every problem with ``data``, by field name; an empty dict means it can be saved.

    Contacts and other programs are reported per cell, keyed ``contacts[1].email`` or
    ``programs[0].valid_until`` (0-based), each message naming the row ("Contact 2: …").

    Includes a tax ID already registered in the same country to another member than
    ``member_id`` (field ``tax_id``, with params ``existing_id`` and ``company``).
    """
    fields, errors = examine_member(ws, data)
    if "tax_id" not in errors and "country" in fields:
        with ws.db.reading() as session:
            problem = duplicate_tax_id(session, fields["country"], fields["tax_id"], member_id)
        if problem is not None:
            errors["tax_id"] = problem
    return errors


def clean_member(ws: Workspace, data: MemberInput) -> dict[str, Any]:
    """The checked, normalised fields of ``data``; raises ValidationError on the first bad one.

    When ``data`` carries contacts or programs, their cleaned rows are under the keys
    ``contacts`` and ``programs`` (tuples of ContactInput / ProgramInput).

    Agrees with :func:`check_member` field by field (the duplicate tax ID is checked by
    the saving services, inside their transaction).
    """
    fields, errors = examine_member(ws, data)
    if errors:
        raise next(iter(errors.values()))
    return fields
