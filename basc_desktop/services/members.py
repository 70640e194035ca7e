"""Member companies: register, edit, find, archive."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from basc_desktop.domain import validation
from basc_desktop.domain.errors import NotFoundError, StaleRecordError, ValidationError
from basc_desktop.domain.search import fold, search_key, search_terms
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id, tax_id_label
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.member_forms import (
    SORTABLE_COLUMNS,
    ContactView,
    MemberDetail,
    MemberInput,
    MemberQuery,
    MemberRow,
    RelatedCertificationView,
)
from basc_desktop.services.status import status_facts
from basc_desktop.services.trail import diff, record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company

RECORD_TYPE = "company"
CURRENT_MEMBERS = MemberQuery()
"""The default list: every member not archived, by legal name."""


def clean_member(ws: Workspace, data: MemberInput) -> dict[str, Any]:
    """The checked, normalised fields of ``data``; raises ValidationError on the first bad one."""
    if data.chapter_code not in ws.chapters:
        raise ValidationError(
            "chapter_code",
            _("There is no chapter “{code}”."),
            label=_("Chapter"),
            code=data.chapter_code,
        )
    chapter = ws.chapters.get(data.chapter_code)
    try:
        business_type = BusinessType(data.business_type)
    except ValueError:
        raise ValidationError(
            "business_type",
            _("“{value}” is not a business type."),
            label=_("Business type"),
            value=data.business_type,
        ) from None
    return {
        "legal_name": validation.require("legal_name", _("Legal name"), data.legal_name),
        "trade_name": validation.optional("trade_name", _("Trade name"), data.trade_name),
        "tax_id": check_tax_id(chapter.country_code, data.tax_id),
        "country": chapter.country_code,
        "chapter_code": chapter.code,
        "business_type": business_type,
        "address": validation.optional("address", _("Address"), data.address),
        "city": validation.optional("city", _("City"), data.city, max_length=120),
        "phone": validation.check_phone(data.phone, label=_("Phone")),
        "email": validation.check_email(data.email, label=_("E-mail")),
        "website": validation.check_website(data.website, label=_("Website")),
        "membership_start": data.membership_start,
        "notes": (data.notes or "").strip(),
    }


def _derived(fields: dict[str, Any]) -> dict[str, str]:
    """The columns kept for sorting and searching, derived from what was typed."""
    return {
        "sort_name": fold(fields["legal_name"]),
        "search_text": search_key(
            fields["legal_name"], fields["trade_name"], fields["tax_id"], fields["city"]
        ),
    }


def _refuse_duplicate(session: Session, country: str, tax_id: str, own_id: int | None) -> None:
    existing = session.execute(
        select(Company.id, Company.legal_name).where(
            Company.country == country, Company.tax_id == tax_id
        )
    ).first()
    if existing is not None and existing.id != own_id:
        raise ValidationError(
            "tax_id",
            _("The {label} {tax_id} is already registered to {company}."),
            label=tax_id_label(country),
            tax_id=format_tax_id(country, tax_id),
            company=existing.legal_name,
            existing_id=existing.id,
        )


def create_member(ws: Workspace, data: MemberInput) -> MemberRow:
    """Register a new member company in its chapter; returns it as the list shows it."""
    fields = clean_member(ws, data)
    try:
        with ws.db.transaction() as session:
            _refuse_duplicate(session, fields["country"], fields["tax_id"], None)
            number = (
                session.scalar(
                    select(func.max(Company.member_number)).where(
                        Company.chapter_code == fields["chapter_code"]
                    )
                )
                or 0
            ) + 1
            company = Company(**fields, **_derived(fields), member_number=number)
            session.add(company)
            session.flush()
            record_event(session, ws.user, RECORD_TYPE, company.id, "create", fields)
            new_id = company.id
    except IntegrityError as exc:
        # Another coordinator registered the same tax ID between our check and our write.
        with ws.db.reading() as session:
            _refuse_duplicate(session, fields["country"], fields["tax_id"], None)
        raise exc
    return get_member(ws, new_id).row


def update_member(
    ws: Workspace, member_id: int, data: MemberInput, *, expected_version: int
) -> MemberRow:
    """Save edits to a member; refused if someone saved it since it was read."""
    fields = clean_member(ws, data)
    with ws.db.transaction() as session:
        company = _load(session, member_id)
        if company.version != expected_version:
            raise StaleRecordError(
                _("{company} was changed by someone else since you opened it. Reload to see it."),
                company=company.legal_name,
            )
        _refuse_duplicate(session, fields["country"], fields["tax_id"], company.id)
        before = {key: getattr(company, key) for key in fields}
        changes = diff(before, fields)
        if changes:
            for key, value in fields.items():
                setattr(company, key, value)
            for key, value in _derived(fields).items():
                setattr(company, key, value)
            session.flush()
            record_event(session, ws.user, RECORD_TYPE, company.id, "update", changes)
    return get_member(ws, member_id).row


def archive_member(ws: Workspace, member_id: int, *, on: date | None = None) -> None:
    """A member who leaves is archived, never deleted: the history stays."""
    with ws.db.transaction() as session:
        company = _load(session, member_id)
        if company.archived_on is None:
            company.archived_on = on or ws.today()
            record_event(
                session,
                ws.user,
                RECORD_TYPE,
                company.id,
                "archive",
                {"archived_on": (None, company.archived_on)},
            )


def restore_member(ws: Workspace, member_id: int) -> None:
    with ws.db.transaction() as session:
        company = _load(session, member_id)
        if company.archived_on is not None:
            record_event(
                session,
                ws.user,
                RECORD_TYPE,
                company.id,
                "restore",
                {"archived_on": (company.archived_on, None)},
            )
            company.archived_on = None


def _load(session: Session, member_id: int) -> Company:
    company = session.get(Company, member_id)
    if company is None:
        raise NotFoundError(_("Member {id} does not exist."), id=member_id)
    return company


def _filtered(query: MemberQuery) -> Select[Company]:
    stmt = select(Company)
    for term in search_terms(query.search):
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Company.search_text.like(f"%{escaped}%", escape="\\"))
    if query.countries:
        stmt = stmt.where(Company.country.in_(query.countries))
    if query.chapters:
        stmt = stmt.where(Company.chapter_code.in_(query.chapters))
    if query.business_types:
        stmt = stmt.where(Company.business_type.in_(query.business_types))
    if query.archived is True:
        stmt = stmt.where(Company.archived_on.is_not(None))
    elif query.archived is False:
        stmt = stmt.where(Company.archived_on.is_(None))
    if query.ids:
        stmt = stmt.where(Company.id.in_(query.ids))
    return stmt


def count_members(ws: Workspace, query: MemberQuery = CURRENT_MEMBERS) -> int:
    with ws.db.reading() as session:
        subquery = _filtered(query).with_only_columns(Company.id).subquery()
        return session.scalar(select(func.count()).select_from(subquery)) or 0


def find_members(ws: Workspace, query: MemberQuery = CURRENT_MEMBERS) -> list[MemberRow]:
    """One page of the members list, sorted by the database."""
    if query.order_by not in SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort members by {query.order_by!r}")
    column = (
        Company.sort_name if query.order_by == "legal_name" else getattr(Company, query.order_by)
    )
    order = column.desc() if query.descending else column.asc()
    stmt = _filtered(query).order_by(order, Company.id).offset(query.offset)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    with ws.db.reading() as session:
        companies = list(session.scalars(stmt))
        return _rows(ws, session, companies)


def get_member(ws: Workspace, member_id: int) -> MemberDetail:
    with ws.db.reading() as session:
        company = session.scalar(
            select(Company)
            .where(Company.id == member_id)
            .options(selectinload(Company.contacts), selectinload(Company.related_certifications))
        )
        if company is None:
            raise NotFoundError(_("Member {id} does not exist."), id=member_id)
        (row,) = _rows(ws, session, [company])
        return MemberDetail(
            row=row,
            address=company.address,
            phone=company.phone,
            email=company.email,
            website=company.website,
            membership_start=company.membership_start,
            notes=company.notes,
            contacts=tuple(ContactView(c.name, c.role, c.email, c.phone) for c in company.contacts),
            related_certifications=tuple(
                RelatedCertificationView(
                    r.program, r.identifier, r.authority, r.valid_from, r.valid_until
                )
                for r in company.related_certifications
            ),
        )


def find_member_by_tax_id(ws: Workspace, country: str, tax_id: str) -> MemberDetail:
    compact = check_tax_id(country, tax_id)
    with ws.db.reading() as session:
        found = session.scalar(
            select(Company.id).where(Company.country == country, Company.tax_id == compact)
        )
    if found is None:
        raise NotFoundError(
            _("No member has the {label} {tax_id}."),
            label=tax_id_label(country),
            tax_id=format_tax_id(country, compact),
        )
    return get_member(ws, found)


def member_input(detail: MemberDetail) -> MemberInput:
    """The editable fields of a member, to change a few and save them back."""
    row = detail.row
    return MemberInput(
        legal_name=row.legal_name,
        tax_id=row.tax_id,
        chapter_code=row.chapter_code,
        business_type=row.business_type,
        trade_name=row.trade_name,
        address=detail.address,
        city=row.city,
        phone=detail.phone,
        email=detail.email,
        website=detail.website,
        membership_start=detail.membership_start,
        notes=detail.notes,
    )


def _rows(ws: Workspace, session: Session, companies: Sequence[Company]) -> list[MemberRow]:
    warning = {
        c.id: ws.chapters.get(c.chapter_code).expiry_warning_days
        if c.chapter_code in ws.chapters
        else 60
        for c in companies
    }
    facts = status_facts(session, [c.id for c in companies], ws.today(), warning)
    return [
        MemberRow(
            id=c.id,
            member_number=c.member_number,
            legal_name=c.legal_name,
            trade_name=c.trade_name,
            tax_id=format_tax_id(c.country, c.tax_id),
            country=c.country,
            chapter_code=c.chapter_code,
            business_type=c.business_type,
            city=c.city,
            status=facts[c.id].status,
            certificate_code=facts[c.id].certificate_code,
            expires_on=facts[c.id].expires_on,
            next_audit_on=facts[c.id].next_audit_on,
            archived_on=c.archived_on,
            version=c.version,
        )
        for c in companies
    ]


__all__ = [
    "MemberDetail",
    "MemberInput",
    "MemberQuery",
    "MemberRow",
    "archive_member",
    "count_members",
    "create_member",
    "find_member_by_tax_id",
    "find_members",
    "get_member",
    "member_input",
    "restore_member",
    "update_member",
]
