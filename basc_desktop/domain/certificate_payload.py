"""The text a certificate's QR code carries, signed by its chapter.

A payload names the chapter that signed it, the certificate code, the company's tax ID
(compact form), the issue and expiry dates and a short hash of the legal name, then the
Ed25519 signature of everything before it::

    BASC1.co-bog.COLBOG00074-1-2.9001234567.20241122.20251122.Xq3v_8aB.<86 characters>

Fields are separated by dots; the tax ID sits in the middle and is found by counting
fields from both ends, so a dot in it could not shift the others.  The signature is
base64url without padding.  About 150 characters: a version-8 QR code, small on paper.
No Qt, no SQL, no keys: signing and checking live in ``services.signing``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _

__all__ = [
    "PAYLOAD_PREFIX",
    "CertificatePayload",
    "DamagedSignatureError",
    "PayloadError",
    "SignedPayload",
    "decode_payload",
    "fold_name",
    "name_hash",
]

PAYLOAD_PREFIX = "BASC1"
"""Program and format version: a later format gets BASC2 and old QR codes still read."""

SIGNATURE_BYTES = 64
_HASH_BYTES = 6  # 8 base64url characters: a changed name is caught, the QR stays small
_SEPARATOR = "."
_HEAD_FIELDS = 3  # prefix, chapter, code
_TAIL_FIELDS = 4  # issued, expires, name hash, signature


class PayloadError(BascError):
    """Text that is not a BASC certificate payload (or one from an unknown version)."""


class DamagedSignatureError(PayloadError):
    """A payload whose signature is not a well-formed Ed25519 signature: it was altered."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """Decode base64url without padding; only the one canonical spelling is accepted."""
    if not text or not all(c.isascii() and (c.isalnum() or c in "-_") for c in text):
        raise ValueError(text)
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(data) != text:  # unused low bits set: another text for the same bytes
        raise ValueError(text)
    return data


def fold_name(legal_name: str) -> str:
    """The legal name with case and spacing folded: what the hash is taken of."""
    text = unicodedata.normalize("NFC", legal_name).casefold()
    return " ".join(text.split())


def name_hash(legal_name: str) -> str:
    """A short hash of the legal name, the same for "ACME  S.A." and "acme s.a."."""
    digest = hashlib.sha256(fold_name(legal_name).encode("utf-8")).digest()
    return _b64(digest[:_HASH_BYTES])


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


_BAD_ISSUE_DATE = _("The issue date in the payload is not a date: {text}")
_BAD_EXPIRY_DATE = _("The expiry date in the payload is not a date: {text}")


def _parse_day(text: str, template: str) -> date:
    try:
        if len(text) != 8 or not text.isdigit():
            raise ValueError(text)
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise PayloadError(template, text=text) from exc


@dataclass(frozen=True)
class CertificatePayload:
    """What a certificate's QR code vouches for."""

    chapter_code: str
    code: str
    tax_id: str
    """Compact form, as stored in the register."""
    issued_on: date
    expires_on: date
    name_hash: str
    """:func:`name_hash` of the company's legal name."""

    @classmethod
    def of(
        cls,
        *,
        chapter_code: str,
        code: str,
        tax_id: str,
        issued_on: date,
        expires_on: date,
        legal_name: str,
    ) -> CertificatePayload:
        return cls(chapter_code, code, tax_id, issued_on, expires_on, name_hash(legal_name))

    def message(self) -> str:
        """The signed part: everything before the signature."""
        for part in (self.chapter_code, self.code):
            if not part or _SEPARATOR in part or part != part.strip():
                raise ValueError(f"a payload field cannot hold {part!r}")
        return _SEPARATOR.join(
            (
                PAYLOAD_PREFIX,
                self.chapter_code,
                self.code,
                self.tax_id,
                _day(self.issued_on),
                _day(self.expires_on),
                self.name_hash,
            )
        )

    def signed(self, signature: bytes) -> str:
        """The full text for the QR code: :meth:`message` and the signature."""
        return f"{self.message()}{_SEPARATOR}{_b64(signature)}"


@dataclass(frozen=True)
class SignedPayload:
    """A payload as read from a QR code: its fields, the signed text and the signature."""

    payload: CertificatePayload
    message: str
    signature: bytes


def decode_payload(text: str) -> SignedPayload:
    """Read a payload's fields; :class:`PayloadError` saying why if ``text`` is not one.

    Only the form is checked here: whether the signature is genuine is for the caller.
    """
    text = text.strip()
    if not text.startswith(PAYLOAD_PREFIX + _SEPARATOR):
        if text.startswith("BASC") and _SEPARATOR in text:
            raise PayloadError(
                _("This payload was made by a newer program ({version}): update BASC Desktop."),
                version=text.split(_SEPARATOR, 1)[0],
            )
        raise PayloadError(_("This is not a BASC certificate payload."))
    parts = text.split(_SEPARATOR)
    if len(parts) < _HEAD_FIELDS + 1 + _TAIL_FIELDS:
        raise PayloadError(_("The payload is incomplete: some of its fields are missing."))
    _prefix, chapter_code, code = parts[:_HEAD_FIELDS]
    issued, expires, hashed, signature_text = parts[-_TAIL_FIELDS:]
    tax_id = _SEPARATOR.join(parts[_HEAD_FIELDS:-_TAIL_FIELDS])
    if not chapter_code or not code or not tax_id:
        raise PayloadError(_("The payload is incomplete: some of its fields are missing."))
    try:
        signature = _unb64(signature_text)
        _unb64(hashed)
    except (ValueError, binascii.Error) as exc:
        raise DamagedSignatureError(_("The payload's signature is damaged.")) from exc
    if len(signature) != SIGNATURE_BYTES:
        raise DamagedSignatureError(_("The payload's signature is damaged."))
    payload = CertificatePayload(
        chapter_code=chapter_code,
        code=code,
        tax_id=tax_id,
        issued_on=_parse_day(issued, _BAD_ISSUE_DATE),
        expires_on=_parse_day(expires, _BAD_EXPIRY_DATE),
        name_hash=hashed,
    )
    message = text[: len(text) - len(signature_text) - 1]
    return SignedPayload(payload, message, signature)
