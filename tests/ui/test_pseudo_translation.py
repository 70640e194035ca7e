"""A pseudo-translation run: every string of ours about 40% longer and accented, to catch
labels and buttons that would be clipped in Spanish or French before a translator sees
them.  Each area is rendered to PNG, and the dashboard, members and certificates areas
must show every label and button whole at 1280×800.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from basc_desktop.ui.areas.certificates import CertificatesArea
from basc_desktop.ui.areas.members import MembersArea
from basc_desktop.ui.areas.registry import AREA_KEYS
from basc_desktop.ui.context import AppContext
from basc_desktop.ui.main_window import MainWindow
from basc_desktop.ui.screenshot import save_screenshot, settle
from basc_desktop.ui.translation import install_translations

GROWTH = 0.4
ACCENTED = str.maketrans(
    "abceinorsuyzAEIOUCNSYZ",
    "àƀçëïñöŕšüÿžÀËÏÖÜÇÑŠŸŽ",
)
KEPT = re.compile(r"(\{[^{}]*\}|&&|&.|<[^>]*>|%\w|\n)")
"""What a translation keeps as it is: {placeholders}, & and its letter, tags, line breaks."""

CHECKED_AREAS = ("dashboard", "members", "certificates")


def pseudo(text: str) -> str:
    """``text`` accented and about 40% longer: "[Ŀööķ ŭp ~~~~]"; placeholders intact."""
    if not text.strip():
        return text
    parts = KEPT.split(text)
    body = "".join(part if KEPT.fullmatch(part) else part.translate(ACCENTED) for part in parts)
    padding = "~" * max(1, math.ceil(len(text) * GROWTH) - 3)
    return f"[{body} {padding}]"


class PseudoTranslator(QTranslator):
    """Answers every string of ours (not Qt's own, whose contexts start with "Q")."""

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        if (context or "").startswith("Q"):
            return source  # an empty answer would not fall back to the source
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_language(qapp: QApplication) -> Iterator[PseudoTranslator]:
    install_translations("en")
    translator = PseudoTranslator(qapp)
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)
    install_translations("en")


def test_pseudo_text_keeps_placeholders_and_accelerators() -> None:
    text = pseudo("{count} of {total} &members")
    assert text.startswith("[{count} öf {total} &mëmƀëŕš ~")
    assert len(text) >= len("{count} of {total} &members") * 1.35
    assert pseudo("Line\n<b>bold</b> %1") == "[Lïñë\n<b>ƀöld</b> %1 ~~~~~]"


def test_the_check_finds_a_clipped_label_and_button(qtbot: QtBot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QHBoxLayout(panel)
    label = QLabel("A label far too long for its room")
    label.setFixedWidth(40)
    button = QPushButton("A button far too long")
    button.setFixedWidth(40)
    wrapped = QLabel("Wrapped words fit in as many lines as they need " * 4)
    wrapped.setWordWrap(True)
    for widget in (label, button, wrapped):
        layout.addWidget(widget)
    panel.resize(600, 300)
    panel.show()
    qtbot.waitExposed(panel)
    assert [line.split(":")[0] for line in clipped(panel)] == [
        "QLabel 'A label far too long for its room'",
        "QPushButton 'A button far too long'",
    ]


def clipped(area: QWidget) -> list[str]:
    """The visible labels and buttons of ``area`` whose text does not fit them."""
    found = []
    for widget in area.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        if not widget.isVisible() or not widget.text().strip():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            too_small = widget.heightForWidth(widget.width()) > widget.height() + 1
        else:
            too_small = widget.sizeHint().width() > widget.width() + 1
        if too_small:
            found.append(
                f"{type(widget).__name__} {widget.text()!r}: needs {widget.sizeHint().width()}"
                f"×{widget.sizeHint().height()}, has {widget.width()}×{widget.height()}"
            )
    return found


def test_every_area_in_pseudo_translation(
    qtbot: QtBot,
    context: AppContext,
    pseudo_language: PseudoTranslator,
    artifacts_dir: object,
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.sidebar.item(AREA_KEYS.index("members")).text() == pseudo("Members")
    problems: dict[str, list[str]] = {}
    for key in AREA_KEYS:
        area = window.show_area(key)
        settle()
        if isinstance(area, MembersArea | CertificatesArea) and area.model.rowCount():
            area.table.selectRow(0)  # the detail panel shows too
            settle()
        save_screenshot(window, artifacts_dir / f"pseudo-{key}.png")  # type: ignore[operator]
        if key in CHECKED_AREAS:
            problems[key] = clipped(area)
    assert (window.width(), window.height()) == (1280, 800)
    assert problems == {key: [] for key in CHECKED_AREAS}
