"""The translations: complete in Spanish and French, in step with the code, and shown.

Fails when a new string lacks a finished translation, a ``{placeholder}`` or ``&``
accelerator is lost, or a ``.qm`` file was not rebuilt: run
``python -m basc_desktop.i18n update``, translate, and commit the ``.ts`` and ``.qm``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from basc_desktop import i18n
from basc_desktop.services.demo import build_demo
from basc_desktop.services.workspace import Workspace
from basc_desktop.settings import Settings
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.areas.registry import AREA_KEYS
from basc_desktop.ui.changes import ChangeHub
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.models.members_model import COLUMN_INDEX
from basc_desktop.ui.screenshot import save_screenshot
from basc_desktop.ui.translation import install_translations
from tests.ui.conftest import DEMO_COMPANIES, settle_operations


def test_every_string_has_a_finished_translation() -> None:
    problems = i18n.find_problems()
    if problems:
        pytest.fail(
            f"{len(problems)} translation problem(s); run `python -m basc_desktop.i18n update`,"
            " translate in resources/translations/*.ts, run update again:\n  "
            + "\n  ".join(problems),
            pytrace=False,
        )


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_the_shipped_qm_serves_every_translation_of_the_ts(
    qapp: QApplication, language: str
) -> None:
    """A .qm compiled from an older .ts would show English (or stale text) on screen."""
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path(language)))
    expected = i18n.finished_translations(language)
    stale = {
        key: translation
        for key, translation in expected.items()
        if translator.translate(key[0], key[1]) != translation
    }
    assert len(expected) > 250
    assert stale == {}, "run `python -m basc_desktop.i18n update` to recompile the .qm"


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES))
def test_translations_keep_the_placeholders_and_accelerators(language: str) -> None:
    messages = i18n.read_messages(i18n.ts_path(language))
    assert len(messages) > 250
    wrong = []
    for (context, source), message in sorted(messages.items()):
        text = message.findtext("translation") or ""
        if i18n.placeholders(text) != i18n.placeholders(source):
            wrong.append(f"[{context}] {source!r} -> {text!r}")
        if i18n.accelerators(text) != i18n.accelerators(source):
            wrong.append(f"[{context}] {source!r} -> {text!r} (&)")
    assert wrong == []


def test_placeholders_and_accelerators_are_read_like_python_and_qt() -> None:
    assert i18n.placeholders("uses {{{name}}}; only {allowed}") == {"name", "allowed"}
    assert i18n.placeholders("{{not one}}") == set()
    assert i18n.accelerators("Ay&uda") == 1
    assert i18n.accelerators("À &propos") == 1
    assert i18n.accelerators("Terms && conditions") == 0
    assert i18n.accelerators("a&nbsp;b") == 0


def test_the_scan_finds_what_lupdate_misses_and_what_it_cannot_see(tmp_path: Path) -> None:
    screen = tmp_path / "screen.py"
    screen.write_text(
        "CONTEXT = 'Areas'\n"
        "class Panel:\n"
        "    def show(self, n):\n"
        "        a = self.tr('Joined ' 'text')\n"
        "        b = f\"<h4>{self.tr('Inside an f-string')}</h4>\"\n"
        "        c = QCoreApplication.translate(CONTEXT, 'By constant')\n"
        "        d = self.tr(f'{n} computed')\n"
        "        e = QCoreApplication.translate(CONTEXT, self.title)\n",
        encoding="utf-8",
    )
    domain = tmp_path / "rules.py"
    domain.write_text(
        "from basc_desktop.domain.text import translatable as _\n"
        "from .text import translatable\n"
        "A = _('The {label} ' 'is empty.')\n"
        "B = translatable('Relative import')\n"
        "C = _(A)\n"
        "D = query.where(Company.id.in_(ids))\n",
        encoding="utf-8",
    )
    sources = i18n.Sources()
    i18n.scan_file(screen, sources, ui=True, module="basc_desktop.ui.screen")
    i18n.scan_file(domain, sources, ui=False, module="basc_desktop.domain.rules")
    assert sorted(sources.messages) == [
        ("Areas", "By constant"),
        ("Panel", "Inside an f-string"),
        ("Panel", "Joined text"),
        ("basc", "Relative import"),
        ("basc", "The {label} is empty."),
    ]
    assert sources.problems == [
        f"{screen}:7: computed text cannot be translated",
        f"{domain}:5: translatable() needs a plain string",
    ]


# --- the main window in Spanish and French ------------------------------------------


@pytest.fixture
def demo_context(sqlite_workspace: Workspace, settings: Settings) -> AppContext:
    build_demo(sqlite_workspace, companies=DEMO_COMPANIES, seed=3)
    return AppContext(sqlite_workspace, settings, ChangeHub())


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Callable[[str], list[str]]]:
    """Install a language's translations; English again after the test."""
    yield install_translations
    install_translations("en")


def open_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def show_members(qtbot: QtBot, window: MainWindow) -> MembersArea:
    area = window.show_area("members")
    assert isinstance(area, MembersArea)
    qtbot.waitUntil(lambda: area.model.rowCount() > 0)
    settle_operations()
    return area


@pytest.mark.parametrize(
    ("language", "members", "count", "legal_name", "file_menu"),
    [
        ("es", "Miembros", r"\d+ de \d+ miembros", "Razón social", "&Archivo"),
        ("fr", "Membres", r"\d+ sur \d+ membres", "Raison sociale", "&Fichier"),
    ],
)
def test_main_window_speaks_the_language(
    qtbot: QtBot,
    demo_context: AppContext,
    speak: Callable[[str], list[str]],
    language: str,
    members: str,
    count: str,
    legal_name: str,
    file_menu: str,
) -> None:
    loaded = speak(language)
    assert any(Path(path).name == f"basc_{language}.qm" for path in loaded)
    window = open_window(qtbot, demo_context)
    assert window.sidebar.item(AREA_KEYS.index("members")).text() == members
    assert window.menuBar().actions()[0].text() == file_menu
    area = show_members(qtbot, window)
    assert re.fullmatch(count, area.count_label.text())
    assert window.area_status.text() == area.count_label.text()
    header = area.model.headerData(
        COLUMN_INDEX["legal_name"], Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    )
    assert header == legal_name


def test_spanish_members_screenshot(
    qtbot: QtBot,
    demo_context: AppContext,
    speak: Callable[[str], list[str]],
    artifacts_dir: Path,
) -> None:
    speak("es")
    window = open_window(qtbot, demo_context)
    area = show_members(qtbot, window)
    area.table.selectRow(0)
    settle_operations()
    assert "Datos de contacto" in area.detail.toPlainText()
    path = save_screenshot(window, artifacts_dir / "main-window-members-es.png")
    assert path.stat().st_size > 10_000
