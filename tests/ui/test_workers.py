"""Background tasks (app/ui/workers.py): results reach the GUI thread; the Qt object that carries
them is deleted in the GUI thread, never in the pool thread that ran the task."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

from app.ui.workers import TaskContext, run_task


def _slow(ctx: TaskContext, release: threading.Event) -> str:
    release.wait(10)
    ctx.report(1, 1)
    return "done"


def _deleted_in(signals: QObject) -> list[str]:
    """The thread the object's destructor runs in (told at once, in that thread)."""
    where: list[str] = []
    signals.destroyed.connect(lambda *_: where.append(threading.current_thread().name),
                              Qt.ConnectionType.DirectConnection)
    return where


def test_the_result_reaches_the_gui_thread(qtbot):
    release = threading.Event()
    got: list[tuple[str, str]] = []
    handle = run_task(_slow, release)
    handle.succeeded.connect(lambda r: got.append((r, threading.current_thread().name)))
    release.set()
    assert handle.wait(10000)
    assert got == [("done", threading.main_thread().name)]


def test_a_task_outliving_its_window_is_cleaned_up_in_the_gui_thread(qtbot):
    """The window (the handle's parent) closes while the task runs: the handle goes with it, and
    the signal carrier's last owner was the pool thread's runnable, so it was deleted there: a
    Qt object destroyed outside its own thread (a suspect in a rare crash of the case list)."""
    window = QObject()
    release = threading.Event()
    handle = run_task(_slow, release, parent=window)
    where = _deleted_in(handle._worker_signals)
    del handle
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # window, handle: gone
    QCoreApplication.processEvents()
    release.set()
    deadline = time.monotonic() + 10
    while not where and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert where == [threading.main_thread().name]
