"""Finding certificates: the register, its filters, and one certificate with its history.

Every filter and every sort runs in the database, so the register pages through a
hundred thousand certificates as fast as through a hundred.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.search import fold, search_terms
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import CertificateState
from basc_desktop.services.access import require_certificate, require_chapter_of, scoped
from basc_desktop.services.certificate_forms import (
    CERTIFICATE_SORTABLE_COLUMNS,
    CertificateDetail,
    CertificateEventLine,
    CertificateQuery,
    CertificateRow,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company

__all__ = [
    "certificate_by_code",
    "count_certificates",
    "count_statement",
    "find_certificates",
    "get_certificate",
    "iter_certificates",
    "load_certificate_row",
    "rows_statement",
]

IN_FORCE_STATES = (CertificateState.VALID, CertificateState.SUSPENDED)
"""The states of a certificate that still stands (it may still expire)."""


def _escaped(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search(text: str) -> list[Any]:
    """One condition per word: in the code, or in the company's names, tax ID or city.

    A word is looked for as typed (folded) and without tax-ID punctuation, so both
    ``900.123.456-7`` and Panama's ``8-123-456 DV 12`` find their company.
    """
    conditions = []
    for word in fold(text).split():
        term = "".join(search_terms(word)) or word
        conditions.append(
            or_(
                func.lower(Certificate.code).like(_escaped(word), escape="\\"),
                Company.search_text.like(_escaped(word), escape="\\"),
                Company.search_text.like(_escaped(term), escape="\\"),
            )
        )
    return conditions


_COLUMNS = (
    Certificate.id,
    Certificate.code,
    Certificate.company_id,
    Company.legal_name,
    Company.tax_id,
    Company.chapter_code,
    Company.country,
    Certificate.scope,
    Certificate.standard_version,
    Certificate.site,
    Certificate.issue_number,
    Certificate.issued_on,
    Certificate.expires_on,
    Certificate.state,
    Certificate.audit_id,
    Certificate.version,
)
"""What a line of the register is read from: plain columns, no ORM objects to build."""

_tax_id = lru_cache(maxsize=8192)(format_tax_id)


def _filtered(ws: Workspace, query: CertificateQuery) -> Select[*tuple[Any, ...]]:
    stmt = select(*_COLUMNS).join(Company, Company.id == Certificate.company_id)
    stmt = scoped(stmt, Company.chapter_code, ws)
    if query.states:
        stmt = stmt.where(Certificate.state.in_(query.states))
    if query.expires_within_days is not None:
        today = ws.today()
        stmt = stmt.where(
            Certificate.state.in_(IN_FORCE_STATES),
            Certificate.expires_on > today,
            Certificate.expires_on <= today + timedelta(days=query.expires_within_days),
        )
    if query.chapter_codes:
        stmt = stmt.where(Company.chapter_code.in_(query.chapter_codes))
    if query.countries:
        stmt = stmt.where(Company.country.in_([c.upper() for c in query.countries]))
    if query.issued_from is not None:
        stmt = stmt.where(Certificate.issued_on >= query.issued_from)
    if query.issued_until is not None:
        stmt = stmt.where(Certificate.issued_on <= query.issued_until)
    if query.company_id is not None:
        stmt = stmt.where(Certificate.company_id == query.company_id)
    if query.ids:
        stmt = stmt.where(Certificate.id.in_(query.ids))
    for condition in _search(query.search):
        stmt = stmt.where(condition)
    return stmt


def _order(query: CertificateQuery) -> list[Any]:
    if query.order_by not in CERTIFICATE_SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort certificates by {query.order_by!r}")
    column: Any = {
        "company_name": Company.sort_name,
        "tax_id": Company.tax_id,
        "chapter_code": Company.chapter_code,
        "country": Company.country,
    }.get(query.order_by) or getattr(Certificate, query.order_by)
    first = column.desc() if query.descending else column.asc()
    return [first, Certificate.id.desc() if query.descending else Certificate.id.asc()]


def _rows(found: Iterable[Any]) -> list[CertificateRow]:
    return [
        CertificateRow(
            id=r.id,
            code=r.code,
            company_id=r.company_id,
            company_name=r.legal_name,
            tax_id=_tax_id(r.country, r.tax_id),
            chapter_code=r.chapter_code,
            country=r.country,
            scope=r.scope,
            standard_version=r.standard_version,
            site=r.site,
            issue_number=r.issue_number,
            issued_on=r.issued_on,
            expires_on=r.expires_on,
            state=r.state,
            audit_id=r.audit_id,
            version=r.version,
        )
        for r in found
    ]


def rows_statement(ws: Workspace, query: CertificateQuery) -> Select[*tuple[Any, ...]]:
    """The page of the register ``query`` asks for, as one statement (for benchmarks)."""
    stmt = _filtered(ws, query).order_by(*_order(query)).offset(query.offset)
    return stmt if query.limit is None else stmt.limit(query.limit)


def count_statement(ws: Workspace, query: CertificateQuery) -> Select[int]:
    """How many certificates ``query`` finds, as one statement."""
    subquery = _filtered(ws, query).with_only_columns(Certificate.id).subquery()
    return select(func.count()).select_from(subquery)


def count_certificates(ws: Workspace, query: CertificateQuery) -> int:
    """How many certificates the query finds (its page is ignored)."""
    with ws.db.reading() as session:
        return session.scalar(count_statement(ws, query)) or 0


def find_certificates(ws: Workspace, query: CertificateQuery) -> list[CertificateRow]:
    """One page of the register, filtered and sorted by the database."""
    with ws.db.reading() as session:
        return _rows(session.execute(rows_statement(ws, query)).all())


def iter_certificates(
    ws: Workspace, query: CertificateQuery, batch_size: int = 1000
) -> Iterator[list[CertificateRow]]:
    """Every certificate the query finds (its page is ignored), in batches, in its order.

    The matching ids are read first, in order; then each batch is read by its ids in
    its own short session, so a long export never holds the database open between
    batches, and the last batch costs no more than the first.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    ids_stmt = _filtered(ws, query).with_only_columns(Certificate.id).order_by(*_order(query))
    with ws.db.reading() as session:
        ids = list(session.scalars(ids_stmt))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        with ws.db.reading() as session:
            found = {row.id: row for row in _rows(session.execute(_by_ids(ws, chunk)))}
        yield [found[i] for i in chunk if i in found]


def _by_ids(ws: Workspace, ids: Sequence[int]) -> Select[*tuple[Any, ...]]:
    return _filtered(ws, CertificateQuery()).where(Certificate.id.in_(ids))


def load_certificate_row(ws: Workspace, session: Session, certificate_id: int) -> CertificateRow:
    """The certificate ``certificate_id`` as the register shows it, read in ``session``."""
    found = _rows(session.execute(_by_ids(ws, [certificate_id])))
    if not found:
        raise NotFoundError(_("Certificate {id} does not exist."), id=certificate_id)
    return found[0]


def _detail(session: Session, row: CertificateRow) -> CertificateDetail:
    events = session.scalars(
        select(CertificateEvent)
        .where(CertificateEvent.certificate_id == row.id)
        .order_by(CertificateEvent.occurred_on, CertificateEvent.id)
    ).all()
    address, city = session.execute(
        select(Company.address, Company.city).where(Company.id == row.company_id)
    ).one()
    return CertificateDetail(
        row=row,
        events=tuple(
            CertificateEventLine(
                on=e.occurred_on,
                kind=e.kind,
                reason=e.reason,
                recorded_by=e.recorded_by,
                recorded_at=e.recorded_at,
            )
            for e in events
        ),
        supersedes=_neighbour(session, row, before=True),
        superseded_by=_neighbour(session, row, before=False),
        company_address=address,
        company_city=city,
    )


def _neighbour(session: Session, row: CertificateRow, *, before: bool) -> str | None:
    """The code of the certificate this one renewed (``before``), or of its renewal.

    A renewal is the company's next issue at the same site; the one it renewed is
    the previous issue, superseded by it.
    """
    if before:
        stmt = (
            select(Certificate.code)
            .where(Certificate.issue_number < row.issue_number)
            .where(Certificate.state == CertificateState.SUPERSEDED)
            .order_by(Certificate.issue_number.desc())
        )
    else:
        if row.state is not CertificateState.SUPERSEDED:
            return None
        stmt = (
            select(Certificate.code)
            .where(Certificate.issue_number > row.issue_number)
            .order_by(Certificate.issue_number.asc())
        )
    stmt = stmt.where(Certificate.company_id == row.company_id, Certificate.site == row.site)
    return session.scalar(stmt.limit(1))


def get_certificate(ws: Workspace, certificate_id: int) -> CertificateDetail:
    """One certificate with its history and the certificates before and after it."""
    with ws.db.reading() as session:
        require_certificate(ws, session, certificate_id)
        return _detail(session, load_certificate_row(ws, session, certificate_id))


def certificate_by_code(ws: Workspace, code: str) -> CertificateDetail:
    """The certificate with ``code`` (letter case and surrounding spaces forgiven)."""
    wanted = code.strip().upper()
    stmt = _filtered(ws, CertificateQuery()).where(func.upper(Certificate.code) == wanted)
    with ws.db.reading() as session:
        require_chapter_of(
            ws,
            session,
            select(Company.chapter_code)
            .join(Certificate, Certificate.company_id == Company.id)
            .where(func.upper(Certificate.code) == wanted),
        )
        found = _rows(session.execute(stmt.limit(1)))
        if not found:
            raise NotFoundError(_("No certificate has the code {code}."), code=code.strip())
        return _detail(session, found[0])
