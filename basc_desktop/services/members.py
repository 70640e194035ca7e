"""Member companies: register, edit, find, archive, restore and (rarely) delete.

Each function is one thing a coordinator does, in one transaction, logged in the
event log.  Finding members lives in ``member_search``, checking what was typed in
``member_checks`` and the detail panel's records in ``member_records``; they are
re-exported here so callers need one module.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from basc_desktop.domain.errors import LifecycleError, NotFoundError
from basc_desktop.domain.search import fold, search_key
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id, tax_id_label
from basc_desktop.domain.text import translatable as _
from basc_desktop.services.access import require_chapter, require_member
from basc_desktop.services.member_checks import check_member, clean_member, refuse_duplicate
from basc_desktop.services.member_forms import (
    ContactInput,
    ContactView,
    MemberDetail,
    MemberInput,
    MemberQuery,
    MemberRow,
    ProgramInput,
    RelatedCertificationView,
)
from basc_desktop.services.member_people import (
    people_changes,
    people_lines,
    write_contacts,
    write_programs,
)
from basc_desktop.services.member_records import (
    member_audits,
    member_certificates,
    member_history,
)
from basc_desktop.services.member_search import (
    CURRENT_MEMBERS,
    count_members,
    find_members,
    iter_members,
    member_rows,
    members_with_tax_id,
)
from basc_desktop.services.trail import diff, flush_or_stale, record_event, stale_error
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.admissions import Application
from basc_desktop.store.audits import Audit
from basc_desktop.store.base import utc_now
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.members import Company

RECORD_TYPE = "company"


def derived_columns(fields: dict[str, Any]) -> dict[str, str]:
    """The columns kept for sorting and searching, derived from what was typed."""
    return {
        "sort_name": fold(fields["legal_name"]),
        "search_text": search_key(
            fields["legal_name"], fields["trade_name"], fields["tax_id"], fields["city"]
        ),
    }


def create_member(ws: Workspace, data: MemberInput) -> MemberRow:
    """Register a new member company in its chapter; returns it as the list shows it."""
    fields = clean_member(ws, data)
    contacts = fields.pop("contacts", ())
    programs = fields.pop("programs", ())
    require_chapter(ws, fields["chapter_code"])
    try:
        with ws.db.transaction() as session:
            refuse_duplicate(session, fields["country"], fields["tax_id"], None)
            number = (
                session.scalar(
                    select(func.max(Company.member_number)).where(
                        Company.chapter_code == fields["chapter_code"]
                    )
                )
                or 0
            ) + 1
            company = Company(**fields, **derived_columns(fields), member_number=number)
            session.add(company)
            write_contacts(company, contacts)
            write_programs(company, programs)
            session.flush()
            logged = {**fields, **people_lines(contacts, programs)}
            record_event(session, ws.user, RECORD_TYPE, company.id, "create", logged)
            new_id = company.id
    except IntegrityError as exc:
        # Another coordinator registered the same tax ID between our check and our write.
        with ws.db.reading() as session:
            refuse_duplicate(session, fields["country"], fields["tax_id"], None)
        raise exc
    return get_member(ws, new_id).row


def update_member(
    ws: Workspace, member_id: int, data: MemberInput, *, expected_version: int
) -> MemberRow:
    """Save edits to a member; refused if someone saved it since it was read.

    Contacts and other programs given in ``data`` replace the saved ones (None: kept);
    the history says which rows were removed, changed or added.
    """
    fields = clean_member(ws, data)
    contacts = fields.pop("contacts", None)
    programs = fields.pop("programs", None)
    require_chapter(ws, fields["chapter_code"])
    with ws.db.transaction() as session:
        require_member(ws, session, member_id)
        company = _load(session, member_id)
        if company.version != expected_version:
            raise stale_error(session, RECORD_TYPE, company.id, company.legal_name)
        refuse_duplicate(session, fields["country"], fields["tax_id"], company.id)
        before = {key: getattr(company, key) for key in fields}
        changes = diff(before, fields)
        changes.update(people_changes(company, contacts, programs))
        if changes:
            for key, value in fields.items():
                setattr(company, key, value)
            for key, value in derived_columns(fields).items():
                setattr(company, key, value)
            if contacts is not None:
                write_contacts(company, contacts)
            if programs is not None:
                write_programs(company, programs)
            company.updated_at = utc_now()  # a new version, even if only the lists changed
            flush_or_stale(session, ws, RECORD_TYPE, member_id, fields["legal_name"])
            record_event(session, ws.user, RECORD_TYPE, company.id, "update", changes)
    return get_member(ws, member_id).row


def _archive(session: Session, ws: Workspace, company: Company, on: date) -> bool:
    if company.archived_on is not None:
        return False
    company.archived_on = on
    record_event(session, ws.user, RECORD_TYPE, company.id, "archive", {"archived_on": (None, on)})
    return True


def _restore(session: Session, ws: Workspace, company: Company) -> bool:
    if company.archived_on is None:
        return False
    record_event(
        session,
        ws.user,
        RECORD_TYPE,
        company.id,
        "restore",
        {"archived_on": (company.archived_on, None)},
    )
    company.archived_on = None
    return True


def archive_member(ws: Workspace, member_id: int, *, on: date | None = None) -> None:
    """A member who leaves is archived, never deleted: the history stays."""
    with ws.db.transaction() as session:
        require_member(ws, session, member_id)
        _archive(session, ws, _load(session, member_id), on or ws.today())


def restore_member(ws: Workspace, member_id: int) -> None:
    with ws.db.transaction() as session:
        require_member(ws, session, member_id)
        _restore(session, ws, _load(session, member_id))


def _load_all(session: Session, ids: Sequence[int]) -> list[Company]:
    wanted = sorted(set(ids))
    found = list(session.scalars(select(Company).where(Company.id.in_(wanted))))
    if len(found) != len(wanted):
        missing = sorted(set(wanted) - {c.id for c in found})
        raise NotFoundError(_("Member {id} does not exist."), id=missing[0])
    return found


def _load_visible(ws: Workspace, session: Session, ids: Sequence[int]) -> list[Company]:
    """:func:`_load_all`, refused whole if one of them is of a chapter outside the scope."""
    found = _load_all(session, ids)
    for company in found:
        require_chapter(ws, company.chapter_code)
    return found


def archive_members(ws: Workspace, ids: Sequence[int]) -> int:
    """Archive these members together (all or none); returns how many were not archived yet."""
    today = ws.today()
    with ws.db.transaction() as session:
        return sum(_archive(session, ws, c, today) for c in _load_visible(ws, session, ids))


def restore_members(ws: Workspace, ids: Sequence[int]) -> int:
    """Restore these archived members together; returns how many were archived."""
    with ws.db.transaction() as session:
        return sum(_restore(session, ws, c) for c in _load_visible(ws, session, ids))


def delete_member(ws: Workspace, member_id: int) -> None:
    """Delete a member for good: only one with no audits and no certificates.

    Its contacts, other programs and applications go with it; the event log keeps a
    "delete" event with what the record held.  Anyone with audits or certificates has a
    history the chapter must keep: archive them instead.
    """
    with ws.db.transaction() as session:
        require_member(ws, session, member_id)
        company = _load(session, member_id)
        audits = session.scalar(
            select(func.count()).select_from(Audit).where(Audit.company_id == member_id)
        )
        certificates = session.scalar(
            select(func.count()).select_from(Certificate).where(Certificate.company_id == member_id)
        )
        if audits or certificates:
            raise LifecycleError(
                _(
                    "{company} has {audits} audits and {certificates} certificates, so it "
                    "cannot be deleted: archive it instead."
                ),
                company=company.legal_name,
                audits=audits or 0,
                certificates=certificates or 0,
            )
        kept = {
            "legal_name": company.legal_name,
            "tax_id": company.tax_id,
            "country": company.country,
            "chapter_code": company.chapter_code,
            "member_number": company.member_number,
            "business_type": company.business_type,
        }
        session.execute(delete(Application).where(Application.company_id == member_id))
        session.delete(company)
        session.flush()
        record_event(session, ws.user, RECORD_TYPE, member_id, "delete", kept)


def _load(session: Session, member_id: int) -> Company:
    company = session.get(Company, member_id)
    if company is None:
        raise NotFoundError(_("Member {id} does not exist."), id=member_id)
    return company


def get_member(ws: Workspace, member_id: int) -> MemberDetail:
    with ws.db.reading() as session:
        company = session.scalar(
            select(Company)
            .where(Company.id == member_id)
            .options(selectinload(Company.contacts), selectinload(Company.related_certifications))
        )
        if company is None:
            raise NotFoundError(_("Member {id} does not exist."), id=member_id)
        require_chapter(ws, company.chapter_code)
        row = member_rows(ws, session, [company.id])[company.id]
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
        contacts=tuple(ContactInput(c.name, c.role, c.email, c.phone) for c in detail.contacts),
        programs=tuple(
            ProgramInput(p.program, p.identifier, p.authority, p.valid_from, p.valid_until)
            for p in detail.related_certifications
        ),
    )


__all__ = [
    "CURRENT_MEMBERS",
    "ContactInput",
    "MemberDetail",
    "MemberInput",
    "MemberQuery",
    "MemberRow",
    "ProgramInput",
    "archive_member",
    "archive_members",
    "check_member",
    "clean_member",
    "count_members",
    "create_member",
    "delete_member",
    "find_member_by_tax_id",
    "find_members",
    "get_member",
    "iter_members",
    "member_audits",
    "member_certificates",
    "member_history",
    "member_input",
    "members_with_tax_id",
    "restore_member",
    "restore_members",
    "update_member",
]
