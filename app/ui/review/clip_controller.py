"""The review panel's clip handling (a mixin of ReviewPanel): open with hash verification,
thumbnails and activity in the background, colour ranking, snapshot and clip export, sync."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.models.db import unit_of_work
from app.services.evidence import clips as evidence
from app.services.evidence import custody
from app.services.evidence import media as evidence_media
from app.services.evidence.items import EvidenceDTO
from app.ui.review import media_tasks
from app.ui.review.case_scan import show_stored
from app.ui.review.clip_view import SHOWN_TZ, fmt_wall
from app.ui.review.player import ClipPlayer
from app.ui.workers import TaskHandle, run_task, run_with_progress_dialog
from app.video import FilterChain, Segment, VideoError


class ClipActions:
    """Needs from the host: context, clip_view, sync_grid, enhance, case_no, evidence_items,
    observations_of(evidence_id), show_status(text), _tasks (list)."""

    player: ClipPlayer | None = None
    verified: custody.VerifyResult | None = None
    _open_token = 0
    _opening_id: int | None = None
    _pending_frame: int | None = None
    _held: tuple[EvidenceDTO, object] | None = None  # opened, waiting for its hash check
    segments: list[Segment] = []

    # -- opening -------------------------------------------------------------------------
    def open_evidence(self, evidence_id: int, frame: int | None = None) -> TaskHandle | None:
        ev = next((e for e in self.evidence_items if e.id == evidence_id), None)
        if ev is None:
            return None
        self.highlight_evidence(evidence_id)
        if self.player is not None and self.player.evidence.id == evidence_id:
            if frame is not None:
                self.player.pause()
                self.player.seek(frame)
            self.show_single()
            return None
        if self.player is None and getattr(self, "_opening_id", None) == evidence_id:
            self._pending_frame = frame  # already on its way: just go to the new frame
            return None
        self.close_clip()  # also invalidates whatever was still being opened
        self.show_single()
        token = self._open_token
        self._opening_id, self._pending_frame = evidence_id, frame
        self.clip_view.set_banner(self.tr("Opening {name} and verifying its SHA-256…").format(
            name=ev.original_name), "info")
        self.verified = None
        verify = self._track(run_task(
            media_tasks.verify, self.context.sessions, self.context.paths, self.context.actor, ev,
            record=self.context.records_access, parent=self, pool=media_tasks.background_pool()))
        verify.succeeded.connect(lambda r: token == self._open_token and self._on_verified(r))
        verify.failed.connect(
            lambda exc, _tb: token == self._open_token and self._on_open_failed(ev, exc))
        handle = self._track(run_task(media_tasks.open_source, self.context.paths, ev, parent=self))
        handle.succeeded.connect(lambda src: self._on_source(ev, src, self._pending_frame)
                                 if token == self._open_token else src.close())
        handle.failed.connect(
            lambda exc, _tb: token == self._open_token and self._on_open_failed(ev, exc))
        return handle

    def _track(self, handle: TaskHandle) -> TaskHandle:
        self._tasks.append(handle)
        handle.finished.connect(lambda h=handle: h in self._tasks and self._tasks.remove(h))
        return handle

    def _on_open_failed(self, ev: EvidenceDTO, exc: BaseException) -> None:
        if self.verified is not None and not self.verified.ok:
            return  # the failed verification is the louder, truer message: keep it
        text = str(exc) if isinstance(exc, (VideoError, Exception)) else repr(exc)
        self.clip_view.set_banner(self.tr("{name} cannot be shown: {reason}").format(
            name=ev.original_name, reason=text), "error")

    def _on_source(self, ev: EvidenceDTO, source, frame: int | None) -> None:
        if self.verified is not None and not self.verified.ok:
            source.close()
            return
        if self.verified is None:  # not a frame is shown, marked or exported before the hash
            self._held = (ev, source)
            self._sources.append(source)
            self.clip_view.set_banner(self.tr("Verifying SHA-256…"), "info")
            return
        self._show_source(ev, source, frame)

    def _show_source(self, ev: EvidenceDTO, source, frame: int | None) -> None:
        player = ClipPlayer(source, ev, self)
        player.failed.connect(lambda msg: self.show_status(msg))
        self.player = player
        self._opening_id = None
        if source not in self._sources:
            self._sources.append(source)
        try:
            chain = FilterChain.from_json(ev.filters_json) if ev.filters_json else FilterChain()
        except VideoError:
            chain = FilterChain()
        self.enhance.set_chain(chain)
        self.osd_panel.set_evidence(ev)
        player.set_filters(chain)
        self.clip_view.set_player(player)
        self.clip_view.set_observations(self.observations_of(ev.id))
        if frame is not None:
            player.seek(frame)
        self.context.log_view(ev.id, "review_bench")
        self._load_thumbnails(ev)
        self._load_activity(ev)
        self.clip_view.frame_view.setFocus()

    def _on_verified(self, result: custody.VerifyResult) -> None:
        self.verified = result
        held, self._held = self._held, None
        if result.ok:
            self.clip_view.set_banner("")
            self.show_status(result.message)
            if held is not None and held[0].id == result.evidence_id:
                self._show_source(held[0], held[1], self._pending_frame)
            return
        self.close_clip()
        self.clip_view.frame_view.clear(self.tr("EVIDENCE FAILED VERIFICATION"))
        self.clip_view.set_banner(result.message, "error")
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Evidence failed verification"),
                          result.message, QMessageBox.StandardButton.Close, self)
        box.setObjectName("VerifyFailedBox")
        box.open()

    def close_clip(self) -> None:
        """Close the single clip and the synchronised grid, and the files behind them."""
        self._open_token += 1  # results of opens still running are dropped
        self._opening_id = None
        self._held = None
        self.sync_grid.clear()
        if self.player is not None:
            self.player.close()
            self.player.deleteLater()
        self.player = None
        self.segments = []
        self.clip_view.set_player(None)
        for src in self._sources:
            src.close()
        self._sources = []

    # -- thumbnails, activity, colour ----------------------------------------------------
    def _load_thumbnails(self, ev: EvidenceDTO) -> None:
        h = self._track(run_task(media_tasks.thumbs, self.context.paths, ev, 24, parent=self,
                                 pool=media_tasks.background_pool()))
        h.succeeded.connect(lambda t, i=ev.id: self.player and self.player.evidence.id == i
                            and self.clip_view.timeline.set_thumbnails(t))

    def _load_activity(self, ev: EvidenceDTO) -> None:
        if show_stored(self, ev.id):   # a stored scan (e.g. from "scan all clips") comes first
            return
        cached = evidence_media.cached_activity(self.context.paths, ev.sha256)
        if cached is not None:
            self._show_activity(ev.id, cached)
            return
        timeline = self.clip_view.timeline
        timeline.scan_state = self.tr("Scanning activity…")
        timeline.update()
        h = self._track(run_task(media_tasks.scan, self.context.paths, ev, parent=self,
                                 pool=media_tasks.background_pool()))
        h.progressed.connect(lambda done, total, _text: self._scan_state(
            self.tr("Scanning activity… {p}%").format(p=done * 100 // total) if total else ""))
        h.succeeded.connect(lambda res, i=ev.id: self._show_activity(i, res))
        h.failed.connect(lambda exc, _tb: self._scan_state(str(exc)))

    def _scan_state(self, text: str) -> None:
        if text:
            self.clip_view.timeline.scan_state = text
            self.clip_view.timeline.update()

    def _show_activity(self, evidence_id: int, result) -> None:
        if self.player is None or self.player.evidence.id != evidence_id:
            return
        self.segments = list(result.segments)
        self.clip_view.timeline.set_activity(
            result.per_second, [(s.start_frame, s.end_frame, 0.0) for s in self.segments])

    def rank_by_colour(self, colour: str | None) -> TaskHandle | None:
        if self.player is None or not self.segments:
            return None
        if not colour:
            self.clip_view.timeline.set_activity(
                self.clip_view.timeline.activity,
                [(s.start_frame, s.end_frame, 0.0) for s in self.segments])
            self.clip_view.ranked = None
            return None
        ev = self.player.evidence
        h = self._track(run_task(media_tasks.rank, self.context.paths, ev, self.segments, colour,
                                 parent=self, pool=media_tasks.background_pool()))
        h.succeeded.connect(self._on_ranked)
        return h

    def _on_ranked(self, ranked) -> None:
        top = max((score for _s, score in ranked), default=0.0) or 1.0
        self.clip_view.timeline.set_activity(
            self.clip_view.timeline.activity,
            [(s.start_frame, s.end_frame, score / top) for s, score in ranked])
        self.clip_view.ranked = [s.start_frame for s, score in ranked if score > 0]
        if self.clip_view.ranked:
            self.player.pause()
            self.player.seek(self.clip_view.ranked[0])
        self.show_status(self.tr("{n} segments match the colour; PgDown goes to the next best.")
                         .format(n=len(self.clip_view.ranked)))

    # -- enhancement ---------------------------------------------------------------------
    def _on_chain(self, chain: FilterChain) -> None:
        if self.player is None:
            return
        self.player.set_filters(chain)
        with unit_of_work(self.context.sessions) as s:
            updated = evidence.save_filters(s, self.context.actor, self.player.evidence.id,
                                            chain.dumps() if chain else "")
        self.player.evidence = updated
        self.evidence_items = [updated if e.id == updated.id else e for e in self.evidence_items]

    # -- exports -------------------------------------------------------------------------
    def _export_dir(self) -> Path:
        d = self.context.paths.exports_dir / (self.case_no or "case").replace("/", "_")
        d.mkdir(parents=True, exist_ok=True)
        return d

    def export_snapshot(self, out_png: Path | None = None) -> TaskHandle | None:
        p = self.player
        if p is None or p.shown_index < 0:
            return None
        ev, i = p.evidence, p.shown_index
        wall = p.wall_time(i)
        if out_png is None:
            stamp = wall.astimezone(SHOWN_TZ).strftime("%Y%m%d_%H%M%S") if wall else "nowall"
            out_png = self._export_dir() / f"{ev.camera_code or ev.id}_{stamp}_f{i:06d}.png"
        roi = self.clip_view.frame_view.pending_roi()
        h = self._track(run_task(
            media_tasks.snapshot, self.context.sessions, self.context.paths, self.context.actor,
            p.source, ev, i, Path(out_png), p.filters, self.case_no, fmt_wall(wall),
            (roi.x(), roi.y(), roi.width(), roi.height()) if roi else None, parent=self))
        h.succeeded.connect(lambda r: self.show_status(
            self.tr("Snapshot saved: {path}").format(path=r.png)))
        h.failed.connect(lambda exc, _tb: QMessageBox.warning(
            self, self.tr("Snapshot"), self.tr("The snapshot could not be saved: {e}").format(e=exc)))
        return h

    def set_in(self) -> None:
        if self.player:
            self.clip_view.timeline.set_in_out(self.player.index, self.clip_view.timeline.in_out[1])

    def set_out(self) -> None:
        if self.player:
            self.clip_view.timeline.set_in_out(self.clip_view.timeline.in_out[0], self.player.index)

    def export_range(self, out: Path | None = None) -> TaskHandle | None:
        p = self.player
        a, b = self.clip_view.timeline.in_out
        if p is None:
            return None
        if a is None or b is None or b < a:
            QMessageBox.information(self, self.tr("Export clip"), self.tr(
                "Mark the start with I and the end with O first."))
            return None
        if out is None:
            suggested = self._export_dir() / f"{p.evidence.camera_code or p.evidence.id}_{a}-{b}.mp4"
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export clip"), str(suggested),
                                                  self.tr("Video (*.mp4 *.mkv)"))
            if not name:
                return None
            out = Path(name)
        h = run_with_progress_dialog(media_tasks.clip, self.context.sessions, self.context.paths,
                                     self.context.actor, p.evidence, a, b, out, self.case_no,
                                     parent=self, title=self.tr("Export clip"),
                                     label=self.tr("Exporting frames {a}–{b}…").format(a=a, b=b))
        self._track(h)
        h.succeeded.connect(lambda r: self.show_status(
            self.tr("Clip exported: {path} (SHA-256 {sha})").format(path=r[0], sha=r[1][:16])))
        h.failed.connect(lambda exc, _tb: QMessageBox.warning(self, self.tr("Export clip"), str(exc)))
        return h

    # -- go to ---------------------------------------------------------------------------
    def goto_frame(self) -> None:
        if self.player is None:
            return
        value, ok = QInputDialog.getInt(self, self.tr("Go to frame"), self.tr("Frame index"),
                                        self.player.index, 0, self.player.frame_count - 1)
        if ok:
            self.player.pause()
            self.player.seek(value)

    def goto_time(self) -> None:
        target = self.player if self.player is not None else None
        base = target.wall_time() if target else self.sync_grid.wall
        if base is None:
            return
        local = base.astimezone(SHOWN_TZ)
        text, ok = QInputDialog.getText(self, self.tr("Go to corrected time"),
                                        self.tr("Time (HH:MM:SS, corrected)"),
                                        text=local.strftime("%H:%M:%S"))
        if not ok:
            return
        try:
            t = datetime.strptime(text.strip(), "%H:%M:%S").time()
        except ValueError:
            self.show_status(self.tr("Write the time as HH:MM:SS."))
            return
        wall = datetime.combine(local.date(), t, tzinfo=SHOWN_TZ)
        if self.stack.currentWidget() is self.sync_grid:
            self.sync_grid.seek_wall(wall)
        elif target is not None and target.seek_wall(wall) is None:
            self.show_status(self.tr("This clip has no footage at {t}.").format(t=text))
