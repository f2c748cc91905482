"""One clip on screen: frame view, the always-visible position read-out (frame, pts, corrected
wall-clock time), transport buttons and the timeline."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.evidence.items import EvidenceDTO
from app.services.evidence.observations import ObservationDTO
from app.ui.review.frame_view import FrameView, bgr_to_qimage
from app.ui.review.player import SPEEDS, ClipPlayer
from app.ui.review.shown_zone import ShownZone
from app.ui.review.timeline import TimelineWidget


def speed_text(speed: float) -> str:
    return f"{speed:g}×" if speed >= 1 else f"1/{round(1 / speed)}×"


class ClipView(QWidget):
    """Frame view + read-out + transport + timeline for one ClipPlayer."""

    roi_drawn = Signal(QRect)
    position_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, shown: ShownZone | None = None):
        super().__init__(parent)
        self.shown = shown or ShownZone()  # the open case's zone (set by the bench)
        self.player: ClipPlayer | None = None
        self.observations: list[ObservationDTO] = []
        self.ranked: list[int] | None = None  # segment starts, best colour match first
        self._rank_cursor = 0
        self.frame_view = FrameView(self)
        self.frame_view.roi_drawn.connect(self.roi_drawn)
        self.banner = QLabel(self)
        self.banner.setObjectName("EvidenceBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.readout = QLabel(self)
        self.readout.setObjectName("PositionReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setStyleSheet("font-family: monospace; font-size: 13px;")
        self.timeline = TimelineWidget(self)
        self.timeline.seek_requested.connect(self._seek_from_timeline)
        self._build_transport()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.banner)
        lay.addWidget(self.frame_view, 1)
        lay.addWidget(self.readout)
        lay.addLayout(self._transport)
        lay.addWidget(self.timeline)
        self.show_readout()

    def _button(self, icon: QStyle.StandardPixmap, tip: str, slot, repeat: bool = False) -> QToolButton:
        b = QToolButton(self)
        b.setIcon(self.style().standardIcon(icon))
        b.setToolTip(tip)
        b.setAutoRepeat(repeat)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(slot)
        return b

    def _build_transport(self) -> None:
        t = self._transport = QHBoxLayout()
        t.setContentsMargins(4, 0, 4, 0)
        sp = QStyle.StandardPixmap
        self.prev_segment_button = self._button(sp.SP_MediaSkipBackward, self.tr(
            "Previous activity segment (PgUp)"), lambda: self.goto_segment(-1))
        self.back_button = self._button(sp.SP_MediaSeekBackward, self.tr(
            "Step back one frame (←)"), lambda: self.step(-1), repeat=True)
        self.play_button = self._button(sp.SP_MediaPlay, self.tr("Play / pause (Space)"),
                                        self.toggle)
        self.fwd_button = self._button(sp.SP_MediaSeekForward, self.tr(
            "Step forward one frame (→)"), lambda: self.step(1), repeat=True)
        self.next_segment_button = self._button(sp.SP_MediaSkipForward, self.tr(
            "Next activity segment (PgDown)"), lambda: self.goto_segment(1))
        for b in (self.prev_segment_button, self.back_button, self.play_button, self.fwd_button,
                  self.next_segment_button):
            t.addWidget(b)
        self.speed_box = QComboBox(self)
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for s in SPEEDS:
            self.speed_box.addItem(speed_text(s), s)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.setToolTip(self.tr("Playback speed (J/K/L shuttle, ↑/↓ faster/slower)"))
        self.speed_box.activated.connect(self._on_speed)
        t.addWidget(QLabel(self.tr("Speed"), self))
        t.addWidget(self.speed_box)
        t.addStretch(1)
        self.zoom_label = QLabel(self)
        t.addWidget(self.zoom_label)
        self.frame_view.zoom_changed.connect(
            lambda z: self.zoom_label.setText(self.tr("Zoom {z}%").format(z=round(z * 100))))

    # -- clip ----------------------------------------------------------------------------
    def set_player(self, player: ClipPlayer | None) -> None:
        if self.player is not None:
            self.player.frame_shown.disconnect(self._on_frame)
            self.player.state_changed.disconnect(self._on_state)
            self.player.late.disconnect(self._on_late)
        self.player = player
        self.ranked, self._rank_cursor = None, 0
        if player is None:
            self.frame_view.clear(self.tr("No clip open"))
            self.timeline.set_clip(1, 25.0)
            self.show_readout()
            return
        player.frame_shown.connect(self._on_frame)
        player.state_changed.connect(self._on_state)
        player.late.connect(self._on_late)
        self.frame_view.set_pixel_aspect(player.source.pixel_aspect)
        self.timeline.set_clip(player.frame_count, player.fps)
        self.speed_box.setCurrentIndex(SPEEDS.index(player.speed))
        player.seek(0)

    @property
    def evidence(self) -> EvidenceDTO | None:
        return self.player.evidence if self.player else None

    def _on_speed(self, index: int) -> None:
        if self.player is not None:
            self.player.set_speed(self.speed_box.itemData(index))

    def set_banner(self, text: str, level: str = "info") -> None:
        colours = {"info": "#2d4f7c", "warn": "#8a6d00", "error": "#b00020"}
        self.banner.setStyleSheet(f"background: {colours[level]}; color: white; padding: 6px;"
                                  "font-weight: bold;")
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def set_observations(self, rows: list[ObservationDTO]) -> None:
        self.observations = rows
        self.timeline.set_markers([(o.frame_index, f"#{o.frame_index} {o.note}") for o in rows])
        self._update_overlays()

    def _update_overlays(self) -> None:
        if self.player is None:
            return
        boxes = [(QRect(*o.roi), o.note[:24] or self.tr("Observation"), QColor(255, 200, 0))
                 for o in self.observations if o.roi and o.frame_index == self.player.shown_index]
        self.frame_view.set_overlays(boxes)

    def _on_frame(self, index: int, frame) -> None:
        self.frame_view.set_frame(frame)
        self.timeline.set_position(index)
        self._update_overlays()
        self.show_readout()
        self.position_changed.emit(index)

    def _on_late(self, _index: int) -> None:
        self.show_readout()

    def _on_state(self) -> None:
        p = self.player
        self.frame_view.set_fast(bool(p and p.playing()))
        self.play_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if p and p.playing()
            else QStyle.StandardPixmap.SP_MediaPlay))
        if p:
            self.speed_box.setCurrentIndex(SPEEDS.index(p.speed))
        self.show_readout()

    def show_readout(self) -> None:
        p = self.player
        if p is None or p.shown_index < 0:
            self.readout.setText(self.tr("Frame — / —    pts —    Corrected time —"))
            return
        ev = p.evidence
        i = p.shown_index
        offset = ""
        if ev is not None:
            sources = {"override": self.tr("set for this clip"), "measured": self.tr("measured"),
                       "none": self.tr("unknown, 0 assumed")}
            offset = self.tr("offset {s:+.1f} s ({how})").format(s=ev.offset_s,
                                                                 how=sources[ev.offset_source])
        state = ""
        if p.playing():
            state = ("▶ " if p.direction > 0 else "◀ ") + speed_text(p.speed)
        state += self._frame_notes(p.source, i)
        busy = ""
        if p.decoding:     # a step into a GOP nothing has decoded yet: the key was heard
            busy = self.tr("decoding frame {i}…").format(i=p.index) + "    "
        self.readout.setText(busy + self.tr(
            "Frame {i} / {n}    pts {pts:.3f} s    Corrected time {wall}    {offset}    {state}"
        ).format(i=i, n=p.frame_count - 1, pts=p.pts(i), wall=self.shown.fmt(p.wall_time(i)),
                 offset=offset, state=state))

    def _frame_notes(self, source, i: int) -> str:
        """Damage and recording segment of the shown frame (never a wrong frame unannounced)."""
        notes = ""
        segments = source.segments
        if len(segments) > 1:
            notes += "    " + self.tr("recording {k} of {n}").format(
                k=source.segment_of(i) + 1, n=len(segments))
        if source.is_damaged(i):
            notes += "    ⚠ " + self.tr("DATA DAMAGED")
        return notes

    def displayed_image(self) -> QImage:
        return self.frame_view.image()

    def shown_qimage_of(self, frame) -> QImage:
        return bgr_to_qimage(frame)

    # -- transport -----------------------------------------------------------------------
    def _seek_from_timeline(self, index: int) -> None:
        if self.player:
            self.player.pause()
            self.player.seek(index)

    def step(self, delta: int) -> None:
        if self.player:
            self.player.step(delta)

    def step_seconds(self, seconds: float) -> None:
        if self.player:
            self.player.step_seconds(seconds)

    def toggle(self) -> None:
        if self.player:
            self.player.toggle()

    def shuttle(self, direction: int) -> None:
        if self.player:
            if direction == 0:
                self.player.pause()
            else:
                self.player.shuttle(direction)

    def goto_segment(self, direction: int) -> None:
        """Jump to the next/previous activity segment (ranked order when a colour is chosen)."""
        if not self.player or not self.timeline.segments:
            return
        if self.ranked:
            self._rank_cursor = max(0, min(len(self.ranked) - 1, self._rank_cursor + direction))
            self.player.pause()
            self.player.seek(self.ranked[self._rank_cursor])
            return
        here = self.player.index
        starts = sorted(s for s, _e, _r in self.timeline.segments)
        if direction > 0:
            target = next((s for s in starts if s > here), None)
        else:
            target = next((s for s in reversed(starts) if s < here), None)
        if target is not None:
            self.player.pause()
            self.player.seek(target)
