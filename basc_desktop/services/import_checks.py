"""Checking each row of a member list with the same rules as the member editor.

A row becomes a :class:`~basc_desktop.services.member_forms.MemberInput` and is checked
by the editor's own checks (``member_checks``): required names, lengths, control
characters, the tax ID for the chapter's country, e-mail, phone, website.  On top of
them, what only a list can get wrong: a country or chapter that does not exist or does
not agree, a date that is not a date, the same tax ID twice in the file, a company that
is already a member.  Existing members are looked up once per country, not per row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from basc_desktop.chapters import ChapterRegistry
from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.import_headers import (
    FIELD_KEYS,
    FIELD_LABELS,
    REQUIRED_FIELDS,
    fold_header,
    match_business_type,
    match_country,
)
from basc_desktop.domain.tax_ids import format_tax_id, tax_id_label
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.reports.sheet_reading import SheetRow, cell_text, column_letter, parse_date
from basc_desktop.services.access import may_see
from basc_desktop.services.import_forms import MAX_PROBLEMS, ImportProblem
from basc_desktop.services.member_checks import examine_member
from basc_desktop.services.member_forms import MemberInput
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company

UPDATABLE = (
    "legal_name", "trade_name", "business_type", "address", "city", "phone", "email",
    "website", "membership_start", "notes",
)  # fmt: skip
"""What an import may change on an existing member (its chapter and tax ID stay)."""


def check_mapping(
    chapters: ChapterRegistry, mapping: Mapping[int, str], default_chapter: str | None
) -> None:
    """Refuse a mapping that cannot give any member: a field missing, or read twice."""
    seen: dict[str, int] = {}
    for column, key in sorted(mapping.items()):
        if key not in FIELD_KEYS:
            raise ValidationError(
                "mapping", _("“{value}” is not a member field."), label=_("Column"), value=key
            )
        if key in seen:
            raise ValidationError(
                key,
                _("Two columns are read as {label}: {first} and {second}. Keep one."),
                label=FIELD_LABELS[key],
                first=column_letter(seen[key]),
                second=column_letter(column),
            )
        seen[key] = column
    for key in REQUIRED_FIELDS:
        if key not in seen:
            raise ValidationError(
                key,
                _("No column is read as {label}: choose the column that holds it."),
                label=FIELD_LABELS[key],
            )
    if default_chapter is not None and default_chapter not in chapters:
        raise ValidationError(
            "chapter_code",
            _("There is no chapter “{code}”."),
            label=_("Chapter"),
            code=default_chapter,
        )
    if "chapter_code" not in seen and "country" not in seen and default_chapter is None:
        raise ValidationError(
            "chapter_code",
            _("No column is read as {label}: choose it, or a default chapter for every row."),
            label=FIELD_LABELS["chapter_code"],
        )


def _chapter_names(chapters: ChapterRegistry) -> dict[str, str]:
    """Folded code, name or (when only one chapter is there) city → chapter code."""
    names: dict[str, str] = {}
    cities: dict[str, list[str]] = {}
    for chapter in chapters:
        names[chapter.code] = chapter.code
        names[fold_header(chapter.code)] = chapter.code
        names[fold_header(chapter.name)] = chapter.code
        cities.setdefault(fold_header(chapter.city), []).append(chapter.code)
    for city, codes in cities.items():
        if len(codes) == 1:
            names.setdefault(city, codes[0])
    return names


@dataclass(frozen=True)
class NewMember:
    row: int
    fields: dict[str, Any]
    """The checked fields, as ``member_checks.clean_member`` gives them."""


@dataclass(frozen=True)
class MemberChange:
    row: int
    member_id: int
    changes: dict[str, tuple[Any, Any]]
    """Field → (old, new), only the fields the file changes."""


@dataclass(frozen=True)
class _Existing:
    id: int
    legal_name: str
    values: dict[str, Any]


class RowChecker:
    """Checks the rows of one file, one at a time, and keeps what they would write."""

    def __init__(
        self,
        ws: Workspace,
        session: Session,
        headers: tuple[str, ...],
        mapping: Mapping[int, str],
        *,
        update_existing: bool,
        default_chapter: str | None,
        keep: bool,
    ) -> None:
        check_mapping(ws.chapters, mapping, default_chapter)
        self.ws = ws
        self.session = session
        self.headers = headers
        self.columns = {key: column for column, key in mapping.items()}
        self.update_existing = update_existing
        self.default = ws.chapters.get(default_chapter) if default_chapter else None
        self.keep = keep
        self.chapter_names = _chapter_names(ws.chapters)
        self.problems: list[ImportProblem] = []
        self.error_count = 0
        self.note_count = 0
        self.rows = self.to_add = self.to_update = self.to_skip = 0
        self.additions: list[NewMember] = []
        self.changes: list[MemberChange] = []
        self._seen: dict[tuple[str, str], int] = {}
        self._kinds: dict[str, BusinessType | None] = {}
        self._countries: dict[str, str | None] = {}
        self._existing: dict[str, dict[str, _Existing]] = {}

    # --- problems ----------------------------------------------------------------------

    def _problem(self, row: int, key: str, message: Message, *, blocking: bool = True) -> None:
        if blocking:
            self.error_count += 1
            if self.keep:
                self.additions.clear()
                self.changes.clear()
                self.keep = False
        else:
            self.note_count += 1
        if len(self.problems) >= MAX_PROBLEMS:
            return
        column = self.columns.get(key)
        if column is None and key == "chapter_code":
            column = self.columns.get("country")
        if column is None:
            where, header = "", FIELD_LABELS.get(key, key)
        else:
            where, header = column_letter(column), self.headers[column]
        self.problems.append(ImportProblem(row, where, header, key, message, blocking))

    def _say(self, row: int, key: str, template: str, **params: Any) -> None:
        params.setdefault("label", FIELD_LABELS.get(key, key))
        self._problem(row, key, Message(template, params))

    # --- one row -------------------------------------------------------------------------

    def _text(self, cells: tuple[Any, ...], key: str) -> str:
        column = self.columns.get(key)
        if column is None:
            return ""
        value = cells[column]
        return value.strip() if isinstance(value, str) else cell_text(value).strip()

    def _chapter(self, number: int, cells: tuple[Any, ...]) -> str | None:
        """The row's chapter code (an unknown one as written), or None after a problem."""
        country_text = self._text(cells, "country")
        country: str | None = None
        if country_text:
            if country_text not in self._countries:
                self._countries[country_text] = match_country(country_text)
            country = self._countries[country_text]
            if country is None:
                self._say(
                    number,
                    "country",
                    _("“{value}” is not a country BASC Desktop knows."),
                    value=country_text,
                )
                return None
        chapter_text = self._text(cells, "chapter_code")
        if chapter_text:
            code = self.chapter_names.get(chapter_text)
            if code is None:
                code = self.chapter_names.get(fold_header(chapter_text))
            if code is None:
                return chapter_text
            chapter = self.ws.chapters.get(code)
            if country is not None and chapter.country_code != country:
                self._say(
                    number,
                    "country",
                    _("The chapter {chapter} is in {chapter_country}, not in {country}."),
                    chapter=chapter.name,
                    chapter_country=chapter.country.name_en,
                    country=COUNTRIES[country].name_en,
                )
                return None
            return code
        if self.default is not None and country in (None, self.default.country_code):
            return self.default.code
        if country is None:
            self._say(
                number,
                "chapter_code",
                _("The chapter is missing: fill it in, or choose a default chapter."),
            )
            return None
        found = self.ws.chapters.by_country(country)
        if len(found) == 1:
            return found[0].code
        self._say(
            number,
            "chapter_code",
            _("{country} has several chapters ({chapters}): fill in the chapter."),
            country=COUNTRIES[country].name_en,
            chapters=", ".join(c.code for c in found) or "-",
        )
        return None

    def _date(self, number: int, cells: tuple[Any, ...]) -> date | None:
        column = self.columns.get("membership_start")
        if column is None or not cell_text(cells[column]).strip():
            return None
        try:
            return parse_date(cells[column])
        except ValueError:
            self._say(
                number,
                "membership_start",
                _("“{value}” is not a date: write it day first, like 31/12/2025."),
                value=cell_text(cells[column]).strip(),
            )
            return None

    def check(self, row: SheetRow) -> None:
        first_problem = len(self.problems)
        try:
            self._check(row)
        finally:
            # The row's problems from left to right, as the coordinator reads the row.
            self.problems[first_problem:] = sorted(
                self.problems[first_problem:],
                key=lambda p: (not p.column, len(p.column), p.column),
            )

    def _check(self, row: SheetRow) -> None:
        number, cells = row.number, row.cells
        self.rows += 1
        errors_before = self.error_count
        chapter = self._chapter(number, cells)
        if chapter is not None and chapter in self.ws.chapters and not may_see(self.ws, chapter):
            self._say(
                number,
                "chapter_code",
                _("{user} is not set up to work for chapter {chapter}."),
                user=self.ws.user,
                chapter=chapter,
            )
            chapter = None
        kind_text = self._text(cells, "business_type")
        if not kind_text:
            self._say(number, "business_type", _("{label} is required."))
        if kind_text not in self._kinds:
            self._kinds[kind_text] = match_business_type(kind_text)
        kind = self._kinds[kind_text]
        started = self._date(number, cells)
        data = MemberInput(
            legal_name=self._text(cells, "legal_name"),
            tax_id=self._text(cells, "tax_id"),
            chapter_code=chapter or "",
            business_type=kind or kind_text,
            trade_name=self._text(cells, "trade_name"),
            address=self._text(cells, "address"),
            city=self._text(cells, "city"),
            phone=self._text(cells, "phone"),
            email=self._text(cells, "email"),
            website=self._text(cells, "website"),
            membership_start=started,
            notes=self._text(cells, "notes"),
        )
        fields, errors = examine_member(self.ws, data)
        for key, error in errors.items():
            if key == "chapter_code" and chapter is None:
                continue  # already said why
            if key == "business_type" and not kind_text:
                continue
            self._problem(number, key, error.message)
        if "tax_id" in errors or "country" not in fields:
            return
        self._duplicate(number, fields)
        if self.error_count == errors_before:
            self._plan(number, cells, fields)

    def _duplicate(self, number: int, fields: dict[str, Any]) -> None:
        key = (fields["country"], fields["tax_id"])
        other = self._seen.setdefault(key, number)
        if other != number:
            self._say(
                number,
                "tax_id",
                _("The same {label} {tax_id} is on row {other}."),
                label=tax_id_label(key[0]),
                tax_id=format_tax_id(*key),
                other=other,
            )

    def _plan(self, number: int, cells: tuple[Any, ...], fields: dict[str, Any]) -> None:
        existing = self._members_of(fields["country"]).get(fields["tax_id"])
        label = tax_id_label(fields["country"])
        if existing is not None and not may_see(self.ws, existing.values["chapter_code"]):
            self._say(
                number,
                "tax_id",
                _(
                    "The {label} {tax_id} is of a member of chapter {chapter}, which {user} "
                    "is not set up to work for."
                ),
                label=label,
                tax_id=format_tax_id(fields["country"], fields["tax_id"]),
                chapter=existing.values["chapter_code"],
                user=self.ws.user,
            )
            return
        if existing is None:
            self.to_add += 1
            if self.keep:
                self.additions.append(NewMember(number, fields))
            return
        if not self.update_existing:
            self.to_skip += 1
            self._note(
                number,
                _("{company} is already a member with this {label}: the row is skipped."),
                company=existing.legal_name,
                label=label,
            )
            return
        changes = {
            key: (existing.values[key], fields[key])
            for key in UPDATABLE
            if key in self.columns
            and (fields[key] if key == "membership_start" else self._text(cells, key))
            and existing.values[key] != fields[key]
        }
        if not changes:
            self.to_skip += 1
            self._note(
                number,
                _("{company} is already a member with the same data: nothing to change."),
                company=existing.legal_name,
                label=label,
            )
            return
        self.to_update += 1
        self._note(
            number,
            _("{company} is already a member with this {label}: {count} fields will be updated."),
            company=existing.legal_name,
            label=label,
            count=len(changes),
        )
        if self.keep:
            self.changes.append(MemberChange(number, existing.id, changes))

    def _note(self, number: int, template: str, **params: Any) -> None:
        self._problem(number, "tax_id", Message(template, params), blocking=False)

    def _members_of(self, country: str) -> dict[str, _Existing]:
        """The members registered in ``country`` by tax ID: one query per country."""
        found = self._existing.get(country)
        if found is not None:
            return found
        columns = [Company.id, Company.tax_id, Company.legal_name, Company.chapter_code]
        if self.update_existing:
            columns += [getattr(Company, key) for key in UPDATABLE if key != "legal_name"]
        found = {}
        for record in self.session.execute(select(*columns).where(Company.country == country)):
            values = dict(record._mapping)
            found[record.tax_id] = _Existing(record.id, record.legal_name, values)
        self._existing[country] = found
        return found
