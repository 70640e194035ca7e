"""Exporting lists to Excel: the members, the certificates register, the audit plan and
the corrective actions, each as its screen (or the command line) filters it.

The workbook speaks the chapter's language (its first one: Spanish, or French for
Haiti) unless another is asked for; its title rows name the chapter, the filter used
and the date.  The rows are read in batches and streamed into the file, so a list of
any length is written in bounded memory; ``progress`` and ``cancelled`` let a window
show how far it is and stop it (no file is then left behind).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select

from basc_desktop.domain.countries import COUNTRIES
from basc_desktop.reports.excel_writer import (
    Cancelled,
    Progress,
    SheetSpec,
    Split,
    write_workbook,
)
from basc_desktop.services.audit_forms import ActionQuery, AuditQuery
from basc_desktop.services.audit_list import count_audits, iter_audits
from basc_desktop.services.certificate_forms import CertificateQuery
from basc_desktop.services.certificates import count_certificates, iter_certificates
from basc_desktop.services.corrective_actions import count_actions, iter_actions
from basc_desktop.services.export_sheets import (
    Layout,
    action_layout,
    audit_layout,
    certificate_layout,
    member_columns,
    member_layout,
)
from basc_desktop.services.export_words import ExportWords, export_words
from basc_desktop.services.member_forms import MemberQuery
from basc_desktop.services.member_search import count_members, filtered, member_status, ordered
from basc_desktop.services.output_files import output_file
from basc_desktop.services.workspace import Workspace

__all__ = [
    "export_actions",
    "export_audits",
    "export_certificates",
    "export_language",
    "export_members",
]


def _chapter_of(ws: Workspace, chosen: Sequence[str], chapter: str | None) -> str | None:
    """The chapter an export speaks for: the one filtered on, else the coordinator's."""
    if len(chosen) == 1 and chosen[0] in ws.chapters:
        return chosen[0]
    return chapter if chapter and chapter in ws.chapters else None


def export_language(
    ws: Workspace,
    chosen: Sequence[str] = (),
    language: str | None = None,
    chapter: str | None = None,
) -> str:
    """``language`` if given, else the first language of the export's chapter, else "es"."""
    if language:
        return language
    code = _chapter_of(ws, chosen, chapter)
    return ws.chapters.get(code).language if code else "es"


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _titles(
    ws: Workspace, words: ExportWords, what: str, chosen: Sequence[str], chapter: str | None,
    filters: list[str],
) -> tuple[str, ...]:  # fmt: skip
    code = _chapter_of(ws, chosen, chapter)
    name = ws.chapters.get(code).name if code else "BASC"
    return (
        f"{name} — {words[what]}",
        words["filter"].format(filter="; ".join(filters) or words["no_filter"]),
        words["date"].format(date=_day(ws.today())),
    )


def _labelled(words: ExportWords, key: str, values: Iterable[str]) -> list[str]:
    shown = ", ".join(values)
    return [words["labelled"].format(label=words[key], values=shown)] if shown else []


def _country_name(language: str) -> Callable[[Any], str]:
    def name(code: Any) -> str:
        found = COUNTRIES.get(str(code))
        return found.name(language) if found else str(code)

    return name


def _write(
    path: Path,
    layout: Layout,
    words: ExportWords,
    what: str,
    titles: tuple[str, ...],
    batches: Iterator[Sequence[Any]],
    total: int,
    *,
    per_country: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> int:
    spec = SheetSpec(words[what], titles, layout.columns)
    split = None
    if per_country:
        split = Split(
            by=layout.country,
            counted=layout.counted,
            summary_name=words["summary"],
            group_header=words["country"],
            total_label=words["total"],
            counted_order=layout.counted_order,
            sheet_name=_country_name(words.language),
        )
    cells = layout.cells
    # closing(): a cancelled export ends its reading now, not when the generator is
    # collected (on PostgreSQL an open transaction blocks schema changes).
    with closing(batches) as parts:  # type: ignore[type-var]
        # A batch is made into cells at once, then written: going back and forth
        # between reading and writing for each row costs several percent more.
        rows = (line for part in parts for line in [cells(row) for row in part])
        return write_workbook(
            output_file(path),
            spec,
            rows,
            split=split,
            total=total,
            progress=progress,
            cancelled=cancelled,
        )


def member_records(
    ws: Workspace, query: MemberQuery, batch: int = 1000
) -> Generator[Sequence[Any], None, None]:
    """The members ``query`` finds, in its order, as :func:`member_columns` reads them.

    The same search, filters and order as ``find_members`` (the list on screen), read
    in one query, ``batch`` rows at a time, so memory stays bounded.
    """
    stmt: Select[Any] = select(*member_columns(member_status(ws)))
    stmt = ordered(ws, query, filtered(ws, query, stmt))
    with ws.db.reading() as session:
        # Plain columns need no ORM step: the connection reads them a little faster.
        reader = session.connection().execution_options(yield_per=batch)
        with reader.execute(stmt) as result:  # closed at once if the export stops
            yield from result.partitions(batch)


def member_filters(words: ExportWords, query: MemberQuery) -> list[str]:
    """The members query in words, for the filter title row."""
    found = [*_labelled(words, "country", query.countries)]
    found += _labelled(words, "chapter", query.chapters)
    found += _labelled(
        words, "business_type", (words.business_types[b] for b in query.business_types)
    )
    found += _labelled(words, "status", (words.statuses[s] for s in query.statuses))
    if query.expires_within_days is not None:
        found.append(words["expires_within"].format(days=query.expires_within_days))
    if query.archived is True:
        found.append(words["archived_only"])
    elif query.archived is None and not query.ids:
        found.append(words["archived_too"])
    if query.search.strip():
        found.append(words["search"].format(text=query.search.strip()))
    if query.ids:
        found.append(words["selected"].format(count=len(query.ids)))
    return found


def export_members(
    ws: Workspace,
    query: MemberQuery,
    path: Path,
    *,
    per_country: bool = False,
    language: str | None = None,
    chapter: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the members ``query`` finds (every page of it) to the workbook ``path``.

    ``per_country``: a summary sheet of counts by country and status, then one sheet
    per country.  ``language`` (es, en, fr) defaults to the first language of the
    chapter filtered on, else of ``chapter`` (the coordinator's), else Spanish.
    Returns the number of members written.
    """
    query = replace(query, offset=0, limit=None)
    words = export_words(export_language(ws, query.chapters, language, chapter))
    titles = _titles(ws, words, "members", query.chapters, chapter, member_filters(words, query))
    return _write(
        path,
        member_layout(words),
        words,
        "members",
        titles,
        member_records(ws, query),
        count_members(ws, query),
        per_country=per_country,
        progress=progress,
        cancelled=cancelled,
    )


def audit_filters(words: ExportWords, query: AuditQuery) -> list[str]:
    found = []
    if query.month is not None:
        found.append(words["month"].format(month=query.month.strftime("%m/%Y")))
    found += _labelled(words, "chapter", query.chapters)
    found += _labelled(words, "state", (words.audit_states[s] for s in query.states))
    found += _labelled(words, "kind", (words.kinds[k] for k in query.kinds))
    if query.auditor_id is not None:
        found.append(words["auditor"].format(id=query.auditor_id))
    if query.search.strip():
        found.append(words["search"].format(text=query.search.strip()))
    return found


def export_audits(
    ws: Workspace,
    query: AuditQuery,
    path: Path,
    *,
    per_country: bool = False,
    language: str | None = None,
    chapter: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the audits ``query`` finds (the audit plan) to ``path``; see export_members."""
    query = replace(query, offset=0, limit=None)
    words = export_words(export_language(ws, query.chapters, language, chapter))
    titles = _titles(ws, words, "audits", query.chapters, chapter, audit_filters(words, query))
    return _write(
        path,
        audit_layout(words),
        words,
        "audits",
        titles,
        iter_audits(ws, query),
        count_audits(ws, query),
        per_country=per_country,
        progress=progress,
        cancelled=cancelled,
    )


def action_filters(words: ExportWords, query: ActionQuery) -> list[str]:
    found = []
    if query.overdue:
        found.append(words["overdue_only"])
    if query.due_within_days is not None:
        found.append(words["due_within"].format(days=query.due_within_days))
    found += _labelled(words, "chapter", query.chapters)
    found += _labelled(words, "severity", (words.verdicts[v] for v in query.severities))
    if query.states:
        found += _labelled(words, "state", (words.action_states[s] for s in query.states))
    else:
        found.append(words["every_state"])
    if query.search.strip():
        found.append(words["search"].format(text=query.search.strip()))
    return found


def export_actions(
    ws: Workspace,
    query: ActionQuery,
    path: Path,
    *,
    per_country: bool = False,
    language: str | None = None,
    chapter: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the corrective actions ``query`` finds (by default the open ones) to ``path``."""
    query = replace(query, offset=0, limit=None)
    words = export_words(export_language(ws, query.chapters, language, chapter))
    titles = _titles(ws, words, "actions", query.chapters, chapter, action_filters(words, query))
    return _write(
        path,
        action_layout(words, ws.chapters),
        words,
        "actions",
        titles,
        iter_actions(ws, query),
        count_actions(ws, query),
        per_country=per_country,
        progress=progress,
        cancelled=cancelled,
    )


def certificate_filters(words: ExportWords, query: CertificateQuery) -> list[str]:
    found = [*_labelled(words, "country", query.countries)]
    found += _labelled(words, "chapter", query.chapter_codes)
    found += _labelled(words, "state", (words.certificate_states[s] for s in query.states))
    if query.expires_within_days is not None:
        found.append(words["expires_within"].format(days=query.expires_within_days))
    if query.issued_from is not None:
        found.append(words["issued_from"].format(date=_day(query.issued_from)))
    if query.issued_until is not None:
        found.append(words["issued_until"].format(date=_day(query.issued_until)))
    if query.search.strip():
        found.append(words["search"].format(text=query.search.strip()))
    if query.ids:
        found.append(words["selected"].format(count=len(query.ids)))
    return found


def export_certificates(
    ws: Workspace,
    query: CertificateQuery,
    path: Path,
    *,
    per_country: bool = False,
    language: str | None = None,
    chapter: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the certificates register as ``query`` filters it to ``path``."""
    query = replace(query, offset=0, limit=None)
    chosen = query.chapter_codes
    words = export_words(export_language(ws, chosen, language, chapter))
    filters = certificate_filters(words, query)
    return _write(
        path,
        certificate_layout(words),
        words,
        "certificates",
        _titles(ws, words, "certificates", chosen, chapter, filters),
        iter_certificates(ws, query),
        count_certificates(ws, query),
        per_country=per_country,
        progress=progress,
        cancelled=cancelled,
    )
