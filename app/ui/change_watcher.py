"""Squad mode: notice changes other workstations made, by polling the change counter.

``app.services.common.changes`` explains the choice (a counter polled every few seconds instead of
PostgreSQL LISTEN/NOTIFY: engine-neutral, no held connection, nothing missed while asleep).
The watcher asks off the GUI thread (``app.ui.workers``), never two polls at once, and::

    watcher = ChangeWatcher(context.sessions, interval_s=3, parent=window)
    watcher.changes_detected.connect(on_changes)   # (case_ids: set[int]) - may be empty
    watcher.start()

``changes_detected`` fires when the counter moved since the previous poll (the first poll only
takes the baseline). The set names the cases touched; it is empty when only non-case data
changed (users, cameras, settings). It includes this workstation's own saves too — the audit log
does not know which computer wrote a row — which is harmless: a refresh is idempotent.
``everything_changed`` fires when the counter went *back* (the database was restored or
replaced): reload everything. ``poll_failed(message)`` fires once when the database becomes
unreachable, ``connection_restored`` when it answers again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session, sessionmaker

from app.services.common.changes import change_state, changed_case_ids
from app.ui.workers import TaskContext, TaskHandle, run_task

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 3.0


def poll(_ctx: TaskContext | None, sessions: sessionmaker[Session],
         since: int | None) -> tuple[int, set[int]]:
    """(counter now, ids of cases changed after ``since``) in one short read (pool thread)."""
    with sessions() as session:
        counter = change_state(session).counter
        if since is None or counter <= since:
            return counter, set()
        return counter, changed_case_ids(session, since)


class ChangeWatcher(QObject):
    """Polls the change counter every ``interval_s`` seconds while started (see module doc)."""

    changes_detected = Signal(object)  # set[int]
    everything_changed = Signal()
    poll_failed = Signal(str)
    connection_restored = Signal()

    def __init__(self, sessions: sessionmaker[Session], interval_s: float = DEFAULT_INTERVAL_S,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._sessions = sessions
        self._counter: int | None = None
        self._handle: TaskHandle | None = None
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(100, int(interval_s * 1000)))
        self._timer.timeout.connect(self.poll_now)

    # -- control -----------------------------------------------------------------------------
    @property
    def counter(self) -> int | None:
        """The change counter seen by the last successful poll (None before the first)."""
        return self._counter

    @property
    def interval_s(self) -> float:
        return self._timer.interval() / 1000

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(max(100, int(seconds * 1000)))

    def is_running(self) -> bool:
        return self._timer.isActive()

    def is_polling(self) -> bool:
        return self._handle is not None

    def start(self) -> None:
        """Take the baseline now, then poll every interval."""
        self._timer.start()
        self.poll_now()

    def stop(self, wait_ms: int = 0) -> None:
        """Stop polling; with ``wait_ms``, also wait that long for a poll still in flight (so
        no result arrives after its owner is gone)."""
        self._timer.stop()
        if wait_ms and self._handle is not None:
            self._handle.wait(wait_ms)

    def poll_now(self) -> TaskHandle | None:
        """Start one poll unless one is still running (returns its handle, or None)."""
        if self._handle is not None:
            return None
        self._handle = handle = run_task(poll, self._sessions, self._counter, parent=self)
        handle.succeeded.connect(self._on_polled)
        handle.failed.connect(self._on_failed)
        handle.finished.connect(self._on_finished)
        return handle

    # -- results (GUI thread) -----------------------------------------------------------------
    def _on_finished(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.deleteLater()

    def _on_polled(self, result: tuple[int, set[int]]) -> None:
        counter, case_ids = result
        if self._failing:
            self._failing = False
            self.connection_restored.emit()
        previous, self._counter = self._counter, counter
        if previous is None or counter == previous:
            return
        if counter < previous:
            log.info("change counter went back from %s to %s: database replaced", previous,
                     counter)
            self.everything_changed.emit()
            return
        self.changes_detected.emit(set(case_ids))

    def _on_failed(self, exc: BaseException, _tb: str) -> None:
        if self._failing:
            return
        self._failing = True
        log.warning("change poll failed: %s", exc)
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        self.poll_failed.emit(self.tr("Cannot reach the database to look for changes made on "
                                      "other workstations: {reason}").format(
                                          reason=reason[0] if reason else type(exc).__name__))
