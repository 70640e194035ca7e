"""Admissions: open an application, collect its documents, hear it in committee, admit it.

Each function is one thing a coordinator does and one transaction; every write records
an event (record type ``application`` or ``committee_session``) and refreshes the
company's standing, so its status moves from applicant to in process on admission.
The work is split by task into ``admission_*`` modules; this module gathers them.
"""

from __future__ import annotations

from basc_desktop.services.admission_checklist import mark_document, open_application
from basc_desktop.services.admission_committee import (
    decide_application,
    plan_committee_session,
    remove_from_committee_session,
)
from basc_desktop.services.admission_deadlines import deadlines
from basc_desktop.services.admission_files import attach_document, open_attachment_path
from basc_desktop.services.admission_letters import write_minutes_pdf, write_welcome_letter_pdf
from basc_desktop.services.admission_list import (
    ALL_APPLICATIONS,
    count_applications,
    find_applications,
    get_application,
)
from basc_desktop.services.admission_sessions import (
    committee_sessions,
    find_committee_session,
    get_committee_session,
)

__all__ = [
    "ALL_APPLICATIONS",
    "attach_document",
    "committee_sessions",
    "count_applications",
    "deadlines",
    "decide_application",
    "find_applications",
    "find_committee_session",
    "get_application",
    "get_committee_session",
    "mark_document",
    "open_application",
    "open_attachment_path",
    "plan_committee_session",
    "remove_from_committee_session",
    "write_minutes_pdf",
    "write_welcome_letter_pdf",
]
