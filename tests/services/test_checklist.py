"""The checklist: built from the catalogue for the company's business type, saved at once."""

from __future__ import annotations

import pytest

from basc_desktop.domain.errors import LifecycleError
from basc_desktop.domain.vocabulary import BusinessType, Verdict
from basc_desktop.services.audits import get_audit, report_audit, start_audit
from basc_desktop.services.checklist import checklist, checklist_progress, record_verdict
from basc_desktop.services.opening import open_workspace
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.standards import default_standards_dir, load_catalogue
from tests.audit_factories import judge_all, member, planned

V6 = load_catalogue(default_standards_dir() / "basc-v6.toml")
OPERATIONAL = {
    BusinessType.EXPORTER_IMPORTER: "6.0.1",
    BusinessType.WAREHOUSE: "6.0.1",
    BusinessType.ROAD_CARRIER: "6.0.1",
    BusinessType.AIR_CARRIER: "6.0.1",
    BusinessType.SEA_CARRIER: "6.0.1",
    BusinessType.PORT_OPERATOR: "6.0.1",
    BusinessType.PORT_TERMINAL: "6.0.1",
    BusinessType.LOGISTICS_OPERATOR: "6.0.1",
    BusinessType.FREE_ZONE_USER: "6.0.1",
    BusinessType.CUSTOMS_AGENT: "6.0.2",
    BusinessType.CARGO_AGENT: "6.0.2",
    BusinessType.SECURITY_COMPANY: "6.0.3",
    BusinessType.SUPPORT_SERVICES: "6.0.3",
}


def test_each_business_type_gets_the_norma_and_its_own_operational_standard(
    sqlite_workspace: Workspace,
) -> None:
    ws = sqlite_workspace
    assert set(OPERATIONAL) == set(BusinessType)
    for seed, (kind, standard) in enumerate(OPERATIONAL.items(), start=1):
        audit = planned(ws, member(ws, business_type=kind, seed=seed, name=f"Empresa {seed}"))
        start_audit(ws, audit.id)
        lines = checklist(ws, audit.id)
        codes = [line.requirement_code for line in lines]
        expected = [r.code for r in V6.requirements if r.applies_to(kind)]
        assert codes == expected, kind  # the catalogue's requirements, in its order
        assert {c.rsplit("-", 1)[0] for c in codes if not c.startswith("N-")} == {standard}
        assert [c for c in codes if c.startswith("N-")] == [
            r.code for r in V6.requirements if r.code.startswith("N-") and r.applies_to(kind)
        ]
        # Every section of the operational standard is on the checklist.
        sections = {c.split("-")[1].split(".")[0] for c in codes if not c.startswith("N-")}
        assert sections == {"1", "2", "3", "4", "5", "6"}, kind
        assert get_audit(ws, audit.id).total == len(expected)


def test_checklist_speaks_spanish_or_english(workspace: Workspace) -> None:
    audit = planned(workspace, member(workspace))
    start_audit(workspace, audit.id)
    es = checklist(workspace, audit.id)[0]
    en = checklist(workspace, audit.id, language="en")[0]
    fr = checklist(workspace, audit.id, language="fr")[0]
    first = V6.requirements[0]
    assert (es.section, es.title, es.text) == (first.section_es, first.title_es, first.text_es)
    assert (en.section, en.title, en.text) == (first.section_en, first.title_en, first.text_en)
    assert fr == es


def test_verdicts_persist_at_once_and_count_as_progress(
    workspace: Workspace, settings: Settings
) -> None:
    audit = planned(workspace, member(workspace))
    start_audit(workspace, audit.id)
    lines = checklist(workspace, audit.id)
    line = record_verdict(workspace, lines[0].finding_id, Verdict.MINOR, "  Sin registro  ")
    assert (line.verdict, line.evidence) == (Verdict.MINOR, "Sin registro")
    record_verdict(workspace, lines[1].finding_id, Verdict.CONFORMING)
    # Another program (a new session on the same database) sees them straight away.
    other = open_workspace(settings, workspace.chapters, url=workspace.db.url)
    try:
        seen = checklist(other, audit.id)
        assert (seen[0].verdict, seen[0].evidence) == (Verdict.MINOR, "Sin registro")
        assert seen[1].verdict == Verdict.CONFORMING
        assert checklist_progress(other, audit.id) == (2, len(lines))
    finally:
        other.db.close()
    # None un-judges; evidence=None keeps the note.
    line = record_verdict(workspace, lines[0].finding_id, None)
    assert (line.verdict, line.evidence) == (None, "Sin registro")
    assert checklist_progress(workspace, audit.id) == (1, len(lines))


def test_verdicts_only_while_the_audit_is_in_progress(workspace: Workspace) -> None:
    audit = planned(workspace, member(workspace))
    assert checklist(workspace, audit.id) == []  # built when the audit starts
    start_audit(workspace, audit.id)
    judge_all(workspace, audit.id)
    report_audit(workspace, audit.id)
    first = checklist(workspace, audit.id)[0]
    with pytest.raises(LifecycleError, match="only be recorded while the audit is in progress"):
        record_verdict(workspace, first.finding_id, Verdict.MAJOR)
