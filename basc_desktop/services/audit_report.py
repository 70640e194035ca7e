"""The audit report PDF: gathers an audit's facts and findings and has them printed.

A report is printed in its chapter's first language unless the coordinator asks for
another: Haiti's reports come out in French, Colombia's in Spanish.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from basc_desktop.domain.audits import is_nonconformity
from basc_desktop.domain.tax_ids import format_tax_id, tax_id_label
from basc_desktop.domain.vocabulary import Verdict
from basc_desktop.reports.audit_report import AuditReport, FindingLine, write_audit_report
from basc_desktop.reports.audit_sections import section_counts
from basc_desktop.reports.report_words import (
    action_state_word,
    audit_state_word,
    business_type_word,
    kind_word,
    report_language,
)
from basc_desktop.services.access import require_audit
from basc_desktop.services.audits import load_audit
from basc_desktop.services.output_files import output_file
from basc_desktop.services.workspace import Workspace
from basc_desktop.store.audits import Audit, Auditor, Finding
from basc_desktop.store.members import Company
from basc_desktop.store.standards import Requirement, Standard

__all__ = ["audit_report", "audit_report_pdf", "catalogue_text"]


def catalogue_text(language: str, spanish: str, english: str) -> str:
    """A catalogue text (requirement title, section, standard title) for a report in ``language``.

    The catalogue is written in Spanish and English only, so a French report shows the
    English text (the Spanish when there is no English).  Should the catalogue format
    later take ``fr`` texts, this is where a French report would pick them.
    """
    if language in ("en", "fr") and english:
        return english
    return spanish


def audit_report(ws: Workspace, audit_id: int, *, language: str | None = None) -> AuditReport:
    """What the report of audit ``audit_id`` prints, in ``language``.

    ``language`` is "es", "en" or "fr"; None (the default) means the first language of
    the audited member's chapter.  Any other language gets Spanish.  Requirement titles
    and sections come from the catalogue: see :func:`catalogue_text` for French.
    """
    with ws.db.reading() as session:
        load_audit(session, audit_id)  # NotFoundError if there is none
        require_audit(ws, session, audit_id)
        audit = session.scalars(
            select(Audit)
            .where(Audit.id == audit_id)
            .options(
                selectinload(Audit.team),
                selectinload(Audit.findings).selectinload(Finding.corrective_action),
            )
        ).one()
        company = session.get_one(Company, audit.company_id)
        chapter = (
            ws.chapters.get(company.chapter_code) if company.chapter_code in ws.chapters else None
        )
        language = report_language(language or (chapter.language if chapter else "es"))
        standard = session.get_one(Standard, audit.standard_version)
        lead = session.get(Auditor, audit.lead_auditor_id) if audit.lead_auditor_id else None
        requirements = {
            r.id: r
            for r in session.scalars(
                select(Requirement).where(
                    Requirement.id.in_([f.requirement_id for f in audit.findings])
                )
            )
        }
        findings = sorted(
            audit.findings,
            key=lambda f: (requirements[f.requirement_id].position, f.requirement_id),
        )

        def line(finding: Finding) -> FindingLine:
            requirement = requirements[finding.requirement_id]
            action = finding.corrective_action
            assert finding.verdict is not None
            return FindingLine(
                code=requirement.code,
                title=catalogue_text(language, requirement.title_es, requirement.title_en),
                section=catalogue_text(language, requirement.section, requirement.section_en),
                verdict=finding.verdict,
                evidence=finding.evidence,
                action=action.description if action else "",
                owner=action.owner if action else "",
                due_on=action.due_on if action else None,
                action_state=action_state_word(language, action.state) if action else "",
            )

        counts: dict[Verdict, int] = {}
        for finding in findings:
            if finding.verdict is not None:
                counts[finding.verdict] = counts.get(finding.verdict, 0) + 1
        signatory = chapter.signatories[0] if chapter and chapter.signatories else None
        return AuditReport(
            language=language,
            paper=chapter.paper if chapter else "letter",
            chapter_name=chapter.name if chapter else company.chapter_code,
            audit_id=audit.id,
            kind=kind_word(language, audit.kind),
            state=audit_state_word(language, audit.state),
            standard=catalogue_text(language, standard.title, standard.title_en),
            planned_on=audit.planned_on,
            started_on=audit.started_on,
            finished_on=audit.finished_on,
            company_name=company.legal_name,
            trade_name=company.trade_name,
            tax_id_label=tax_id_label(company.country),
            tax_id=format_tax_id(company.country, company.tax_id),
            business_type=business_type_word(language, company.business_type),
            address=", ".join(p for p in (company.address, company.city) if p),
            lead_auditor=lead.name if lead else "",
            team=tuple(sorted(a.name for a in audit.team)),
            summary=audit.summary,
            verdict_counts=counts,
            unjudged=sum(1 for f in findings if f.verdict is None),
            sections=section_counts(
                [
                    (
                        requirements[f.requirement_id].code,
                        catalogue_text(
                            language,
                            requirements[f.requirement_id].section,
                            requirements[f.requirement_id].section_en,
                        ),
                        f.verdict,
                    )
                    for f in findings
                ]
            ),
            nonconformities=tuple(
                line(f)
                for f in sorted(
                    (f for f in findings if is_nonconformity(f.verdict)),
                    key=lambda f: f.verdict != Verdict.MAJOR,
                )
            ),
            observations=tuple(line(f) for f in findings if f.verdict == Verdict.OBSERVATION),
            signatory_name=signatory.name if signatory else "",
            signatory_title=signatory.title.get(language) if signatory else "",
            printed_on=ws.today(),
        )


def audit_report_pdf(
    ws: Workspace, audit_id: int, path: Path, *, language: str | None = None
) -> Path:
    """Write the report of audit ``audit_id`` as a PDF at ``path``; returns ``path``.

    In ``language`` ("es", "en", "fr"); None means the member's chapter's first language.

    The company and audit data and the team; counts by verdict and by section; every
    nonconformity (majors first) with its corrective action and due date; observations;
    and a signature block for the lead auditor and the chapter's first signatory.
    """
    report = audit_report(ws, audit_id, language=language)
    return write_audit_report(report, output_file(path))
