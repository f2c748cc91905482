"""Timeline of one clip: keyframe thumbnails, the activity strip, segments ranked by colour,
observation markers, in/out range and the playhead. Click or drag to seek; Ctrl+wheel zooms,
wheel scrolls a zoomed timeline."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.review.coverage import COVERAGE_H, paint_coverage

THUMB_H = 46
STRIP_H = 18
MARK_H = 16
RULER_H = 16


def heat(score: float) -> QColor:
    """0 → dark blue-grey, 1 → bright orange."""
    s = max(0.0, min(1.0, float(score)))
    return QColor(int(40 + 215 * s), int(44 + 120 * s), int(60 - 40 * s))


class TimelineWidget(QWidget):
    seek_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Timeline")
        self.setMinimumHeight(RULER_H + THUMB_H + STRIP_H + COVERAGE_H + MARK_H + 9)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.frame_count = 1
        self.fps = 25.0
        self.position = 0
        self.thumbnails: list[tuple[int, QImage]] = []
        self.activity: np.ndarray | None = None     # per-second scores 0..1
        self.segments: list[tuple[int, int, float]] = []  # start, end frame, rank score 0..1
        self.markers: list[tuple[int, str]] = []     # frame, tooltip
        self.in_out: tuple[int | None, int | None] = (None, None)
        self.scan_state = ""                          # text while a scan runs
        self.coverage: list[tuple[int, int, str]] = []  # decoded / triaged stretches of a scan
        self._zoom = 1.0
        self._offset = 0.0  # first visible frame
        self._dragging = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(800, self.minimumHeight())

    # -- data ----------------------------------------------------------------------------
    def set_clip(self, frame_count: int, fps: float) -> None:
        self.frame_count, self.fps = max(1, frame_count), fps or 25.0
        self.thumbnails, self.activity, self.segments, self.markers = [], None, [], []
        self.coverage = []
        self.in_out = (None, None)
        self._zoom, self._offset, self.position = 1.0, 0.0, 0
        self.update()

    def set_position(self, index: int) -> None:
        self.position = index
        visible = self.frame_count / self._zoom
        if not self._offset <= index < self._offset + visible:  # keep the playhead in view
            self._offset = max(0.0, min(self.frame_count - visible, index - visible / 2))
        self.update()

    def set_thumbnails(self, thumbs: list[tuple[int, QImage]]) -> None:
        self.thumbnails = thumbs
        self.update()

    def set_activity(self, per_second, segments: list[tuple[int, int, float]]) -> None:
        self.activity = None if per_second is None else np.asarray(per_second, dtype=float)
        self.segments = segments
        self.scan_state = ""
        self.update()

    def set_coverage(self, stretches: list[tuple[int, int, str]]) -> None:
        """Which stretches the scan decoded and which it only triaged (see coverage.py)."""
        self.coverage = list(stretches)
        self.update()

    def set_markers(self, markers: list[tuple[int, str]]) -> None:
        self.markers = markers
        self.update()

    def set_in_out(self, start: int | None, end: int | None) -> None:
        self.in_out = (start, end)
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def _x(self, frame: float) -> float:
        return (frame - self._offset) / (self.frame_count / self._zoom) * self.width()

    def frame_at(self, x: float) -> int:
        f = self._offset + x / max(1, self.width()) * self.frame_count / self._zoom
        return int(max(0, min(self.frame_count - 1, round(f))))

    def set_zoom(self, zoom: float, around: int | None = None) -> None:
        around = self.position if around is None else around
        self._zoom = max(1.0, min(zoom, self.frame_count / 10.0 if self.frame_count > 10 else 1.0))
        visible = self.frame_count / self._zoom
        self._offset = max(0.0, min(self.frame_count - visible, around - visible / 2))
        self.update()

    def zoom(self) -> float:
        return self._zoom

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        w = self.width()
        p.fillRect(self.rect(), QColor(30, 30, 34))
        self._paint_ruler(p, w)
        y = RULER_H
        self._paint_thumbs(p, y)
        y += THUMB_H + 2
        self._paint_activity(p, y, w)
        y += STRIP_H + 1
        paint_coverage(p, self.coverage, self._x, y, w)
        y += COVERAGE_H + 2
        self._paint_range_and_head(p)
        self._paint_markers(p, y)  # over the playhead: a mark on the current frame stays visible
        p.end()

    def _paint_ruler(self, p: QPainter, w: int) -> None:
        p.setPen(QColor(150, 150, 150))
        seconds = self.frame_count / self.fps / self._zoom
        step = next((s for s in (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600)
                     if w / max(seconds / s, 1e-9) >= 70), 3600)
        t = int(self._offset / self.fps // step * step)
        while True:
            x = self._x(t * self.fps)
            if x > w:
                break
            if x >= 0:
                p.drawLine(QPointF(x, RULER_H - 5), QPointF(x, RULER_H))
                p.drawText(QPointF(x + 2, RULER_H - 5), f"{t // 60:d}:{t % 60:02d}")
            t += step

    def _paint_thumbs(self, p: QPainter, y: int) -> None:
        if not self.thumbnails:
            p.fillRect(QRectF(0, y, self.width(), THUMB_H), QColor(45, 45, 50))
            return
        for n, (frame, img) in enumerate(self.thumbnails):
            nxt = self.thumbnails[n + 1][0] if n + 1 < len(self.thumbnails) else self.frame_count
            x0, x1 = self._x(frame), self._x(nxt)
            if x1 < 0 or x0 > self.width():
                continue
            target = QRectF(x0, y, max(1.0, x1 - x0), THUMB_H)
            aspect = img.width() / max(1, img.height())
            tw = min(target.width(), THUMB_H * aspect)
            p.drawImage(QRectF(x0, y, tw, THUMB_H), img)
            if tw < target.width():
                p.fillRect(QRectF(x0 + tw, y, target.width() - tw, THUMB_H), QColor(45, 45, 50))

    def _paint_activity(self, p: QPainter, y: int, w: int) -> None:
        rect = QRectF(0, y, w, STRIP_H)
        p.fillRect(rect, QColor(40, 44, 60))
        if self.activity is not None and len(self.activity):
            for s, score in enumerate(self.activity):
                x0, x1 = self._x(s * self.fps), self._x((s + 1) * self.fps)
                if x1 >= 0 and x0 <= w and score > 0.02:
                    p.fillRect(QRectF(x0, y, max(1.0, x1 - x0), STRIP_H), heat(score))
        for start, end, rank in self.segments:
            pen = QPen(QColor(0, 200, 255) if rank >= 0.5 else QColor(200, 200, 200), 2)
            p.setPen(pen)
            p.drawRect(QRectF(self._x(start), y + 1, max(2.0, self._x(end) - self._x(start)),
                              STRIP_H - 2))
        if self.scan_state:
            p.setPen(QColor(220, 220, 220))
            p.drawText(rect.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, self.scan_state)

    def _paint_markers(self, p: QPainter, y: int) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 200, 0))
        for frame, _tip in self.markers:
            x = self._x(frame)
            path = QPainterPath()
            path.moveTo(x, y)
            path.lineTo(x - 6, y + MARK_H - 2)
            path.lineTo(x + 6, y + MARK_H - 2)
            path.closeSubpath()
            p.drawPath(path)

    def _paint_range_and_head(self, p: QPainter) -> None:
        a, b = self.in_out
        if a is not None:
            x0 = self._x(a)
            x1 = self._x(b) if b is not None else x0 + 2
            p.fillRect(QRectF(x0, RULER_H, max(2.0, x1 - x0), self.height() - RULER_H),
                       QColor(80, 160, 255, 60))
        x = self._x(self.position)
        p.setPen(QPen(QColor(255, 60, 60), 2))
        p.drawLine(QPointF(x, 0), QPointF(x, self.height()))

    # -- input ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self.seek_requested.emit(self.frame_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._dragging:
            self.seek_requested.emit(self.frame_at(event.position().x()))
        else:
            frame = self.frame_at(event.position().x())
            near = [tip for f, tip in self.markers if abs(self._x(f) - event.position().x()) < 7]
            t = frame / self.fps
            self.setToolTip("\n".join(near) if near else f"#{frame}  {int(t // 60)}:{t % 60:05.2f}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._dragging = False

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120.0
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self._zoom * (1.5 ** steps), self.frame_at(event.position().x()))
        elif self._zoom > 1:
            visible = self.frame_count / self._zoom
            self._offset = max(0.0, min(self.frame_count - visible,
                                        self._offset - steps * visible / 10))
            self.update()
        event.accept()
