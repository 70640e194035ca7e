"""The one way to run work off the GUI thread.

A task is a plain function that takes a :class:`Reporter` (to report progress and to
see whether Cancel was pressed) and returns a result.  It runs in a thread pool; its
outcome comes back on the GUI thread as a signal: ``succeeded(result)``,
``failed(error)`` or ``cancelled()``, then always ``finished()``.  A failure nobody
listens to is shown: a :class:`BascError` as its message, a bug as a crash.

    Operation(lambda r: create_demo_database(..., progress=r.progress,
                                             cancelled=r.cancelled),
              parent=window, label=tr("Building the demo database…"))
        .on_success(self.open_demo).start()

Services open their own session per call, so a task needs nothing else.  Screens use
only this helper; nobody calls ``processEvents()`` in a loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from basc_desktop.ui.errors import show_error
from basc_desktop.ui.progress import ProgressDialog

log = logging.getLogger(__name__)

MAX_THREADS = 4
_running: set[Operation] = set()


@cache
def _pool() -> QThreadPool:
    """The threads of the operations (made on first use, after the QApplication)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(MAX_THREADS)
    return pool


class OperationCancelledError(Exception):
    """Raised by :meth:`Reporter.check` when Cancel was pressed."""


class Reporter:
    """What a task gets: report progress, and learn whether to stop."""

    def __init__(self, relay: _Relay, stop: threading.Event) -> None:
        self._relay = relay
        self._stop = stop
        self._last: tuple[int, int] | None = None

    def progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps; sent on only when the percentage moves."""
        step = (done * 100 // total) if total > 0 else done
        if self._last == (step, total):
            return
        self._last = (step, total)
        self._relay.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Stop the task here if Cancel was pressed."""
        if self._stop.is_set():
            raise OperationCancelledError


Task = Callable[[Reporter], Any]


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits through it, so delivery is queued."""

    progressed = Signal(int, int)
    returned = Signal(object)
    raised = Signal(object)


class _Worker(QRunnable):
    def __init__(self, task: Task, reporter: Reporter, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._task = task
        self._reporter = reporter
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._task(self._reporter)
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._relay.raised.emit(error)
        else:
            self._relay.returned.emit(result)


class Operation(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        task: Task,
        *,
        parent: QWidget | None = None,
        title: str = "",
        label: str | None = None,
        cancellable: bool = True,
        show_after_ms: int | None = None,
    ) -> None:
        """``label`` given: a progress dialog with it (and Cancel if ``cancellable``)."""
        super().__init__()
        self._parent = parent
        self._stop = threading.Event()
        self._relay = _Relay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.returned.connect(self._on_returned)
        self._relay.raised.connect(self._on_raised)
        self._worker = _Worker(task, Reporter(self._relay, self._stop), self._relay)
        self._failure_handled = False
        self._running = False
        self.dialog: ProgressDialog | None = None
        if label is not None:
            kwargs = {} if show_after_ms is None else {"show_after_ms": show_after_ms}
            self.dialog = ProgressDialog(
                parent, title or label, label, cancellable=cancellable, **kwargs
            )
            self.dialog.cancel_requested.connect(self.cancel)
            self.progressed.connect(self.dialog.set_progress)

    def on_success(self, callback: Callable[[Any], object]) -> Operation:
        self.succeeded.connect(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], object]) -> Operation:
        """Handle failures yourself; without one, they are shown to the coordinator."""
        self.failed.connect(callback)
        self._failure_handled = True
        return self

    def on_cancel(self, callback: Callable[[], object]) -> Operation:
        self.cancelled.connect(callback)
        return self

    def start(self) -> Operation:
        self._running = True
        _running.add(self)
        _pool().start(self._worker)
        return self

    @Slot()
    def cancel(self) -> None:
        """Ask the task to stop; it ends when it next checks the reporter."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def running(self) -> bool:
        return self._running

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._running:
            self.progressed.emit(done, total)

    def _orphaned(self) -> bool:
        """The widget that started the work is gone: nobody is left to tell."""
        return self._parent is not None and not shiboken6.isValid(self._parent)

    @Slot(object)
    def _on_returned(self, result: object) -> None:
        self._end()
        if self._orphaned():
            log.info("dropped the result of an operation whose window was closed")
        elif self._stop.is_set():
            self.cancelled.emit()
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_raised(self, error: BaseException) -> None:
        self._end()
        if self._stop.is_set() or isinstance(error, OperationCancelledError):
            self.cancelled.emit()
        elif self._orphaned():
            log.error("an operation whose window was closed failed", exc_info=error)
        else:
            self.failed.emit(error)
            if not self._failure_handled:
                show_error(self._parent, error)
        self.finished.emit()

    def _end(self) -> None:
        self._running = False
        _running.discard(self)
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.finish()
        self.dialog = None


def run_in_background(task: Task, **options: Any) -> Operation:
    """Start ``task`` now; see :class:`Operation` for ``options``."""
    return Operation(task, **options).start()


def wait_for_operations(timeout_ms: int = -1) -> bool:
    """Block until every running task has returned (results are delivered later).

    For shutting down and for tests; True if all finished in time.
    """
    return bool(_pool().waitForDone(timeout_ms))


def running_operations() -> int:
    return len(_running)


def cancel_operations() -> None:
    """Ask every running task to stop (the program is closing)."""
    for operation in list(_running):
        operation.cancel()
