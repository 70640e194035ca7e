"""Modal questions and messages, in one place that tests can answer.

Screens never build a ``QMessageBox`` or call a static ``QFileDialog`` themselves: they
call :func:`inform`, :func:`warn`, :func:`fail`, :func:`ask` or :func:`choose_file`.
In a test, :func:`answering` replaces the dialogs with an answer and records each
prompt, so the test can check what the coordinator would have read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class PromptKind(Enum):
    INFORMATION = "information"
    WARNING = "warning"
    CRITICAL = "critical"
    QUESTION = "question"
    OPEN_FILE = "open_file"
    SAVE_FILE = "save_file"


@dataclass(frozen=True)
class Prompt:
    """What a dialog would show: its kind, title, text and the hidden details."""

    kind: PromptKind
    title: str
    text: str
    details: str = ""


Answer = bool | str | None
Answerer = Callable[[Prompt], Answer]

_answerer: Answerer | None = None


@contextmanager
def answering(answer: Answer | Answerer = True) -> Iterator[list[Prompt]]:
    """Answer every prompt with ``answer`` (or what ``answer(prompt)`` returns) meanwhile.

    Yields the list of prompts asked, in order.
    """
    global _answerer
    asked: list[Prompt] = []

    def record(prompt: Prompt) -> Answer:
        asked.append(prompt)
        return answer(prompt) if callable(answer) else answer

    previous, _answerer = _answerer, record
    try:
        yield asked
    finally:
        _answerer = previous


def _box(
    parent: QWidget | None,
    prompt: Prompt,
    icon: QMessageBox.Icon,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    box = QMessageBox(icon, prompt.title, prompt.text, buttons, parent)
    if prompt.details:
        box.setDetailedText(prompt.details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return QMessageBox.StandardButton(box.exec())


_ICONS = {
    PromptKind.INFORMATION: QMessageBox.Icon.Information,
    PromptKind.WARNING: QMessageBox.Icon.Warning,
    PromptKind.CRITICAL: QMessageBox.Icon.Critical,
}


def _tell(parent: QWidget | None, prompt: Prompt) -> None:
    if _answerer is not None:
        _answerer(prompt)
        return
    _box(parent, prompt, _ICONS[prompt.kind], QMessageBox.StandardButton.Ok)


def inform(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _tell(parent, Prompt(PromptKind.INFORMATION, title, text, details))


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Something the coordinator can fix: a bad value, a locked file, a refused change."""
    _tell(parent, Prompt(PromptKind.WARNING, title, text, details))


def fail(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Something stopped the work: the program cannot go on as asked."""
    _tell(parent, Prompt(PromptKind.CRITICAL, title, text, details))


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    prompt = Prompt(PromptKind.QUESTION, title, text)
    if _answerer is not None:
        return bool(_answerer(prompt))
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return _box(parent, prompt, QMessageBox.Icon.Question, buttons) == (
        QMessageBox.StandardButton.Yes
    )


def choose_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str | None:
    """A file to open, or None if the coordinator cancelled."""
    prompt = Prompt(PromptKind.OPEN_FILE, title, folder, filters)
    if _answerer is not None:
        chosen = _answerer(prompt)
        return chosen if isinstance(chosen, str) and chosen else None
    path, _selected = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path or None


def choose_save_file(parent: QWidget | None, title: str, path: str, filters: str) -> str | None:
    """A file to write (``path`` is the suggested one), or None if the coordinator cancelled."""
    prompt = Prompt(PromptKind.SAVE_FILE, title, path, filters)
    if _answerer is not None:
        chosen = _answerer(prompt)
        return chosen if isinstance(chosen, str) and chosen else None
    chosen_path, _selected = QFileDialog.getSaveFileName(parent, title, path, filters)
    return chosen_path or None
