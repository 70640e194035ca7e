"""Bugs: the traceback goes to the log file, and a dialog names that file.

:func:`install_crash_handler` makes this the ``sys.excepthook``.  An error the
coordinator can fix (a :class:`BascError`) that reaches the hook is shown as a plain
message instead: it is not a bug.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from basc_desktop.domain.errors import BascError
from basc_desktop.ui import prompts
from basc_desktop.ui.text import error_text

log = logging.getLogger("basc_desktop.crash")

_log_file: Path | None = None
_reporting = False


def install_crash_handler(log_file: Path) -> None:
    """Route uncaught exceptions to :func:`excepthook`; ``log_file`` is named in the dialog."""
    global _log_file
    _log_file = log_file
    sys.excepthook = excepthook


def crash_log_file() -> Path | None:
    return _log_file


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QCoreApplication.exit(130)
        return
    if error.__traceback__ is None and tb is not None:
        error = error.with_traceback(tb)
    if isinstance(error, BascError):
        prompts.warn(
            _active_window(), QCoreApplication.translate("Crash", "BASC Desktop"), error_text(error)
        )
        return
    report_crash(error)


def report_crash(error: BaseException, parent: QWidget | None = None) -> None:
    """Log ``error`` with its traceback, then tell the coordinator where the log is."""
    global _reporting
    details = "".join(traceback.format_exception(error))
    log.error("Unexpected error:\n%s", details.rstrip())
    for handler in logging.getLogger().handlers:
        handler.flush()
    if _reporting:  # a second failure while the dialog is open: the log has it
        return
    where = (
        str(_log_file)
        if _log_file is not None
        else QCoreApplication.translate("Crash", "(no log file is set up)")
    )
    text = QCoreApplication.translate(
        "Crash",
        "BASC Desktop met a problem it did not expect, and the last action may not have "
        "been completed.\n\nThe details were written to the log file:\n{log_file}\n\n"
        "Please send that file to your support contact. You can keep working, but if "
        "something looks wrong, save your work and restart the program.",
    ).format(log_file=where)
    _reporting = True
    try:
        prompts.fail(
            parent or _active_window(),
            QCoreApplication.translate("Crash", "Unexpected problem"),
            text,
            details,
        )
    finally:
        _reporting = False


def _active_window() -> QWidget | None:
    app = QApplication.instance()
    return QApplication.activeWindow() if isinstance(app, QApplication) else None
