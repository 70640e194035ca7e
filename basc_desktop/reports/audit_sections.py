"""The rows of an audit report's "results by section" table.

Standard 6 has its Norma clauses ("4. Contexto de la organización") and the
operational standards 6.0.1, 6.0.2 and 6.0.3, whose sections are numbered again from
1 and share their names.  As in the Standards browser, an operational section is
told apart by its standard's code ("6.0.1 · 4. Control de acceso…"), so no two rows
of the table read the same and two standards' sections are never counted together.
No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from basc_desktop.domain.vocabulary import Verdict

__all__ = ["SectionCount", "section_counts", "section_label"]


@dataclass(frozen=True)
class SectionCount:
    section: str
    """The row's label, e.g. "6.0.1 · 4. Control de acceso y seguridad física"."""
    counts: dict[Verdict, int]


def section_label(code: str, section: str) -> str:
    """``section`` of requirement ``code``, with the operational standard's code before it.

    "6.0.1-4.4" in "4. Control de acceso…" gives "6.0.1 · 4. Control de acceso…";
    a Norma requirement ("N-4.1") or a code without a standard part keeps its section.
    """
    part = code.rsplit("-", 1)[0] if "-" in code else ""
    return f"{part} · {section}" if part[:1].isdigit() else section


def section_counts(
    findings: Sequence[tuple[str, str, Verdict | None]],
) -> tuple[SectionCount, ...]:
    """Counts by verdict for each section, sections in the order they first appear.

    ``findings`` are (requirement code, section, verdict) in checklist order.
    """
    order: dict[str, dict[Verdict, int]] = {}
    for code, section, verdict in findings:
        counts = order.setdefault(section_label(code, section), {})
        if verdict is not None:
            counts[verdict] = counts.get(verdict, 0) + 1
    return tuple(SectionCount(label, counts) for label, counts in order.items())
