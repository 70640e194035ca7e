"""Renewal reminder letters as one PDF: a page per company, in its chapter's language.

Reading only: writing the letters does not mark them sent (the coordinator does that
with :func:`~basc_desktop.services.reminder_sending.mark_reminders_sent` once they have
gone out).  The PDF is written beside its name and moved into place when complete, so a
cancelled or failed batch leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from basc_desktop.domain.errors import BascError
from basc_desktop.domain.text import translatable as _
from basc_desktop.reports.reminder_letter import ReminderLetter, write_reminder_letters
from basc_desktop.reports.report_words import report_language
from basc_desktop.services.admission_letters import letterhead_of
from basc_desktop.services.certificate_printing import PrintCancelled
from basc_desktop.services.output_files import output_file, written_whole
from basc_desktop.services.reminder_sending import certificates_to_remind, chosen_companies
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Contact
from basc_desktop.store.standing import chunks

__all__ = ["reminder_letters", "write_reminder_letters_pdf"]


def reminder_letters(
    ws: Workspace, company_ids: Sequence[int], *, on: date | None = None
) -> list[ReminderLetter]:
    """The letter of each company (in the given order), dated ``on`` (default today).

    Refused like :func:`mark_reminders_sent`: an unknown member, another chapter's, or
    one without a certificate in force.  A chapter whose file is missing is an error.
    """
    ids = chosen_companies(company_ids)
    on = on or ws.today()
    with ws.db.reading() as session:
        found = certificates_to_remind(ws, session, ids, on)
        contacts: dict[int, str] = {}
        for chunk in chunks(ids):
            for company_id, name in session.execute(
                select(Contact.company_id, Contact.name)
                .where(Contact.company_id.in_(chunk))
                .order_by(Contact.company_id, Contact.id)
            ):
                contacts.setdefault(company_id, name)
        letters = []
        for company_id in ids:
            company, cert = found[company_id]
            if company.chapter_code not in ws.chapters:
                raise BascError(
                    _("Chapter {chapter}'s file is missing: its letters cannot be written."),
                    chapter=company.chapter_code,
                )
            chapter = ws.chapters.get(company.chapter_code)
            language = report_language(chapter.language)
            letters.append(
                ReminderLetter(
                    language=language,
                    paper=chapter.paper,
                    letterhead=letterhead_of(chapter),
                    city=chapter.city,
                    dated_on=on,
                    company_name=company.legal_name,
                    company_address=company.address,
                    company_city=company.city,
                    contact_name=contacts.get(company_id, ""),
                    certificate_code=cert.code,
                    expires_on=cert.expires_on,
                    signatories=tuple((s.name, s.title.get(language)) for s in chapter.signatories),
                )
            )
    return letters


def write_reminder_letters_pdf(
    ws: Workspace,
    company_ids: Sequence[int],
    path: Path,
    *,
    on: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write one reminder letter per company into the PDF ``path``; returns ``path``.

    ``progress(done, total)`` after each page; when ``cancelled()`` turns true the part
    file is removed and :class:`PrintCancelled` raised.  Nothing is recorded.
    """
    letters = reminder_letters(ws, company_ids, on=on)
    path = output_file(path)
    total = len(letters)

    def page_done(pages: int) -> None:
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        if progress is not None:
            progress(min(pages, total), total)

    failure = _("The reminder letters could not be written to {path}: {reason}")
    with written_whole(path, failure) as part:
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        write_reminder_letters(letters, part, page_done=page_done)
    return path
