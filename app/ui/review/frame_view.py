"""The frame display: correct aspect, wheel zoom about the cursor, drag to pan, a magnifier,
nearest-neighbour pixels at high zoom, ROI drawing and observation overlays."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QWidget,
)

NEAREST_FROM = 2.0  # zoom factor from which pixels are shown as blocks
MAX_ZOOM = 64.0


def bgr_to_qimage(frame: np.ndarray) -> QImage:
    """Wrap a BGR uint8 frame as a QImage (copied, so the array may be reused)."""
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()


class Magnifier(QLabel):
    """A loupe following the cursor: 4× the pixels under it, nearest-neighbour."""

    SIZE = 180
    FACTOR = 4

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFixedSize(self.SIZE, self.SIZE)
        self.setStyleSheet("border: 2px solid #ffcc00; background: black;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_at(self, image: QImage, image_pos: QPointF, widget_pos: QPointF) -> None:
        half = self.SIZE // (2 * self.FACTOR)
        src = image.copy(int(image_pos.x()) - half, int(image_pos.y()) - half, 2 * half, 2 * half)
        self.setPixmap(QPixmap.fromImage(src.scaled(
            self.SIZE, self.SIZE, Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation)))
        x, y = int(widget_pos.x()) + 24, int(widget_pos.y()) + 24
        parent = self.parentWidget()
        if parent is not None and x + self.SIZE > parent.width():
            x = int(widget_pos.x()) - 24 - self.SIZE
        if parent is not None and y + self.SIZE > parent.height():
            y = int(widget_pos.y()) - 24 - self.SIZE
        self.move(max(0, x), max(0, y))
        self.show()
        self.raise_()


class FrameView(QGraphicsView):
    """Shows one frame. Signals ``roi_drawn(QRect)`` in image pixels after a ROI drag."""

    roi_drawn = Signal(QRect)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FrameView")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setBackgroundBrush(QBrush(QColor(20, 20, 20)))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self._scene.addItem(self._pixmap)
        self._image = QImage()
        self._fit = True
        self._overlays: list = []
        self._message = QGraphicsSimpleTextItem()
        self._message.setBrush(QBrush(QColor(255, 210, 0)))
        font = QFont()
        font.setPointSize(16)
        font.setBold(True)
        self._message.setFont(font)
        self._message.setZValue(10)
        self._scene.addItem(self._message)
        self._roi_mode = False
        self._roi_origin: QPointF | None = None
        self._roi_item: QGraphicsRectItem | None = None
        self.magnifier = Magnifier(self.viewport())
        self._magnify = False

    # -- content -------------------------------------------------------------------------
    def image(self) -> QImage:
        """A deep copy of the frame shown (the view's own image wraps a buffer it replaces)."""
        return self._image.copy()

    def set_frame(self, frame: np.ndarray | QImage) -> None:
        if isinstance(frame, QImage):
            image = frame
        else:  # wrap without copying; the array is kept alive as long as the image is shown
            self._array = np.ascontiguousarray(frame)
            h, w = self._array.shape[:2]
            image = QImage(self._array.data, w, h, self._array.strides[0],
                           QImage.Format.Format_BGR888)
        first = self._image.isNull() or image.size() != self._image.size()
        self._image = image
        self._pixmap.setPixmap(QPixmap.fromImage(image))
        self._scene.setSceneRect(self._pixmap.sceneBoundingRect())
        self.set_message("")
        if first or self._fit:
            self.fit()

    def clear(self, message: str = "") -> None:
        self._image = QImage()
        self._pixmap.setPixmap(QPixmap())
        self.set_overlays([])
        self.set_message(message)

    def set_message(self, text: str) -> None:
        """A big notice over the image (e.g. "no footage at this time")."""
        self._message.setText(text)
        self._message.setVisible(bool(text))
        if text:
            r = self._scene.sceneRect()
            br = self._message.boundingRect()
            scale = 1.0 / max(self.transform().m11(), 1e-6)
            self._message.setScale(scale)
            self._message.setPos(r.center().x() - br.width() * scale / 2,
                                 r.center().y() - br.height() * scale / 2)

    def set_overlays(self, boxes: list[tuple[QRect, str, QColor]]) -> None:
        """Rectangles (image pixels) with a label, e.g. the ROIs of this frame's observations."""
        for item in self._overlays:
            self._scene.removeItem(item)
        self._overlays = []
        for rect, label, colour in boxes:
            pen = QPen(colour, 2)
            pen.setCosmetic(True)
            item = QGraphicsRectItem(QRectF(rect), self._pixmap)  # in image pixels
            item.setPen(pen)
            item.setZValue(5)
            text = QGraphicsSimpleTextItem(label, item)
            text.setBrush(QBrush(colour))
            text.setPos(rect.x(), max(0, rect.y() - 16))
            text.setFlag(QGraphicsSimpleTextItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self._overlays.append(item)

    def set_pixel_aspect(self, par: float) -> None:
        """Show non-square pixels (e.g. D1 704×576 at 12:11) at their true shape."""
        par = par if par and 0.2 < par < 5 else 1.0
        self._pixmap.setTransform(QTransform.fromScale(par, 1.0))
        self._scene.setSceneRect(self._pixmap.sceneBoundingRect())
        if self._fit:
            self.fit()

    def pixel_aspect(self) -> float:
        return self._pixmap.transform().m11()

    def image_to_view(self, point: QPointF) -> QPoint:
        """Viewport position of an image pixel (for tests and overlays)."""
        return self.mapFromScene(self._pixmap.mapToScene(point))

    # -- zoom ----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self._fit = True
        if not self._image.isNull():
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_updated()

    def set_zoom(self, factor: float) -> None:
        factor = max(0.05, min(MAX_ZOOM, factor))
        self._fit = False
        self.setTransform(self.transform().fromScale(factor, factor))
        self._zoom_updated()

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def set_fast(self, fast: bool) -> None:
        """During playback draw with the fast (unfiltered) scaler; smooth again when paused."""
        self._fast = fast
        self._zoom_updated()

    def _zoom_updated(self) -> None:
        nearest = self.zoom() >= NEAREST_FROM or getattr(self, "_fast", False)
        self._pixmap.setTransformationMode(
            Qt.TransformationMode.FastTransformation if nearest
            else Qt.TransformationMode.SmoothTransformation)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not nearest)
        if self._message.isVisible():
            self.set_message(self._message.text())
        self.zoom_changed.emit(self.zoom())

    def nearest_neighbour(self) -> bool:
        """True when pixels are shown as blocks (high zoom; also while playing)."""
        return self._pixmap.transformationMode() == Qt.TransformationMode.FastTransformation

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._fit:
            self.fit()

    # -- magnifier -----------------------------------------------------------------------
    def set_magnifier(self, on: bool) -> None:
        self._magnify = on
        if not on:
            self.magnifier.hide()

    def magnifier_on(self) -> bool:
        return self._magnify

    # -- ROI -----------------------------------------------------------------------------
    def set_roi_mode(self, on: bool) -> None:
        """While on, a left drag draws a rectangle instead of panning."""
        self._roi_mode = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on
                         else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor)
        if not on and self._roi_item is not None:
            self._scene.removeItem(self._roi_item)
            self._roi_item = None

    def roi_mode(self) -> bool:
        return self._roi_mode

    def _image_point(self, pos) -> QPointF:
        p = self._pixmap.mapFromScene(self.mapToScene(pos.toPoint() if hasattr(pos, "toPoint")
                                                      else pos))
        w, h = max(self._image.width(), 1), max(self._image.height(), 1)
        return QPointF(min(max(p.x(), 0.0), float(w)), min(max(p.y(), 0.0), float(h)))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._roi_mode and event.button() == Qt.MouseButton.LeftButton and not self._image.isNull():
            self._roi_origin = self._image_point(event.position())
            if self._roi_item is None:
                self._roi_item = QGraphicsRectItem(self._pixmap)  # in image pixels
                pen = QPen(QColor(0, 255, 120), 2, Qt.PenStyle.DashLine)
                pen.setCosmetic(True)
                self._roi_item.setPen(pen)
                self._roi_item.setZValue(6)
            self._roi_item.setRect(QRectF(self._roi_origin, self._roi_origin))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._roi_origin is not None and self._roi_item is not None:
            self._roi_item.setRect(QRectF(self._roi_origin,
                                          self._image_point(event.position())).normalized())
        if self._magnify and not self._image.isNull():
            self.magnifier.show_at(self._image, self._image_point(event.position()),
                                   event.position())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._roi_origin is not None and self._roi_item is not None:
            rect = QRectF(self._roi_origin, self._image_point(event.position())).normalized()
            self._roi_origin = None
            r = rect.toAlignedRect().intersected(self._image.rect())
            if r.width() >= 3 and r.height() >= 3:
                self.roi_drawn.emit(r)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.magnifier.hide()
        super().leaveEvent(event)

    def pending_roi(self) -> QRect | None:
        """The rectangle drawn last (kept visible until ROI mode ends)."""
        if self._roi_item is None or self._roi_item.rect().isEmpty():
            return None
        return self._roi_item.rect().toAlignedRect()
