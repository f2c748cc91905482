"""``casedesk --demo`` in seconds: the case file before the window, the footage behind it.

The demo's quick steps (cases, users, call-outs: a few seconds) run behind the start-up progress
dialog; the slow media steps (``app.demo.BACKGROUND_STEPS``: rendering and importing the CCTV
clips) run after the main window is up, on a pool of their own (so screenshots and tests waiting
for the global pool to go idle do not wait for them), with their progress in the status bar.
Closing the window cancels them between two clips; the next ``--demo`` start finishes the job
(every demo step is idempotent).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import DemoReport, seed_demo, split_steps
from app.ui.workers import TaskContext, TaskHandle, run_task

log = logging.getLogger(__name__)


def seed_steps(ctx: TaskContext, paths: AppPaths, sessions: sessionmaker[Session],
               steps: list[str]) -> DemoReport:
    """Run ``steps`` in a pool thread; progress in weighted units, cancellable between units."""
    def progress(done: int, total: int, _step: str) -> None:
        ctx.check_cancelled()
        ctx.report(done, total)  # step names are module names: keep the caller's own label

    return seed_demo(paths, sessions, progress=progress, steps=steps)


def seed_foreground(ctx: TaskContext, paths: AppPaths, sessions) -> DemoReport:
    """The steps a usable window needs (the case file), before it is shown."""
    return seed_steps(ctx, paths, sessions, split_steps()[0])


class DemoFootage(QObject):
    """The demo's background steps behind the main window, progress in its status bar."""

    finished = Signal(bool)  # True when every step ran to the end

    def __init__(self, window: QMainWindow, paths: AppPaths, sessions: sessionmaker[Session]):
        super().__init__(window)
        self._window = window
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._label = QLabel(self.tr("Preparing the demo CCTV footage…"))
        self._bar = QProgressBar()
        self._bar.setRange(0, 0)
        self._bar.setMaximumWidth(180)
        self._bar.setTextVisible(True)
        self._started = time.monotonic()
        self.elapsed_s: float | None = None
        bar = window.statusBar()
        bar.addWidget(self._label)
        bar.addWidget(self._bar)
        self.handle: TaskHandle = run_task(seed_steps, paths, sessions, split_steps()[1],
                                           parent=self, pool=self._pool)
        self.handle.progressed.connect(self._on_progress)
        self.handle.finished.connect(self._on_finished)

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self._bar.setRange(0, max(total, 1))
        self._bar.setValue(min(done, total))

    def _on_finished(self) -> None:
        self.elapsed_s = time.monotonic() - self._started
        bar = self._window.statusBar()
        for widget in (self._label, self._bar):
            bar.removeWidget(widget)
            widget.deleteLater()
        ok = self.handle.error is None and not self.handle.was_cancelled
        if self.handle.error is not None:
            log.error("demo footage failed: %s", self.handle.error)
            self._window.statusBar().showMessage(
                self.tr("The demo footage could not be prepared: {error}").format(
                    error=self.handle.error), 15000)
        elif ok:
            log.info("startup: demo footage ready after %.1f s in the background", self.elapsed_s)
            self._window.statusBar().showMessage(self.tr("Demo CCTV footage ready."), 8000)
        self.finished.emit(ok)

    def is_running(self) -> bool:
        return not self.handle.done

    def wait(self, timeout_ms: int = 600_000) -> bool:
        """Process events until the footage is done (screenshots, tests)."""
        return self.handle.wait(timeout_ms)

    def stop(self, timeout_ms: int = 30_000) -> None:
        """Cancel between two clips and wait for the step to return (window closing)."""
        if self.is_running():
            self.handle.cancel()
            self.handle.wait(timeout_ms)
