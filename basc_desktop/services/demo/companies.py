"""A demo company's own rows: the company, its contacts and other programs, its application."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.search import fold, search_key
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.vocabulary import (
    ApplicationDecision,
    BusinessType,
    DocumentState,
    RelatedProgram,
)
from basc_desktop.services.demo import texts
from basc_desktop.services.demo.context import DEMO_USER, DemoContext
from basc_desktop.services.demo.dates import add_months, at, days
from basc_desktop.services.demo.names import (
    ROLES,
    ROLES_FR,
    company_name,
    email_user,
    person,
    slug,
)
from basc_desktop.services.demo.places import address, cities_for, phone
from basc_desktop.services.demo.plan import CERTIFIED_STORIES, CompanyPlan


@dataclass(frozen=True)
class CompanyRef:
    """What the rest of the builder needs to know about a company it wrote."""

    id: int
    member_number: int
    owner: str
    """The contact who owns the company's corrective actions."""


def write_company(
    ctx: DemoContext,
    chapter: Chapter,
    business_type: BusinessType,
    plan: CompanyPlan,
    special: int | None,
) -> CompanyRef:
    rng, writer = ctx.rng, ctx.writer
    country, language = chapter.country_code, chapter.language
    company_id = writer.new_id("companies")
    ctx.member_numbers[chapter.code] += 1
    number = ctx.member_numbers[chapter.code]
    legal_name, trade_name = company_name(rng, country, business_type, language, special)
    tax_id = _unique_tax_id(ctx, country)
    city = rng.choice(cities_for(chapter))
    domain = f"{slug(trade_name)}.{country.lower()}.example"
    mailbox = rng.choice(("contact", "info") if language == "fr" else ("info", "contacto"))
    created = at(plan.opened_on, 14)
    writer.add(
        "companies",
        {
            "id": company_id,
            "chapter_code": chapter.code,
            "member_number": number,
            "legal_name": legal_name,
            "trade_name": trade_name,
            "tax_id": tax_id,
            "country": country,
            "business_type": business_type,
            "address": address(rng, country),
            "city": city,
            "phone": phone(rng, country),
            "email": f"{mailbox}@{domain}",
            "website": f"https://www.{domain}" if rng.random() < 0.9 else "",
            "membership_start": plan.decided_on
            if plan.decision is ApplicationDecision.ADMITTED
            else None,
            "notes": "Dos sedes certificadas." if plan.second_site else "",
            "archived_on": plan.archived_on,
            "sort_name": fold(legal_name),
            "search_text": search_key(legal_name, trade_name, tax_id, city),
            "created_at": created,
            "updated_at": at(plan.last_change, 15),
            "version": 1,
        },
    )
    writer.add(
        "events",
        {
            "id": writer.new_id("events"),
            "occurred_at": created,
            "user_name": DEMO_USER,
            "record_type": "company",
            "record_id": company_id,
            "action": "create",
            "changes": {"legal_name": legal_name, "chapter_code": chapter.code},
        },
    )
    owner = _write_contacts(ctx, company_id, language, domain, country)
    if plan.story in CERTIFIED_STORIES and rng.random() < 0.25:
        _write_related(ctx, company_id, country)
    _write_application(ctx, company_id, chapter, business_type, plan)
    return CompanyRef(company_id, number, owner)


def _unique_tax_id(ctx: DemoContext, country: str) -> str:
    taken = ctx.tax_ids[country]
    while True:
        tax_id = generate_tax_id(country, ctx.rng)
        if tax_id not in taken:
            taken.add(tax_id)
            return tax_id


def _write_contacts(
    ctx: DemoContext, company_id: int, language: str, domain: str, country: str
) -> str:
    rng = ctx.rng
    roles = rng.sample(ROLES_FR if language == "fr" else ROLES, rng.randint(1, 3))
    names = [person(rng, language) for _ in roles]
    for name, role in zip(names, roles, strict=True):
        ctx.writer.add(
            "contacts",
            {
                "id": ctx.writer.new_id("contacts"),
                "company_id": company_id,
                "name": name,
                "role": role,
                "email": f"{email_user(name)}@{domain}",
                "phone": phone(rng, country),
            },
        )
    return names[0]


def _write_related(ctx: DemoContext, company_id: int, country: str) -> None:
    rng = ctx.rng
    program = rng.choice(list(RelatedProgram))
    if program is RelatedProgram.CTPAT:
        identifier = f"{rng.randint(10**9, 10**10 - 1)}"
        authority = texts.PROGRAM_AUTHORITY[program]
    elif program is RelatedProgram.AEO:
        identifier = f"OEA-{country}-{rng.randint(1, 9999):04d}"
        authority = texts.AUTHORITIES.get(country, "Aduana")
    else:
        identifier = f"ISO28000-{rng.randint(1000, 99999)}"
        authority = rng.choice(texts.ISO_BODIES)
    valid_from = ctx.today - days(rng.randint(30, 900))
    ctx.writer.add(
        "related_certifications",
        {
            "id": ctx.writer.new_id("related_certifications"),
            "company_id": company_id,
            "program": program,
            "identifier": identifier,
            "authority": authority,
            "valid_from": valid_from,
            "valid_until": add_months(valid_from, 12 * rng.randint(1, 3)),
        },
    )


def _write_application(
    ctx: DemoContext,
    company_id: int,
    chapter: Chapter,
    business_type: BusinessType,
    plan: CompanyPlan,
) -> None:
    """The application with its checklist (every document of the chapter, the ones not
    asked of the business type "not applicable") and its line in the committee's minutes.
    An open application with nothing missing waits on the agenda of the next session
    (every other one), as a coordinator would have put it."""
    rng, writer = ctx.rng, ctx.writer
    application_id = writer.new_id("applications")
    decided = plan.decided_on
    until = decided or ctx.today
    span = max((until - plan.opened_on).days, 0)
    missing_share = {
        None: 0.3,
        ApplicationDecision.POSTPONED: 0.25,
        ApplicationDecision.REJECTED: 0.1,
    }.get(plan.decision, 0.0)
    documents: list[tuple[str, DocumentState, date | None]] = []
    for document in chapter.admission_documents:
        if not document.applies_to(business_type):
            documents.append((document.id, DocumentState.NOT_APPLICABLE, None))
            continue
        roll = rng.random()
        received: date | None = None
        if roll < missing_share:
            state = DocumentState.MISSING
        elif roll > 0.97:
            state = DocumentState.NOT_APPLICABLE
        else:
            state = DocumentState.RECEIVED
            received = plan.opened_on + days(rng.randint(0, span))
        documents.append((document.id, state, received))
    session_id = ctx.session_ids[chapter.code, decided] if decided else None
    complete = all(state is not DocumentState.MISSING for _id, state, _on in documents)
    if plan.decision is None and complete and application_id % 2 == 0:
        upcoming = ctx.calendar.on_or_after(chapter.code, ctx.today + days(1))
        if upcoming > ctx.today:
            session_id = ctx.session_ids[chapter.code, upcoming]
    writer.add(
        "applications",
        {
            "id": application_id,
            "company_id": company_id,
            "opened_on": plan.opened_on,
            "committee_session_id": session_id,
            "decision": plan.decision,
            "decision_reason": plan.reason,
            "decided_on": decided,
            "welcome_letter_on": plan.welcome_letter_on,
            "audit_deadline": plan.audit_deadline,
            "version": 1,
        },
    )
    if session_id is not None:
        writer.add(
            "committee_decisions",
            {
                "id": writer.new_id("committee_decisions"),
                "committee_session_id": session_id,
                "application_id": application_id,
                "decision": plan.decision,
                "reason": plan.reason,
            },
        )
    for document_id, state, received in documents:
        writer.add(
            "application_documents",
            {
                "id": writer.new_id("application_documents"),
                "application_id": application_id,
                "document_id": document_id,
                "state": state,
                "received_on": received,
                "file_name": "",
                "file_sha256": "",
                "stored_name": "",
                "note": "",
            },
        )
