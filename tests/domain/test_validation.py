"""Field checks and search folding: what the coordinator types is checked and found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basc_desktop.domain.errors import ValidationError
from basc_desktop.domain.search import fold, search_key, search_terms
from basc_desktop.domain.validation import (
    check_email,
    check_phone,
    check_website,
    clean_text,
    optional,
    require,
)


def test_required_text_is_trimmed_and_folded() -> None:
    assert require("legal_name", "Legal name", "  Café   del  Sur  ") == "Café del Sur"


@pytest.mark.parametrize("value", ["", "   ", None])
def test_missing_required_text_names_the_field(value: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        require("legal_name", "Legal name", value)
    assert caught.value.field == "legal_name"
    assert str(caught.value) == "Legal name: Legal name is required."


def test_too_long_text_says_the_limit() -> None:
    with pytest.raises(ValidationError, match="301 characters, at most 300"):
        optional("address", "Address", "x" * 301)


@pytest.mark.parametrize("good", ["ana@andina.com.co", "j.perez+basc@empresa.example", ""])
def test_good_emails_pass(good: str) -> None:
    assert check_email(good) == good.lower()


@pytest.mark.parametrize("bad", ["ana", "ana@", "@andina.com", "ana @andina.com", "ana@andina"])
def test_bad_emails_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match=r"name@company\.com"):
        check_email(bad)


@pytest.mark.parametrize("good", ["+57 601 555 0101", "+507 263-4500", "+1 (809) 555-0199", ""])
def test_phones_with_country_code_pass(good: str) -> None:
    assert check_phone(good) == good


@pytest.mark.parametrize("bad", ["601 555 0101", "+57", "+57 abc def", "0057 601 5550101"])
def test_phones_without_country_code_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="country code"):
        check_phone(bad)


@pytest.mark.parametrize("good", ["www.andina.com.co", "https://basc.example/miembros", ""])
def test_websites(good: str) -> None:
    assert check_website(good) == good
    with pytest.raises(ValidationError):
        check_website("not a website")


def test_fold_removes_case_and_accents() -> None:
    assert fold("BOGOTÁ") == "bogota"
    assert fold("Ñandú  Perú") == "nandu peru"
    assert fold("Haïti Côte") == "haiti cote"


def test_search_terms_drop_tax_id_punctuation_but_keep_words() -> None:
    assert search_terms("900.123.456-7") == ["9001234567"]
    assert search_terms("Coca-Cola  Bogotá") == ["coca-cola", "bogota"]


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.lists(st.text(min_size=1), min_size=1, max_size=4))
def test_every_part_is_found_in_the_search_key(parts: list[str]) -> None:
    key = search_key(*parts)
    for part in parts:
        assert fold(part) in key


@given(st.text())
def test_clean_text_has_no_double_spaces(text: str) -> None:
    cleaned = clean_text(text)
    assert "  " not in cleaned
    assert cleaned == cleaned.strip()
