"""Reading a chapter's headers and values: synonyms in three languages, any case or accents."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from basc_desktop.domain.import_headers import (
    FIELD_KEYS,
    fold_header,
    guess_mapping,
    header_score,
    match_business_type,
    match_country,
    match_header,
)
from basc_desktop.domain.tax_ids import check_tax_id, format_tax_id, normalise_tax_id
from basc_desktop.domain.vocabulary import BusinessType

HEADERS = {
    "Razón social": "legal_name",
    "Empresa": "legal_name",
    "Nombre de la empresa": "legal_name",
    "Company": "legal_name",
    "Legal name": "legal_name",
    "Raison sociale": "legal_name",
    "Nombre comercial": "trade_name",
    "NIT": "tax_id",
    "N.I.T.": "tax_id",
    "RUC": "tax_id",
    "RFC": "tax_id",
    "RNC": "tax_id",
    "RUT": "tax_id",
    "RIF": "tax_id",
    "NIF": "tax_id",
    "Cédula jurídica": "tax_id",
    "Tax ID": "tax_id",
    "NIT de la empresa": "tax_id",
    "No. RUC": "tax_id",
    "País": "country",
    "Country": "country",
    "Pays": "country",
    "Capítulo": "chapter_code",
    "Chapter": "chapter_code",
    "Ciudad": "city",
    "Tipo de empresa": "business_type",
    "Actividad": "business_type",
    "Business type": "business_type",
    "Type d'entreprise": "business_type",
    "Dirección": "address",
    "Teléfono": "phone",
    "Tel.": "phone",
    "Correo electrónico": "email",
    "E-mail": "email",
    "Sitio web": "website",
    "Fecha de afiliación": "membership_start",
    "Miembro desde": "membership_start",
    "Observaciones": "notes",
}


@pytest.mark.parametrize(("header", "field"), HEADERS.items())
def test_usual_headers_are_recognised(header: str, field: str) -> None:
    assert match_header(header) == field


@pytest.mark.parametrize(
    "header", ["Nº", "Nombre del contacto", "Número de miembro", "", "   ", "Total", None, 12]
)
def test_other_headers_are_not_guessed(header: object) -> None:
    assert match_header(header) is None


def test_mapping_gives_each_field_one_column_the_surest_first() -> None:
    headers = ["Nº", "Empresa", "Razón social", "NIT de la empresa", "NIT", None, "PAÍS"]
    assert guess_mapping(headers) == {1: "legal_name", 4: "tax_id", 6: "country"}


def test_the_header_row_names_the_most_fields() -> None:
    assert header_score(["Lista de afiliados 2025"]) == 0
    assert header_score(["Razón social", "NIT", "Empresa", 3]) == 2


def _accented(text: str) -> st.SearchStrategy[str]:
    """``text`` with any case per letter, accents on vowels and odd spacing."""
    accents = {"a": "áàä", "e": "éè", "i": "íï", "o": "óö", "u": "úü", "n": "ñ"}

    def letter(ch: str) -> st.SearchStrategy[str]:
        if ch == " ":
            return st.sampled_from([" ", "  ", "\t", " \u00a0"])
        low = ch.lower()
        options = [low, low.upper(), *accents.get(low, "")]
        return st.sampled_from(options)

    return st.tuples(*(letter(ch) for ch in text)).map("".join)


@given(
    header=st.sampled_from(sorted(HEADERS)).flatmap(lambda h: st.tuples(st.just(h), _accented(h))),
    before=st.sampled_from(["", " ", "  ", "\t"]),
    after=st.sampled_from(["", " ", ":", " :", "\n"]),
)
def test_case_accents_and_spaces_never_change_the_match(
    header: tuple[str, str], before: str, after: str
) -> None:
    original, variant = header
    assert match_header(before + variant + after) == match_header(original)


@given(st.text(max_size=40))
def test_folding_is_idempotent_and_plain(text: str) -> None:
    once = fold_header(text)
    assert fold_header(once) == once
    assert once == once.strip()
    assert all(ch.isascii() for ch in once)
    assert unicodedata.normalize("NFKD", once) == once


@given(st.lists(st.sampled_from([*HEADERS, "Nº", "Total", ""]), max_size=12))
def test_a_guessed_mapping_never_reads_a_field_twice(headers: list[str]) -> None:
    mapping = guess_mapping(headers)
    assert len(set(mapping.values())) == len(mapping)
    assert set(mapping.values()) <= set(FIELD_KEYS)
    assert all(match_header(headers[c]) == key for c, key in mapping.items())


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("customs_agent", BusinessType.CUSTOMS_AGENT),
        ("Customs agent", BusinessType.CUSTOMS_AGENT),
        ("AGENTE DE ADUANAS", BusinessType.CUSTOMS_AGENT),
        ("Agent en douane", BusinessType.CUSTOMS_AGENT),
        ("Exportador / importador", BusinessType.EXPORTER_IMPORTER),
        ("exportador", BusinessType.EXPORTER_IMPORTER),
        ("Transportista terrestre", BusinessType.ROAD_CARRIER),
        ("Terminal portuaria", BusinessType.PORT_TERMINAL),
        ("Usuario de zona franca", BusinessType.FREE_ZONE_USER),
        ("Entreprise de sécurité privée", BusinessType.SECURITY_COMPANY),
        ("Panadería", None),
        ("", None),
    ],
)
def test_business_types_by_code_or_label_in_three_languages(
    text: str, kind: BusinessType | None
) -> None:
    assert match_business_type(text) == kind


@pytest.mark.parametrize("kind", list(BusinessType))
def test_every_business_type_is_found_by_its_code_and_label(kind: BusinessType) -> None:
    assert match_business_type(kind.value) == kind
    assert match_business_type(kind.label.upper()) == kind


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Colombia", "CO"),
        ("co", "CO"),
        ("COL", "CO"),
        ("Perú", "PE"),
        ("PERU", "PE"),
        ("Haïti", "HT"),
        ("República Dominicana", "DO"),
        ("Dominican Republic", "DO"),
        ("Mexique", "MX"),
        ("Atlantis", None),
    ],
)
def test_countries_by_name_or_iso_code(text: str, code: str | None) -> None:
    assert match_country(text) == code


# --- tax IDs as spreadsheets write them ------------------------------------------------

SEPARATORS = st.sampled_from([".", "-", " ", "  ", "\u2013", "\u00a0"])


def _punctuated(digits: str) -> st.SearchStrategy[str]:
    """``digits`` with separators put anywhere between them."""
    return st.lists(st.one_of(st.just(""), SEPARATORS), min_size=len(digits) + 1,
                    max_size=len(digits) + 1).map(
        lambda seps: "".join(s + d for s, d in zip(seps, digits + "\0", strict=True)).replace(
            "\0", ""
        )
    )  # fmt: skip


@given(
    st.sampled_from(["9001234567", "8600698047", "800197268-4"]).flatmap(
        lambda n: st.tuples(st.just(n.replace("-", "")), _punctuated(n.replace("-", "")))
    )
)
def test_dots_dashes_and_spaces_never_change_a_nit(number: tuple[str, str]) -> None:
    compact, written = number
    assert normalise_tax_id("CO", written) == compact
    assert normalise_tax_id("CO", normalise_tax_id("CO", written)) == compact


@given(st.sampled_from(["PE", "EC", "DO", "CR", "UY"]), st.integers(0, 10**6), st.data())
def test_a_valid_number_checks_the_same_however_it_is_punctuated(
    country: str, seed: int, data: st.DataObject
) -> None:
    import random

    from basc_desktop.domain.tax_id_samples import generate_tax_id

    compact = check_tax_id(country, generate_tax_id(country, random.Random(seed)))
    written = data.draw(_punctuated(compact))
    assert check_tax_id(country, written) == compact
    assert check_tax_id(country, format_tax_id(country, compact)) == compact
