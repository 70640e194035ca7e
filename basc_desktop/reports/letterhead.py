"""The chapter's letterhead and the words of its letters (welcome letter, committee minutes).

A letter speaks its chapter's first language (Spanish unless English or French), whatever
the window's language; so its words are data here, like
:mod:`basc_desktop.reports.report_words`.  Dates are written day-first in words:
"15 de junio de 2026", "15 juin 2026", "15 June 2026".  No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

from basc_desktop.reports.fonts import BOLD, REGULAR, register_fonts
from basc_desktop.reports.report_words import report_language

__all__ = [
    "LetterStyles",
    "Letterhead",
    "date_in_words",
    "letter_words",
    "letterhead_flowables",
    "page_size",
    "para",
    "signature_table",
]

_MONTHS = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}


def date_in_words(day: date, language: str) -> str:
    """``day`` written out day-first in ``language``: "15 de junio de 2026", "1er juin 2026"."""
    language = report_language(language)
    month = _MONTHS[language].split()[day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    if language == "fr":
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {month} {day.year}"
    return f"{day.day} {month} {day.year}"


_ES = {
    "minutes.title": "Acta del Comité de Certificación",
    "minutes.held_on": "Fecha de la sesión",
    "minutes.members": "Miembros presentes",
    "minutes.agenda": "Solicitudes examinadas",
    "minutes.none": "No se examinaron solicitudes en esta sesión.",
    "minutes.summary": "Admitidas: {admitted} · Rechazadas: {rejected} · Aplazadas: {postponed}",
    "minutes.notes": "Observaciones",
    "minutes.signatures": "Firmas",
    "company": "Empresa",
    "tax_id": "Identificación tributaria",
    "business_type": "Tipo de negocio",
    "decision": "Decisión",
    "reason": "Motivo",
    "pending": "Pendiente",
    "decision.admitted": "Admitida",
    "decision.rejected": "Rechazada",
    "decision.postponed": "Aplazada",
    "page": "Página",
    "welcome.subject": "Bienvenida al proceso de certificación BASC",
    "welcome.greeting": "Estimados señores:",
    "welcome.admitted": (
        "Nos complace comunicarles que el Comité de Certificación de {chapter}, en su sesión "
        "del {decided_on}, admitió a {company} ({tax_label} {tax_id}) en el proceso de "
        "certificación BASC como {business_type}."
    ),
    "welcome.deadline": (
        "A partir de esa fecha la empresa dispone de {months} meses para implementar su "
        "Sistema de Gestión en Control y Seguridad (SGCS) y solicitar la auditoría de "
        "certificación. La fecha límite para solicitarla es el <b>{deadline}</b>."
    ),
    "welcome.next": (
        "En las próximas semanas nos pondremos en contacto con ustedes para programar la "
        "visita de diagnóstico y las capacitaciones, entre ellas el curso de auditor interno."
    ),
    "welcome.closing": "Reciban un cordial saludo,",
}

_EN = {
    "minutes.title": "Minutes of the Certification Committee",
    "minutes.held_on": "Date of the session",
    "minutes.members": "Members present",
    "minutes.agenda": "Applications heard",
    "minutes.none": "No applications were heard at this session.",
    "minutes.summary": "Admitted: {admitted} · Rejected: {rejected} · Postponed: {postponed}",
    "minutes.notes": "Notes",
    "minutes.signatures": "Signatures",
    "company": "Company",
    "tax_id": "Tax ID",
    "business_type": "Business type",
    "decision": "Decision",
    "reason": "Reason",
    "pending": "Pending",
    "decision.admitted": "Admitted",
    "decision.rejected": "Rejected",
    "decision.postponed": "Postponed",
    "page": "Page",
    "welcome.subject": "Welcome to the BASC certification process",
    "welcome.greeting": "Dear Sirs and Madams,",
    "welcome.admitted": (
        "We are pleased to inform you that the Certification Committee of {chapter}, at its "
        "session of {decided_on}, admitted {company} ({tax_label} {tax_id}) to the BASC "
        "certification process as {business_type}."
    ),
    "welcome.deadline": (
        "From that date the company has {months} months to put its Control and Security "
        "Management System (SGCS) in place and ask for the certification audit. The last day "
        "to ask for it is <b>{deadline}</b>."
    ),
    "welcome.next": (
        "In the coming weeks we will contact you to plan the diagnostic visit and the "
        "training, including the internal auditor course."
    ),
    "welcome.closing": "Yours faithfully,",
}

_FR = {
    "minutes.title": "Procès-verbal du Comité de certification",
    "minutes.held_on": "Date de la séance",
    "minutes.members": "Membres présents",
    "minutes.agenda": "Demandes examinées",
    "minutes.none": "Aucune demande n’a été examinée lors de cette séance.",
    "minutes.summary": "Admises : {admitted} · Rejetées : {rejected} · Ajournées : {postponed}",
    "minutes.notes": "Observations",
    "minutes.signatures": "Signatures",
    "company": "Entreprise",
    "tax_id": "Identifiant fiscal",
    "business_type": "Type d’activité",
    "decision": "Décision",
    "reason": "Motif",
    "pending": "En attente",
    "decision.admitted": "Admise",
    "decision.rejected": "Rejetée",
    "decision.postponed": "Ajournée",
    "page": "Page",
    "welcome.subject": "Bienvenue dans le processus de certification BASC",
    "welcome.greeting": "Madame, Monsieur,",
    "welcome.admitted": (
        "Nous avons le plaisir de vous informer que le Comité de certification de {chapter}, "
        "lors de sa séance du {decided_on}, a admis {company} ({tax_label} {tax_id}) dans le "
        "processus de certification BASC en tant que {business_type}."
    ),
    "welcome.deadline": (
        "À compter de cette date, l’entreprise dispose de {months} mois pour mettre en place "
        "son Système de gestion du contrôle et de la sécurité (SGCS) et demander l’audit de "
        "certification. La date limite pour le demander est le <b>{deadline}</b>."
    ),
    "welcome.next": (
        "Dans les prochaines semaines, nous vous contacterons pour planifier la visite de "
        "diagnostic et les formations, dont le cours d’auditeur interne."
    ),
    "welcome.closing": "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
}

_WORDS = {"es": _ES, "en": _EN, "fr": _FR}


def letter_words(language: str) -> dict[str, str]:
    return _WORDS[report_language(language)]


@dataclass(frozen=True)
class Letterhead:
    """What the top of every letter of the chapter shows."""

    chapter_name: str
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: Path | None = None


class LetterStyles:
    def __init__(self) -> None:
        register_fonts()
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=15)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.5, leading=11)
        self.bold = ParagraphStyle("bold", parent=self.small, fontName=BOLD)
        self.head = ParagraphStyle(
            "head", fontName=BOLD, fontSize=14, leading=17, textColor=colors.HexColor("#0d3b66")
        )
        self.title = ParagraphStyle(
            "title", fontName=BOLD, fontSize=13, leading=17, spaceBefore=4 * mm, spaceAfter=3 * mm
        )
        self.right = ParagraphStyle("right", parent=self.body, alignment=2)


def para(text: str, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """A paragraph of plain ``text`` (escaped), or of trusted ``markup``."""
    return Paragraph(text if markup else escape(text).replace("\n", "<br/>"), style)


def page_size(paper: str) -> tuple[float, float]:
    width, height = A4 if paper == "a4" else LETTER
    return float(width), float(height)


def letterhead_flowables(head: Letterhead, s: LetterStyles, width: float) -> list[Any]:
    """The chapter's name, address and contacts (and logo, when it has one), then a rule."""
    city = head.city if head.city and head.city not in head.address else ""
    lines = [head.address, city, " · ".join(x for x in (head.phone, head.email) if x)]
    lines.append(head.website)
    text = [para(head.chapter_name, s.head)] + [para(x, s.small) for x in lines if x]
    logo: Any = ""
    if head.logo is not None and head.logo.is_file():
        try:
            logo = Image(str(head.logo), width=28 * mm, height=28 * mm, kind="proportional")
        except OSError:  # pragma: no cover - an unreadable logo leaves the letter without it
            logo = ""
    table = Table([[text, logo]], colWidths=[width - 32 * mm, 32 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.HexColor("#0d3b66")),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 3 * mm),
            ]
        )
    )
    return [table, Spacer(1, 6 * mm)]


def signature_table(
    people: list[tuple[str, str]], s: LetterStyles, width: float, per_row: int = 2
) -> Table:
    """A line, the name and the title of each person who signs, ``per_row`` to a row."""
    cells: list[Any] = [
        [Spacer(1, 16 * mm), para("_" * 34, s.small), para(name, s.bold), para(title, s.small)]
        for name, title in people
    ] or [[Spacer(1, 16 * mm), para("_" * 34, s.small)]]
    rows: list[list[Any]] = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    for row in rows:
        row.extend([""] * (per_row - len(row)))
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table
