"""What the renewal reminders show: one row per company whose certificate is running out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["REMINDER_ACTION", "ReminderRow"]

REMINDER_ACTION = "reminder"
"""The action of the event a sent reminder leaves in the company's history."""


@dataclass(frozen=True)
class ReminderRow:
    """A company to remind: its certificate, when it expires, whom to write to, and the
    reminders already sent for this certificate."""

    company_id: int
    member_number: int
    company_name: str
    chapter_code: str
    country: str
    certificate_code: str
    expires_on: date
    """The first day the certificate is no longer valid, as printed on it."""
    days_left: int
    """Days from the list's date to ``expires_on`` (1 on the last valid day)."""
    suspended: bool
    """The certificate is suspended at the list's date (it still expires on its date)."""
    contact_name: str
    """The company's first contact, or empty."""
    contact_email: str
    """That contact's e-mail, else the company's own."""
    last_reminder_on: date | None
    """When the last reminder for this certificate was sent, if one was."""
    reminders_sent: int
    """How many reminders were sent for this certificate."""

    @property
    def reminded(self) -> bool:
        return self.reminders_sent > 0
