"""The Dashboard area: its table, tiles and charts show the service's figures, today and
on a past date, and every number opens exactly the records it counts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QModelIndex
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from basc_desktop.domain.search import fold
from basc_desktop.services.dashboard import dashboard_figures
from basc_desktop.services.dashboard_forms import DashboardFigures, Figure, FigureLine
from basc_desktop.services.workspace import Workspace
from basc_desktop.ui import changes, prompts
from basc_desktop.ui.areas.dashboard import DashboardArea
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.dashboard_model import COUNT_ROLE, FIGURES, DashboardModel
from basc_desktop.ui.screenshot import save_screenshot
from basc_desktop.ui.text import country_name
from basc_desktop.ui.translation import install_translations
from tests.ui.conftest import settle_operations

PAST = date(2025, 12, 31)


def open_dashboard(qtbot: QtBot, window: MainWindow) -> DashboardArea:
    area = window.show_area("dashboard")
    assert isinstance(area, DashboardArea)
    qtbot.waitUntil(lambda: area.loaded, timeout=10_000)
    settle_operations()
    return area


def shown_line(model: DashboardModel, index: QModelIndex) -> list[int]:
    return [model.index(index.row(), column, index.parent()).data(COUNT_ROLE) for column in
            range(1, len(FIGURES) + 1)]  # fmt: skip


def values(line: FigureLine) -> list[int]:
    return [line[figure] for figure in FIGURES]


def assert_shows(model: DashboardModel, figures: DashboardFigures) -> None:
    """Every country line, every chapter line and the total, number by number."""
    countries = sorted(figures.countries, key=lambda line: fold(country_name(line.country)))
    assert model.rowCount() == len(countries) + 1
    for row, line in enumerate(countries):
        index = model.index(row, 0)
        assert index.data() == country_name(line.country)
        assert shown_line(model, index) == values(line)
        chapters = figures.chapters_of(line.country)
        assert model.rowCount(index) == len(chapters)
        for child, chapter in enumerate(sorted(chapters, key=lambda c: c.chapter or "")):
            chapter_index = model.index(child, 0, index)
            assert str(chapter_index.data()).startswith(str(chapter.chapter))
            assert shown_line(model, chapter_index) == values(chapter)
    total = model.index(len(countries), 0)
    assert total.data() == "All countries"
    assert shown_line(model, total) == values(figures.total)


def test_the_table_and_tiles_show_the_service_figures(
    qtbot: QtBot, window: MainWindow, demo_workspace: Workspace
) -> None:
    area = open_dashboard(qtbot, window)
    figures = dashboard_figures(demo_workspace)
    assert_shows(area.model, figures)
    for figure, tile in area.tiles.items():
        assert tile.value == figures.total[figure]
    assert figures.total[Figure.MEMBERS] > 0
    assert "Status today" in area.note.text()
    assert window.area_status.text() == area.status_text()
    # The status chart stacks certified (over 90 days left) and expiring to the certified.
    colombia = area.status_chart.countries.index("CO")
    certified = sum(
        area.status_chart.bar_sets[key].at(colombia) for key in ("certified_only", "expiring_90")
    )
    assert certified == figures.country("CO")[Figure.CERTIFIED]
    assert [area.expiry_chart.bar_set.at(n) for n in range(12)] == [
        month.count for month in figures.expiries
    ]


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = DashboardModel()
    qtmodeltester.check(model)
    figures = dashboard_figures(demo_workspace)
    model.set_figures(figures, {chapter.code: chapter.name for chapter in demo_workspace.chapters})
    qtmodeltester.check(model)
    assert_shows(model, figures)
    assert model.index_of(Figure.MEMBERS).data(COUNT_ROLE) == figures.total[Figure.MEMBERS]
    chapter = figures.chapters[0]
    found = model.index_of(Figure.EXPIRED, chapter.country, chapter.chapter)
    assert found.data(COUNT_ROLE) == chapter[Figure.EXPIRED]


def test_a_past_date_recomputes_from_the_history(
    qtbot: QtBot, window: MainWindow, demo_workspace: Workspace
) -> None:
    area = open_dashboard(qtbot, window)
    assert area.date.maximumDate() == QDate(2026, 6, 15)
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        area.date.setDate(QDate(PAST.year, PAST.month, PAST.day))
    assert area.figures is not None
    assert area.figures.on == PAST
    assert area.note.text() == "Status on 31/12/2025 (from the history)"
    assert_shows(area.model, dashboard_figures(demo_workspace, PAST))
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        area.today_button.click()
    assert area.figures.on == date(2026, 6, 15)
    assert "Status today" in area.note.text()


def test_changes_and_the_minute_timer_count_again(qtbot: QtBot, window: MainWindow) -> None:
    area = open_dashboard(qtbot, window)
    assert area.timer.isActive()
    assert area.timer.interval() == 60_000
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        area.timer.timeout.emit()
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        window.context.changes.announce(changes.CERTIFICATES)
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        area.refresh()
    # Past midnight, a dashboard that showed today shows the new day.
    window.context.workspace.clock = lambda: date(2026, 6, 16)
    with qtbot.waitSignal(area.figures_shown, timeout=10_000):
        area.timer.timeout.emit()
    assert area.figures is not None
    assert area.figures.on == date(2026, 6, 16)
    assert area.date.text() == "16/06/2026"
    window.show_area("members")
    assert not area.timer.isActive()


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_the_export_buttons_write_files_that_reopen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, kind: str
) -> None:
    area = open_dashboard(qtbot, window)
    target = tmp_path / "board"  # the dialog's answer without its suffix
    with prompts.answering(str(target)) as asked:
        (area.pdf_button if kind == "pdf" else area.excel_button).click()
        operation = area.export_operation
        assert operation is not None
        with qtbot.waitSignal(operation.finished, timeout=20_000):
            pass
    assert [prompt.kind for prompt in asked] == [prompts.PromptKind.SAVE_FILE]
    assert asked[0].text.endswith(f"dashboard-2026-06-15.{kind}")
    written = tmp_path / f"board.{kind}"
    assert window.area_status.text() == f"Saved board.{kind}"
    if kind == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(written).pages)
        assert "15/06/2026" in text
    else:
        book = openpyxl.load_workbook(written)
        numbers = [cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row]
        assert area.tiles[Figure.MEMBERS].value in numbers


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Callable[[str], list[str]]]:
    """Install a language's translations; English again after the test."""
    yield install_translations
    install_translations("en")


@pytest.mark.parametrize(("language", "colombia"), [("es", "Colombia"), ("fr", "Colombie")])
def test_dashboard_screenshots_in_spanish_and_french(
    qtbot: QtBot,
    context: AppContext,
    speak: Callable[[str], list[str]],
    artifacts_dir: Path,
    language: str,
    colombia: str,
) -> None:
    speak(language)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    area = open_dashboard(qtbot, window)
    assert window.size().width() == 1280
    names = [area.model.index(row, 0).data() for row in range(area.model.rowCount())]
    assert colombia in names
    assert names == [*sorted(names[:-1], key=fold), names[-1]]
    assert area.date.text() == "15/06/2026"
    path = save_screenshot(window, artifacts_dir / f"dashboard-{language}.png")
    assert path.stat().st_size > 10_000
    settle_operations()
