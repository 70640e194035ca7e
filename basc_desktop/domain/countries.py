"""The countries BASC chapters work in, and what each calls its tax ID."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name_es: str
    name_en: str
    name_fr: str
    tax_id_name: str
    """What the country calls a company's tax ID (NIT, RUC, RFC…), used in every message."""
    phone_code: str

    def name(self, language: str) -> str:
        return {"es": self.name_es, "fr": self.name_fr}.get(language, self.name_en)


COUNTRIES: dict[str, Country] = {
    c.alpha2: c
    for c in (
        Country("CO", "COL", "Colombia", "Colombia", "Colombie", "NIT", "57"),
        Country("CR", "CRI", "Costa Rica", "Costa Rica", "Costa Rica", "cédula jurídica", "506"),
        Country("EC", "ECU", "Ecuador", "Ecuador", "Équateur", "RUC", "593"),
        Country("SV", "SLV", "El Salvador", "El Salvador", "Salvador", "NIT", "503"),
        Country("GT", "GTM", "Guatemala", "Guatemala", "Guatemala", "NIT", "502"),
        Country("HT", "HTI", "Haití", "Haiti", "Haïti", "NIF", "509"),
        Country("MX", "MEX", "México", "Mexico", "Mexique", "RFC", "52"),
        Country("PA", "PAN", "Panamá", "Panama", "Panama", "RUC", "507"),
        Country("PE", "PER", "Perú", "Peru", "Pérou", "RUC", "51"),
        Country(
            "DO",
            "DOM",
            "República Dominicana",
            "Dominican Republic",
            "République dominicaine",
            "RNC",
            "1",
        ),
        Country("UY", "URY", "Uruguay", "Uruguay", "Uruguay", "RUT", "598"),
        Country("VE", "VEN", "Venezuela", "Venezuela", "Venezuela", "RIF", "58"),
        Country("US", "USA", "Estados Unidos", "United States", "États-Unis", "EIN", "1"),
    )
}

FOUNDING_COUNTRIES: tuple[str, ...] = (
    "CO",
    "CR",
    "EC",
    "SV",
    "GT",
    "HT",
    "MX",
    "PA",
    "PE",
    "DO",
    "UY",
    "VE",
)
"""The twelve countries where BASC first worked; the program ships a chapter for each."""


def country(alpha2: str) -> Country:
    """The country with ISO code ``alpha2``; KeyError if BASC does not work there."""
    return COUNTRIES[alpha2.upper()]
