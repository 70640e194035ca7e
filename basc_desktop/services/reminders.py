"""Renewal reminders: who to remind, the letters, the Excel list, and marking them sent.

The list (:func:`renewal_reminders`) names the companies whose certificate in force
expires within their chapter's warning window and that have no recertification audit
planned or under way.  The letters (:func:`write_reminder_letters_pdf`) and the
workbook (:func:`export_reminders_xlsx`) only read; :func:`mark_reminders_sent` records
a reminder in each company's history (the event log: no table of their own).
"""

from __future__ import annotations

from basc_desktop.services.reminder_export import export_reminders_xlsx
from basc_desktop.services.reminder_forms import REMINDER_ACTION, ReminderRow
from basc_desktop.services.reminder_letters import reminder_letters, write_reminder_letters_pdf
from basc_desktop.services.reminder_list import renewal_reminders
from basc_desktop.services.reminder_sending import mark_reminders_sent

__all__ = [
    "REMINDER_ACTION",
    "ReminderRow",
    "export_reminders_xlsx",
    "mark_reminders_sent",
    "reminder_letters",
    "renewal_reminders",
    "write_reminder_letters_pdf",
]
