"""The review bench's exports and jumps (``ReviewPanel.exports``): snapshot with caption (S),
clip in/out (I/O) and export (Ctrl+E), go to frame (Ctrl+G) and to corrected time (Ctrl+T).
:class:`ExportHost` is all it needs from the panel."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.services.common.clock import format_local
from app.ui.context import AppContext
from app.ui.review import media_tasks
from app.ui.review.bench_controller import BenchController
from app.ui.review.clip_view import ClipView
from app.ui.review.player import ClipPlayer
from app.ui.review.shown_zone import ShownZone
from app.ui.review.sync_grid import SyncGrid
from app.ui.workers import TaskHandle, run_task, run_with_progress_dialog


class ExportHost(Protocol):
    """What the export controller needs from the review panel."""

    context: AppContext
    case_no: str
    shown: ShownZone
    clip_view: ClipView
    sync_grid: SyncGrid

    @property
    def player(self) -> ClipPlayer | None: ...
    def target(self) -> ClipView | SyncGrid: ...
    def show_status(self, text: str) -> None: ...
    def track(self, handle: TaskHandle) -> TaskHandle: ...


class ExportController(BenchController[ExportHost]):
    """Exports of the open clip and jumps within it; ``view`` parents dialogs and tasks."""

    def _export_dir(self) -> Path:
        d = self.host.context.paths.exports_dir / (self.host.case_no or "case").replace("/", "_")
        d.mkdir(parents=True, exist_ok=True)
        return d

    def export_snapshot(self, out_png: Path | None = None) -> TaskHandle | None:
        host, p = self.host, self.host.player
        if p is None or p.shown_index < 0:
            return None
        ev, i = p.evidence, p.shown_index
        wall = p.wall_time(i)
        if out_png is None:
            stamp = format_local(wall, host.shown.name, "%Y%m%d_%H%M%S") or "nowall"
            out_png = self._export_dir() / f"{ev.camera_code or ev.id}_{stamp}_f{i:06d}.png"
        roi = host.clip_view.frame_view.pending_roi()
        ctx = host.context
        h = host.track(run_task(
            media_tasks.snapshot, ctx.sessions, ctx.paths, ctx.actor, p.source, ev, i,
            Path(out_png), p.filters, host.case_no, host.shown.fmt(wall),
            (roi.x(), roi.y(), roi.width(), roi.height()) if roi else None,
            zone_name=host.shown.name, parent=self.view))
        h.succeeded.connect(lambda r: host.show_status(
            self.tr("Snapshot saved: {path}").format(path=r.png)))
        h.failed.connect(lambda exc, _tb: QMessageBox.warning(
            self.view, self.tr("Snapshot"),
            self.tr("The snapshot could not be saved: {e}").format(e=exc)))
        return h

    def set_in(self) -> None:
        player, timeline = self.host.player, self.host.clip_view.timeline
        if player is not None:
            timeline.set_in_out(player.index, timeline.in_out[1])

    def set_out(self) -> None:
        player, timeline = self.host.player, self.host.clip_view.timeline
        if player is not None:
            timeline.set_in_out(timeline.in_out[0], player.index)

    def export_range(self, out: Path | None = None) -> TaskHandle | None:
        host, p = self.host, self.host.player
        a, b = host.clip_view.timeline.in_out
        if p is None:
            return None
        if a is None or b is None or b < a:
            QMessageBox.information(self.view, self.tr("Export clip"), self.tr(
                "Mark the start with I and the end with O first."))
            return None
        if out is None:
            suggested = self._export_dir() / f"{p.evidence.camera_code or p.evidence.id}_{a}-{b}.mp4"
            name, _ = QFileDialog.getSaveFileName(self.view, self.tr("Export clip"), str(suggested),
                                                  self.tr("Video (*.mp4 *.mkv)"))
            if not name:
                return None
            out = Path(name)
        ctx = host.context
        h = run_with_progress_dialog(media_tasks.clip, ctx.sessions, ctx.paths, ctx.actor,
                                     p.evidence, a, b, out, host.case_no,
                                     parent=self.view, title=self.tr("Export clip"),
                                     label=self.tr("Exporting frames {a}–{b}…").format(a=a, b=b))
        host.track(h)
        h.succeeded.connect(lambda r: host.show_status(
            self.tr("Clip exported: {path} (SHA-256 {sha})").format(path=r[0], sha=r[1][:16])))
        h.failed.connect(lambda exc, _tb: QMessageBox.warning(
            self.view, self.tr("Export clip"), str(exc)))
        return h

    # -- go to ---------------------------------------------------------------------------
    def goto_frame(self) -> None:
        player = self.host.player
        if player is None:
            return
        value, ok = QInputDialog.getInt(self.view, self.tr("Go to frame"), self.tr("Frame index"),
                                        player.index, 0, player.frame_count - 1)
        if ok:
            player.pause()
            player.seek(value)

    def _shown_wall(self) -> datetime | None:
        player = self.host.player
        return player.wall_time() if player is not None else self.host.sync_grid.wall

    def goto_time(self) -> None:
        """Ask for a corrected time on the open case's clock (HH:MM:SS) and go there."""
        base = self._shown_wall()
        if base is None:
            return
        text, ok = QInputDialog.getText(self.view, self.tr("Go to corrected time"),
                                        self.tr("Time (HH:MM:SS, corrected, {zone})").format(
                                            zone=self.host.shown.name),
                                        text=self.host.shown.local(base).strftime("%H:%M:%S"))
        if ok:
            self.goto_local_time(text)

    def goto_local_time(self, text: str) -> None:
        """Go to ``HH:MM:SS`` on the open case's clock, on the day of the shown frame."""
        host, player, base = self.host, self.host.player, self._shown_wall()
        if base is None:
            return
        try:
            t = datetime.strptime(text.strip(), "%H:%M:%S").time()
        except ValueError:
            host.show_status(self.tr("Write the time as HH:MM:SS."))
            return
        wall = datetime.combine(host.shown.local(base).date(), t, tzinfo=host.shown.zone)
        if host.target() is host.sync_grid:
            host.sync_grid.seek_wall(wall)
        elif player is not None and player.seek_wall(wall) is None:
            host.show_status(self.tr("This clip has no footage at {t}.").format(t=text))
