"""The QR payload: what it holds, how it reads back, and how it refuses what it is not."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basc_desktop.domain.certificate_payload import (
    CertificatePayload,
    PayloadError,
    decode_payload,
    name_hash,
)

SIGNATURE = bytes(range(64))


def _payload(**changes: object) -> CertificatePayload:
    values: dict[str, object] = {
        "chapter_code": "pa",
        "code": "PANPTY00074-1-2",
        "tax_id": "155596713-2-2015",
        "issued_on": date(2024, 11, 22),
        "expires_on": date(2025, 11, 22),
        "legal_name": "Logística del Istmo, S.A.",
    }
    values.update(changes)
    return CertificatePayload.of(**values)  # type: ignore[arg-type]


def test_payload_text_holds_the_certificate_and_stays_short() -> None:
    text = _payload().signed(SIGNATURE)
    assert text.startswith("BASC1.pa.PANPTY00074-1-2.155596713-2-2015.20241122.20251122.")
    assert len(text) < 170  # a version-9 QR code at most
    signed = decode_payload(text)
    assert signed.payload == _payload()
    assert signed.signature == SIGNATURE
    assert text == f"{signed.message}.{text.rsplit('.', 1)[1]}"


def test_name_hash_folds_case_and_spacing_but_not_letters() -> None:
    assert name_hash("ACME  Logística\tS.A.") == name_hash("acme logística s.a.")
    assert name_hash(" Acme S.A. ") == name_hash("acme s.a.")
    assert name_hash("Acme S.A.") != name_hash("Acme S.A.S.")
    assert name_hash("Logística") != name_hash("Logistica")
    assert len(name_hash("x" * 300)) == 8


def test_a_tax_id_with_dots_does_not_shift_the_fields() -> None:
    text = _payload(tax_id="900.123.456-7").signed(SIGNATURE)
    assert decode_payload(text).payload.tax_id == "900.123.456-7"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "not a BASC certificate payload"),
        ("https://example.com/certificate/123", "not a BASC certificate payload"),
        ("BASC9.pa.X.1.20240101.20250101.AAAAAAAA.AAAA", "newer program (BASC9)"),
        ("BASC1.pa.PANPTY00074-1-2.20241122.AAAA", "incomplete"),
        ("BASC1.pa.PANPTY00074-1-2.1.20241322.20251122.AAAAAAAA.", "issue date"),
        ("BASC1.pa.PANPTY00074-1-2.1.20241122.2025112.AAAAAAAA.", "expiry date"),
        ("BASC1.pa.PANPTY00074-1-2.1.20241122.20251122.AAAAAAAA.AAAA", "signature is damaged"),
        ("BASC1.pa.PANPTY00074-1-2.1.20241122.20251122.AAAAAAAA.A$A=", "signature is damaged"),
    ],
)
def test_what_is_not_a_payload_is_refused_with_its_reason(text: str, says: str) -> None:
    if text.endswith("AAAAAAAA."):
        text += "A" * 86
    with pytest.raises(PayloadError) as caught:
        decode_payload(text)
    assert says in str(caught.value)


def test_fields_that_would_break_the_text_are_refused_when_encoding() -> None:
    with pytest.raises(ValueError, match=r"cannot hold 'PAN\.PTY'"):
        _payload(code="PAN.PTY").message()
    with pytest.raises(ValueError, match="cannot hold ''"):
        _payload(chapter_code="").message()


_codes = st.from_regex(r"[A-Z]{6}[0-9]{5}-[0-9]{1,3}-[0-9]{1,3}", fullmatch=True)
_chapters = st.from_regex(r"[a-z]{2}(-[a-z]{3})?", fullmatch=True)
_tax_ids = st.text(
    st.characters(min_codepoint=33, max_codepoint=0x17F, exclude_characters="\x7f"),
    min_size=1,
    max_size=20,
)
_days = st.dates(min_value=date(1990, 1, 1), max_value=date(9999, 12, 31))


@given(
    chapter=_chapters,
    code=_codes,
    tax_id=_tax_ids,
    issued=_days,
    expires=_days,
    name=st.text(min_size=1, max_size=300),
    signature=st.binary(min_size=64, max_size=64),
)
def test_any_payload_reads_back_as_written(
    chapter: str,
    code: str,
    tax_id: str,
    issued: date,
    expires: date,
    name: str,
    signature: bytes,
) -> None:
    payload = CertificatePayload.of(
        chapter_code=chapter,
        code=code,
        tax_id=tax_id,
        issued_on=issued,
        expires_on=expires,
        legal_name=name,
    )
    signed = decode_payload(payload.signed(signature))
    assert signed.payload == payload
    assert signed.signature == signature
    assert signed.message == payload.message()


@given(st.text(max_size=200))
def test_any_text_either_reads_or_is_refused_clearly(text: str) -> None:
    try:
        decode_payload(text)
    except PayloadError as error:
        message = str(error)
    else:
        message = "read"
    assert message


def test_random_signatures_round_trip() -> None:
    for _ in range(50):
        signature = os.urandom(64)
        assert decode_payload(_payload().signed(signature)).signature == signature
