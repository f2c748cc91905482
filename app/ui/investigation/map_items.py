"""Items of the canvass map: a camera's field-of-view wedge (drag to turn it), the scene marker,
the vanish gap and task areas. Scene units are metres, x east, y south (north up)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from app.services.investigation.geo import bearing_of

# coverage status → colour (to ask red, asked orange, collected blue, reviewed green, nothing grey)
STATUS_COLOURS = {
    "to_ask": QColor(214, 40, 40), "asked": QColor(240, 140, 0), "collected": QColor(30, 110, 220),
    "reviewed": QColor(20, 150, 70), "nothing_relevant": QColor(130, 130, 130),
}
FIXED = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
CAMERA_ID = 0   # item data key: the camera an item belongs to (wedge, dot, label)


def wedge_path(facing_deg: float, fov_deg: float, radius: float) -> QPainterPath:
    """A pie from the camera (0, 0) centred on compass bearing ``facing_deg``."""
    path = QPainterPath(QPointF(0, 0))
    rect = QRectF(-radius, -radius, 2 * radius, 2 * radius)
    qt_start = 90.0 - facing_deg - fov_deg / 2  # Qt: 0° = east, counter-clockwise
    path.arcTo(rect, qt_start, fov_deg)
    path.closeSubpath()
    return path


class CameraWedge(QGraphicsPathItem):
    """A camera's view: drag inside the wedge to turn it; ``on_turned(camera_id, bearing)``."""

    def __init__(self, camera_id: int, facing: float | None, fov: float | None, radius: float,
                 colour: QColor, on_turned: Callable[[int, float], None] | None = None):
        super().__init__()
        self.camera_id, self.radius, self.on_turned = camera_id, radius, on_turned
        self.facing = facing if facing is not None else 0.0
        self.fov = fov or 60.0
        self.known = facing is not None
        self._dragging = False
        self._start = (self.facing, self.known)
        pen = QPen(colour.darker(130), 1.5)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(90 if self.known else 30)
        self.setBrush(QBrush(fill))
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(2)
        self.setData(CAMERA_ID, camera_id)
        self._rebuild()

    def _rebuild(self) -> None:
        self.setPath(wedge_path(self.facing, self.fov, self.radius))

    def set_facing(self, bearing: float) -> None:
        self.facing, self.known = bearing % 360.0, True
        self._rebuild()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging, self._start = True, (self.facing, self.known)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._dragging:
            p = event.pos()
            if math.hypot(p.x(), p.y()) > 1:
                self.set_facing(bearing_of(p.x(), p.y()))
            event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._dragging:
            self._dragging = False
            if self.on_turned is not None and (self.facing, self.known) != self._start:
                self.on_turned(self.camera_id, round(self.facing, 1))
            event.accept()


def add_camera(scene: QGraphicsScene, camera_id: int, pos: QPointF, label: str, colour: QColor,
               tooltip: str, font: QFont) -> QGraphicsSimpleTextItem:
    """A camera's dot and its label (returned: the view lays labels out, ``map_labels``)."""
    dot = QGraphicsEllipseItem(QRectF(-6, -6, 12, 12))
    dot.setPen(QPen(Qt.GlobalColor.white, 2))
    dot.setBrush(QBrush(colour))
    dot.setPos(pos)
    dot.setFlag(FIXED)
    dot.setZValue(5)
    dot.setToolTip(tooltip)
    dot.setData(CAMERA_ID, camera_id)
    scene.addItem(dot)
    text = QGraphicsSimpleTextItem(label)
    text.setFont(font)
    text.setBrush(QBrush(colour.darker(150)))
    text.setPos(pos)
    text.setFlag(FIXED)
    text.setZValue(6)
    text.setTransform(text.transform().fromTranslate(9, -7))
    text.setData(CAMERA_ID, camera_id)
    scene.addItem(text)
    return text


def add_scene_marker(scene: QGraphicsScene, pos: QPointF, label: str, font: QFont) -> None:
    star = QPolygonF([QPointF(math.cos(math.radians(a)) * (11 if i % 2 == 0 else 5),
                              math.sin(math.radians(a)) * (11 if i % 2 == 0 else 5))
                      for i, a in enumerate(range(-90, 270, 36))])
    item = scene.addPolygon(star, QPen(Qt.GlobalColor.white, 1.5), QBrush(QColor(200, 0, 0)))
    item.setPos(pos)
    item.setFlag(FIXED)
    item.setZValue(8)
    text = scene.addSimpleText(label, font)
    text.setBrush(QBrush(QColor(170, 0, 0)))
    text.setPos(pos)
    text.setFlag(FIXED)
    text.setZValue(8)
    text.setTransform(text.transform().fromTranslate(12, 4))


def add_gap(scene: QGraphicsScene, a: QPointF, b: QPointF, label: str, font: QFont) -> None:
    pen = QPen(QColor(200, 0, 120), 3, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    scene.addLine(a.x(), a.y(), b.x(), b.y(), pen).setZValue(4)
    mid = (a + b) / 2
    ring = scene.addEllipse(QRectF(-16, -16, 32, 32), pen)
    ring.setPos(mid)
    ring.setFlag(FIXED)
    text = scene.addSimpleText(label, font)
    text.setBrush(QBrush(QColor(160, 0, 100)))
    text.setPos(mid)
    text.setFlag(FIXED)
    text.setZValue(7)
    text.setTransform(text.transform().fromTranslate(-18 - text.boundingRect().width(), -8))


def add_area(scene: QGraphicsScene, points: list[QPointF], label: str, done: bool,
             font: QFont) -> None:
    colour = QColor(20, 150, 70) if done else QColor(240, 140, 0)
    pen = QPen(colour, 2, Qt.PenStyle.DotLine)
    pen.setCosmetic(True)
    fill = QColor(colour)
    fill.setAlpha(45)
    scene.addPolygon(QPolygonF(points), pen, QBrush(fill)).setZValue(1)
    text = scene.addSimpleText(label, font)
    text.setBrush(QBrush(colour.darker(140)))
    text.setPos(max(points, key=lambda p: p.y()))   # under the southernmost corner
    text.setFlag(FIXED)
    text.setZValue(7)
    text.setTransform(text.transform().fromTranslate(-40, 6))
