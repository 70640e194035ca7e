"""The forms and arguments the random-input test builds: queries, plans, files, paths.

Used by the registry (``test_random_input_registry.py``); no tests here.

Each :class:`Case` names a service function and how to build random (mostly invalid)
arguments for it from the seeded :class:`World`.  ``test_every_service_is_in_the_registry``
fails when a public service function that takes a Workspace is neither here nor in the
commented allow-list of pure readers and building blocks, so a new service cannot escape.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from basc_desktop.domain.import_headers import FIELD_KEYS
from basc_desktop.services import (
    imports,
)
from basc_desktop.services.activity_forms import ActivityQuery
from basc_desktop.services.admission_forms import ApplicationQuery
from basc_desktop.services.audit_forms import ActionQuery, AuditPlanInput, AuditQuery
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.member_forms import ContactInput, MemberInput, MemberQuery, ProgramInput
from basc_desktop.services.workspace import Workspace
from tests import random_inputs as r
from tests.services.random_world import World

Call = tuple[tuple[Any, ...], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    function: Callable[..., Any]
    arguments: Callable[[World], st.SearchStrategy[Call]]
    """Random arguments after the workspace: (positional, keyword)."""

    @property
    def name(self) -> str:
        return f"{self.function.__module__.rsplit('.', 1)[-1]}.{self.function.__name__}"


def call(
    *args: st.SearchStrategy[Any], **kwargs: st.SearchStrategy[Any]
) -> st.SearchStrategy[Call]:
    return st.tuples(st.tuples(*args), st.fixed_dictionaries(kwargs))


@dataclass(frozen=True)
class Form:
    """A form (a query dataclass) made inside the call: making it may refuse a value."""

    kind: type
    fields: dict[str, Any]

    def make(self, ws: Workspace) -> Any:
        return self.kind(**self.fields)


@dataclass(frozen=True)
class Fetched:
    """Something a screen got from another service (dashboard figures, reminder rows)."""

    fetch: Callable[[Workspace], Any]

    def make(self, ws: Workspace) -> Any:
        return self.fetch(ws)


def form(kind: type, **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Form]:
    return st.fixed_dictionaries(fields).map(lambda values: Form(kind, values))


def out_paths(w: World, suffix: str) -> st.SearchStrategy[Path]:
    """Where the coordinator asks a file to be written: a plain name, an odd one, a folder."""
    return st.sampled_from(
        [w.out / f"out{suffix}", w.out / "sub folder" / f"ñandú ✓{suffix}", w.out]
    )


def in_paths(w: World) -> st.SearchStrategy[Path]:
    """A file the coordinator picks: real, empty, not what it claims, missing, a folder."""
    names = ["scan.pdf", "empty.pdf", "noise.bin", "missing.pdf"]
    return st.one_of(st.sampled_from([w.files / n for n in names]), st.just(w.files))


# -- forms ------------------------------------------------------------------------------


def contacts() -> st.SearchStrategy[Any]:
    contact = st.builds(ContactInput, name=r.texts, role=r.texts, email=r.emails, phone=r.phones)
    return st.one_of(st.none(), r.tuples_of(contact, 3))


def programs() -> st.SearchStrategy[Any]:
    program = st.builds(
        ProgramInput,
        program=r.programs,
        identifier=r.texts,
        authority=r.texts,
        valid_from=r.optional_dates,
        valid_until=r.optional_dates,
    )
    return st.one_of(st.none(), r.tuples_of(program, 3))


member_forms = st.builds(
    MemberInput,
    legal_name=r.text_or("Nueva Empresa S.A.S."),
    tax_id=r.tax_ids,
    chapter_code=r.chapter_codes,
    business_type=r.business_types,
    trade_name=r.texts,
    address=r.texts,
    city=r.texts,
    phone=r.phones,
    email=r.emails,
    website=r.websites,
    membership_start=r.optional_dates,
    notes=r.texts,
    contacts=contacts(),
    programs=programs(),
)


def plan_forms(w: World) -> st.SearchStrategy[AuditPlanInput]:
    auditor_ids = r.ids(w.auditor_id, w.retired_auditor_id)
    return st.builds(
        AuditPlanInput,
        company_id=r.ids(*w.members()),
        kind=r.audit_kinds,
        standard_version=r.standard_versions,
        planned_on=r.dates,
        lead_auditor_id=st.one_of(st.none(), auditor_ids),
        team_ids=r.tuples_of(auditor_ids, 3),
        summary=r.texts,
    )


queries: dict[str, st.SearchStrategy[Any]] = {
    "members": form(
        MemberQuery,
        search=r.texts,
        countries=r.tuples_of(r.countries),
        chapters=r.tuples_of(r.chapter_codes),
        statuses=r.member_statuses,
        expires_within_days=r.optional_ints,
        archived=st.sampled_from([True, False, None]),
        descending=st.booleans(),
        offset=r.ints,
        limit=r.optional_ints,
        ids=r.tuples_of(r.ids()),
    ),
    "audits": form(
        AuditQuery,
        month=r.optional_dates,
        chapters=r.tuples_of(r.chapter_codes),
        auditor_id=st.one_of(st.none(), r.ids()),
        company_id=st.one_of(st.none(), r.ids()),
        search=r.texts,
        offset=r.ints,
        limit=r.optional_ints,
    ),
    "actions": form(
        ActionQuery,
        overdue=st.booleans(),
        due_within_days=r.optional_ints,
        chapters=r.tuples_of(r.chapter_codes),
        company_id=st.one_of(st.none(), r.ids()),
        states=r.action_states,
        search=r.texts,
        offset=r.ints,
        limit=r.optional_ints,
    ),
    "certificates": form(
        CertificateQuery,
        search=r.texts,
        states=r.certificate_states,
        expires_within_days=r.optional_ints,
        chapter_codes=r.tuples_of(r.chapter_codes),
        countries=r.tuples_of(r.countries),
        issued_from=r.optional_dates,
        issued_until=r.optional_dates,
        company_id=st.one_of(st.none(), r.ids()),
        ids=r.tuples_of(r.ids()),
        offset=r.ints,
        limit=r.optional_ints,
    ),
    "activity": form(
        ActivityQuery,
        users=r.tuples_of(r.texts),
        record_types=r.tuples_of(r.text_or("company", "audit", "certificate")),
        actions=r.tuples_of(r.text_or("created", "updated")),
        since=r.optional_dates,
        until=r.optional_dates,
        text=r.texts,
        chapter=st.one_of(st.none(), r.chapter_codes),
        record_id=st.one_of(st.none(), r.ids(1, 2)),
        offset=r.ints,
        limit=r.optional_ints,
    ),
    "applications": form(
        ApplicationQuery,
        chapter_codes=r.tuples_of(r.chapter_codes),
        text=r.texts,
        company_id=st.one_of(st.none(), r.ids()),
        deadline_within_days=r.optional_ints,
        committee_session_id=st.one_of(st.none(), r.ids()),
        offset=r.ints,
        limit=r.optional_ints,
    ),
}


def import_files(w: World) -> st.SearchStrategy[Path]:
    """A CSV member list as a chapter sends it: a header, then rows of random cells."""
    cell = st.one_of(r.texts, r.tax_ids, r.emails, r.dates.map(str), r.chapter_codes)
    rows = st.lists(st.lists(cell, min_size=0, max_size=len(FIELD_KEYS) + 2), max_size=4)

    def write(cells: list[list[str]]) -> Path:
        path = w.files / "members.csv"
        with path.open("w", encoding="utf-8", newline="", errors="replace") as handle:
            writer = csv.writer(handle)
            writer.writerow(FIELD_KEYS)
            writer.writerows(cells)
        return path

    return st.one_of(rows.map(write), in_paths(w))


mappings = st.one_of(
    st.just(dict(enumerate(FIELD_KEYS))),
    # The mapping dialog maps columns of the file (0, 1, 2…) to fields or to nothing.
    st.dictionaries(st.integers(0, 20), st.sampled_from([*FIELD_KEYS, ""]), max_size=6),
)


def read_import(ws: object, path: Path) -> Any:
    """:func:`imports.read_import` takes no workspace: the first look at a picked file."""
    return imports.read_import(path)


def import_case(function: Callable[..., Any]) -> Case:
    return Case(
        function,
        lambda w: call(
            import_files(w),
            mappings,
            update_existing=st.booleans(),
            default_chapter=st.one_of(st.none(), r.chapter_codes),
        ),
    )


def export_case(function: Callable[..., Any], query: str, suffix: str = ".xlsx") -> Case:
    return Case(
        function,
        lambda w: call(
            queries[query],
            out_paths(w, suffix),
            per_country=st.booleans(),
            language=st.one_of(st.none(), r.languages),
            chapter=st.one_of(st.none(), r.chapter_codes),
        ),
    )
