"""Certificate codes: built from the chapter's pattern and read back."""

from __future__ import annotations

import re
import string
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.numbering import (
    CodeParts,
    format_certificate_code,
    next_company_number,
    next_issue,
    parse_certificate_code,
    validate_pattern,
)

PANAMA = "{country3}{city_code}{company:05d}-{site}-{issue}"
PARTS = CodeParts("PAN", "PA", "PTY", 74, 1, 2)


def in_pattern(pattern: str, parts: CodeParts) -> CodeParts:
    """``parts`` as they read back: text fields missing from the pattern become ""."""
    names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name}
    return CodeParts(
        parts.country3 if "country3" in names else "",
        parts.country2 if "country2" in names else "",
        parts.city_code if "city_code" in names else "",
        parts.company,
        parts.site,
        parts.issue,
    )


# --- formatting ----------------------------------------------------------------------------


def test_panama_example() -> None:
    assert format_certificate_code(PANAMA, PARTS) == "PANPTY00074-1-2"
    assert format_certificate_code(PANAMA, CodeParts("PAN", "PA", "PTY", 74, 1, 1)) == (
        "PANPTY00074-1-1"
    )


def test_widest_number_that_fits() -> None:
    parts = CodeParts("PAN", "PA", "PTY", 99999, 12, 345)
    assert format_certificate_code(PANAMA, parts) == "PANPTY99999-12-345"


@pytest.mark.parametrize("company", [100000, 123456])
def test_number_wider_than_its_padding_is_refused(company: int) -> None:
    with pytest.raises(ValidationError) as caught:
        format_certificate_code(PANAMA, CodeParts("PAN", "PA", "PTY", company, 1, 1))
    assert caught.value.field == "certificate_code"
    assert "5 digits" in str(caught.value)


@pytest.mark.parametrize(
    "parts",
    [
        CodeParts("PAN", "PA", "PTY", 0, 1, 1),
        CodeParts("PAN", "PA", "PTY", 1, 0, 1),
        CodeParts("PAN", "PA", "PTY", 1, 1, 0),
        CodeParts("PAN", "PA", "PTY", -3, 1, 1),
    ],
)
def test_number_below_one_is_refused(parts: CodeParts) -> None:
    with pytest.raises(ValidationError, match="1 or more") as caught:
        format_certificate_code(PANAMA, parts)
    assert caught.value.field == "certificate_code"


def test_site_width_applies_to_site() -> None:
    pattern = "{company:05d}-{site:02d}-{issue}"
    assert format_certificate_code(pattern, CodeParts("", "", "", 7, 3, 1)) == "00007-03-1"
    with pytest.raises(ValidationError, match="site number 100"):
        format_certificate_code(pattern, CodeParts("", "", "", 7, 100, 1))


@pytest.mark.parametrize(
    "parts",
    [
        CodeParts("pan", "PA", "PTY", 74, 1, 2),
        CodeParts("PA", "PA", "PTY", 74, 1, 2),
        CodeParts("PAN", "PA", "", 74, 1, 2),
        CodeParts("PAN", "PA", "PT1", 74, 1, 2),
        CodeParts("PAÑ", "PA", "PTY", 74, 1, 2),
    ],
)
def test_bad_country_or_city_code_is_refused(parts: CodeParts) -> None:
    with pytest.raises(ValidationError) as caught:
        format_certificate_code(PANAMA, parts)
    assert caught.value.field == "certificate_code"


def test_text_fields_not_in_pattern_are_not_checked() -> None:
    pattern = "{country2}-{company}-{site}-{issue}"
    assert format_certificate_code(pattern, CodeParts("", "PA", "", 74, 1, 2)) == "PA-74-1-2"


def test_literal_braces() -> None:
    pattern = "{{{company}}}-{site}-{issue}"
    assert format_certificate_code(pattern, PARTS) == "{74}-1-2"
    assert parse_certificate_code(pattern, "{74}-1-2") == CodeParts("", "", "", 74, 1, 2)


# --- parsing ----------------------------------------------------------------------------------


def test_parse_panama_example() -> None:
    assert parse_certificate_code(PANAMA, "PANPTY00074-1-2") == CodeParts(
        "PAN", "", "PTY", 74, 1, 2
    )


def test_parse_forgives_case_and_spaces() -> None:
    assert parse_certificate_code(PANAMA, "  panpty00074-1-2\n") == CodeParts(
        "PAN", "", "PTY", 74, 1, 2
    )


@pytest.mark.parametrize(
    "code",
    [
        "",
        "PANPTY0074-1-2",  # 4 digits for a 5-digit company number
        "PANPTY000074-1-2",  # 6 digits
        "PANPTY00074-1",  # no issue
        "PANPTY00074-01-2",  # unpadded site with a leading zero
        "PANPTY00000-1-2",  # company 0
        "PANPTY00074-0-2",  # site 0
        "PANPTY00074-1-2x",
        "PA1PTY00074-1-2",
        "PANPTY00074_1_2",
        "PANPTY٠٠٠٧٤-1-2",  # non-ASCII digits
    ],
)
def test_parse_refuses_codes_of_another_shape(code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_certificate_code(PANAMA, code)
    assert caught.value.field == "certificate_code"
    message = str(caught.value)
    assert PANAMA in message
    assert "PANPTY00074-1-2" in message  # an example of the expected shape


def test_parse_city_code_of_other_lengths() -> None:
    assert parse_certificate_code(PANAMA, "PANBOGOTA00001-2-3").city_code == "BOGOTA"
    assert parse_certificate_code(PANAMA, "PANB00001-2-3").city_code == "B"


# --- next numbers --------------------------------------------------------------------------


def test_next_issue() -> None:
    assert next_issue([]) == 1
    assert next_issue([1]) == 2
    assert next_issue([3, 1, 2]) == 4
    assert next_issue(iter([1, 5])) == 6


def test_next_company_number() -> None:
    assert next_company_number([]) == 1
    assert next_company_number([74, 12]) == 75
    assert next_company_number(n for n in (1, 2, 3)) == 4


# --- patterns -------------------------------------------------------------------------------

PATTERNS = [
    PANAMA,
    "{country3}{city_code}{company:05d}-{site}-{issue}",
    "{country2}-{company:04d}-{site:02d}-{issue:02d}",
    "BASC-{country3}-{city_code}-{company}-{site}-{issue}",
    "{company}{city_code}{site:02d}{issue}",
    "{city_code}{country3}{company:05}/{site}.{issue}",
    "{company:06d}{site:03d}{issue:02d}",
    "{issue}-{company}-{site}",
    "{country3}{company:05d}-{site}-{issue}",
    "{city_code}-AB{company}-{site}-{issue}{country3}",
    "{company:05d}-{site}{issue:02d}{country3}",
    "{city_code}Z{company}-{site}-{issue}",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_shipped_shapes_are_valid(pattern: str) -> None:
    validate_pattern(pattern)  # raises when the pattern cannot make unique codes
    code = format_certificate_code(pattern, PARTS)
    assert parse_certificate_code(pattern, code).company == PARTS.company


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("{country3}{company:05d}-{site}", "missing {issue}"),
        ("{country3}-{site}", "missing {company}, {issue}"),
        ("{country}{company}-{site}-{issue}", "unknown placeholder {country}"),
        ("{}{company}-{site}-{issue}", "unknown placeholder"),
        ("{0}{company}-{site}-{issue}", "unknown placeholder {0}"),
        ("{company.real}-{site}-{issue}", "unknown placeholder"),
        ("{company[0]}-{site}-{issue}", "unknown placeholder"),
        ("{company!r}-{site}-{issue}", "conversion"),
        ("{company:5d}-{site}-{issue}", "format"),
        ("{company:x}-{site}-{issue}", "format"),
        ("{company:05d}-{site}-{issue}-{city_code:>3}", "cannot take a format"),
        ("{company}-{site}-{issue}-{company}", "more than once"),
        ("{company}-{site}-{issue}}", "Single '}'"),
        ("{company-{site}-{issue}", "pattern"),
        ("{company}{site}-{issue}", "run into each other"),
        ("{company}-{site}{issue:02d}{issue}", "more than once"),
        ("{company}-{site}0{issue}", "run into each other"),
        ("{company:05d}-{site}{issue:02d}{issue}", "more than once"),
        ("{country3}{city_code}X{city_code}", "more than once"),
        ("{city_code}{country3}{company}{site:03d}{issue}", "{company} and {issue}"),
    ],
)
def test_bad_patterns_are_refused_with_a_reason(pattern: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        validate_pattern(pattern)


def test_bad_pattern_reaches_format_and_parse_as_value_error() -> None:
    with pytest.raises(ValueError, match="unknown placeholder"):
        format_certificate_code("{nope}-{company}-{site}-{issue}", PARTS)
    with pytest.raises(ValueError, match="missing"):
        parse_certificate_code("{company}", "74")


# --- properties ---------------------------------------------------------------------------------

FAST = settings(max_examples=100, deadline=None)


def code_parts(company_max: int = 9999, small_max: int = 99) -> st.SearchStrategy[CodeParts]:
    """Parts that fit every pattern in PATTERNS with the default maxima."""
    return st.builds(
        CodeParts,
        st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3),
        st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2),
        st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=6),
        st.integers(1, company_max),
        st.integers(1, small_max),
        st.integers(1, small_max),
    )


# Mostly short numbers, so that they often fit a random pattern's padding.
mixed_numbers = st.integers(1, 9) | st.integers(1, 99) | st.integers(1, 99999)
mixed_parts = st.builds(
    CodeParts,
    st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3),
    st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2),
    st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=4),
    mixed_numbers,
    mixed_numbers,
    mixed_numbers,
)


@FAST
@given(st.sampled_from(PATTERNS), code_parts())
def test_format_then_parse_round_trips(pattern: str, parts: CodeParts) -> None:
    code = format_certificate_code(pattern, parts)
    assert parse_certificate_code(pattern, code) == in_pattern(pattern, parts)
    assert parse_certificate_code(pattern, code.lower()) == in_pattern(pattern, parts)


@FAST
@given(st.sampled_from(PATTERNS), code_parts(), code_parts())
def test_distinct_parts_give_distinct_codes(pattern: str, one: CodeParts, two: CodeParts) -> None:
    if in_pattern(pattern, one) != in_pattern(pattern, two):
        assert format_certificate_code(pattern, one) != format_certificate_code(pattern, two)
    else:
        assert format_certificate_code(pattern, one) == format_certificate_code(pattern, two)


@FAST
@given(st.sampled_from(PATTERNS), st.lists(code_parts(999, 9), min_size=2, max_size=20))
def test_codes_are_unique_across_a_register(pattern: str, many: list[CodeParts]) -> None:
    """Near-identical parts (small numbers, short codes) still never share a code."""
    codes = {format_certificate_code(pattern, parts) for parts in many}
    assert len(codes) == len({in_pattern(pattern, parts) for parts in many})


@FAST
@given(st.integers(100000, 10**9), code_parts())
def test_too_wide_company_is_always_refused(company: int, parts: CodeParts) -> None:
    with pytest.raises(ValidationError):
        format_certificate_code(PANAMA, replace(parts, company=company))


@FAST
@given(st.lists(st.integers(-5, 10**6), max_size=30))
def test_next_issue_is_above_every_existing_one(existing: list[int]) -> None:
    issue = next_issue(existing)
    assert issue >= 1
    assert all(issue > n for n in existing)
    assert issue not in existing
    assert next_company_number(existing) == issue


# Random patterns: any pattern validate_pattern accepts must round-trip and stay injective.

separators = st.sampled_from(["", "", "-", "/", ".", "A", "Z", "0", "7", "BASC-"])
number_specs = st.sampled_from(["", "", ":d", ":02d", ":03", ":05d"])


@st.composite
def random_patterns(draw: st.DrawFn) -> str:
    texts = draw(st.lists(st.sampled_from(["country3", "country2", "city_code"]), unique=True))
    names = draw(st.permutations(["company", "site", "issue", *texts]))
    pieces = [draw(separators)]
    for name in names:
        spec = draw(number_specs) if name in {"company", "site", "issue"} else ""
        pieces.append("{" + name + spec + "}")
        pieces.append(draw(separators))
    return "".join(pieces)


def _fits(pattern: str, parts: CodeParts) -> bool:
    """Whether ``parts`` can be formatted; only a number too wide for its padding may not."""
    refusal = ""
    try:
        format_certificate_code(pattern, parts)
    except ValidationError as error:
        refusal = str(error)
    # Never refused as ambiguous: validate_pattern must have caught that.
    assert not refusal or "digits" in refusal, refusal
    return not refusal


@settings(max_examples=200, deadline=None)
@given(random_patterns(), mixed_parts, mixed_parts)
def test_any_accepted_pattern_round_trips_and_is_injective(
    pattern: str, one: CodeParts, two: CodeParts
) -> None:
    try:
        validate_pattern(pattern)
    except ValueError:
        assume(False)
    assume(_fits(pattern, one) and _fits(pattern, two))
    code_one = format_certificate_code(pattern, one)
    code_two = format_certificate_code(pattern, two)
    assert parse_certificate_code(pattern, code_one) == in_pattern(pattern, one)
    assert (code_one == code_two) == (in_pattern(pattern, one) == in_pattern(pattern, two))
