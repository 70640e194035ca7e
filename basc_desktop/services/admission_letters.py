"""The letters of admission: the committee's minutes and the welcome letter, as PDFs.

They are printed in the chapter's first language on its letterhead and paper.  Printing
the welcome letter the first time records its date on the application (one transaction,
with its event); later prints keep that date.
"""

from __future__ import annotations

from pathlib import Path

from basc_desktop.domain.chapter import Chapter
from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.tax_ids import format_tax_id, tax_id_label
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import ApplicationDecision
from basc_desktop.reports.committee_minutes import (
    MinutesLine,
    SessionMinutes,
    write_committee_minutes,
)
from basc_desktop.reports.letterhead import Letterhead
from basc_desktop.reports.report_words import business_type_word, report_language
from basc_desktop.reports.welcome_letter import WelcomeLetter, write_welcome_letter
from basc_desktop.services.access import require_application, require_committee_session
from basc_desktop.services.admission_list import load_application
from basc_desktop.services.admission_sessions import load_committee_session
from basc_desktop.services.output_files import output_file
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.members import Company
from basc_desktop.store.standing import refresh_standing

__all__ = ["letterhead_of", "write_minutes_pdf", "write_welcome_letter_pdf"]

RECORD_TYPE = "application"


def letterhead_of(chapter: Chapter) -> Letterhead:
    return Letterhead(
        chapter_name=chapter.name,
        address=chapter.address,
        city=chapter.city,
        phone=chapter.phone,
        email=chapter.email,
        website=chapter.website,
        logo=chapter.logo,
    )


def _signatories(chapter: Chapter, language: str) -> tuple[tuple[str, str], ...]:
    return tuple((s.name, s.title.get(language)) for s in chapter.signatories)


def write_minutes_pdf(ws: Workspace, session_id: int, path: Path) -> Path:
    """The minutes of a committee session as a PDF at ``path``."""
    path = output_file(path)
    with ws.db.reading() as session:
        require_committee_session(ws, session, session_id)
        detail = load_committee_session(session, session_id)
    chapter = ws.chapters.get(detail.row.chapter_code)
    language = report_language(chapter.language)
    minutes = SessionMinutes(
        language=language,
        paper=chapter.paper,
        letterhead=letterhead_of(chapter),
        session_id=session_id,
        held_on=detail.row.held_on,
        members_present=detail.row.members_present,
        lines=tuple(
            MinutesLine(
                company_name=item.company_name,
                tax_id=item.tax_id,
                business_type=business_type_word(language, item.business_type),
                decision=item.decision,
                reason=item.reason,
            )
            for item in detail.items
        ),
        notes=detail.row.notes,
        signatories=_signatories(chapter, language),
        tax_id_label=tax_id_label(chapter.country_code),
    )
    return write_committee_minutes(minutes, Path(path))


def write_welcome_letter_pdf(ws: Workspace, application_id: int, path: Path) -> Path:
    """The welcome letter of an admitted company as a PDF at ``path``.

    The first print dates the letter today and records that date on the application.
    """
    path = output_file(path)
    with ws.db.transaction() as session:
        require_application(ws, session, application_id)
        application = load_application(session, application_id)
        if (
            application.decision is not ApplicationDecision.ADMITTED
            or application.decided_on is None
            or application.audit_deadline is None
        ):
            raise LifecycleError(_("Only an admitted company gets a welcome letter."))
        company = session.get(Company, application.company_id)
        assert company is not None
        chapter = ws.chapters.get(company.chapter_code)
        if application.welcome_letter_on is None:
            application.welcome_letter_on = ws.today()
            session.flush()
            record_event(
                session,
                ws.user,
                RECORD_TYPE,
                application.id,
                "welcome_letter",
                {"welcome_letter_on": (None, application.welcome_letter_on)},
            )
            refresh_standing(session, [company.id])
        language = report_language(chapter.language)
        letter = WelcomeLetter(
            language=language,
            paper=chapter.paper,
            letterhead=letterhead_of(chapter),
            city=chapter.city,
            dated_on=application.welcome_letter_on,
            company_name=company.legal_name,
            company_address=company.address,
            company_city=company.city,
            tax_id_label=tax_id_label(company.country),
            tax_id=format_tax_id(company.country, company.tax_id),
            business_type=business_type_word(language, company.business_type),
            decided_on=application.decided_on,
            months_in_process=chapter.months_in_process,
            audit_deadline=application.audit_deadline,
            signatories=_signatories(chapter, language),
        )
        # Written inside the transaction: if the file cannot be written, the date is not kept.
        return write_welcome_letter(letter, Path(path))
