"""No service escapes the random-input test: every public function in services/ whose
first parameter is the Workspace is in the registry (``CASES``) or in ``NOT_CALLED`` with
the reason (pure readers and building blocks)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import basc_desktop.services as services_package
from basc_desktop.services.workspace import Workspace
from tests.services.test_random_input_registry import CASES

NOT_CALLED: dict[str, str] = {
    # Pure readers with no input from the coordinator (or only a chapter picked from a
    # list of the chapters on file): nothing to randomise, nothing written.
    "access.chapter_scope": "reader",
    "access.may_see": "reader",
    "access.require_chapter": "reader: the check the services call",
    "access.visible_chapters": "reader",
    "audits.chapter_deadlines": "reader of the chapter files",
    "member_search.warning_days": "reader of the chapter files",
    "standards.list_standards": "reader, no input",
    "standards.requirements_of": "reader of a version picked from a list",
    "exports.export_language": "reader: picks a language among the chapter's",
    "admission_deadlines.deadlines": "reader; its days come from a spin box",
    "member_checks.check_member": "reader: the editor's live check, called by create/update",
    "member_checks.clean_member": "reader: the editor's live check, called by create/update",
    "member_checks.examine_member": "reader: the editor's live check, called by create/update",
    "auditors.check_auditor": "reader: the editor's live check, called by add/update",
    # Building blocks that run inside another service's transaction (they take the
    # open Session); they are exercised through the services above.
    "admission_checklist.change_document": "building block",
    "admission_list.load_detail": "building block",
    "admission_list.missing_titles": "building block",
    "certificate_list.load_certificate_row": "building block",
    "certificate_list.rows_statement": "building block (a SELECT, nothing run)",
    "certificate_list.count_statement": "building block (a SELECT, nothing run)",
    "member_search.member_rows": "building block",
    "member_search.filtered": "building block (a SELECT, nothing run)",
    "member_search.ordered": "building block (a SELECT, nothing run)",
    "member_search.rows_statement": "building block (a SELECT, nothing run)",
    "member_search.member_status": "building block (an SQL expression)",
    # Generators behind the exports and lists, called with the same queries.
    "audit_list.iter_audits": "generator behind export_audits",
    "certificate_list.iter_certificates": "generator behind export_certificates",
    "corrective_actions.iter_actions": "generator behind export_actions",
    "member_search.iter_members": "generator behind export_members",
    "exports.member_records": "generator behind export_members",
    # Signing: its only input is a chapter the services already checked.
    "signing.has_key": "building block of issue/print",
    "signing.private_key": "building block of issue/print",
    "signing.public_key_pem": "building block of export_public_key",
    "signing.sign": "building block of issue_certificate",
    "signing.trusted_public_keys": "building block of verification",
    "access.visible_registry": "reader",
    "activity.activity_users": "reader, no input",
    "activity.iter_activity": "generator behind export_activity",
    "users.list_users": "reader, no input",
    "users.can_manage_users": "reader, no input",
    "users.apply_scope": "reads the user's chapters when the workspace opens",
    "access.require_action": "building block: the access check inside each service",
    "access.require_application": "building block: the access check inside each service",
    "access.require_audit": "building block: the access check inside each service",
    "access.require_auditor": "building block: the access check inside each service",
    "access.require_auditor_chapter": "building block: the access check inside each service",
    "access.require_certificate": "building block: the access check inside each service",
    "access.require_certificates": "building block: the access check inside each service",
    "access.require_chapter_of": "building block: the access check inside each service",
    "access.require_committee_session": "building block: the access check inside each service",
    "access.require_finding": "building block: the access check inside each service",
    "access.require_member": "building block: the access check inside each service",
    "reminder_sending.certificates_to_remind": "building block (takes the open Session)",
    "signing.public_keys_pem": "building block of export_public_key",
    "signing.registered_public_keys": "building block of verification",
    "trail.stale_error_after_rollback": "building block: the stale-save message",
    # The demo: its only inputs are counts from the Demo dialog (tests/services/test_demo.py).
    "build.build_demo": "demo builder",
}
"""Public functions taking a Workspace that the random-input test does not call, and why."""


def workspace_functions() -> set[str]:
    """``module.function`` of every public function in services/ whose first parameter is
    the Workspace."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(services_package.__path__, "basc_desktop.services."):
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters.values())
            if parameters and parameters[0].annotation in ("Workspace", Workspace):
                found.add(f"{info.name.rsplit('.', 1)[-1]}.{name}")
    return found


def test_every_service_is_in_the_registry() -> None:
    registered = {case.name for case in CASES}
    missing = workspace_functions() - registered - set(NOT_CALLED)
    assert not missing, (
        "add these service functions to CASES in tests/services/test_random_input_registry.py"
        f" (or, for a pure reader, to NOT_CALLED with the reason): {sorted(missing)}"
    )


def test_the_allow_list_names_real_functions() -> None:
    assert not set(NOT_CALLED) - workspace_functions()
    assert not set(NOT_CALLED) & {case.name for case in CASES}
