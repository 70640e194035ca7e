"""Text for the screen: translated labels, day-first dates, grouped counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from basc_desktop.domain.text import Message, translatable
from basc_desktop.domain.vocabulary import BusinessType, MemberStatus
from basc_desktop.ui import prompts
from basc_desktop.ui.prompts import PromptKind
from basc_desktop.ui.text import (
    business_type_label,
    country_name,
    format_count,
    format_date,
    message_text,
    set_language,
    status_label,
)
from basc_desktop.ui.translation import choose_language, install_translations


def test_labels_dates_and_counts() -> None:
    assert status_label(MemberStatus.IN_PROCESS) == "In process"
    assert status_label(None) == "—"
    assert business_type_label(BusinessType.CUSTOMS_AGENT) == "Customs agent"
    assert format_date(date(2026, 6, 5)) == "05/06/2026"
    assert format_date(None) == ""
    assert format_count(4210) == "4,210"


def test_country_names_follow_the_language() -> None:
    set_language("fr")
    try:
        assert country_name("HT") == "Haïti"
        assert format_count(4210).replace("\u202f", " ").replace("\xa0", " ") == "4 210"
    finally:
        set_language("en")
    set_language("es")
    try:
        assert country_name("MX") == "México"
    finally:
        set_language("en")
    assert country_name("DO") == "Dominican Republic"


def test_language_choice() -> None:
    assert choose_language("fr") == "fr"
    assert choose_language("") == "en"  # BASC_LANGUAGE=en in the test configuration
    assert choose_language("de") == "en"


def test_prompts_can_be_answered() -> None:
    with prompts.answering(lambda p: p.kind is PromptKind.QUESTION) as asked:
        assert prompts.ask(None, "Demo database", "Build it now?") is True
        prompts.inform(None, "Done", "Built.")
    with prompts.answering("/tmp/other.sqlite"):
        assert prompts.choose_file(None, "Open", "/tmp", "*.sqlite") == "/tmp/other.sqlite"
    with prompts.answering(None):
        assert prompts.choose_file(None, "Open", "/tmp", "*.sqlite") is None
    assert [p.title for p in asked] == ["Demo database", "Done"]


def test_text_values_of_a_message_are_translated_too(qapp: QApplication) -> None:
    """A field label marked in the domain reads in the UI language; a company's name stays."""
    required = Message(translatable("{label} is required."), {"label": translatable("Legal name")})
    taken = Message(
        translatable("The {label} {tax_id} is already registered to {company}."),
        {"label": "NIT", "tax_id": "900123456-7", "company": "Certified Cargo Ltda"},
    )
    install_translations("es")
    try:
        assert message_text(required) == "Razón social: campo obligatorio."
        assert message_text(taken) == (
            "El número de NIT 900123456-7 ya está registrado a nombre de Certified Cargo Ltda."
        )
        assert message_text(Message("{status}", {"status": "Certified"})) == "Certificada"
    finally:
        install_translations("en")
    assert message_text(required) == "Legal name is required."


def test_dates_in_a_message_are_written_day_first(qapp: QApplication) -> None:
    """A refusal names its dates the way coordinators write them, not as 2026-06-15."""
    refusal = Message(
        translatable(
            "The member was archived on {date}: restore it before issuing its certificate."
        ),
        {"date": date(2026, 6, 5)},
    )
    assert message_text(refusal) == (
        "The member was archived on 05/06/2026: restore it before issuing its certificate."
    )
    assert str(refusal).startswith("The member was archived on 2026-06-05")  # CLI and logs
