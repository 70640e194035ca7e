"""Checking a certificate: its QR payload's signature, then the register.

``basc verify`` and the Verify screen call :func:`verify_payload` (a pasted payload)
or :func:`verify_pdf` (a certificate PDF, one answer per QR code in it).  The answer
says whether the certificate is genuine (signed with the key of the chapter it names)
and, if so, what the register says about it today: valid, expired, suspended,
withdrawn (with the date and reason), superseded (naming the renewal), or unknown.
Verifying never writes, and never makes a key: it trusts the chapter's keys registered
in the database (every PC that signs registers its key there), this PC's own key and the
public keys imported into ``keys/``; without any of them it answers UNKNOWN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from basc_desktop.domain.certificate_payload import (
    CertificatePayload,
    DamagedSignatureError,
    PayloadError,
    decode_payload,
    name_hash,
)
from basc_desktop.domain.lifecycle import CertificateEvent as LifecycleEvent
from basc_desktop.domain.lifecycle import CertificateRecord, certificate_state_at
from basc_desktop.domain.tax_ids import format_tax_id
from basc_desktop.domain.text import Message
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import CertificateEventKind, CertificateState
from basc_desktop.services.signing import check_signature, trusted_public_keys
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.certificates import Certificate, CertificateEvent
from basc_desktop.store.members import Company

__all__ = ["Verification", "VerificationOutcome", "verify_payload", "verify_pdf"]


class VerificationOutcome(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"
    UNKNOWN = "unknown"
    FORGED = "forged"
    UNREADABLE = "unreadable"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def genuine(self) -> bool:
        """Whether the signature was checked and is the chapter's."""
        return self not in (
            VerificationOutcome.FORGED,
            VerificationOutcome.UNREADABLE,
            VerificationOutcome.UNKNOWN,
        )


_OUTCOME_LABELS: dict[VerificationOutcome, str] = {
    VerificationOutcome.VALID: _("Genuine and valid"),
    VerificationOutcome.EXPIRED: _("Genuine but expired"),
    VerificationOutcome.SUSPENDED: _("Genuine but suspended"),
    VerificationOutcome.WITHDRAWN: _("Genuine but withdrawn"),
    VerificationOutcome.SUPERSEDED: _("Superseded"),
    VerificationOutcome.UNKNOWN: _("Unknown to this register"),
    VerificationOutcome.FORGED: _("Forged"),
    VerificationOutcome.UNREADABLE: _("Unreadable"),
}


@dataclass(frozen=True)
class Verification:
    """The answer about one certificate (one QR code)."""

    outcome: VerificationOutcome
    code: str = ""
    company_name: str = ""
    """The legal name in the register; "" when the register does not hold it."""
    tax_id: str = ""
    """As the country writes it (from the register, else the payload's compact form)."""
    issued_on: date | None = None
    expires_on: date | None = None
    event_on: date | None = None
    """When it was suspended, withdrawn or superseded."""
    reason: str = ""
    superseded_by: str | None = None
    chapter_name: str = ""
    detail: Message | None = None
    """Why it is unreadable, unknown or forged, when there is more to say."""

    @property
    def valid(self) -> bool:
        return self.outcome is VerificationOutcome.VALID

    def explanation(self) -> Message:
        """The answer as one sentence to translate (``ui.text.message_text``)."""
        if self.detail is not None:
            return self.detail
        params = {
            "code": self.code,
            "company": self.company_name,
            "issued": _day(self.issued_on),
            "expires": _day(self.expires_on),
            "on": _day(self.event_on),
            "reason": self.reason,
            "newer": self.superseded_by or "",
        }
        template = _TEMPLATES[self.outcome]
        if self.outcome in (VerificationOutcome.SUSPENDED, VerificationOutcome.WITHDRAWN):
            template = _WITH_REASON[self.outcome] if self.reason else template
        if self.outcome is VerificationOutcome.SUPERSEDED and not self.superseded_by:
            template = _SUPERSEDED_UNNAMED
        return Message(template, {k: v for k, v in params.items() if "{" + k + "}" in template})

    def message(self) -> str:
        """The answer as one English sentence, e.g. "Genuine, but suspended since …"."""
        return str(self.explanation())


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


_TEMPLATES: dict[VerificationOutcome, str] = {
    VerificationOutcome.VALID: _(
        "Genuine and valid: certificate {code} of {company}, issued on {issued}, "
        "expires on {expires}."
    ),
    VerificationOutcome.EXPIRED: _("Genuine, but expired on {expires}."),
    VerificationOutcome.SUSPENDED: _("Genuine, but suspended since {on}."),
    VerificationOutcome.WITHDRAWN: _("Genuine, but withdrawn on {on}."),
    VerificationOutcome.SUPERSEDED: _("Genuine, but superseded on {on} by certificate {newer}."),
    VerificationOutcome.UNKNOWN: _("Certificate {code} is unknown to this register."),
    VerificationOutcome.FORGED: _(
        "Forged: the signature does not match; the certificate was altered or not made "
        "by its chapter."
    ),
    VerificationOutcome.UNREADABLE: _("No certificate payload could be read."),
}
_WITH_REASON: dict[VerificationOutcome, str] = {
    VerificationOutcome.SUSPENDED: _("Genuine, but suspended since {on}: {reason}"),
    VerificationOutcome.WITHDRAWN: _("Genuine, but withdrawn on {on}: {reason}"),
}
_SUPERSEDED_UNNAMED = _("Genuine, but superseded on {on} by a newer certificate.")
_NO_KEY = _(
    "This PC holds no key of chapter {chapter}, so the signature of certificate {code} "
    "cannot be checked: import the chapter's public key."
)
_NOT_IN_REGISTER = _(
    "The signature is genuine ({chapter}), but certificate {code} is not in this register."
)
_DIFFERENT = _(
    "The signature is genuine, but this register holds certificate {code} with another "
    "{what}: ask the chapter."
)
_WHAT: dict[str, str] = {
    "chapter": _("chapter"),
    "tax_id": _("tax ID"),
    "dates": _("issue or expiry date"),
    "name": _("company name"),
}
_NO_QR = _("No QR code could be read in {file}: is it a BASC certificate?")


def _payload_answer(
    outcome: VerificationOutcome, payload: CertificatePayload, detail: Message | None = None
) -> Verification:
    return Verification(
        outcome,
        code=payload.code,
        tax_id=payload.tax_id,
        issued_on=payload.issued_on,
        expires_on=payload.expires_on,
        detail=detail,
    )


def _last(events: list[CertificateEvent], kind: CertificateEventKind) -> CertificateEvent | None:
    matching = [event for event in events if event.kind is kind]
    return matching[-1] if matching else None


def _newer(session: Session, certificate: Certificate) -> str | None:
    """The code of the renewal that followed ``certificate`` (same company and site)."""
    code = session.scalar(
        select(Certificate.code)
        .where(
            Certificate.company_id == certificate.company_id,
            Certificate.site == certificate.site,
            Certificate.issue_number > certificate.issue_number,
        )
        .order_by(Certificate.issue_number)
        .limit(1)
    )
    if code is None:
        code = session.scalar(
            select(Certificate.code)
            .where(
                Certificate.company_id == certificate.company_id,
                Certificate.issued_on > certificate.issued_on,
            )
            .order_by(Certificate.issued_on, Certificate.id)
            .limit(1)
        )
    return code


def _register_answer(
    ws: Workspace, session: Session, payload: CertificatePayload, chapter_name: str
) -> Verification:
    certificate = session.scalars(
        select(Certificate)
        .where(Certificate.code == payload.code)
        .options(selectinload(Certificate.events))
    ).one_or_none()
    if certificate is None:
        detail = Message(_NOT_IN_REGISTER, {"chapter": chapter_name, "code": payload.code})
        return _payload_answer(VerificationOutcome.UNKNOWN, payload, detail)
    company = session.get_one(Company, certificate.company_id)
    differences = [
        key
        for key, differs in (
            ("chapter", company.chapter_code != payload.chapter_code),
            ("tax_id", company.tax_id != payload.tax_id),
            (
                "dates",
                (certificate.issued_on, certificate.expires_on)
                != (payload.issued_on, payload.expires_on),
            ),
            ("name", name_hash(company.legal_name) != payload.name_hash),
        )
        if differs
    ]
    if differences:
        what = Message(_WHAT[differences[0]])
        detail = Message(_DIFFERENT, {"code": payload.code, "what": what})
        return _payload_answer(VerificationOutcome.UNKNOWN, payload, detail)

    events = list(certificate.events)
    record = CertificateRecord(
        certificate.code,
        certificate.issued_on,
        certificate.expires_on,
        tuple(LifecycleEvent(event.occurred_on, event.kind) for event in events),
    )
    today = ws.today()
    past = [event for event in events if event.occurred_on <= today]
    state = certificate_state_at(record, today)
    outcome, event, newer = VerificationOutcome.VALID, None, None
    if state is CertificateState.WITHDRAWN:
        outcome, event = VerificationOutcome.WITHDRAWN, _last(past, CertificateEventKind.WITHDRAWN)
    elif state is CertificateState.SUPERSEDED:
        outcome, event = (
            VerificationOutcome.SUPERSEDED,
            _last(past, CertificateEventKind.SUPERSEDED),
        )
        newer = _newer(session, certificate)
    elif today >= certificate.expires_on:
        outcome = VerificationOutcome.EXPIRED
    elif state is CertificateState.SUSPENDED:
        outcome, event = VerificationOutcome.SUSPENDED, _last(past, CertificateEventKind.SUSPENDED)
    return Verification(
        outcome,
        code=certificate.code,
        company_name=company.legal_name,
        tax_id=format_tax_id(company.country, company.tax_id),
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        event_on=event.occurred_on if event else None,
        reason=event.reason if event else "",
        superseded_by=newer,
        chapter_name=chapter_name,
    )


def verify_payload(ws: Workspace, text: str) -> Verification:
    """Check a payload as read from a QR code (or pasted): signature, then register.

    Never raises for bad text: it answers UNREADABLE (not a payload), FORGED (the
    signature fails) or UNKNOWN (no key here, or not in the register).
    """
    try:
        signed = decode_payload(text)
    except DamagedSignatureError:
        return Verification(VerificationOutcome.FORGED)
    except PayloadError as exc:
        return Verification(VerificationOutcome.UNREADABLE, detail=exc.message)
    payload = signed.payload
    chapter_code = payload.chapter_code
    chapter_name = ws.chapters.get(chapter_code).name if chapter_code in ws.chapters else ""
    try:
        keys = trusted_public_keys(ws, chapter_code)
    except ValueError:  # not a chapter code at all
        keys = []
    if not keys:
        detail = Message(_NO_KEY, {"chapter": chapter_name or chapter_code, "code": payload.code})
        return _payload_answer(VerificationOutcome.UNKNOWN, payload, detail)
    if not check_signature(keys, signed.message.encode("utf-8"), signed.signature):
        return _payload_answer(VerificationOutcome.FORGED, payload)
    with ws.db.reading() as session:
        return _register_answer(ws, session, payload, chapter_name or chapter_code)


def verify_pdf(ws: Workspace, path: Path) -> list[Verification]:
    """Check every QR code of a certificate PDF, page by page.

    A PDF without any readable QR code gives one UNREADABLE answer saying so; a file
    that is missing, damaged or not a PDF raises :class:`BascError` (CertificateFileError).
    """
    from basc_desktop.reports.qr_reading import read_qr_codes

    path = Path(path)
    texts = read_qr_codes(path)
    if not texts:
        detail = Message(_NO_QR, {"file": path.name})
        return [Verification(VerificationOutcome.UNREADABLE, detail=detail)]
    return [verify_payload(ws, text) for text in texts]
