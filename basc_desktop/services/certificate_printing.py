"""Printing certificates: one PDF page per certificate, with its signed QR code.

The batch is read from the register in slices and drawn page by page, so a thousand
certificates take little more memory than ten.  Each certificate's payload is signed
with its chapter's key (made on first use) and the signature kept in the register;
Ed25519 signatures are deterministic, so printing again gives the same QR code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from basc_desktop.domain.certificate_payload import CertificatePayload
from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import BascError, NotFoundError
from basc_desktop.domain.tax_ids import format_tax_id, tax_id_label
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.validation import check_month
from basc_desktop.reports.certificate_pdf import CertificateDocument, CertificatePage, SignatureLine
from basc_desktop.reports.certificate_words import (
    certificate_languages,
    scope_word,
    standard_title,
)
from basc_desktop.services import signing
from basc_desktop.services.access import require_certificates, scoped
from basc_desktop.services.output_files import output_file, written_whole
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate
from basc_desktop.store.members import Company
from basc_desktop.store.standards import Standard

__all__ = [
    "PrintCancelled",
    "certificate_ids_by_code",
    "certificate_ids_issued_in",
    "certificate_pdf",
    "export_public_key",
    "write_certificates_pdf",
]

BATCH = 100
"""Certificates read, signed and drawn per slice."""


class PrintCancelled(BascError):  # noqa: N818 - a cancel, not an error
    """The coordinator cancelled a batch: nothing was written."""

    def __init__(self) -> None:
        super().__init__(_("Printing was cancelled: no file was written."))


def _chapter(ws: Workspace, company: Company, code: str) -> Chapter:
    if company.chapter_code not in ws.chapters:
        raise BascError(
            _("Certificate {code} belongs to chapter {chapter}, whose file is missing."),
            code=code,
            chapter=company.chapter_code,
        )
    return ws.chapters.get(company.chapter_code)


def _footer(chapter: Chapter) -> str:
    website = chapter.website.removeprefix("https://").removeprefix("http://")
    parts = (chapter.address, chapter.phone, chapter.email, website)
    return " · ".join(part for part in parts if part)


def _page(
    chapter: Chapter,
    certificate: Certificate,
    company: Company,
    standard: Standard | None,
    payload: str | None,
) -> CertificatePage:
    first, second = certificate_languages(chapter.languages)
    country = chapter.country if company.country == chapter.country_code else None
    place = country.name(first) if country else company.country
    address = ", ".join(p for p in (company.address, company.city, place) if p)
    title_es = standard.title if standard else f"BASC {certificate.standard_version}"
    title_en = standard.title_en if standard else ""
    return CertificatePage(
        language=first,
        second_language=second,
        paper=chapter.paper,
        chapter_name=chapter.name,
        chapter_footer=_footer(chapter),
        logo=chapter.logo,
        code=certificate.code,
        company_name=company.legal_name,
        tax_id_label=tax_id_label(company.country),
        tax_id=format_tax_id(company.country, company.tax_id),
        address=address,
        scope=scope_word(first, certificate.scope),
        scope_second=scope_word(second, certificate.scope) if second else "",
        standard=standard_title(first, title_es, title_en),
        standard_second=standard_title(second, title_es, title_en) if second else "",
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        signatories=tuple(
            SignatureLine(
                s.name,
                s.title.get(first),
                s.title.get(second) if second else "",
            )
            for s in chapter.signatories
        ),
        payload=payload,
    )


def _signed_pages(
    ws: Workspace,
    session: Session,
    ids: Sequence[int],
    keys: dict[str, Ed25519PrivateKey],
    *,
    qr: bool,
) -> list[CertificatePage]:
    """The pages of ``ids`` (in that order), signing each and keeping new signatures."""
    rows = {
        certificate.id: (certificate, company)
        for certificate, company in session.execute(
            select(Certificate, Company)
            .join(Company, Company.id == Certificate.company_id)
            .where(Certificate.id.in_(ids))
        )
    }
    standards = {s.version: s for s in session.scalars(select(Standard))}
    pages = []
    for certificate_id in ids:
        if certificate_id not in rows:
            raise NotFoundError(_("There is no certificate with id {id}."), id=certificate_id)
        certificate, company = rows[certificate_id]
        chapter = _chapter(ws, company, certificate.code)
        payload = CertificatePayload.of(
            chapter_code=chapter.code,
            code=certificate.code,
            tax_id=company.tax_id,
            issued_on=certificate.issued_on,
            expires_on=certificate.expires_on,
            legal_name=company.legal_name,
        )
        if chapter.code not in keys:
            keys[chapter.code] = signing.private_key(ws, chapter.code, session)
        text = payload.signed(keys[chapter.code].sign(payload.message().encode("utf-8")))
        signature = text.rsplit(".", 1)[1]
        if certificate.signature != signature:
            # The signature is derived, like the standing columns: it does not bump version.
            session.execute(
                update(Certificate)
                .where(Certificate.id == certificate.id)
                .values(signature=signature)
                .execution_options(synchronize_session=False)
            )
            record_event(
                session,
                ws.user,
                "certificate",
                certificate.id,
                "sign",
                {"signature": (certificate.signature or None, signature)},
            )
        page = _page(
            chapter,
            certificate,
            company,
            standards.get(certificate.standard_version),
            text if qr else None,
        )
        pages.append(page)
    return pages


def _slices(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def write_certificates_pdf(
    ws: Workspace,
    certificate_ids: Sequence[int],
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    qr: bool = True,
) -> int:
    """Write one page per certificate, in the given order, to ``path``; returns the pages.

    Writes ``path`` + ".part" and renames it at the end, so ``path`` is never half
    written.  ``progress(done, total)`` is called after each page; when ``cancelled()``
    turns true the part file is deleted and :class:`PrintCancelled` raised.
    NotFoundError if an id is not in the register; BascError for an empty selection.
    ``qr=False`` leaves the QR codes out (only to measure what they cost).
    """
    ids = list(dict.fromkeys(certificate_ids))
    if not ids:
        raise BascError(_("Choose at least one certificate to print."))
    with ws.db.reading() as session:
        require_certificates(ws, session, ids)  # all refused before a page is signed
    path = output_file(path)
    total = len(ids)
    done = 0
    keys: dict[str, Ed25519PrivateKey] = {}
    failure = _("The certificates could not be written to {path}: {reason}")
    with written_whole(path, failure) as part:
        document = CertificateDocument(part, title="BASC", author="BASC Desktop")
        for chunk in _slices(ids):
            with ws.db.transaction() as session:
                pages = _signed_pages(ws, session, chunk, keys, qr=qr)
            for page in pages:
                if cancelled is not None and cancelled():
                    raise PrintCancelled()
                document.add(page)
                done += 1
                if progress is not None:
                    progress(done, total)
        document.close()
    return done


def certificate_pdf(ws: Workspace, certificate_id: int, path: Path) -> Path:
    """Write one certificate as a one-page PDF at ``path``; returns ``path``."""
    write_certificates_pdf(ws, [certificate_id], path)
    return Path(path)


def export_public_key(ws: Workspace, chapter_code: str, path: Path) -> Path:
    """Write the chapter's public keys (PEM blocks: this PC's, then the database's) at
    ``path``, making this PC's key pair if needed."""
    if chapter_code not in ws.chapters:
        raise NotFoundError(_("There is no chapter {code}."), code=chapter_code)
    path = output_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(signing.public_keys_pem(ws, chapter_code))
    except OSError as exc:
        raise BascError(
            _("The public key could not be written to {path}: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    return path


def certificate_ids_by_code(ws: Workspace, codes: Sequence[str]) -> list[int]:
    """The ids of the certificates with these codes, in the same order; NotFoundError."""
    wanted = [code.strip().upper() for code in codes]
    with ws.db.reading() as session:
        found = dict(
            session.execute(
                select(Certificate.code, Certificate.id).where(Certificate.code.in_(wanted))
            ).all()
        )
        require_certificates(ws, session, list(found.values()))
    missing = [code for code in wanted if code not in found]
    if missing:
        raise NotFoundError(_("There is no certificate {code}."), code=missing[0])
    return list(dict.fromkeys(found[code] for code in wanted))


def certificate_ids_issued_in(ws: Workspace, year: int, month: int) -> list[int]:
    """The ids of every certificate issued in that month, by issue date then code."""
    first = check_month(year, month)
    after = date(year + month // 12, month % 12 + 1, 1)
    with ws.db.reading() as session:
        return list(
            session.scalars(
                scoped(
                    select(Certificate.id)
                    .join(Company, Company.id == Certificate.company_id)
                    .where(Certificate.issued_on >= first, Certificate.issued_on < after)
                    .order_by(Certificate.issued_on, Certificate.code),
                    Company.chapter_code,
                    ws,
                )
            )
        )
