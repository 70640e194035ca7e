"""Errors split in two: what the coordinator can fix is a plain message; a bug is a crash."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from basc_desktop.domain.errors import BascError
from basc_desktop.ui import prompts
from basc_desktop.ui.crash import report_crash
from basc_desktop.ui.text import error_text


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    """Show ``error``: a :class:`BascError` as its message, anything else as a crash."""
    if isinstance(error, BascError):
        prompts.warn(
            parent, title or QCoreApplication.translate("Errors", "BASC Desktop"), error_text(error)
        )
    else:
        report_crash(error, parent)
