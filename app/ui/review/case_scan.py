""""Scan all clips of this case" on the review bench: the case-wide scan queue in the
background (two clips at a time), overall progress and Cancel in the toolbar, and the stored
result shown on the activity strip (decoded vs only-triaged stretches) when a clip is opened.

Composition, not a mixin: ``CaseScanControl(panel, toolbar)``; the panel needs ``context``,
``case_id``, ``player``, ``clip_view``, ``show_status(text)``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressBar, QToolBar, QToolButton

from app.models.db import unit_of_work
from app.services.common.errors import ServiceError
from app.services.evidence import scan_results
from app.services.evidence.scan_queue import CaseScanQueue
from app.ui.review import media_tasks
from app.ui.workers import TaskContext, TaskHandle, run_task


def _run_queue(ctx: TaskContext, factory, paths, actor, case_id: int):
    media_tasks.lower_priority()
    ctx.report(0, 1000, "")
    return CaseScanQueue(factory, paths, actor, case_id, progress=ctx.report,
                         cancel=ctx.is_cancelled).run()


class CaseScanControl(QObject):
    """Toolbar action + progress bar + Cancel for the case-wide scan."""

    def __init__(self, panel, bar: QToolBar) -> None:
        super().__init__(panel)
        self.panel = panel
        self.handle: TaskHandle | None = None
        self.action = bar.addAction(self.tr("Scan all clips"))
        self.action.setObjectName("ScanAllAction")
        self.action.setToolTip(self.tr(
            "Find the activity in every clip of this case in the background (two at a time); "
            "the results are kept with the evidence"))
        self.action.triggered.connect(self.start)
        self.bar = QProgressBar(panel)
        self.bar.setObjectName("ScanAllProgress")
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(160)
        self.bar.setFormat(self.tr("Scanning %p%"))
        self.cancel_button = QToolButton(panel)
        self.cancel_button.setObjectName("ScanAllCancel")
        self.cancel_button.setText(self.tr("Cancel scan"))
        self.cancel_button.clicked.connect(self.cancel)
        self._bar_action = bar.addWidget(self.bar)
        self._cancel_action = bar.addWidget(self.cancel_button)
        self._show_running(False)

    def _show_running(self, running: bool) -> None:
        self._bar_action.setVisible(running)
        self._cancel_action.setVisible(running)
        self.action.setEnabled(not running)

    def start(self) -> TaskHandle | None:
        p = self.panel
        if p.case_id is None or self.handle is not None:
            return None
        ctx = p.context
        self.bar.setValue(0)
        self._show_running(True)
        h = run_task(_run_queue, ctx.sessions, ctx.paths, ctx.actor, p.case_id, parent=self,
                     pool=media_tasks.background_pool())
        self.handle = h
        h.progressed.connect(self._on_progress)
        h.succeeded.connect(self._on_done)
        h.failed.connect(lambda exc, _tb: self._finish(
            self.tr("The scan stopped: {e}").format(e=exc)))
        h.cancelled.connect(lambda: self._finish(self.tr("Scan cancelled; finished clips kept.")))
        return h

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.bar.setValue(int(done * 1000 / total))
        if text:
            self.bar.setToolTip(text)

    def _on_done(self, outcomes) -> None:
        done = sum(1 for o in outcomes if o.status == "done")
        failed = [o for o in outcomes if o.status == "failed"]
        stopped = sum(1 for o in outcomes if o.status == "cancelled")
        text = self.tr("Scanned {n} clips.").format(n=done)
        if stopped:
            text += " " + self.tr("{n} not scanned (cancelled).").format(n=stopped)
        if failed:
            text += " " + self.tr("{n} could not be scanned: {why}").format(
                n=len(failed), why=failed[0].message)
        self._finish(text)

    def _finish(self, text: str) -> None:
        self.handle = None
        self._show_running(False)
        self.panel.show_status(text)
        player = getattr(self.panel, "player", None)
        if player is not None:
            show_stored(self.panel, player.evidence.id)


def show_stored(panel, evidence_id: int) -> bool:
    """Show the clip's stored scan on its activity strip; False when there is none."""
    try:
        with unit_of_work(panel.context.sessions) as s:
            stored = scan_results.latest_scan(s, panel.context.actor, evidence_id)
    except ServiceError:
        return False
    if stored is None or panel.player is None or panel.player.evidence.id != evidence_id:
        return False
    result = stored.result
    panel.segments = list(result.segments)
    timeline = panel.clip_view.timeline
    timeline.set_activity(result.activity.per_second,
                          [(s.start_frame, s.end_frame, 0.0) for s in panel.segments])
    timeline.set_coverage(result.stretches())
    return True
