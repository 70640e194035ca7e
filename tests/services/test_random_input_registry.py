"""The registry of service functions the random-input test calls.

Each :class:`Case` names a service function and how to build random (mostly invalid)
arguments for it from the seeded :class:`World`.  ``test_random_input_coverage.py``
fails when a public service function that takes a Workspace is neither here nor in its
commented allow-list of pure readers and building blocks, so a new service cannot escape.
"""

from __future__ import annotations

from hypothesis import strategies as st

from basc_desktop.services import (
    activity,
    admission_checklist,
    admission_committee,
    admission_files,
    admission_letters,
    admission_list,
    admission_sessions,
    audit_list,
    audit_report,
    auditors,
    audits,
    certificate_issue,
    certificate_list,
    certificate_moves,
    certificate_printing,
    checklist,
    corrective_actions,
    dashboard,
    dashboard_export,
    exports,
    imports,
    member_records,
    member_search,
    members,
    reminder_export,
    reminder_letters,
    reminder_list,
    reminder_sending,
    users,
)
from basc_desktop.services import verification as verifying
from basc_desktop.services.dashboard_forms import Figure
from tests import random_inputs as r
from tests.services.test_random_input_forms import (
    Case,
    Fetched,
    call,
    export_case,
    import_case,
    import_files,
    in_paths,
    member_forms,
    out_paths,
    plan_forms,
    queries,
    read_import,
)

versions = st.one_of(st.sampled_from([1, 2]), r.ints)
optional_versions = st.one_of(st.none(), versions)
on = r.optional_dates

CASES: tuple[Case, ...] = (
    # members ------------------------------------------------------------------------
    Case(members.create_member, lambda w: call(member_forms)),
    Case(
        members.update_member,
        lambda w: call(r.ids(*w.members()), member_forms, expected_version=versions),
    ),
    Case(members.archive_member, lambda w: call(r.ids(*w.members()), on=on)),
    Case(members.archive_members, lambda w: call(r.tuples_of(r.ids(*w.members())))),
    Case(members.restore_member, lambda w: call(r.ids(*w.members()))),
    Case(members.restore_members, lambda w: call(r.tuples_of(r.ids(*w.members())))),
    Case(members.delete_member, lambda w: call(r.ids(*w.members()))),
    Case(members.get_member, lambda w: call(r.ids(*w.members()))),
    Case(members.find_member_by_tax_id, lambda w: call(r.countries, r.tax_ids)),
    Case(member_search.find_members, lambda w: call(queries["members"])),
    Case(member_search.count_members, lambda w: call(queries["members"])),
    Case(
        member_search.members_with_tax_id,
        lambda w: call(r.tax_ids, r.tuples_of(r.countries)),
    ),
    Case(member_records.member_history, lambda w: call(r.ids(*w.members()))),
    Case(member_records.member_audits, lambda w: call(r.ids(*w.members()))),
    Case(member_records.member_certificates, lambda w: call(r.ids(*w.members()))),
    # auditors -----------------------------------------------------------------------
    Case(
        auditors.add_auditor,
        lambda w: call(r.text_or("Marta Ruiz"), r.emails, st.one_of(st.none(), r.chapter_codes)),
    ),
    Case(
        auditors.update_auditor,
        lambda w: call(
            r.ids(w.auditor_id, w.retired_auditor_id),
            name=r.text_or("Marta Ruiz"),
            email=r.emails,
            chapter_code=st.one_of(st.none(), r.chapter_codes),
        ),
    ),
    Case(
        auditors.set_auditor_active,
        lambda w: call(r.ids(w.auditor_id, w.retired_auditor_id), st.booleans()),
    ),
    Case(auditors.get_auditor, lambda w: call(r.ids(w.auditor_id))),
    Case(auditors.auditors, lambda w: call(st.one_of(st.none(), r.chapter_codes))),
    # audits -------------------------------------------------------------------------
    Case(audits.plan_audit, lambda w: call(plan_forms(w))),
    Case(
        audits.update_audit_plan,
        lambda w: call(r.ids(*w.audits()), plan_forms(w), expected_version=versions),
    ),
    Case(audits.start_audit, lambda w: call(r.ids(*w.audits()), on=on)),
    Case(audits.report_audit, lambda w: call(r.ids(*w.audits()), on=on)),
    Case(audits.close_audit, lambda w: call(r.ids(*w.audits()), on=on)),
    Case(audit_list.get_audit, lambda w: call(r.ids(*w.audits()))),
    Case(audit_list.find_audits, lambda w: call(queries["audits"])),
    Case(audit_list.count_audits, lambda w: call(queries["audits"])),
    Case(audit_list.audits_in_month, lambda w: call(r.ints, r.ints, r.tuples_of(r.chapter_codes))),
    Case(
        audit_report.audit_report,
        lambda w: call(r.ids(*w.audits()), language=st.one_of(st.none(), r.languages)),
    ),
    Case(
        audit_report.audit_report_pdf,
        lambda w: call(
            r.ids(*w.audits()), out_paths(w, ".pdf"), language=st.one_of(st.none(), r.languages)
        ),
    ),
    # checklist and corrective actions ----------------------------------------------
    Case(
        checklist.record_verdict,
        lambda w: call(r.ids(w.finding_id), r.verdicts, st.one_of(st.none(), r.texts)),
    ),
    Case(checklist.checklist, lambda w: call(r.ids(*w.audits()), language=r.languages)),
    Case(checklist.checklist_progress, lambda w: call(r.ids(*w.audits()))),
    Case(
        corrective_actions.submit_action,
        lambda w: call(r.ids(w.action_id), on=on, note=r.texts),
    ),
    Case(
        corrective_actions.verify_action,
        lambda w: call(r.ids(w.action_id), audit_id=r.ids(*w.audits()), on=on, note=r.texts),
    ),
    Case(
        corrective_actions.close_action,
        lambda w: call(r.ids(w.action_id), on=on, note=r.texts),
    ),
    Case(
        corrective_actions.update_action_plan,
        lambda w: call(
            r.ids(w.action_id),
            description=r.texts,
            owner=r.texts,
            due_on=r.dates,
            expected_version=versions,
        ),
    ),
    Case(corrective_actions.get_action, lambda w: call(r.ids(w.action_id))),
    Case(corrective_actions.find_actions, lambda w: call(queries["actions"])),
    Case(corrective_actions.count_actions, lambda w: call(queries["actions"])),
    Case(corrective_actions.actions_to_verify, lambda w: call(r.ids(*w.audits()))),
    # certificates -------------------------------------------------------------------
    Case(certificate_issue.issue_certificate, lambda w: call(r.ids(*w.audits()), on=on)),
    Case(certificate_issue.preview_issue, lambda w: call(r.ids(*w.audits()), on)),
    Case(
        certificate_issue.issuable_audits,
        lambda w: call(st.one_of(st.none(), r.chapter_codes)),
    ),
    *(
        Case(
            move,
            lambda w: call(
                r.ids(w.certificate_id), reason=r.texts, on=on, expected_version=optional_versions
            ),
        )
        for move in (
            certificate_moves.suspend_certificate,
            certificate_moves.reinstate_certificate,
            certificate_moves.withdraw_certificate,
        )
    ),
    Case(certificate_list.get_certificate, lambda w: call(r.ids(w.certificate_id))),
    Case(
        certificate_list.certificate_by_code,
        lambda w: call(r.text_or(w.certificate_code, w.certificate_code.lower())),
    ),
    Case(certificate_list.find_certificates, lambda w: call(queries["certificates"])),
    Case(certificate_list.count_certificates, lambda w: call(queries["certificates"])),
    Case(
        certificate_printing.certificate_pdf,
        lambda w: call(r.ids(w.certificate_id), out_paths(w, ".pdf")),
    ),
    Case(
        certificate_printing.write_certificates_pdf,
        lambda w: call(r.tuples_of(r.ids(w.certificate_id)), out_paths(w, ".pdf")),
    ),
    Case(
        certificate_printing.export_public_key,
        lambda w: call(r.chapter_codes, out_paths(w, ".pem")),
    ),
    Case(
        certificate_printing.certificate_ids_by_code,
        lambda w: call(r.tuples_of(r.text_or(w.certificate_code))),
    ),
    Case(certificate_printing.certificate_ids_issued_in, lambda w: call(r.ints, r.ints)),
    Case(verifying.verify_payload, lambda w: call(r.texts)),
    Case(verifying.verify_pdf, lambda w: call(in_paths(w))),
    # admissions ---------------------------------------------------------------------
    Case(admission_checklist.open_application, lambda w: call(r.ids(*w.members()), on=on)),
    Case(
        admission_checklist.mark_document,
        lambda w: call(
            r.ids(*w.applications()),
            r.document_ids,
            r.document_states,
            received_on=on,
            note=st.one_of(st.none(), r.texts),
            expected_version=optional_versions,
        ),
    ),
    Case(
        admission_committee.decide_application,
        lambda w: call(
            r.ids(*w.applications()),
            r.decisions,
            reason=r.texts,
            on=on,
            expected_version=optional_versions,
        ),
    ),
    Case(
        admission_committee.plan_committee_session,
        lambda w: call(
            r.chapter_codes,
            r.dates,
            r.texts,
            r.tuples_of(r.ids(*w.applications())),
            notes=st.one_of(st.none(), r.texts),
        ),
    ),
    Case(
        admission_committee.remove_from_committee_session,
        lambda w: call(r.ids(*w.applications()), expected_version=optional_versions),
    ),
    Case(
        admission_files.attach_document,
        lambda w: call(
            r.ids(*w.applications()),
            r.document_ids,
            in_paths(w),
            received_on=on,
            expected_version=optional_versions,
        ),
    ),
    Case(
        admission_files.open_attachment_path,
        lambda w: call(r.ids(*w.applications()), r.document_ids),
    ),
    Case(
        admission_letters.write_minutes_pdf,
        lambda w: call(r.ids(w.session_id), out_paths(w, ".pdf")),
    ),
    Case(
        admission_letters.write_welcome_letter_pdf,
        lambda w: call(r.ids(*w.applications()), out_paths(w, ".pdf")),
    ),
    Case(
        admission_list.get_application,
        lambda w: call(r.ids(*w.applications()), language=st.one_of(st.none(), r.languages)),
    ),
    Case(admission_list.find_applications, lambda w: call(queries["applications"])),
    Case(admission_list.count_applications, lambda w: call(queries["applications"])),
    Case(admission_sessions.get_committee_session, lambda w: call(r.ids(w.session_id))),
    Case(admission_sessions.find_committee_session, lambda w: call(r.chapter_codes, r.dates)),
    Case(
        admission_sessions.committee_sessions,
        lambda w: call(st.one_of(st.none(), r.chapter_codes), held_from=on),
    ),
    # imports and exports ------------------------------------------------------------
    import_case(imports.check_import),
    import_case(imports.run_import),
    Case(read_import, lambda w: call(import_files(w))),
    export_case(exports.export_members, "members"),
    export_case(exports.export_audits, "audits"),
    export_case(exports.export_actions, "actions"),
    export_case(exports.export_certificates, "certificates"),
    # activity -----------------------------------------------------------------------
    Case(
        activity.find_activity,
        lambda w: call(queries["activity"], r.ints, st.one_of(st.none(), r.ints)),
    ),
    Case(activity.count_activity, lambda w: call(queries["activity"])),
    Case(
        activity.record_activity,
        lambda w: call(r.text_or("company", "audit", "certificate"), r.ids(*w.members())),
    ),
    Case(
        activity.export_activity,
        lambda w: call(queries["activity"], out_paths(w, ".xlsx")),
    ),
    # dashboard ----------------------------------------------------------------------
    Case(
        dashboard.dashboard_figures,
        lambda w: call(
            on,
            chapters=st.one_of(st.none(), r.tuples_of(r.chapter_codes)),
            from_history=st.booleans(),
        ),
    ),
    Case(
        dashboard.counted_records,
        lambda w: call(
            st.sampled_from(list(Figure)),
            r.dates,
            country=st.one_of(st.none(), r.countries),
            chapter=st.one_of(st.none(), r.chapter_codes),
        ),
    ),
    Case(
        dashboard.expiring_certificates,
        lambda w: call(r.dates, r.dates, country=st.one_of(st.none(), r.countries)),
    ),
    *(
        Case(
            writer,
            lambda w, suffix=suffix: call(
                st.just(Fetched(dashboard.dashboard_figures)),
                out_paths(w, suffix),
                chapter=st.one_of(st.none(), r.chapter_codes),
                language=st.one_of(st.none(), r.languages),
            ),
        )
        for writer, suffix in (
            (dashboard_export.write_dashboard_pdf, ".pdf"),
            (dashboard_export.write_dashboard_xlsx, ".xlsx"),
        )
    ),
    Case(
        dashboard_export.dashboard_report,
        lambda w: call(
            st.just(Fetched(dashboard.dashboard_figures)),
            chapter=st.one_of(st.none(), r.chapter_codes),
            language=st.one_of(st.none(), r.languages),
        ),
    ),
    # renewal reminders --------------------------------------------------------------
    Case(
        reminder_list.renewal_reminders,
        lambda w: call(
            chapter=st.one_of(st.none(), r.chapter_codes), on=on, include_reminded=st.booleans()
        ),
    ),
    Case(
        reminder_letters.reminder_letters,
        lambda w: call(r.tuples_of(r.ids(*w.members())), on=on),
    ),
    Case(
        reminder_letters.write_reminder_letters_pdf,
        lambda w: call(r.tuples_of(r.ids(*w.members())), out_paths(w, ".pdf"), on=on),
    ),
    Case(
        reminder_sending.mark_reminders_sent,
        lambda w: call(r.tuples_of(r.ids(*w.members())), on=on),
    ),
    Case(
        reminder_export.export_reminders_xlsx,
        lambda w: call(
            st.just(Fetched(reminder_list.renewal_reminders)),
            out_paths(w, ".xlsx"),
            language=st.one_of(st.none(), r.languages),
        ),
    ),
    # users --------------------------------------------------------------------------
    Case(
        users.add_user,
        lambda w: call(
            r.text_or("ana", "luis.perez"),
            r.tuples_of(r.chapter_codes),
            admin=st.booleans(),
            display_name=r.texts,
        ),
    ),
    Case(users.set_chapters, lambda w: call(r.text_or("ana"), r.tuples_of(r.chapter_codes))),
    Case(users.deactivate, lambda w: call(r.text_or("ana", "tester"))),
)
"""Every service function that takes what a coordinator types, picks or opens."""
