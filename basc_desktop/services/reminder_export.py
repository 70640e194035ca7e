"""The renewal reminders list as an Excel workbook, in the chapter's language.

Title rows (the chapter, the list, the date), then one row per company: its number and
name, chapter, country, certificate, expiry (a date, shown day-first), days left,
whether the certificate is suspended, whom to write to, and the reminders already sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from basc_desktop.reports.excel_writer import Cancelled, Column, Progress, SheetSpec, write_workbook
from basc_desktop.reports.report_words import report_language
from basc_desktop.services.export_words import export_words
from basc_desktop.services.output_files import output_file
from basc_desktop.services.reminder_forms import ReminderRow
from basc_desktop.services.workspace import Workspace

__all__ = ["export_reminders_xlsx", "reminder_sheet_words"]

_ES = {
    "reminders": "Recordatorios de renovación",
    "days_left": "Días restantes",
    "suspended": "Suspendido",
    "contact": "Contacto",
    "email": "Correo electrónico",
    "last_reminder_on": "Último recordatorio",
    "reminders_sent": "Recordatorios enviados",
}
_EN = {
    "reminders": "Renewal reminders",
    "days_left": "Days left",
    "suspended": "Suspended",
    "contact": "Contact",
    "email": "E-mail",
    "last_reminder_on": "Last reminder",
    "reminders_sent": "Reminders sent",
}
_FR = {
    "reminders": "Rappels de renouvellement",
    "days_left": "Jours restants",
    "suspended": "Suspendu",
    "contact": "Contact",
    "email": "Courriel",
    "last_reminder_on": "Dernier rappel",
    "reminders_sent": "Rappels envoyés",
}
_WORDS = {"es": _ES, "en": _EN, "fr": _FR}


def reminder_sheet_words(language: str) -> dict[str, str]:
    """The export's own words and the shared ones (headers, "Date: …") in ``language``."""
    shared = export_words(language)
    return shared.words | _WORDS[report_language(language)]


def _language(ws: Workspace, rows: Sequence[ReminderRow], language: str | None) -> str:
    if language:
        return language
    chapters = {row.chapter_code for row in rows}
    if len(chapters) == 1 and (code := chapters.pop()) in ws.chapters:
        return ws.chapters.get(code).language
    return "es"


def export_reminders_xlsx(
    ws: Workspace,
    rows: Sequence[ReminderRow],
    path: Path,
    *,
    language: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Write ``rows`` (as :func:`renewal_reminders` returned them) to the workbook ``path``.

    The language is ``language``, else the chapter's when every row is of one chapter,
    else Spanish.  The file appears only when complete; returns ``path``.
    """
    words = reminder_sheet_words(_language(ws, rows, language))
    chapters = {row.chapter_code for row in rows}
    code = next(iter(chapters)) if len(chapters) == 1 else None
    name = ws.chapters.get(code).name if code and code in ws.chapters else "BASC"
    titles = (
        f"{name} — {words['reminders']}",
        words["date"].format(date=ws.today().strftime("%d/%m/%Y")),
    )
    fields: tuple[tuple[str, str, float], ...] = (
        ("member_number", "int", 10),
        ("legal_name", "text", 40),
        ("chapter", "text", 10),
        ("country", "text", 7),
        ("certificate", "text", 20),
        ("expires_on", "date", 12),
        ("days_left", "int", 10),
        ("suspended", "text", 11),
        ("contact", "text", 26),
        ("email", "text", 30),
        ("last_reminder_on", "date", 14),
        ("reminders_sent", "int", 12),
    )
    columns = tuple(Column(words[key], kind, width) for key, kind, width in fields)  # type: ignore[arg-type]

    def cells(row: ReminderRow) -> list[object]:
        last: date | None = row.last_reminder_on
        return [
            row.member_number,
            row.company_name,
            row.chapter_code,
            row.country,
            row.certificate_code,
            row.expires_on,
            row.days_left,
            words["yes"] if row.suspended else "",
            row.contact_name,
            row.contact_email,
            last,
            row.reminders_sent,
        ]

    path = output_file(path)
    write_workbook(
        path,
        SheetSpec(words["reminders"], titles, columns),
        (cells(row) for row in rows),
        total=len(rows),
        progress=progress,
        cancelled=cancelled,
    )
    return path
