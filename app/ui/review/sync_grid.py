"""Multi-camera view: 2–4 clips in a grid aligned on corrected wall-clock time.

One master wall time drives every tile; stepping moves it by one frame of the reference clip
(the first tile), Shift+step by one second. A tile whose clip has no footage at that moment says
so instead of showing a stale frame. Below the tiles: the same transport as the single view
(J/K/L, steps, play) and one timeline on corrected time spanning every clip; "back to single
view" (or Esc) leaves the grid, a double-click on a tile opens that clip at that moment.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.ui.review.clip_view import speed_text
from app.ui.review.frame_view import FrameView
from app.ui.review.player import SPEEDS, ClipPlayer
from app.ui.review.shown_zone import ShownZone


class SyncTile(QWidget):
    double_clicked = Signal()

    def __init__(self, player: ClipPlayer, shown: ShownZone, parent: QWidget | None = None):
        super().__init__(parent)
        self.player, self.shown = player, shown
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

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.double_clicked.emit()
        event.accept()

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
            self.caption.setText(f"{label}    #{index}    {self.shown.fmt(self.player.wall_time(index))}")

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
    leave_requested = Signal()      # back to the single view
    open_requested = Signal(int, int)  # evidence id, frame: open this tile's clip alone

    MAX_TILES = 4

    def __init__(self, parent: QWidget | None = None, shown: ShownZone | None = None):
        super().__init__(parent)
        self.setObjectName("SyncGrid")
        self.shown = shown or ShownZone()  # the open case's zone (set by the bench)
        self.tiles: list[SyncTile] = []
        self.wall: datetime | None = None
        self.speed = 1.0
        self.direction = 0
        self._grid = QGridLayout()
        self.status = QLabel(self)
        self.status.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.timeline = QSlider(Qt.Orientation.Horizontal, self)
        self.timeline.setObjectName("sync_timeline")
        self.timeline.setToolTip(self.tr("Corrected time across all clips"))
        self.timeline.valueChanged.connect(self._on_timeline)
        self._span: tuple[datetime, datetime] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self._grid, 1)
        lay.addWidget(self.timeline)
        lay.addLayout(self._transport())
        lay.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

    def _transport(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back to single view (Esc)"), self)
        self.back_button.setObjectName("sync_back")
        self.back_button.clicked.connect(self.leave_requested)
        row.addWidget(self.back_button)
        row.addStretch(1)
        for text, tip, slot in (
                ("◀◀", self.tr("Shuttle back (J)"), lambda: self.shuttle(-1)),
                ("|◀", self.tr("One frame back (←)"), lambda: self.step(-1)),
                ("▶ / ❚❚", self.tr("Play / pause (Space)"), self.toggle),
                ("▶|", self.tr("One frame forward (→)"), lambda: self.step(1)),
                ("▶▶", self.tr("Shuttle forward (L)"), lambda: self.shuttle(1))):
            b = QPushButton(text, self)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the bench's shortcuts
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        return row

    def set_players(self, players: list[ClipPlayer]) -> None:
        self.clear()
        for n, player in enumerate(players[: self.MAX_TILES]):
            tile = SyncTile(player, self.shown, self)
            tile.double_clicked.connect(lambda t=tile: self._open_tile(t))
            self.tiles.append(tile)
            self._grid.addWidget(tile, n // 2, n % 2)
        spans = [(start, end) for t in self.tiles
                 if (start := t.player.wall_time(0)) is not None
                 and (end := t.player.wall_time(t.player.frame_count - 1)) is not None]
        if spans:
            first, last = min(s for s, _e in spans), max(e for _s, e in spans)
            self._span = (first, last)
            blocked = self.timeline.blockSignals(True)
            self.timeline.setRange(0, int((last - first).total_seconds() * 1000))
            self.timeline.blockSignals(blocked)
            self.seek_wall(first)

    def _open_tile(self, tile: SyncTile) -> None:
        ev = tile.player.evidence
        if ev is not None and self.wall is not None:
            index = tile.player.index_at_wall(self.wall)
            self.leave_requested.emit()  # the grid closes its players first
            self.open_requested.emit(ev.id, index if index is not None else 0)

    def _on_timeline(self, ms: int) -> None:
        if self._span is not None:
            self.pause()
            self.seek_wall(self._span[0] + timedelta(milliseconds=ms))

    def clear(self) -> None:
        self.pause()
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.player.close()
            tile.deleteLater()
        self.tiles = []
        self.wall = None
        self._span = None

    @property
    def reference(self) -> ClipPlayer | None:
        return self.tiles[0].player if self.tiles else None

    def seek_wall(self, wall: datetime) -> None:
        self.wall = wall
        for tile in self.tiles:
            tile.show_wall(wall)
        if self._span is not None:
            blocked = self.timeline.blockSignals(True)
            self.timeline.setValue(int((wall - self._span[0]).total_seconds() * 1000))
            self.timeline.blockSignals(blocked)
        self._update_status()
        self.wall_changed.emit(wall)

    def _frame_period(self) -> float:
        ref = self.reference
        return 1.0 / (ref.fps if ref else 25.0)

    def step(self, delta: int) -> None:
        self.pause()
        self._advance(delta)

    def _advance(self, delta: int) -> None:
        wall = self.wall
        if wall is None:
            return
        # step by the frames of the first clip that has footage now (clips may differ in fps)
        ref, ref_index = None, None
        for tile in self.tiles:
            ref_index = tile.player.index_at_wall(wall)
            if ref_index is not None:
                ref = tile.player
                break
        if ref is not None and ref_index is not None:
            target = max(0, min(ref.frame_count - 1, ref_index + delta))
            target_wall = ref.wall_time(target)
            if target != ref_index and target_wall is not None:
                self.seek_wall(target_wall + timedelta(microseconds=200))
                return
        self.seek_wall(wall + timedelta(seconds=delta * self._frame_period()))

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
            wall=self.shown.fmt(self.wall), state=state))
