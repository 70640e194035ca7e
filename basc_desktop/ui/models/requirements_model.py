"""The standards catalogue as a tree: standards → sections → requirements.

Built from ``list_standards`` and ``requirements_of`` in the language asked for; the
second column counts the requirements under a standard or a section.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from basc_desktop.services.standards import (
    RequirementView,
    StandardView,
    list_standards,
    requirements_of,
)
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui.text import format_count

CONTEXT = "RequirementsModel"

REQUIREMENT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The :class:`RequirementView` of a requirement's line (None on other lines)."""
STANDARD_ROLE = Qt.ItemDataRole.UserRole + 2
"""The :class:`StandardView` of a standard's line (None on other lines)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
""""standard", "section" or "requirement"."""

HEADERS = (
    str(QT_TRANSLATE_NOOP("RequirementsModel", "Standard, section or requirement")),
    str(QT_TRANSLATE_NOOP("RequirementsModel", "Requirements")),
)


def _item(text: str, kind: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    return item


def _count_item(count: int | None) -> QStandardItem:
    item = QStandardItem("" if count is None else format_count(count))
    item.setEditable(False)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _part(code: str) -> str:
    """The standard a code belongs to: "6.0.1" of "6.0.1-1.3" ("" for codes without one)."""
    return code.rsplit("-", 1)[0] if "-" in code else ""


def section_groups(
    requirements: list[RequirementView],
) -> list[tuple[str, list[RequirementView]]]:
    """The requirements in runs of one section, in catalogue order, each with its label.

    The operational standards 6.0.1, 6.0.2 and 6.0.3 share their section names, so a
    name that comes back is told apart by its code's prefix ("6.0.2 · 1. Business…").
    """
    runs: list[tuple[tuple[str, str], list[RequirementView]]] = []
    for requirement in requirements:
        key = (_part(requirement.code), requirement.section)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(requirement)
        else:
            runs.append((key, [requirement]))
    names = [section for (_part_code, section), _members in runs]
    return [
        (f"{part} · {section}" if part and names.count(section) > 1 else section, members)
        for (part, section), members in runs
    ]


class RequirementsModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.language = "es"
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate(CONTEXT, header) for header in HEADERS]
        )

    def load(self, workspace: Workspace, language: str = "es") -> None:
        """Read every standard and its requirements, in ``language`` ("es" or "en")."""
        self.language = language
        standards = list_standards(workspace, language=language)
        catalogue = [
            (standard, requirements_of(workspace, standard.version, language=language))
            for standard in standards
        ]
        self.clear()
        self._set_headers()
        root = self.invisibleRootItem()
        for standard, requirements in catalogue:
            root.appendRow(self._standard_row(standard, requirements))

    def _standard_row(
        self, standard: StandardView, requirements: list[RequirementView]
    ) -> list[QStandardItem]:
        label = QCoreApplication.translate(CONTEXT, "Version {version} — {title}").format(
            version=standard.version, title=standard.title
        )
        item = _item(label, "standard")
        item.setData(standard, STANDARD_ROLE)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        for section, members in section_groups(requirements):
            section_item = _item(section, "section")
            for requirement in members:
                line = _item(f"{requirement.code}  {requirement.title}", "requirement")
                line.setData(requirement, REQUIREMENT_ROLE)
                line.setToolTip(requirement.title)
                section_item.appendRow([line, _count_item(None)])
            item.appendRow([section_item, _count_item(len(members))])
        return [item, _count_item(standard.requirement_count)]

    def sections_of(self, version: str) -> list[tuple[str, int]]:
        """(section, requirement count) of standard ``version``, in order."""
        for row in range(self.rowCount()):
            standard = self.item(row, 0)
            if standard.data(STANDARD_ROLE).version == version:
                return [
                    (standard.child(n, 0).text(), standard.child(n, 0).rowCount())
                    for n in range(standard.rowCount())
                ]
        raise KeyError(version)
