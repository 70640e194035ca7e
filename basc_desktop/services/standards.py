"""The standards and requirements in the database, kept in step with the catalogue files.

The files in ``resources/standards/`` (see :mod:`basc_desktop.standards`) are the
source; the ``standards`` and ``requirements`` tables hold a copy that audit findings
point to.  :func:`sync_standards` runs each time the program opens a database.

Titles, sections and texts are kept in both Spanish and English (``title`` and
``section`` are the Spanish ones, the language certificates are printed in first);
``position`` keeps each requirement's place in its file, the order checklists follow.
The standards browser reads them through :func:`list_standards` and
:func:`requirements_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from basc_desktop.domain.errors import NotFoundError
from basc_desktop.domain.text import translatable as _
from basc_desktop.domain.vocabulary import BusinessType
from basc_desktop.services.trail import record_event
from basc_desktop.services.workspace import Workspace, login_name
from basc_desktop.standards import (
    Catalogue,
    CatalogueRequirement,
    default_standards_dir,
    load_catalogues,
    version_sort_key,
)
from basc_desktop.store.engine import Database
from basc_desktop.store.standards import Requirement, Standard

__all__ = [
    "RequirementView",
    "StandardView",
    "in_language",
    "list_standards",
    "requirements_for",
    "requirements_of",
    "sync_standards",
]


@dataclass(frozen=True)
class RequirementView:
    """A requirement as a list of requirements shows it.

    ``section``, ``title`` and ``text`` are in the language asked for (Spanish unless
    said otherwise); ``title_es`` and ``title_en`` are both always given.
    """

    id: int
    code: str
    section: str
    title_es: str
    title_en: str
    title: str = ""
    text: str = ""
    business_types: tuple[BusinessType, ...] = ()
    """The business types it applies to; empty means every business type."""


@dataclass(frozen=True)
class StandardView:
    """A version of the BASC standard, as the standards browser lists it."""

    version: str
    title: str
    approved_on: date | None
    requirement_count: int


def in_language(language: str, spanish: str, english: str) -> str:
    """The English text when ``language`` is English (and there is one), else the Spanish."""
    return english if language == "en" and english else spanish


def _business_type_codes(requirement: CatalogueRequirement) -> list[str]:
    return sorted(kind.value for kind in requirement.business_types)


def _requirement_fields(requirement: CatalogueRequirement, position: int) -> dict[str, object]:
    """The columns of a requirement row, as the catalogue gives them."""
    return {
        "position": position,
        "section": requirement.section_es,
        "section_en": requirement.section_en,
        "title_es": requirement.title_es,
        "title_en": requirement.title_en,
        "text_es": requirement.text_es,
        "text_en": requirement.text_en,
        "business_types": _business_type_codes(requirement),
    }


def _row_fields(row: Requirement) -> dict[str, object]:
    return {
        "position": row.position,
        "section": row.section,
        "section_en": row.section_en,
        "title_es": row.title_es,
        "title_en": row.title_en,
        "text_es": row.text_es,
        "text_en": row.text_en,
        "business_types": sorted(row.business_types or []),
    }


def sync_standards(db: Database, directory: Path | None = None) -> None:
    """Make the standards and requirements tables match the catalogue files.

    ``directory`` defaults to :func:`basc_desktop.standards.default_standards_dir`.
    New standards and requirements are added, in file order; changed titles, texts,
    sections and business types are updated in place (a requirement is matched by its
    standard's version and its code, so its id never changes).  Nothing is deleted:
    a requirement or standard whose file entry was removed stays, since findings,
    audits and certificates may point to it.  One transaction; when nothing changed it
    costs one SELECT per table and writes nothing.

    Raises :class:`basc_desktop.standards.CatalogueFileError` for a broken file,
    before anything is written.
    """
    catalogues = load_catalogues(directory if directory is not None else default_standards_dir())
    with db.transaction() as session:
        standards = {row.version: row for row in session.scalars(select(Standard))}
        requirements = {
            (row.standard_version, row.code): row for row in session.scalars(select(Requirement))
        }
        new_standards = False
        synced: dict[str, list[str]] = {
            key: []
            for key in (
                "standards_added",
                "standards_changed",
                "requirements_added",
                "requirements_changed",
            )
        }
        for catalogue in catalogues:
            row = standards.get(catalogue.version)
            if row is None:
                session.add(
                    Standard(
                        version=catalogue.version,
                        title=catalogue.title_es,
                        title_en=catalogue.title_en,
                        approved_on=catalogue.approved_on,
                    )
                )
                new_standards = True
                synced["standards_added"].append(catalogue.version)
            elif (row.title, row.title_en, row.approved_on) != (
                catalogue.title_es,
                catalogue.title_en,
                catalogue.approved_on,
            ):
                row.title, row.title_en = catalogue.title_es, catalogue.title_en
                row.approved_on = catalogue.approved_on
                synced["standards_changed"].append(catalogue.version)
        if new_standards:
            session.flush()  # the requirements' foreign keys need their standards first
        for catalogue in catalogues:
            _sync_requirements(session, catalogue, requirements, synced)
        if standards and any(synced.values()):  # one summary event (none in a new database)
            summary = {key: ", ".join(value) for key, value in synced.items() if value}
            record_event(session, login_name(), "standards", 0, "sync", summary)


def _sync_requirements(
    session: Session,
    catalogue: Catalogue,
    rows: dict[tuple[str, str], Requirement],
    synced: dict[str, list[str]],
) -> None:
    for position, requirement in enumerate(catalogue.requirements, start=1):
        wanted = _requirement_fields(requirement, position)
        row = rows.get((catalogue.version, requirement.code))
        if row is None:
            session.add(
                Requirement(standard_version=catalogue.version, code=requirement.code, **wanted)
            )
            synced["requirements_added"].append(f"{catalogue.version}/{requirement.code}")
        elif _row_fields(row) != wanted:
            synced["requirements_changed"].append(f"{catalogue.version}/{requirement.code}")
            for name, value in wanted.items():
                setattr(row, name, value)


def requirements_for(
    db: Database, version: str, business_type: BusinessType
) -> list[RequirementView]:
    """The requirements of standard ``version`` that apply to ``business_type``.

    In catalogue-file order.  Raises
    :class:`NotFoundError` if there is no standard ``version``.
    """
    with db.reading() as session:
        if session.get(Standard, version) is None:
            raise NotFoundError(
                _("There is no BASC standard version '{version}'."), version=version
            )
        rows = session.execute(
            select(
                Requirement.id,
                Requirement.code,
                Requirement.section,
                Requirement.title_es,
                Requirement.title_en,
                Requirement.business_types,
            )
            .where(Requirement.standard_version == version)
            .order_by(Requirement.position, Requirement.id)
        ).all()
    code = BusinessType(business_type).value
    return [
        RequirementView(
            id=row.id,
            code=row.code,
            section=row.section,
            title_es=row.title_es,
            title_en=row.title_en,
        )
        for row in rows
        if not row.business_types or code in row.business_types
    ]


def list_standards(ws: Workspace, *, language: str = "es") -> list[StandardView]:
    """Every standard in the database, newest version first, with its requirement count."""
    counts = (
        select(Requirement.standard_version, func.count().label("n"))
        .group_by(Requirement.standard_version)
        .subquery()
    )
    with ws.db.reading() as session:
        rows = session.execute(
            select(Standard, func.coalesce(counts.c.n, 0)).outerjoin(
                counts, counts.c.standard_version == Standard.version
            )
        ).all()
        views = [
            StandardView(
                version=standard.version,
                title=in_language(language, standard.title, standard.title_en),
                approved_on=standard.approved_on,
                requirement_count=int(count),
            )
            for standard, count in rows
        ]
    return sorted(views, key=lambda v: version_sort_key(v.version), reverse=True)


def requirements_of(ws: Workspace, version: str, *, language: str = "es") -> list[RequirementView]:
    """Every requirement of standard ``version``, in catalogue order, for the browser.

    Raises :class:`NotFoundError` if there is no standard ``version``.
    """
    with ws.db.reading() as session:
        if session.get(Standard, version) is None:
            raise NotFoundError(
                _("There is no BASC standard version '{version}'."), version=version
            )
        rows = session.scalars(
            select(Requirement)
            .where(Requirement.standard_version == version)
            .order_by(Requirement.position, Requirement.id)
        ).all()
        return [
            RequirementView(
                id=row.id,
                code=row.code,
                section=in_language(language, row.section, row.section_en),
                title_es=row.title_es,
                title_en=row.title_en,
                title=in_language(language, row.title_es, row.title_en),
                text=in_language(language, row.text_es, row.text_en),
                business_types=tuple(
                    sorted(BusinessType(code) for code in row.business_types or [])
                ),
            )
            for row in rows
        ]
