"""Renewal reminder letters: one page per company, on its chapter's letterhead.

Each letter is dated in words, addressed to the company (and its contact), names the
certificate and its expiry date, and asks the company to plan its recertification audit
before that date.  It speaks its chapter's language (Spanish, French or English), so
its words are data here, like :mod:`basc_desktop.reports.letterhead`.  Letters of
chapters on Letter and on A4 paper can share one PDF: each page takes its chapter's
paper.  A letter always fits its page (it shrinks rather than spill over).  No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from basc_desktop.reports.fonts import REGULAR
from basc_desktop.reports.letterhead import (
    Letterhead,
    LetterStyles,
    date_in_words,
    letterhead_flowables,
    page_size,
    para,
    signature_table,
)
from basc_desktop.reports.report_words import report_language

__all__ = ["ReminderLetter", "reminder_words", "write_reminder_letters"]

MARGIN = 22 * mm
TOP = 18 * mm

_ES = {
    "subject": "Renovación de la certificación BASC",
    "greeting": "Estimados señores:",
    "attention": "Atención: {name}",
    "expires": (
        "Les recordamos que el certificado BASC <b>{code}</b> otorgado a {company} vence el "
        "<b>{expires}</b>."
    ),
    "request": (
        "Para mantener la certificación sin interrupción, les solicitamos programar con "
        "nosotros la <b>auditoría de recertificación antes de esa fecha</b>, de modo que el "
        "nuevo certificado pueda emitirse a tiempo."
    ),
    "contact": "Para programarla, pueden escribirnos o llamarnos: {how}.",
    "already": (
        "Si ya acordaron la fecha de la auditoría con nosotros, les agradecemos no tener en "
        "cuenta esta comunicación."
    ),
    "certificate": "Certificado",
    "expires_on": "Fecha de vencimiento",
    "days_left": "Días restantes",
    "closing": "Reciban un cordial saludo,",
}

_EN = {
    "subject": "Renewal of the BASC certification",
    "greeting": "Dear Sirs and Madams,",
    "attention": "For the attention of {name}",
    "expires": (
        "We would like to remind you that BASC certificate <b>{code}</b> granted to {company} "
        "expires on <b>{expires}</b>."
    ),
    "request": (
        "To keep the certification without a break, please plan the <b>recertification audit "
        "with us before that date</b>, so that the new certificate can be issued in time."
    ),
    "contact": "To plan it, you may write to us or call us: {how}.",
    "already": "If you have already agreed the date of the audit with us, please disregard "
    "this letter.",
    "certificate": "Certificate",
    "expires_on": "Expiry date",
    "days_left": "Days left",
    "closing": "Yours faithfully,",
}

_FR = {
    "subject": "Renouvellement de la certification BASC",
    "greeting": "Madame, Monsieur,",
    "attention": "À l’attention de {name}",
    "expires": (
        "Nous vous rappelons que le certificat BASC <b>{code}</b> délivré à {company} expire "
        "le <b>{expires}</b>."
    ),
    "request": (
        "Afin de maintenir votre certification sans interruption, nous vous prions de "
        "planifier avec nous l’<b>audit de recertification avant cette date</b>, pour que le "
        "nouveau certificat puisse être émis à temps."
    ),
    "contact": "Pour le planifier, vous pouvez nous écrire ou nous appeler : {how}.",
    "already": (
        "Si vous avez déjà convenu avec nous de la date de l’audit, veuillez ne pas tenir "
        "compte de ce courrier."
    ),
    "certificate": "Certificat",
    "expires_on": "Date d’expiration",
    "days_left": "Jours restants",
    "closing": "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
}

_WORDS = {"es": _ES, "en": _EN, "fr": _FR}


def reminder_words(language: str) -> dict[str, str]:
    return _WORDS[report_language(language)]


@dataclass(frozen=True)
class ReminderLetter:
    """Everything one letter prints, already in its language."""

    language: str
    paper: str
    letterhead: Letterhead
    city: str
    """Where the letter is written, before its date."""
    dated_on: date
    company_name: str
    company_address: str
    company_city: str
    contact_name: str
    certificate_code: str
    expires_on: date
    signatories: tuple[tuple[str, str], ...] = ()


def _facts(letter: ReminderLetter, w: dict[str, str], s: LetterStyles, width: float) -> Table:
    days = (letter.expires_on - letter.dated_on).days
    table = Table(
        [
            [para(w[key], s.bold) for key in ("certificate", "expires_on", "days_left")],
            [
                para(letter.certificate_code, s.body),
                para(letter.expires_on.strftime("%d/%m/%Y"), s.body),
                para(str(days), s.body),
            ],
        ],
        colWidths=[width * 0.45, width * 0.3, width * 0.25],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#0d3b66")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _story(letter: ReminderLetter, s: LetterStyles, width: float) -> list[Any]:
    w = reminder_words(letter.language)
    head = letter.letterhead
    place = f"{letter.city}, " if letter.city else ""
    story: list[Any] = letterhead_flowables(head, s, width)
    story += [
        para(f"{place}{date_in_words(letter.dated_on, letter.language)}", s.right),
        Spacer(1, 6 * mm),
        para(letter.company_name, s.bold),
    ]
    story += [para(x, s.small) for x in (letter.company_address, letter.company_city) if x]
    if letter.contact_name:
        story.append(para(w["attention"].format(name=letter.contact_name), s.small))
    story += [
        para(w["subject"], s.title),
        para(w["greeting"], s.body),
        Spacer(1, 3 * mm),
    ]
    expires = w["expires"].format(
        code=escape(letter.certificate_code),
        company=escape(letter.company_name),
        expires=date_in_words(letter.expires_on, letter.language),
    )
    story += [para(expires, s.body, markup=True), Spacer(1, 3 * mm)]
    story += [_facts(letter, w, s, width), Spacer(1, 4 * mm)]
    story += [para(w["request"], s.body, markup=True), Spacer(1, 3 * mm)]
    how = " · ".join(x for x in (head.email, head.phone) if x)
    if how:
        story += [para(w["contact"].format(how=how), s.body), Spacer(1, 3 * mm)]
    story += [para(w["already"], s.body), Spacer(1, 3 * mm)]
    story += [
        para(w["closing"], s.body),
        signature_table(list(letter.signatories), s, width),
    ]
    return story


def _template(paper: str, on_page_end: Callable[[Any, Any], None]) -> PageTemplate:
    width, height = page_size(paper)
    frame = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - MARGIN - TOP, id=paper)
    return PageTemplate(id=paper, frames=[frame], pagesize=(width, height), onPageEnd=on_page_end)


def write_reminder_letters(
    letters: Sequence[ReminderLetter],
    path: Path,
    *,
    page_done: Callable[[int], None] | None = None,
    title: str = "",
    author: str = "BASC Desktop",
) -> Path:
    """Write ``letters`` as one PDF at ``path``, one page each, in their order.

    ``page_done(pages)`` is called as each page is finished (it may raise to stop).
    """
    if not letters:
        raise ValueError("no letters to write")
    s = LetterStyles()

    def ended(_canvas: Any, doc: Any) -> None:
        if page_done is not None:
            page_done(doc.page)

    papers = list(dict.fromkeys(letter.paper for letter in letters))
    doc = BaseDocTemplate(
        str(path),
        pagesize=page_size(letters[0].paper),
        pageTemplates=[_template(paper, ended) for paper in papers],
        title=title or reminder_words(letters[0].language)["subject"],
        author=author,
        lang=letters[0].language,
        initialFontName=REGULAR,
    )
    story: list[Any] = []
    for number, letter in enumerate(letters):
        width, height = page_size(letter.paper)
        if number:
            story += [NextPageTemplate(letter.paper), PageBreak()]
        body = _story(letter, s, width - 2 * MARGIN)
        # Slightly less than the frame: the frame's own padding takes the rest.
        frame = (width - 2 * MARGIN - 12, height - MARGIN - TOP - 12)
        story.append(KeepInFrame(frame[0], frame[1], body, mode="shrink"))
    doc.build(story)
    return path
