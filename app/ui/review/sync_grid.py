"""Multi-camera view: 2–4 clips in a grid aligned on corrected wall-clock time.

One master wall time drives every tile; stepping moves it by one frame of the reference clip
(the first tile), Shift+step by one second. A tile whose clip has no footage at that moment says
so instead of showing a stale frame.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.ui.review.clip_view import fmt_wall, speed_text
from app.ui.review.frame_view import FrameView
from app.ui.review.player import SPEEDS, ClipPlayer


class SyncTile(QWidget):
    def __init__(self, player: ClipPlayer, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = player
        self.view = FrameView(self)
        self.caption = QLabel(self)
        self.caption.setStyleSheet("font-family: monospace;")
        self.has_footage = True
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.caption)
        player.frame_shown.connect(self._on_frame)
        self.view.set_pixel_aspect(player.source.pixel_aspect)

    def _on_frame(self, index: int, frame) -> None:
        if self.has_footage:
            self.view.set_frame(frame)
            self._caption(index)

    def _caption(self, index: int | None) -> None:
        ev = self.player.evidence
        label = ev.camera_label if ev else ""
        if index is None:
            none = self.tr("no footage at this time")
            self.caption.setText(f"{label}    {none}")
        else:
            self.caption.setText(f"{label}    #{index}    {fmt_wall(self.player.wall_time(index))}")

    def show_wall(self, wall: datetime) -> int | None:
        index = self.player.index_at_wall(wall)
        self.has_footage = index is not None
        if index is None:
            self.view.clear(self.tr("No footage at this time"))
            self._caption(None)
        else:
            self.view.set_message("")
            self.player.seek(index)
        return index


class SyncGrid(QWidget):
    """Shows up to four ClipPlayers on a common corrected time axis."""

    wall_changed = Signal(object)  # datetime

    MAX_TILES = 4

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SyncGrid")
        self.tiles: list[SyncTile] = []
        self.wall: datetime | None = None
        self.speed = 1.0
        self.direction = 0
        self._grid = QGridLayout()
        self.status = QLabel(self)
        self.status.setStyleSheet("font-family: monospace; font-size: 13px;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._grid, 1)
        lay.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def set_players(self, players: list[ClipPlayer]) -> None:
        self.clear()
        for n, player in enumerate(players[: self.MAX_TILES]):
            tile = SyncTile(player, self)
            self.tiles.append(tile)
            self._grid.addWidget(tile, n // 2, n % 2)
        starts = [t.player.wall_time(0) for t in self.tiles if t.player.wall_time(0)]
        if starts:
            self.seek_wall(min(starts))

    def clear(self) -> None:
        self.pause()
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.player.close()
            tile.deleteLater()
        self.tiles = []
        self.wall = None

    @property
    def reference(self) -> ClipPlayer | None:
        return self.tiles[0].player if self.tiles else None

    def seek_wall(self, wall: datetime) -> None:
        self.wall = wall
        for tile in self.tiles:
            tile.show_wall(wall)
        self._update_status()
        self.wall_changed.emit(wall)

    def _frame_period(self) -> float:
        ref = self.reference
        return 1.0 / (ref.fps if ref else 25.0)

    def step(self, delta: int) -> None:
        self.pause()
        self._advance(delta)

    def _advance(self, delta: int) -> None:
        if self.wall is None:
            return
        # step by the frames of the first clip that has footage now (clips may differ in fps)
        ref, ref_index = None, None
        for tile in self.tiles:
            ref_index = tile.player.index_at_wall(self.wall)
            if ref_index is not None:
                ref = tile.player
                break
        if ref is not None and ref_index is not None:
            target = max(0, min(ref.frame_count - 1, ref_index + delta))
            if target != ref_index:
                self.seek_wall(ref.wall_time(target) + timedelta(microseconds=200))
                return
        self.seek_wall(self.wall + timedelta(seconds=delta * self._frame_period()))

    def step_seconds(self, seconds: float) -> None:
        self.pause()
        if self.wall is not None:
            self.seek_wall(self.wall + timedelta(seconds=seconds))

    def toggle(self) -> None:
        self.pause() if self.direction else self.play(1)

    def play(self, direction: int = 1) -> None:
        self.direction = 1 if direction >= 0 else -1
        rate = (self.reference.fps if self.reference else 25.0) * min(self.speed, 1.0)
        self._timer.start(max(1, int(1000 / rate)))
        self._update_status()

    def pause(self) -> None:
        self.direction = 0
        self._timer.stop()
        self._update_status()

    def shuttle(self, direction: int) -> None:
        if direction == 0:
            self.pause()
        elif direction == self.direction:
            i = SPEEDS.index(self.speed)
            self.speed = SPEEDS[min(i + 1, len(SPEEDS) - 1)]
            self.play(direction)
        else:
            self.speed = 1.0
            self.play(direction)

    def _tick(self) -> None:
        if any(t.has_footage and t.player.shown_index != t.player.index for t in self.tiles):
            return  # a tile is still decoding: wait instead of queueing
        self._advance(self.direction * (max(1, round(self.speed)) if self.speed >= 1 else 1))

    def _set_fast(self, fast: bool) -> None:
        for tile in self.tiles:
            tile.view.set_fast(fast)

    def _update_status(self) -> None:
        self._set_fast(bool(self.direction))
        if self.wall is None:
            self.status.setText(self.tr("Choose 2–4 clips in the evidence list and press Sync."))
            return
        state = ""
        if self.direction:
            state = ("▶ " if self.direction > 0 else "◀ ") + speed_text(self.speed)
        self.status.setText(self.tr("Synchronised on corrected time {wall}    {state}").format(
            wall=fmt_wall(self.wall), state=state))
