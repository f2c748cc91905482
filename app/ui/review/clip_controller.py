"""The review bench's clips (``ReviewPanel.clips``): open with hash verification, thumbnails and
activity in the background, colour ranking, enhancement and the synchronised
grid. The panel owns the controller; :class:`ClipHost` is all it needs from it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from app.models.db import unit_of_work
from app.services.evidence import clips as evidence
from app.services.evidence import custody
from app.services.evidence import media as evidence_media
from app.services.evidence.items import EvidenceDTO
from app.services.evidence.observations import ObservationDTO
from app.ui.context import AppContext
from app.ui.review import media_tasks
from app.ui.review.bench_controller import BenchController
from app.ui.review.clip_view import ClipView
from app.ui.review.enhance_panel import EnhancePanel
from app.ui.review.osd_panel import OsdPanel
from app.ui.review.player import ClipPlayer
from app.ui.review.sync_grid import SyncGrid
from app.ui.workers import TaskHandle, run_task
from app.video import ActivityResult, FilterChain, Segment, VideoError, VideoSource


class ClipHost(Protocol):
    """What the clip controller needs from the review panel."""

    context: AppContext
    case_no: str
    evidence_items: list[EvidenceDTO]
    clip_view: ClipView
    sync_grid: SyncGrid
    stack: QStackedWidget
    enhance: EnhancePanel
    osd_panel: OsdPanel

    def observations_of(self, evidence_id: int) -> list[ObservationDTO]: ...
    def show_status(self, text: str) -> None: ...
    def highlight_evidence(self, evidence_id: int) -> None: ...
    def show_single(self) -> None: ...
    def track(self, handle: TaskHandle) -> TaskHandle: ...
    def show_stored_scan(self, evidence_id: int) -> bool: ...


class ClipController(BenchController[ClipHost]):
    """The open clip (``player``) and everything done to it; ``view`` parents dialogs and tasks."""

    def __init__(self, host: ClipHost, view: QWidget) -> None:
        super().__init__(host, view)
        self.player: ClipPlayer | None = None
        self.verified: custody.VerifyResult | None = None
        self.segments: list[Segment] = []
        self._open_token = 0
        self._opening_id: int | None = None
        self._pending_frame: int | None = None
        self._held: tuple[EvidenceDTO, VideoSource] | None = None  # opened, hash not checked yet
        self._sources: list[VideoSource] = []

    def _background(self, fn, *args: object) -> TaskHandle:
        """``fn`` on the low-priority pool, tracked by the panel (busy, shutdown)."""
        return self.host.track(run_task(fn, *args, parent=self.view,
                                        pool=media_tasks.background_pool()))

    def _verify(self, ev: EvidenceDTO) -> TaskHandle:
        ctx = self.host.context
        return self.host.track(run_task(
            media_tasks.verify, ctx.sessions, ctx.paths, ctx.actor, ev,
            record=ctx.records_access, parent=self.view, pool=media_tasks.background_pool()))

    # -- opening -------------------------------------------------------------------------
    def open_evidence(self, evidence_id: int, frame: int | None = None) -> TaskHandle | None:
        host = self.host
        ev = next((e for e in host.evidence_items if e.id == evidence_id), None)
        if ev is None:
            return None
        host.highlight_evidence(evidence_id)
        if self.player is not None and self.player.evidence.id == evidence_id:
            if frame is not None:
                self.player.pause()
                self.player.seek(frame)
            host.show_single()
            return None
        if self.player is None and self._opening_id == evidence_id:
            self._pending_frame = frame  # already on its way: just go to the new frame
            return None
        self.close_clip()  # also invalidates whatever was still being opened
        host.show_single()
        token = self._open_token
        self._opening_id, self._pending_frame = evidence_id, frame
        host.clip_view.set_banner(self.tr("Opening {name} and verifying its SHA-256…").format(
            name=ev.original_name), "info")
        self.verified = None

        def failed(exc: BaseException, _tb: str) -> None:
            if token == self._open_token:
                self._on_open_failed(ev, exc)

        def verified(result: custody.VerifyResult) -> None:
            if token == self._open_token:
                self.on_verified(result)

        def opened(src: VideoSource) -> None:
            if token == self._open_token:
                self._on_source(ev, src, self._pending_frame)
            else:
                src.close()

        verify = self._verify(ev)
        verify.succeeded.connect(verified)
        verify.failed.connect(failed)
        handle = host.track(run_task(media_tasks.open_source, host.context.paths, ev,
                                     parent=self.view))
        handle.succeeded.connect(opened)
        handle.failed.connect(failed)
        return handle

    def _on_open_failed(self, ev: EvidenceDTO, exc: BaseException) -> None:
        if self.verified is not None and not self.verified.ok:
            return  # the failed verification is the louder, truer message: keep it
        self.host.clip_view.set_banner(self.tr("{name} cannot be shown: {reason}").format(
            name=ev.original_name, reason=str(exc)), "error")

    def _on_source(self, ev: EvidenceDTO, source: VideoSource, frame: int | None) -> None:
        if self.verified is not None and not self.verified.ok:
            source.close()
            return
        if self.verified is None:  # not a frame is shown, marked or exported before the hash
            self._held = (ev, source)
            self._sources.append(source)
            self.host.clip_view.set_banner(self.tr("Verifying SHA-256…"), "info")
            return
        self._show_source(ev, source, frame)

    def _show_source(self, ev: EvidenceDTO, source: VideoSource, frame: int | None) -> None:
        host = self.host
        player = ClipPlayer(source, ev, self.view)
        player.failed.connect(host.show_status)
        self.player = player
        self._opening_id = None
        if source not in self._sources:
            self._sources.append(source)
        try:
            chain = FilterChain.from_json(ev.filters_json) if ev.filters_json else FilterChain()
        except VideoError:
            chain = FilterChain()
        host.enhance.set_chain(chain)
        host.osd_panel.set_evidence(ev)
        player.set_filters(chain)
        host.clip_view.set_player(player)
        host.clip_view.set_observations(host.observations_of(ev.id))
        if frame is not None:
            player.seek(frame)
        host.context.log_view(ev.id, "review_bench")
        if source.warnings:   # what the engine found wrong with the file stays in sight
            host.clip_view.set_banner(self.tr("About this file: {notes}").format(
                notes="；".join(source.warnings)), "warn")
        self._load_thumbnails(ev)
        self._load_activity(ev)
        host.clip_view.frame_view.setFocus()

    def on_verified(self, result: custody.VerifyResult) -> None:
        """The hash check's outcome: show the held clip, or close everything and say so."""
        self.verified = result
        held, self._held = self._held, None
        view = self.host.clip_view
        if result.ok:
            view.set_banner("")
            self.host.show_status(result.message)
            if held is not None and held[0].id == result.evidence_id:
                self._show_source(held[0], held[1], self._pending_frame)
            return
        self.close_clip()
        view.frame_view.clear(self.tr("EVIDENCE FAILED VERIFICATION"))
        view.set_banner(result.message, "error")
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Evidence failed verification"),
                          result.message, QMessageBox.StandardButton.Close, self.view)
        box.setObjectName("VerifyFailedBox")
        box.open()

    def close_clip(self) -> None:
        """Close the single clip and the synchronised grid, and the files behind them."""
        self._open_token += 1  # results of opens still running are dropped
        self._opening_id = None
        self.host.clip_view.set_banner("")    # (the closed file's notes)
        self._held = None
        self.host.sync_grid.clear()
        if self.player is not None:
            self.player.close()
            self.player.deleteLater()
        self.player = None
        self.segments = []
        self.host.clip_view.set_player(None)
        for src in self._sources:
            src.close()
        self._sources = []

    # -- the synchronised grid -----------------------------------------------------------
    def sync_evidence(self, ids: list[int]) -> list[TaskHandle]:
        """Open 2–4 clips (in the background, each hash-verified) and show them in the grid."""
        host = self.host
        self.close_clip()
        token = self._open_token
        chosen = [e for i in ids for e in host.evidence_items if e.id == i][:SyncGrid.MAX_TILES]
        handles = [host.track(run_task(media_tasks.open_source, host.context.paths, e,
                                       parent=self.view)) for e in chosen]
        players: dict[int, ClipPlayer] = {}
        ok: set[int] = set()
        if chosen:
            host.clip_view.set_banner(self.tr("Verifying SHA-256…"), "info")

        def show_when_ready() -> None:  # every clip opened *and* its hash verified
            if len(players) == len(chosen) and ok >= set(players):
                host.clip_view.set_banner("")
                host.sync_grid.set_players([players[e.id] for e in chosen])
                host.stack.setCurrentWidget(host.sync_grid)
                for e in chosen:
                    host.context.log_view(e.id, "sync_grid")

        def done(ev: EvidenceDTO, src: VideoSource) -> None:
            if token != self._open_token:
                src.close()
                return
            players[ev.id] = ClipPlayer(src, ev, self.view)
            self._sources.append(src)
            show_when_ready()

        def verified(result: custody.VerifyResult) -> None:
            if token != self._open_token:
                return
            if not result.ok:
                self.on_verified(result)  # closes everything and says so loudly
                return
            ok.add(result.evidence_id)
            show_when_ready()

        for ev, h in zip(chosen, handles, strict=True):
            h.succeeded.connect(lambda src, ev=ev: done(ev, src))
            h.failed.connect(lambda exc, _tb: host.show_status(str(exc)))
            self._verify(ev).succeeded.connect(verified)
        return handles

    # -- thumbnails, activity, colour ----------------------------------------------------
    def _load_thumbnails(self, ev: EvidenceDTO) -> None:
        def show(thumbs: list) -> None:
            if self.player is not None and self.player.evidence.id == ev.id:
                self.host.clip_view.timeline.set_thumbnails(thumbs)

        self._background(media_tasks.thumbs, self.host.context.paths, ev, 24).succeeded.connect(
            show)

    def _load_activity(self, ev: EvidenceDTO) -> None:
        host = self.host
        if host.show_stored_scan(ev.id):  # a stored scan (e.g. "scan all clips") comes first
            return
        cached = evidence_media.cached_activity(host.context.paths, ev.sha256)
        if cached is not None:
            self._show_activity(ev.id, cached)
            return
        timeline = host.clip_view.timeline
        timeline.scan_state = self.tr("Scanning activity…")
        timeline.update()
        h = self._background(media_tasks.scan, host.context.paths, ev)
        h.progressed.connect(lambda done, total, _text: self._scan_state(
            self.tr("Scanning activity… {p}%").format(p=done * 100 // total) if total else ""))
        h.succeeded.connect(lambda res, i=ev.id: self._show_activity(i, res))
        h.failed.connect(lambda exc, _tb: self._scan_state(str(exc)))

    def _scan_state(self, text: str) -> None:
        if text:
            self.host.clip_view.timeline.scan_state = text
            self.host.clip_view.timeline.update()

    def _show_activity(self, evidence_id: int, result: ActivityResult) -> None:
        if self.player is None or self.player.evidence.id != evidence_id:
            return
        self.segments = list(result.segments)
        self.host.clip_view.timeline.set_activity(
            result.per_second, [(s.start_frame, s.end_frame, 0.0) for s in self.segments])

    def rank_by_colour(self, colour: str | None) -> TaskHandle | None:
        timeline = self.host.clip_view.timeline
        if self.player is None or not self.segments:
            return None
        if not colour:
            timeline.set_activity(timeline.activity,
                                  [(s.start_frame, s.end_frame, 0.0) for s in self.segments])
            self.host.clip_view.ranked = None
            return None
        h = self._background(media_tasks.rank, self.host.context.paths, self.player.evidence,
                             self.segments, colour)
        h.succeeded.connect(self._on_ranked)
        return h

    def _on_ranked(self, ranked: list[tuple[Segment, float]]) -> None:
        view = self.host.clip_view
        top = max((score for _s, score in ranked), default=0.0) or 1.0
        view.timeline.set_activity(view.timeline.activity,
                                   [(s.start_frame, s.end_frame, score / top) for s, score in ranked])
        view.ranked = [s.start_frame for s, score in ranked if score > 0]
        if view.ranked and self.player is not None:
            self.player.pause()
            self.player.seek(view.ranked[0])
        self.host.show_status(self.tr("{n} segments match the colour; PgDown goes to the next "
                                      "best.").format(n=len(view.ranked)))

    # -- enhancement ---------------------------------------------------------------------
    def on_chain(self, chain: FilterChain) -> None:
        """The enhancement chain changed: show it live and keep it with the clip."""
        if self.player is None:
            return
        self.player.set_filters(chain)
        ctx = self.host.context
        with unit_of_work(ctx.sessions) as s:
            updated = evidence.save_filters(s, ctx.actor, self.player.evidence.id,
                                            chain.dumps() if chain else "")
        self.player.evidence = updated
        self.host.evidence_items = [updated if e.id == updated.id else e
                                    for e in self.host.evidence_items]
