"""The read-only detail of one member: company data, contacts and other programs."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.services.member_forms import MemberDetail
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.models.status import status_colour
from basc_desktop.ui.text import business_type_label, country_name, format_date, status_label


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#5f6b7a; padding:2px 12px 2px 0'>{escape(label)}</td>"
        f"<td style='padding:2px 0'>{escape(value)}</td></tr>"
        for label, value in pairs
        if value
    )
    return f"<table cellspacing='0'>{cells}</table>"


class MemberDetailPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.member_id: int | None = None
        self.show_nothing()

    def show_nothing(self) -> None:
        self.member_id = None
        self.setHtml(
            "<p style='color:#5f6b7a'>"
            + escape(self.tr("Select a member to see its details."))
            + "</p>"
        )

    def show_member(self, detail: MemberDetail, workspace: Workspace) -> None:
        row = detail.row
        self.member_id = row.id
        known = COUNTRIES.get(row.country)
        tax_label = known.tax_id_name if known else self.tr("Tax ID")
        chapter = (
            workspace.chapters.get(row.chapter_code).name
            if row.chapter_code in workspace.chapters
            else row.chapter_code
        )
        status = ""
        if row.status is not None:
            status = (
                f"<span style='color:{status_colour(row.status).name()}'>&#9679;</span> "
                + escape(status_label(row.status))
            )
        status_word = self.tr("Status")
        parts = [
            f"<h2 style='margin-bottom:0'>{escape(row.legal_name)}</h2>",
            f"<p style='margin-top:2px; color:#5f6b7a'>{escape(row.trade_name)}</p>"
            if row.trade_name
            else "",
            f"<p><b>{escape(status_word)}:</b> {status or '—'}</p>",
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
                    (self.tr("Archived on"), format_date(row.archived_on)),
                ]
            ),
            self._section(self.tr("Contact details")),
            _rows(
                [
                    (self.tr("Address"), detail.address),
                    (self.tr("City"), row.city),
                    (self.tr("Phone"), detail.phone),
                    (self.tr("E-mail"), detail.email),
                    (self.tr("Website"), detail.website),
                ]
            ),
        ]
        if detail.contacts:
            parts.append(self._section(self.tr("Contacts")))
            for contact in detail.contacts:
                lines = [f"<b>{escape(contact.name)}</b>"]
                lines += [escape(v) for v in (contact.role, contact.email, contact.phone) if v]
                parts.append("<p style='margin:4px 0'>" + "<br>".join(lines) + "</p>")
        if detail.related_certifications:
            parts.append(self._section(self.tr("Other programs")))
            for program in detail.related_certifications:
                valid = ""
                if program.valid_until is not None:
                    valid = self.tr("valid until {date}").format(
                        date=format_date(program.valid_until)
                    )
                values = [program.identifier, program.authority, valid]
                text = " · ".join(escape(v) for v in values if v)
                parts.append(
                    f"<p style='margin:4px 0'><b>{escape(program.program.label)}</b> {text}</p>"
                )
        if detail.notes:
            parts.append(self._section(self.tr("Notes")))
            parts.append(f"<p>{escape(detail.notes)}</p>")
        self.setHtml("".join(parts))

    @staticmethod
    def _section(title: str) -> str:
        return f"<h4 style='margin:14px 0 4px 0'>{escape(title)}</h4>"
