"""Playback control of one clip: a decoding thread ("latest request wins", so a held arrow key
never queues up work), transport state (play, shuttle J/K/L, speed 1/16×–16×), wall time."""

from __future__ import annotations

import threading
from datetime import datetime

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from app.services.evidence.items import EvidenceDTO
from app.video import FilterChain, VideoSource

SPEEDS = (1 / 16, 1 / 8, 1 / 4, 1 / 2, 1.0, 2.0, 4.0, 8.0, 16.0)
LATE_MS = 150   # a requested frame not shown by then: the read-out says it is decoding


class FrameFetcher(QObject):
    """Decodes requested frames on its own thread; only the newest request is served."""

    frame_ready = Signal(int, object, object)  # index, enhanced BGR frame, raw BGR frame
    failed = Signal(int, str)

    def __init__(self, source, parent: QObject | None = None):
        super().__init__(parent)
        self._source = source
        self._filters = FilterChain()
        self._cond = threading.Condition()
        self._wanted: int | None = None
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="frame-fetcher", daemon=True)
        self._thread.start()

    def set_filters(self, chain: FilterChain) -> None:
        with self._cond:
            self._filters = chain

    def request(self, index: int) -> None:
        with self._cond:
            self._wanted = index
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._wanted is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                index, self._wanted = self._wanted, None
                chain = self._filters
            try:
                raw = self._source.read(index)
                shown = chain.apply(raw) if chain else raw
            except Exception as exc:  # noqa: BLE001 - reported to the GUI in plain words
                if not self._stop:
                    self.failed.emit(index, str(exc))
                continue
            if not self._stop:
                self.frame_ready.emit(index, shown, raw)

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.join(timeout=2)


class ClipPlayer(QObject):
    """Transport for one open clip. ``frame_shown`` fires in the GUI thread for each new frame."""

    frame_shown = Signal(int, object)   # index, frame as displayed (enhanced)
    state_changed = Signal()            # playing / speed / direction changed
    late = Signal(int)                  # the requested frame is still decoding (LATE_MS on)
    failed = Signal(str)

    def __init__(self, source: VideoSource, evidence: EvidenceDTO,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.source = source
        self.evidence = evidence
        self.frame_count = int(source.frame_count)
        self.fps = float(source.fps) or 25.0
        self.index = 0            # last requested
        self.shown_index = -1     # last displayed
        self.shown_frame: np.ndarray | None = None
        self.raw_frame: np.ndarray | None = None
        self.speed = 1.0
        self.direction = 0        # +1 playing forward, -1 backward, 0 paused
        self.filters = FilterChain()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._fetcher = FrameFetcher(source, self)
        self._fetcher.frame_ready.connect(self._on_ready)
        self._fetcher.failed.connect(self._on_failed)
        self._refused = -1              # the last frame the decoder could not give
        self._late = QTimer(self)       # a step that takes long (a GOP decoded) says so
        self._late.setSingleShot(True)
        self._late.timeout.connect(self._on_late)

    # -- frames --------------------------------------------------------------------------
    def seek(self, index: int) -> int:
        index = max(0, min(self.frame_count - 1, int(index)))
        self.index = index
        self._fetcher.request(index)
        if not self.playing():
            self._late.start(LATE_MS)
        return index

    @property
    def decoding(self) -> bool:
        """True while a requested frame is late (the read-out says so)."""
        return self.shown_index != self.index != self._refused and not self._late.isActive() \
            and not self.playing()

    def _on_failed(self, index: int, message: str) -> None:
        self._refused = index
        self.failed.emit(message)

    def _on_late(self) -> None:
        if self.shown_index != self.index and not self.playing():
            self.late.emit(self.index)

    def step(self, delta: int) -> int:
        self.pause()
        return self.seek(self.index + delta)

    def step_seconds(self, seconds: float) -> int:
        self.pause()
        return self.seek(self.source.index_at(max(0.0, self.pts(self.index) + seconds)))

    def refresh(self) -> None:
        self._fetcher.request(self.index)

    def set_filters(self, chain: FilterChain) -> None:
        self.filters = chain
        self._fetcher.set_filters(chain)
        self.refresh()

    def _on_ready(self, index: int, shown: np.ndarray, raw: np.ndarray) -> None:
        self.shown_index, self.shown_frame, self.raw_frame = index, shown, raw
        self.frame_shown.emit(index, shown)

    # -- time ----------------------------------------------------------------------------
    def pts(self, index: int | None = None) -> float:
        return float(self.source.pts(self.index if index is None else index))

    def wall_time(self, index: int | None = None) -> datetime | None:
        return self.evidence.wall_time(self.pts(index))

    def index_at_wall(self, wall: datetime) -> int | None:
        """Frame shown at corrected time ``wall``; None when the clip has no footage then."""
        if self.evidence.start_time is None:
            return None
        pts = self.evidence.pts_at(wall)
        last = self.pts(self.frame_count - 1) + 1.0 / self.fps
        if pts is None or pts < self.pts(0) - 1e-6 or pts >= last:
            return None
        return int(self.source.index_at(pts))

    def seek_wall(self, wall: datetime) -> int | None:
        index = self.index_at_wall(wall)
        if index is not None:
            self.seek(index)
        return index

    # -- playback ------------------------------------------------------------------------
    def playing(self) -> bool:
        return self.direction != 0

    def play(self, direction: int = 1) -> None:
        self.direction = 1 if direction >= 0 else -1
        self._restart_timer()
        self.state_changed.emit()

    def pause(self) -> None:
        if self.direction:
            self.direction = 0
            self._timer.stop()
            self.state_changed.emit()

    def toggle(self) -> None:
        self.pause() if self.playing() else self.play(1)

    def set_speed(self, speed: float) -> None:
        self.speed = min(SPEEDS, key=lambda s: abs(s - speed))
        self._restart_timer()
        self.state_changed.emit()

    def faster(self) -> None:
        i = SPEEDS.index(self.speed)
        self.set_speed(SPEEDS[min(i + 1, len(SPEEDS) - 1)])

    def slower(self) -> None:
        i = SPEEDS.index(self.speed)
        self.set_speed(SPEEDS[max(i - 1, 0)])

    def shuttle(self, direction: int) -> None:
        """J/L: start in that direction at 1×, or double the speed if already going that way."""
        if self.direction == direction:
            self.faster()
        else:
            self.speed = 1.0
            self.play(direction)

    def _restart_timer(self) -> None:
        if not self.direction:
            return
        rate = self.fps * min(self.speed, 1.0)
        self._timer.start(max(1, int(round(1000.0 / rate))))

    def _frames_per_tick(self) -> int:
        return max(1, int(round(self.speed))) if self.speed >= 1 else 1

    def _tick(self) -> None:
        if self.shown_index != self.index:
            return  # the last frame has not arrived yet: skip rather than queue
        nxt = self.index + self.direction * self._frames_per_tick()
        if nxt < 0 or nxt >= self.frame_count:
            self.seek(max(0, min(self.frame_count - 1, nxt)))
            self.pause()
            return
        self.seek(nxt)

    def close(self) -> None:
        self._timer.stop()
        self._late.stop()
        self._fetcher.stop()
