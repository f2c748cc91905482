"""Run long work off the GUI thread, with progress, cancel and results delivered by signal.

How to use it (the review bench, reports and admin views do the same)::

    from app.ui.workers import TaskContext, run_task

    def work(ctx: TaskContext, path: str) -> str:          # runs in a pool thread
        for i, chunk in enumerate(chunks):
            ctx.check_cancelled()                           # raises TaskCancelled when asked
            ...
            ctx.report(i + 1, len(chunks), "hashing")       # done, total, optional text
        return digest                                       # -> handle.succeeded(result)

    handle = run_task(work, path, parent=self)              # starts at once on the pool
    handle.progressed.connect(self._on_progress)            # (done: int, total: int, text: str)
    handle.succeeded.connect(self._on_hashed)               # (result: object)
    handle.failed.connect(self._on_failed)                  # (exc: BaseException, tb: str)
    handle.cancelled.connect(...)                           # ()
    handle.finished.connect(...)                            # () after any of the three above
    handle.cancel()                                         # cooperative: sets the flag

Core (Qt-free) functions should take plain callables, not the context:
``progress: Callable[[int, int], None] | None`` and ``is_cancelled: Callable[[], bool] | None``;
pass ``ctx.report`` and ``ctx.is_cancelled``. A core function that stops because it was
cancelled may raise anything after ``is_cancelled()`` turned true — it is reported as cancelled.

All handle signals are emitted in the GUI thread (the handle lives there; the worker's signals
cross threads by queued connection), so slots may touch widgets. ``run_with_progress_dialog``
wraps a task in a modal ``QProgressDialog`` whose Cancel button cancels it. Progress signals
are throttled (at most one every 50 ms, plus the last) so a fast loop cannot flood the GUI.
Tests call ``handle.wait()`` (processes events until done) or use ``qtbot.waitSignal``.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

__all__ = ["TaskCancelled", "TaskContext", "TaskHandle", "run_task", "run_with_progress_dialog"]


class TaskCancelled(Exception):
    """Raised by :meth:`TaskContext.check_cancelled` once cancel was requested."""


class TaskContext:
    """Handed to the task function: report progress, look at (or obey) the cancel flag."""

    _MIN_INTERVAL_S = 0.05

    def __init__(self, emit_progress: Callable[[int, int, str], None]):
        self._emit = emit_progress
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """Progress: ``done`` of ``total`` units (total 0 = unknown), with an optional text."""
        now = time.monotonic()
        if done >= total > 0 or now - self._last_emit >= self._MIN_INTERVAL_S:
            self._last_emit = now
            self._emit(int(done), int(total), str(text))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def request_cancel(self) -> None:
        self._cancel.set()


class _WorkerSignals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict):
        super().__init__()
        self.setAutoDelete(True)
        # owned by the application (GUI thread): when the pool thread deletes this runnable, its
        # reference is not the last one that would delete a Qt object outside its own thread
        # (as happened when the handle's window closed first); ``run_task`` deletes it in the
        # GUI thread once the task's outcome has been delivered
        self.signals = _WorkerSignals(QCoreApplication.instance())
        self.context = TaskContext(self.signals.progressed.emit)
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def run(self) -> None:  # pool thread
        try:
            result = self._fn(self.context, *self._args, **self._kwargs)
        except TaskCancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the GUI thread
            if self.context.is_cancelled():
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc, traceback.format_exc())
        else:
            if self.context.is_cancelled():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)


class TaskHandle(QObject):
    """GUI-thread side of one running task. Keep a reference or give it a ``parent``."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, worker: _Worker, parent: QObject | None = None):
        super().__init__(parent)
        self._worker_signals = worker.signals  # keep the signals object alive
        self._context = worker.context
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        s = worker.signals
        s.progressed.connect(self.progressed)
        s.succeeded.connect(self._on_succeeded)
        s.failed.connect(self._on_failed)
        s.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        """Ask the task to stop (cooperative); ``cancelled`` follows when it does."""
        self._context.request_cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Process events until the task is done (for tests and shutdown). True if done."""
        deadline = QDeadlineTimer(timeout_ms)
        while not self.done and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not self.done:
                time.sleep(0.005)
        return self.done

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self.result = result
        self._finish(self.succeeded, result)

    @Slot(object, str)
    def _on_failed(self, exc: BaseException, tb: str) -> None:
        self.error = exc
        self._finish(self.failed, exc, tb)

    @Slot()
    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self._finish(self.cancelled)

    def _finish(self, signal: SignalInstance, *args: object) -> None:
        self.done = True
        signal.emit(*args)
        self.finished.emit()


def run_task(fn: Callable[..., Any], *args: Any, parent: QObject | None = None,
             pool: QThreadPool | None = None, **kwargs: Any) -> TaskHandle:
    """Start ``fn(ctx, *args, **kwargs)`` on ``pool`` (default: the global pool)."""
    worker = _Worker(fn, args, kwargs)
    handle = TaskHandle(worker, parent)
    signals = worker.signals
    for outcome in (signals.succeeded, signals.failed, signals.cancelled):  # after the handle's
        outcome.connect(signals.deleteLater)
    (pool or QThreadPool.globalInstance()).start(worker)
    return handle


def run_with_progress_dialog(fn: Callable[..., Any], *args: Any, parent: QWidget | None,
                             title: str, label: str, min_duration_ms: int = 400,
                             cancellable: bool = True, **kwargs: Any) -> TaskHandle:
    """Run a task behind a modal progress dialog (shown only if it takes a while)."""
    handle = run_task(fn, *args, parent=parent, **kwargs)
    # None = no cancel button (a null QString in C++); the stubs only allow str
    dialog = QProgressDialog(label, None, 0, 0, parent)  # type: ignore[call-overload]
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("Workers", "Cancel"))
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(min_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(360)

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    handle.progressed.connect(on_progress)
    dialog.canceled.connect(handle.cancel)
    handle.finished.connect(dialog.reset)
    handle.finished.connect(dialog.deleteLater)
    dialog.setValue(0)
    QTimer.singleShot(0, lambda: None)  # let the dialog's show timer start
    return handle
