"""Tax IDs: normalising, checking, showing and generating them, for every country."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.co import nit as co_nit
from stdnum.do import rnc as do_rnc
from stdnum.ec import ruc as ec_ruc
from stdnum.mx import rfc as mx_rfc
from stdnum.pe import ruc as pe_ruc
from stdnum.sv import nit as sv_nit
from stdnum.uy import rut as uy_rut
from stdnum.ve import rif as ve_rif

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.tax_id_samples import generate_tax_id
from basc_desktop.domain.tax_ids import (
    SUPPORTED_COUNTRIES,
    check_tax_id,
    format_tax_id,
    normalise_tax_id,
    tax_id_label,
)

COUNTRY_CODES = sorted(SUPPORTED_COUNTRIES)
FAST = settings(max_examples=100, deadline=None)


def _error(country_code: str, raw: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        check_tax_id(country_code, raw)
    return info.value


# --- the table ---------------------------------------------------------------------


def test_every_basc_country_is_supported() -> None:
    assert frozenset(COUNTRIES) == SUPPORTED_COUNTRIES


@pytest.mark.parametrize(
    ("country_code", "label"),
    [
        ("CO", "NIT"),
        ("CR", "cédula jurídica"),
        ("EC", "RUC"),
        ("SV", "NIT"),
        ("GT", "NIT"),
        ("HT", "NIF"),
        ("MX", "RFC"),
        ("PA", "RUC"),
        ("PE", "RUC"),
        ("DO", "RNC"),
        ("UY", "RUT"),
        ("VE", "RIF"),
        ("US", "EIN"),
    ],
)
def test_label_is_the_countrys_own_name(country_code: str, label: str) -> None:
    assert tax_id_label(country_code) == label
    assert tax_id_label(country_code.lower()) == label


# --- valid numbers -----------------------------------------------------------------

VALID = [
    ("CO", "899.999.068-1", "8999990681", "899.999.068-1"),
    ("CO", "900 123 456 - 8", "9001234568", "900.123.456-8"),
    ("CR", "3-101-999999", "3101999999", "3-101-999999"),
    ("EC", "1792060346-001", "1792060346001", "1792060346001"),
    ("SV", "0614-050707-104-8", "06140507071048", "0614-050707-104-8"),
    ("SV", "SV 0614-050707-104-8", "06140507071048", "0614-050707-104-8"),
    ("GT", "576937-k", "576937K", "576937-K"),
    ("GT", "0576937-K", "576937K", "576937-K"),
    ("HT", "003-456-789-0", "0034567890", "003-456-789-0"),
    ("MX", "mab-930714-8t4", "MAB9307148T4", "MAB 930714 8T4"),
    ("PA", "155596713-2-2015 DV 45", "155596713-2-2015-DV45", "155596713-2-2015 DV 45"),
    ("PA", "1556789-1-123456 D.V. 18", "1556789-1-123456-DV18", "1556789-1-123456 DV 18"),
    ("PA", "155596713-2-2015dv45", "155596713-2-2015-DV45", "155596713-2-2015 DV 45"),
    ("PA", "8 - 123 - 456", "8-123-456", "8-123-456"),
    ("PA", "8 123 456", "8-123-456", "8-123-456"),
    ("PA", "e-8-123456", "E-8-123456", "E-8-123456"),
    ("PA", "2AV-123-456", "2AV-123-456", "2AV-123-456"),
    ("PE", "20512333797", "20512333797", "20512333797"),
    ("PE", " 2051 2333 797 ", "20512333797", "20512333797"),
    ("DO", "1-01-85004-3", "101850043", "1-01-85004-3"),
    ("UY", "21-100342-001-7", "211003420017", "21-100342-001-7"),
    ("UY", "UY 21 140634 001 1", "211406340011", "21-140634-001-1"),
    ("VE", "J-00123073-4", "J001230734", "J-00123073-4"),
    ("VE", "v-11470283-4", "V114702834", "V-11470283-4"),
    ("US", "91-1144442", "911144442", "91-1144442"),
    ("US", "91 114 4442", "911144442", "91-1144442"),
]


@pytest.mark.parametrize(("country_code", "raw", "compact", "display"), VALID)
def test_valid_number_is_accepted_and_normalised(
    country_code: str, raw: str, compact: str, display: str
) -> None:
    assert normalise_tax_id(country_code, raw) == compact
    assert check_tax_id(country_code, raw) == compact
    assert format_tax_id(country_code, compact) == display
    assert check_tax_id(country_code, display) == compact


def test_every_country_has_a_valid_example() -> None:
    assert {row[0] for row in VALID} == SUPPORTED_COUNTRIES


def test_country_code_is_case_and_space_insensitive() -> None:
    assert check_tax_id(" co ", "900.123.456-8") == "9001234568"


def test_colombian_dotted_form_with_correct_dv() -> None:
    base = "900123456"
    dotted = f"900.123.456-{co_nit.calc_check_digit(base)}"
    assert check_tax_id("CO", dotted) == base + co_nit.calc_check_digit(base)


# --- invalid numbers ---------------------------------------------------------------

WRONG_CHECK_DIGIT = [
    ("CO", "900.123.456-7"),
    ("EC", "1763154690001"),
    ("SV", "0614-050707-104-0"),
    ("GT", "8977112-0"),
    ("MX", "MAB-930714-8T5"),
    ("PE", "20512333798"),
    ("DO", "1-01-85004-2"),
    ("UY", "21-100342-001-8"),
    ("VE", "V-11470283-3"),
]


@pytest.mark.parametrize(("country_code", "raw"), WRONG_CHECK_DIGIT)
def test_wrong_check_digit(country_code: str, raw: str) -> None:
    error = _error(country_code, raw)
    label = tax_id_label(country_code)
    assert error.field == "tax_id"
    assert error.label == label
    assert str(error.message) == f"The check digit of this {label} is wrong."


WRONG_LENGTH = [
    ("CO", "12345", "The NIT must have 8 to 16 digits; this one has 5."),
    ("CR", "3-101-99999", "The cédula jurídica must have 10 digits; this one has 9."),
    ("EC", "17920603460", "The RUC must have 13 digits; this one has 11."),
    ("SV", "0614-050707-104", "The NIT must have 14 digits; this one has 13."),
    ("GT", "1234567890123", "The NIT must have 2 to 12 digits; this one has 13."),
    ("HT", "003-456-789", "The NIF must have 10 digits; this one has 9."),
    ("MX", "MAB-930714", "The RFC must have 12 characters (13 for a person); this one has 9."),
    ("PE", "2051233379", "The RUC must have 11 digits; this one has 10."),
    ("DO", "1-01-85004-34", "The RNC must have 9 digits; this one has 10."),
    ("UY", "21-100342-001", "The RUT must have 12 digits; this one has 11."),
    (
        "VE",
        "J-0012307",
        "The RIF must have 10 characters, a letter and 9 digits; this one has 8.",
    ),
    ("US", "91-114444", "The EIN must have 9 digits; this one has 8."),
]


@pytest.mark.parametrize(("country_code", "raw", "message"), WRONG_LENGTH)
def test_wrong_length(country_code: str, raw: str, message: str) -> None:
    error = _error(country_code, raw)
    assert error.field == "tax_id"
    assert str(error.message) == message
    assert tax_id_label(country_code) in str(error)


LETTERS = [
    ("CO", "900.12A.456-8"),
    ("CR", "3-101-99999X"),
    ("EC", "179206034600A"),
    ("SV", "0614-0507O7-104-8"),
    ("GT", "57K937-K"),
    ("HT", "003-456-78X-0"),
    ("MX", "MA1-930714-8T4"),
    ("PA", "155596713-X-2015"),
    ("PE", "2051233379X"),
    ("DO", "1-01-8500A-3"),
    ("UY", "21-10034Z-001-7"),
    ("VE", "J-0012307A-4"),
    ("US", "91-11444A2"),
]


@pytest.mark.parametrize(("country_code", "raw"), LETTERS)
def test_letters_where_digits_belong(country_code: str, raw: str) -> None:
    error = _error(country_code, raw)
    label = tax_id_label(country_code)
    assert error.field == "tax_id"
    assert label in str(error)
    assert "check digit" not in str(error.message)
    assert "must have" not in str(error.message)


def test_letter_messages_say_what_is_allowed() -> None:
    assert str(_error("CO", "900.12A.456-8").message) == "The NIT may contain only digits."
    assert str(_error("MX", "MA1-930714-8T4").message).startswith("The RFC has an invalid format")
    assert str(_error("VE", "J-0012307A-4").message) == (
        "The RIF must be a letter followed by 9 digits."
    )
    assert "155596713-2-2015 DV 45" in str(_error("PA", "155596713-X-2015").message)


@pytest.mark.parametrize("country_code", COUNTRY_CODES)
@pytest.mark.parametrize("raw", ["", "   ", " - . - "])
def test_empty(country_code: str, raw: str) -> None:
    error = _error(country_code, raw)
    label = tax_id_label(country_code)
    assert error.field == "tax_id"
    assert str(error.message) == f"The {label} is empty."
    assert str(error) == f"{label}: The {label} is empty."


INVALID_PART = [
    ("CR", "3-534-123559", "must start with a known type"),
    ("EC", "2592060346001", "unknown province"),
    ("SV", "2614-050707-104-8", "must start with 0, 1 or 9"),
    ("MX", "MAB-931314-8T4", "impossible date"),
    ("PA", "155596713-2-2015 DV 4", "DV of this RUC must have 2 digits"),
    ("PE", "30512333797", "must start with 10, 15, 17 or 20"),
    ("UY", "23-100342-001-7", "must start with 01 to 22"),
    ("VE", "X-11470283-4", "must start with V, E, J, P or G"),
    ("US", "07-1144442", "prefix that the IRS does not assign"),
]


@pytest.mark.parametrize(("country_code", "raw", "reason"), INVALID_PART)
def test_invalid_part(country_code: str, raw: str, reason: str) -> None:
    error = _error(country_code, raw)
    assert error.field == "tax_id"
    assert tax_id_label(country_code) in str(error)
    assert reason in str(error.message)


def test_messages_are_templates_with_the_label_as_parameter() -> None:
    error = _error("EC", "17920603460")
    assert (
        error.message.template == "The {label} must have {minimum} digits; this one has {actual}."
    )
    assert error.message.params["label"] == "RUC"
    assert error.message.params["actual"] == 11


def test_unknown_country() -> None:
    error = _error("AR", "30-50000000-7")
    assert error.field == "country"
    assert "AR" in str(error)
    with pytest.raises(ValidationError):
        tax_id_label("XX")
    with pytest.raises(ValueError, match="XX"):
        generate_tax_id("XX", random.Random(1))


def test_unknown_country_still_normalises_and_formats() -> None:
    assert normalise_tax_id("AR", "30-50000000-7") == "30500000007"
    assert format_tax_id("AR", "30500000007") == "30500000007"


def test_format_leaves_invalid_or_unformatted_numbers_alone() -> None:
    assert format_tax_id("CO", "9001234567") == "9001234567"
    assert format_tax_id("EC", "1792060346001") == "1792060346001"


# --- generated numbers -------------------------------------------------------------


@pytest.mark.parametrize("country_code", COUNTRY_CODES)
def test_generation_is_deterministic(country_code: str) -> None:
    first = generate_tax_id(country_code, random.Random(42))
    assert generate_tax_id(country_code, random.Random(42)) == first
    others = {generate_tax_id(country_code, random.Random(seed)) for seed in range(20)}
    assert len(others) > 10


def test_generated_numbers_are_company_numbers() -> None:
    rng = random.Random(7)
    for _ in range(50):
        assert mx_rfc.is_valid(generate_tax_id("MX", rng), validate_check_digits=True)
        assert len(generate_tax_id("MX", rng)) == 12
        ec = generate_tax_id("EC", rng)
        assert ec_ruc.is_valid(ec)
        assert ec[2] == "9"
        assert ec.endswith("001")
        assert generate_tax_id("PE", rng).startswith("20")
        assert pe_ruc.is_valid(generate_tax_id("PE", rng))
        ve = generate_tax_id("VE", rng)
        assert ve.startswith("J")
        assert ve_rif.is_valid(ve)
        rnc = generate_tax_id("DO", rng)
        assert len(rnc) == 9
        assert do_rnc.is_valid(rnc)
        rut = generate_tax_id("UY", rng)
        assert len(rut) == 12
        assert uy_rut.is_valid(rut)
        sv = generate_tax_id("SV", rng)
        assert len(sv) == 14
        assert sv_nit.is_valid(sv)
        assert generate_tax_id("CR", rng).startswith("3101")
        co = generate_tax_id("CO", rng)
        assert len(co) == 10
        assert co_nit.is_valid(co)
        assert re.fullmatch(r"[0-9]{10}", generate_tax_id("HT", rng))
        assert re.fullmatch(r"155[0-9]{6}-2-20[0-9]{2}-DV[0-9]{2}", generate_tax_id("PA", rng))


@FAST
@given(st.sampled_from(COUNTRY_CODES), st.integers(min_value=0, max_value=2**64))
def test_generated_number_is_valid_and_compact(country_code: str, seed: int) -> None:
    number = generate_tax_id(country_code, random.Random(seed))
    assert check_tax_id(country_code, number) == number
    assert normalise_tax_id(country_code, number) == number


@FAST
@given(st.sampled_from(COUNTRY_CODES), st.integers(min_value=0, max_value=2**64))
def test_formatted_number_checks_back_to_compact(country_code: str, seed: int) -> None:
    number = generate_tax_id(country_code, random.Random(seed))
    assert check_tax_id(country_code, format_tax_id(country_code, number)) == number


_TAX_ID_TEXT = st.one_of(
    st.text(),
    st.text(alphabet="0123456789 .-_–DVdvKkJSUYAPIEN\t"),
)


@FAST
@given(st.sampled_from([*COUNTRY_CODES, "AR"]), _TAX_ID_TEXT)
def test_normalise_is_idempotent(country_code: str, raw: str) -> None:
    once = normalise_tax_id(country_code, raw)
    assert normalise_tax_id(country_code, once) == once


@FAST
@given(st.sampled_from(COUNTRY_CODES), _TAX_ID_TEXT)
def test_check_raises_only_validation_error(country_code: str, raw: str) -> None:
    error: ValidationError | None = None
    compact = ""
    try:
        compact = check_tax_id(country_code, raw)
    except ValidationError as exc:
        error = exc
    if error is not None:
        assert error.field == "tax_id"
        assert tax_id_label(country_code) in str(error)
    else:
        assert compact == normalise_tax_id(country_code, raw)
        assert check_tax_id(country_code, compact) == compact
