"""The read-only detail of one member: company data, contacts, other programs,
certificates, audits, and the history of changes (who, when, what: old → new)."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import Enum
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.domain.vocabulary import BusinessType, MemberStatus
from basc_desktop.services.member_forms import MemberDetail
from basc_desktop.services.members import member_audits, member_certificates, member_history
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.status import status_colour
from basc_desktop.ui.text import (
    audit_kind_label,
    audit_state_label,
    business_type_label,
    country_name,
    format_date,
    status_label,
)

CONTEXT = "MemberDetailPanel"
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
GREY = "#5f6b7a"
HISTORY_LINES = 50
"""The newest changes shown; older ones stay in the event log."""

FIELD_NAMES = {
    "legal_name": str(QT_TRANSLATE_NOOP(CONTEXT, "Legal name")),
    "trade_name": str(QT_TRANSLATE_NOOP(CONTEXT, "Trade name")),
    "tax_id": str(QT_TRANSLATE_NOOP(CONTEXT, "Tax ID")),
    "country": str(QT_TRANSLATE_NOOP(CONTEXT, "Country")),
    "chapter_code": str(QT_TRANSLATE_NOOP(CONTEXT, "Chapter")),
    "business_type": str(QT_TRANSLATE_NOOP(CONTEXT, "Business type")),
    "address": str(QT_TRANSLATE_NOOP(CONTEXT, "Address")),
    "city": str(QT_TRANSLATE_NOOP(CONTEXT, "City")),
    "phone": str(QT_TRANSLATE_NOOP(CONTEXT, "Phone")),
    "email": str(QT_TRANSLATE_NOOP(CONTEXT, "E-mail")),
    "website": str(QT_TRANSLATE_NOOP(CONTEXT, "Website")),
    "membership_start": str(QT_TRANSLATE_NOOP(CONTEXT, "Member since")),
    "notes": str(QT_TRANSLATE_NOOP(CONTEXT, "Notes")),
    "contacts": str(QT_TRANSLATE_NOOP(CONTEXT, "Contacts")),
    "programs": str(QT_TRANSLATE_NOOP(CONTEXT, "Other programs")),
    "archived_on": str(QT_TRANSLATE_NOOP(CONTEXT, "Archived on")),
}
ACTION_NAMES = {
    "create": str(QT_TRANSLATE_NOOP(CONTEXT, "Registered")),
    "update": str(QT_TRANSLATE_NOOP(CONTEXT, "Edited")),
    "archive": str(QT_TRANSLATE_NOOP(CONTEXT, "Archived")),
    "restore": str(QT_TRANSLATE_NOOP(CONTEXT, "Restored")),
    "reminder": str(
        QT_TRANSLATE_NOOP(
            CONTEXT, "Renewal reminder sent for certificate {certificate} (expires {expires_on})"
        )
    ),
}
CERTIFICATE_STATES = {
    "valid": str(QT_TRANSLATE_NOOP(CONTEXT, "Valid")),
    "expired": str(QT_TRANSLATE_NOOP(CONTEXT, "Expired")),
    "suspended": str(QT_TRANSLATE_NOOP(CONTEXT, "Suspended")),
    "withdrawn": str(QT_TRANSLATE_NOOP(CONTEXT, "Withdrawn")),
    "superseded": str(QT_TRANSLATE_NOOP(CONTEXT, "Superseded")),
}


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:{GREY}; padding:2px 12px 2px 0'>{escape(label)}</td>"
        f"<td style='padding:2px 0'>{escape(value)}</td></tr>"
        for label, value in pairs
        if value
    )
    return f"<table cellspacing='0'>{cells}</table>"


def _item(head: str, sub: str) -> str:
    """One record of a list: a bold first line (HTML) and a grey second line (text)."""
    second = f"<br><span style='color:{GREY}'>{escape(sub)}</span>" if sub else ""
    return f"<p style='margin:4px 0'>{head}{second}</p>"


def _section(title: str) -> str:
    return f"<h4 style='margin:14px 0 4px 0'>{escape(title)}</h4>"


def _screen_date(found: re.Match[str]) -> str:
    try:
        return format_date(date.fromisoformat(found.group()))
    except ValueError:
        return found.group()


def _logged(field: str, text: str) -> str:
    """A value of the change log (ISO dates, codes) written as the screens write it."""
    if not text:
        return "—"
    if field == "business_type" and text in {kind.value for kind in BusinessType}:
        return business_type_label(text)
    if field == "programs":  # "C-TPAT 12 (CBP, 2025-01-01 – 2026-12-31)": dates as on screen
        return _ISO_DATE.sub(_screen_date, text)
    try:
        return format_date(date.fromisoformat(text)) if len(text) == 10 else text
    except ValueError:
        return text


def _value(value: object) -> str:
    """A value written as the screens write it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, BusinessType):
        return business_type_label(value)
    if isinstance(value, MemberStatus):
        return status_label(value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _when(value: datetime) -> str:
    """When a change was made, in the coordinator's local time."""
    local = value.astimezone() if value.tzinfo is not None else value
    return _value(local)


class MemberDetailPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDetail")
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.member_id: int | None = None
        self.show_nothing()

    def show_nothing(self) -> None:
        self.member_id = None
        self.setHtml(
            f"<p style='color:{GREY}'>"
            + escape(self.tr("Select a member to see its details."))
            + "</p>"
        )

    def show_member(self, detail: MemberDetail, workspace: Workspace) -> None:
        row = detail.row
        self.member_id = row.id
        parts = [self._summary(detail, workspace), self._contact_details(detail)]
        parts.append(self._programs(detail))
        parts.append(self._certificates(workspace, row.id))
        parts.append(self._audits(workspace, row.id))
        parts.append(self._history(workspace, row.id))
        if detail.notes:
            parts.append(_section(self.tr("Notes")))
            parts.append(f"<p>{escape(detail.notes)}</p>")
        self.setHtml("".join(parts))

    # --- sections -------------------------------------------------------------------

    def _summary(self, detail: MemberDetail, workspace: Workspace) -> str:
        row = detail.row
        known = COUNTRIES.get(row.country)
        tax_label = known.tax_id_name if known else self.tr("Tax ID")
        chapter = (
            workspace.chapters.get(row.chapter_code).name
            if row.chapter_code in workspace.chapters
            else row.chapter_code
        )
        status = "—"
        if row.status is not None:
            status = (
                f"<span style='color:{status_colour(row.status).name()}'>&#9679;</span> "
                + escape(status_label(row.status))
            )
        archived = ""
        if row.archived_on is not None:
            archived = (
                "<p style='color:#c62828'><b>"
                + escape(self.tr("Archived on {date}").format(date=format_date(row.archived_on)))
                + "</b></p>"
            )
        trade = (
            f"<p style='margin-top:2px; color:{GREY}'>{escape(row.trade_name)}</p>"
            if row.trade_name
            else ""
        )
        return "".join(
            [
                f"<h2 style='margin-bottom:0'>{escape(row.legal_name)}</h2>",
                trade,
                archived,
                f"<p><b>{escape(self.tr('Status'))}:</b> {status}</p>",
                _rows(
                    [
                        (tax_label, row.tax_id),
                        (self.tr("Member number"), str(row.member_number)),
                        (self.tr("Chapter"), chapter),
                        (self.tr("Country"), country_name(row.country)),
                        (self.tr("Business type"), business_type_label(row.business_type)),
                        (self.tr("Certificate"), row.certificate_code or ""),
                        (self.tr("Expires"), format_date(row.expires_on)),
                        (self.tr("Next audit"), format_date(row.next_audit_on)),
                        (self.tr("Member since"), format_date(detail.membership_start)),
                    ]
                ),
            ]
        )

    def _contact_details(self, detail: MemberDetail) -> str:
        parts = [
            _section(self.tr("Contact details")),
            _rows(
                [
                    (self.tr("Address"), detail.address),
                    (self.tr("City"), detail.row.city),
                    (self.tr("Phone"), detail.phone),
                    (self.tr("E-mail"), detail.email),
                    (self.tr("Website"), detail.website),
                ]
            ),
        ]
        if detail.contacts:
            parts.append(_section(self.tr("Contacts")))
            for contact in detail.contacts:
                lines = [f"<b>{escape(contact.name)}</b>"]
                lines += [escape(v) for v in (contact.role, contact.email, contact.phone) if v]
                parts.append("<p style='margin:4px 0'>" + "<br>".join(lines) + "</p>")
        return "".join(parts)

    def _programs(self, detail: MemberDetail) -> str:
        if not detail.related_certifications:
            return ""
        items = []
        for program in detail.related_certifications:
            head = " · ".join(
                [f"<b>{escape(program.program.label)}</b>"]
                + [escape(v) for v in (program.identifier, program.authority) if v]
            )
            items.append(_item(head, self._period(program.valid_from, program.valid_until)))
        return _section(self.tr("Other programs")) + "".join(items)

    def _period(self, start: date | None, end: date | None) -> str:
        if start and end:
            return self.tr("{start} to {end}").format(
                start=format_date(start), end=format_date(end)
            )
        if end:
            return self.tr("valid until {date}").format(date=format_date(end))
        if start:
            return self.tr("since {date}").format(date=format_date(start))
        return ""

    def _certificates(self, workspace: Workspace, member_id: int) -> str:
        certificates = member_certificates(workspace, member_id)
        parts = [_section(self.tr("Certificates"))]
        if not certificates:
            parts.append(self._none(self.tr("No certificates.")))
        for line in certificates:
            state = _translated(CERTIFICATE_STATES.get(str(line.state), str(line.state)))
            head = f"<b>{escape(line.code)}</b> · {escape(state)}"
            sub = self.tr("{start} to {end} · standard {version}").format(
                start=format_date(line.issued_on),
                end=format_date(line.expires_on),
                version=line.standard_version,
            )
            parts.append(_item(head, sub))
        return "".join(parts)

    def _audits(self, workspace: Workspace, member_id: int) -> str:
        audits = member_audits(workspace, member_id)
        parts = [_section(self.tr("Audits"))]
        if not audits:
            parts.append(self._none(self.tr("No audits.")))
        for line in audits:
            head = (
                f"<b>{escape(audit_kind_label(line.kind))}</b> · "
                f"{escape(audit_state_label(line.state))}"
            )
            facts = [
                self.tr("planned {date}").format(date=format_date(line.planned_on)),
                self.tr("finished {date}").format(date=format_date(line.finished_on))
                if line.finished_on
                else "",
                self.tr("standard {version}").format(version=line.standard_version),
                line.lead_auditor,
            ]
            parts.append(_item(head, " · ".join(f for f in facts if f)))
        return "".join(parts)

    def _history(self, workspace: Workspace, member_id: int) -> str:
        entries = member_history(workspace, member_id)
        parts = [_section(self.tr("History of changes"))]
        if not entries:
            return parts[0] + self._none(self.tr("No changes recorded."))
        newest_first = sorted(entries, key=lambda entry: entry.at, reverse=True)
        for entry in newest_first[:HISTORY_LINES]:
            action = _translated(ACTION_NAMES.get(entry.action, entry.action))
            if entry.action == "reminder":  # its facts are in its words, not field lines
                said = {change.field: _logged(change.field, change.new) for change in entry.changes}
                action = action.format(
                    certificate=said.get("certificate", "—"), expires_on=said.get("expires_on", "—")
                )
            head = self.tr("{when} · {user} · {action}").format(
                when=_when(entry.at), user=entry.user, action=action
            )
            changes = [
                f"{escape(_translated(FIELD_NAMES.get(change.field, change.field)))}: "
                f"<span style='color:{GREY}'>{escape(_logged(change.field, change.old))}</span>"
                f" → {escape(_logged(change.field, change.new))}"
                for change in entry.changes
                if entry.action not in ("create", "reminder")
            ]
            body = "<br>".join([f"<b>{escape(head)}</b>", *changes])
            parts.append(f"<p style='margin:4px 0'>{body}</p>")
        if len(entries) > HISTORY_LINES:
            parts.append(
                self._none(
                    self.tr("{count} older changes are in the event log.").format(
                        count=len(entries) - HISTORY_LINES
                    )
                )
            )
        return "".join(parts)

    @staticmethod
    def _none(text: str) -> str:
        return f"<p style='color:{GREY}; margin:2px 0'>{escape(text)}</p>"
