"""The Standards browser: the catalogue's standards, sections and requirements as a tree."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from basc_desktop.services.workspace import Workspace
from basc_desktop.standards import default_standards_dir, load_catalogues
from basc_desktop.ui.areas.standards import StandardsArea
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.requirements_model import (
    KIND_ROLE,
    REQUIREMENT_ROLE,
    STANDARD_ROLE,
    RequirementsModel,
)
from basc_desktop.ui.screenshot import save_screenshot
from tests.ui.conftest import settle_operations


def expected_sections(language: str) -> dict[str, list[tuple[str, int]]]:
    """(section, requirement count) of every catalogue file: its runs of one section.

    The operational standards repeat their section names; such a section is named
    with its standard's code ("6.0.2 · 1. Business partners…").
    """
    found: dict[str, list[tuple[str, int]]] = {}
    for catalogue in load_catalogues(default_standards_dir()):
        runs: list[list[object]] = []
        for requirement in catalogue.requirements:
            section = requirement.section_en if language == "en" else requirement.section_es
            part = requirement.code.rsplit("-", 1)[0]
            if runs and runs[-1][:2] == [part, section]:
                runs[-1][2] += 1  # type: ignore[operator]
            else:
                runs.append([part, section, 1])
        names = [run[1] for run in runs]
        found[catalogue.version] = [
            (f"{part} · {section}" if names.count(section) > 1 else str(section), int(count))
            for part, section, count in runs  # type: ignore[misc]
        ]
    return found


def test_requirements_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = RequirementsModel()
    qtmodeltester.check(model)
    model.load(demo_workspace, "es")
    qtmodeltester.check(model)
    assert [model.item(row, 0).data(STANDARD_ROLE).version for row in range(model.rowCount())] == [
        "6",
        "5",
    ]


def test_the_browser_shows_each_standards_sections_and_counts(
    window: MainWindow, artifacts_dir: Path
) -> None:
    area = window.show_area("standards")
    assert isinstance(area, StandardsArea)
    settle_operations()
    model = area.model
    assert model.language == "en"  # the UI language picks the catalogue's English
    expected = expected_sections("en")
    for version, sections in expected.items():
        assert model.sections_of(version) == sections
        row = next(
            n
            for n in range(model.rowCount())
            if model.item(n, 0).data(STANDARD_ROLE).version == version
        )
        total = sum(count for _section, count in sections)
        assert model.index(row, 1).data() == str(total)
    v6 = model.index(0, 0)
    assert v6.data(STANDARD_ROLE).version == "6"
    assert area.tree.isExpanded(v6)

    # The first requirement of the first section: its text and the business types it covers.
    first_section = model.index(0, 0, v6)
    requirement = model.index(0, 0, first_section)
    assert requirement.data(KIND_ROLE) == "requirement"
    area.tree.selectionModel().setCurrentIndex(
        requirement, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    view = requirement.data(REQUIREMENT_ROLE)
    shown = area.requirement_text()
    assert view.code in shown
    assert view.text in shown
    assert view.business_types == ()  # the Norma applies to every company
    assert "Every business type" in shown

    # An operational standard's requirement names the business types it applies to.
    operational = next(
        model.index(n, 0, v6)
        for n in range(model.rowCount(v6))
        if model.index(0, 0, model.index(n, 0, v6)).data(REQUIREMENT_ROLE).business_types
    )
    line = model.index(0, 0, operational)
    area.tree.setCurrentIndex(line)
    kinds = line.data(REQUIREMENT_ROLE).business_types
    assert kinds
    assert "Every business type" not in area.requirement_text()
    for kind in kinds:
        assert kind.label in area.requirement_text()
    area.tree.scrollTo(requirement)
    area.tree.setCurrentIndex(requirement)
    save_screenshot(window, artifacts_dir / "standards-browser.png")

    area.language.setCurrentIndex(area.language.findData("es"))
    assert model.language == "es"
    assert model.sections_of("6") == expected_sections("es")["6"]
    assert area.status_text() == "2 standards"
