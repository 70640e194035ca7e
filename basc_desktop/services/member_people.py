"""A member's contacts and other programs: checked row by row, saved, and logged readably.

The editor sends the full list of each (``MemberInput.contacts`` / ``.programs``); a
list of None leaves the saved rows alone.  Every bad cell is reported with its row:
key ``contacts[1].email`` (0-based, as in the list) and a message that names the row
as the coordinator counts it ("Contact 2: E-mail must look like…").

The history logs one change per list, field ``contacts`` or ``programs``: old = the
rows removed or changed, new = the rows added or changed, each written as one line
("Ana Pérez (Gerente)"; "C-TPAT 1234 (CBP, 2025-01-01 – 2026-12-31)"), several
joined with "; ".  A row left as it was is not repeated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from basc_desktop.domain import validation
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import RelatedProgram
from basc_desktop.services.member_forms import ContactInput, ProgramInput
from basc_desktop.store.members import Company, Contact, RelatedCertification

CONTACT_LIMITS = {"name": 200, "role": 120, "email": 254, "phone": 40}
PROGRAM_LIMITS = {"identifier": 80, "authority": 200}
CONTACT_LABELS = {
    "name": _("Name"),
    "role": _("Role"),
    "email": _("E-mail"),
    "phone": _("Phone"),
}
PROGRAM_LABELS = {
    "program": _("Program"),
    "identifier": _("Identifier"),
    "authority": _("Authority"),
    "valid_from": _("Valid from"),
    "valid_until": _("Valid until"),
}

ROW_TEMPLATES = {
    "contacts": _("Contact {number}: {problem}"),
    "programs": _("Program {number}: {problem}"),
}

Row = TypeVar("Row", ContactInput, ProgramInput)


def _in_row(list_name: str, index: int, error: ValidationError) -> ValidationError:
    """``error`` of one cell, keyed ``contacts[index].field`` and naming the row."""
    return ValidationError(
        f"{list_name}[{index}].{error.field}",
        ROW_TEMPLATES[list_name],
        label=error.label,
        row=index + 1,
        number=index + 1,
        problem=error.message,
    )


def _text(
    field: str, label: str, raw: str, limit: int, check: Callable[[str], str] | None = None
) -> str:
    """One typed cell, without control characters, within its limit and checked."""
    text = validation.strip_controls(raw)
    if check is None:
        return validation.optional(field, label, text, max_length=limit)
    validation.optional(field, label, text, max_length=limit)
    return check(text)


def _contact(row: ContactInput) -> tuple[ContactInput, list[ValidationError]]:
    label = CONTACT_LABELS
    errors: list[ValidationError] = []
    values: dict[str, str] = {}
    checks: dict[str, Callable[[str], str]] = {
        "name": lambda t: validation.require("name", label["name"], t, max_length=200),
        "email": lambda t: validation.check_email(t, label=label["email"]),
        "phone": lambda t: validation.check_phone(t, label=label["phone"]),
    }
    for field, limit in CONTACT_LIMITS.items():
        try:
            values[field] = _text(
                field, label[field], getattr(row, field), limit, checks.get(field)
            )
        except ValidationError as exc:
            errors.append(exc)
    return ContactInput(**values) if not errors else row, errors


def _program(row: ProgramInput) -> tuple[ProgramInput, list[ValidationError]]:
    label = PROGRAM_LABELS
    errors: list[ValidationError] = []
    program: RelatedProgram | str = row.program
    try:
        program = RelatedProgram(row.program)
    except ValueError:
        errors.append(
            ValidationError(
                "program", _("Choose C-TPAT, AEO/OEA or ISO 28000."), label=label["program"]
            )
        )
    values: dict[str, str] = {}
    for field, limit in PROGRAM_LIMITS.items():
        try:
            text = _text(field, label[field], getattr(row, field), limit)
            if field == "identifier":
                text = validation.require(field, label[field], text, max_length=limit)
            values[field] = text
        except ValidationError as exc:
            errors.append(exc)
    if row.valid_from and row.valid_until and row.valid_until < row.valid_from:
        errors.append(
            ValidationError(
                "valid_until",
                _("{label} is before the date it is valid from."),
                label=label["valid_until"],
            )
        )
    cleaned = ProgramInput(
        program, valid_from=row.valid_from, valid_until=row.valid_until, **values
    )
    return (cleaned if not errors else row), errors


def examine_contacts(
    rows: Sequence[ContactInput],
) -> tuple[tuple[ContactInput, ...], dict[str, ValidationError]]:
    """The cleaned contacts and the error of every bad cell, keyed ``contacts[i].field``."""
    cleaned: list[ContactInput] = []
    errors: dict[str, ValidationError] = {}
    for index, row in enumerate(rows):
        clean, problems = _contact(row)
        cleaned.append(clean)
        for problem in problems:
            error = _in_row("contacts", index, problem)
            errors[error.field] = error
    return tuple(cleaned), errors


def examine_programs(
    rows: Sequence[ProgramInput],
) -> tuple[tuple[ProgramInput, ...], dict[str, ValidationError]]:
    """The cleaned programs and the error of every bad cell, keyed ``programs[i].field``.

    A program listed twice is refused on its second row (field ``program``).
    """
    cleaned: list[ProgramInput] = []
    errors: dict[str, ValidationError] = {}
    first_row: dict[RelatedProgram, int] = {}
    for index, row in enumerate(rows):
        clean, problems = _program(row)
        cleaned.append(clean)
        if isinstance(clean.program, RelatedProgram):
            if clean.program in first_row:
                problems.insert(
                    0,
                    ValidationError(
                        "program",
                        _("{program} is already listed in row {first}."),
                        label=PROGRAM_LABELS["program"],
                        program=clean.program.label,
                        first=first_row[clean.program] + 1,
                    ),
                )
            else:
                first_row[clean.program] = index
        for problem in problems:
            error = _in_row("programs", index, problem)
            errors[error.field] = error
    return tuple(cleaned), errors


# --- reading and writing the store -------------------------------------------------------


def saved_contacts(company: Company) -> tuple[ContactInput, ...]:
    return tuple(ContactInput(c.name, c.role, c.email, c.phone) for c in company.contacts)


def saved_programs(company: Company) -> tuple[ProgramInput, ...]:
    return tuple(
        ProgramInput(r.program, r.identifier, r.authority, r.valid_from, r.valid_until)
        for r in company.related_certifications
    )


def write_contacts(company: Company, rows: Sequence[ContactInput]) -> None:
    """Make the company's contacts exactly ``rows`` (kept rows keep their ids)."""
    existing = list(company.contacts)
    for index, row in enumerate(rows):
        if index < len(existing):
            target = existing[index]
        else:
            target = Contact()
            company.contacts.append(target)
        target.name, target.role, target.email, target.phone = (
            row.name,
            row.role,
            row.email,
            row.phone,
        )
    for extra in existing[len(rows) :]:
        company.contacts.remove(extra)


def write_programs(company: Company, rows: Sequence[ProgramInput]) -> None:
    """Make the company's other programs exactly ``rows`` (kept rows keep their ids)."""
    existing = list(company.related_certifications)
    for index, row in enumerate(rows):
        if index < len(existing):
            target = existing[index]
        else:
            target = RelatedCertification()
            company.related_certifications.append(target)
        target.program = RelatedProgram(row.program)
        target.identifier, target.authority = row.identifier, row.authority
        target.valid_from, target.valid_until = row.valid_from, row.valid_until
    for extra in existing[len(rows) :]:
        company.related_certifications.remove(extra)


# --- the history ---------------------------------------------------------------------------


def contact_line(row: ContactInput) -> str:
    """One contact as the history writes it: "Ana Pérez (Gerente, ana@x.co, +57 …)"."""
    details = ", ".join(v for v in (row.role, row.email, row.phone) if v)
    return f"{row.name} ({details})" if details else row.name


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def program_line(row: ProgramInput) -> str:
    """One program as the history writes it: "C-TPAT 1234 (CBP, 2025-01-01 – 2026-12-31)"."""
    head = " ".join(v for v in (RelatedProgram(row.program).label, row.identifier) if v)
    period = ""
    if row.valid_from or row.valid_until:
        period = f"{_iso(row.valid_from)} – {_iso(row.valid_until)}".strip()
    details = ", ".join(v for v in (row.authority, period) if v)
    return f"{head} ({details})" if details else head


def _only_in(rows: Sequence[Row], others: Sequence[Row]) -> list[Row]:
    """The rows of ``rows`` not in ``others`` (counting repeats), in their order."""
    left = Counter(others)
    out = []
    for row in rows:
        if left[row]:
            left[row] -= 1
        else:
            out.append(row)
    return out


def list_change(
    before: Sequence[Row], after: Sequence[Row], line: Callable[[Row], str]
) -> tuple[str, str] | None:
    """(old, new) for the history: the rows removed or changed, and those added or changed."""
    if tuple(before) == tuple(after):
        return None
    removed, added = _only_in(before, after), _only_in(after, before)
    if not removed and not added:  # the same rows in another order
        removed, added = list(before), list(after)
    return "; ".join(line(r) for r in removed), "; ".join(line(r) for r in added)


def people_changes(
    company: Company,
    contacts: Sequence[ContactInput] | None,
    programs: Sequence[ProgramInput] | None,
) -> dict[str, tuple[str, str]]:
    """The history entries for new ``contacts`` / ``programs`` (None: not edited)."""
    changes: dict[str, tuple[str, str]] = {}
    if contacts is not None:
        change = list_change(saved_contacts(company), contacts, contact_line)
        if change is not None:
            changes["contacts"] = change
    if programs is not None:
        found = list_change(saved_programs(company), programs, program_line)
        if found is not None:
            changes["programs"] = found
    return changes


def people_lines(
    contacts: Sequence[ContactInput], programs: Sequence[ProgramInput]
) -> dict[str, str]:
    """The lists of a new member as its "create" event logs them (empty lists left out)."""
    lines = {
        "contacts": "; ".join(contact_line(r) for r in contacts),
        "programs": "; ".join(program_line(r) for r in programs),
    }
    return {key: text for key, text in lines.items() if text}
