"""The canvass map: basemap (offline tiles or the case's plan image), the scene, every camera
of the canvass as a wedge coloured by coverage status (drag to turn it), the gap where a vehicle
vanished, task areas, a scale bar and a north arrow. North is up; scene units are metres."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from app.services.evidence.routes import haversine_m
from app.services.investigation import geo
from app.services.investigation.canvass import CanvassEntry
from app.services.investigation.case_map import CaseMapDTO
from app.services.investigation.gaps import Gap
from app.services.investigation.tasks import TaskDTO
from app.ui.investigation import map_items
from app.ui.investigation.basemap import BasemapConfig
from app.ui.widgets.map_labels import MapLabel, layout

FIT_RADIUS_M = 2000.0   # cameras farther from the scene are drawn but not fitted into view
NICE = (5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
MAX_TILES = 150          # tiles fetched for one screen at most
TILE_Z = -60             # basemap tiles lie under everything (+ their zoom level)
TILE_KEY = 1             # item data key: (z, x, y) of a basemap tile


@dataclass
class MapData:
    scene_lat: float | None
    scene_lon: float | None
    scene_label: str
    entries: list[CanvassEntry] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    tasks: list[TaskDTO] = field(default_factory=list)
    plan: CaseMapDTO | None = None

    def centre(self) -> tuple[float, float] | None:
        if self.scene_lat is not None and self.scene_lon is not None:
            return self.scene_lat, self.scene_lon
        where = placed(self.entries)
        if not where:
            return None
        return (sum(la for _e, la, _lo in where) / len(where),
                sum(lo for _e, _la, lo in where) / len(where))


def placed(entries: list[CanvassEntry]) -> list[tuple[CanvassEntry, float, float]]:
    """The entries whose camera has a position, with that position (lat, lon)."""
    return [(e, e.camera.lat, e.camera.lon) for e in entries
            if e.camera.lat is not None and e.camera.lon is not None]


class MapView(QGraphicsView):
    camera_turned = Signal(int, float)   # camera id, new bearing (degrees from north)
    area_drawn = Signal(object)          # ((lat, lon), ...) WGS-84, at least three corners
    camera_edit_requested = Signal(int)  # camera id (double-click or context menu)
    view_moved = Signal()                # zoomed or panned (settled): time for finer tiles

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CanvassMap")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor(236, 238, 232)))
        self.cfg = BasemapConfig()
        self.proj: geo.LocalProjection | None = None
        self.wedges: dict[int, map_items.CameraWedge] = {}
        self.labels: list[MapLabel] = []
        self._fit = QRectF()
        self._user_zoomed = False
        self._drawing: list[QPointF] | None = None
        self._sketch: QGraphicsPolygonItem | None = None
        self._last_view = (0.0, 0, 0)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(300)
        self._settle.timeout.connect(self.view_moved)

    # -- coordinates ---------------------------------------------------------------------
    def pos_of(self, lat: float, lon: float) -> QPointF:
        """Scene position of a WGS-84 point (shifted to GCJ-02 over a GCJ-02 basemap)."""
        if self.cfg.uses_tiles and self.cfg.gcj02:
            lat, lon = geo.wgs84_to_gcj02(lat, lon)
        x, y = self._projection()(lat, lon)
        return QPointF(x, y)

    def _projection(self) -> geo.LocalProjection:
        if self.proj is None:
            raise RuntimeError("the map has no position to project around")
        return self.proj

    def latlon_of(self, p: QPointF) -> tuple[float, float]:
        """WGS-84 of a scene position (the inverse of :meth:`pos_of`)."""
        lat, lon = self._projection().inverse(p.x(), p.y())
        if self.cfg.uses_tiles and self.cfg.gcj02:
            lat, lon = geo.gcj02_to_wgs84(lat, lon)
        return lat, lon

    # -- drawing a search area: click the corners, double-click (or right-click) to finish ---
    def start_area(self) -> None:
        self._drawing = []
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def add_corner(self, p: QPointF) -> None:
        if self._drawing is None:
            return
        self._drawing.append(p)
        if self._sketch is not None:
            self.scene().removeItem(self._sketch)
        pen = QPen(QColor(240, 140, 0), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        sketch = self.scene().addPolygon(QPolygonF(self._drawing), pen,
                                         QBrush(QColor(240, 140, 0, 50)))
        sketch.setZValue(9)
        self._sketch = sketch

    def finish_area(self) -> None:
        corners, self._drawing = self._drawing or [], None
        if self._sketch is not None:
            self.scene().removeItem(self._sketch)
            self._sketch = None
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().unsetCursor()
        if len(corners) >= 3 and self.proj is not None:
            self.area_drawn.emit(tuple(self.latlon_of(p) for p in corners))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._drawing is None:
            super().mousePressEvent(event)
        elif event.button() == Qt.MouseButton.RightButton:
            self.finish_area()
        else:
            self.add_corner(self.mapToScene(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._drawing is not None:
            self.finish_area()
            return
        camera_id = self.camera_at(event.position().toPoint())
        if camera_id is None:
            super().mouseDoubleClickEvent(event)
        else:
            self.camera_edit_requested.emit(camera_id)

    def camera_at(self, pos: QPoint) -> int | None:
        """The camera whose dot, label or wedge is under viewport position ``pos``."""
        for item in self.items(pos):
            camera_id = item.data(map_items.CAMERA_ID)
            if isinstance(camera_id, int):
                return camera_id
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        camera_id = None if self._drawing is not None else self.camera_at(event.pos())
        if camera_id is None:
            return
        menu = QMenu(self)
        edit = menu.addAction(self.tr("Edit camera (retention, position, view)…"))
        edit.triggered.connect(lambda: self.camera_edit_requested.emit(camera_id))
        menu.exec(event.globalPos())

    def metres_per_pixel(self) -> float:
        return 1.0 / max(self.transform().m11(), 1e-9)

    # -- drawing -------------------------------------------------------------------------
    def show_map(self, data: MapData, cfg: BasemapConfig, labels: dict[str, str]) -> None:
        """Draw everything; ``labels``: coverage status → shown name, plus "gap"/"scene" texts."""
        scene = self.scene()
        scene.clear()
        self.wedges.clear()
        self.labels = []          # camera codes, laid out so none covers another (map_labels)
        self.cfg = cfg
        centre = data.centre()
        if centre is None:
            self.proj = None
            scene.addText(labels.get("empty", ""))
            return
        self.proj = geo.LocalProjection(*centre)
        font = QFont()
        font.setPointSize(9)
        if data.plan is not None and not cfg.uses_tiles:
            self._add_plan(data.plan)
        fit: list[QPointF] = []
        where = {e.camera.id: (self.pos_of(la, lo), haversine_m(centre[0], centre[1], la, lo))
                 for e, la, lo in placed(data.entries)}
        near = [p for p, dist in where.values() if dist <= FIT_RADIUS_M]
        spread = max([abs(p.x()) for p in near] + [abs(p.y()) for p in near] + [100.0])
        min_radius = spread * 0.07   # a wedge stays visible at the fitted zoom
        for e in data.entries:
            c = e.camera
            if c.id not in where:
                continue
            pos, dist = where[c.id]
            colour = map_items.STATUS_COLOURS.get(e.status, QColor(90, 90, 90))
            radius = max(c.view_m or 60.0, min_radius)
            wedge = map_items.CameraWedge(c.id, c.facing_deg, c.fov_deg, radius, colour,
                                          self.camera_turned.emit)
            wedge.setPos(pos)
            scene.addItem(wedge)
            self.wedges[c.id] = wedge
            tip = f"{c.code} {c.name}\n{labels.get(e.status, e.status)}\n{c.owner_unit} " \
                  f"{c.contact_name} {c.contact_phone}"
            text = map_items.add_camera(scene, c.id, pos, c.code, colour, tip, font)
            self.labels.append(MapLabel(text, pos, c.code, c.code))
            if dist <= FIT_RADIUS_M:
                fit.append(pos)
        for t in data.tasks:
            if len(t.area) >= 3:
                pts = [self.pos_of(la, lo) for la, lo in t.area]
                map_items.add_area(scene, pts, t.title, t.status == "done", font)
                fit += pts
        codes = {e.camera.id: e.camera.code for e in data.entries}
        for g in data.gaps:
            if g.last_camera_id in where and g.next_camera_id in where:
                map_items.add_gap(scene, where[g.last_camera_id][0], where[g.next_camera_id][0],
                                  labels.get("gap", "").format(a=codes[g.last_camera_id],
                                                               b=codes[g.next_camera_id],
                                                               m=g.distance_m), font)
        if data.scene_lat is not None and data.scene_lon is not None:
            here = self.pos_of(data.scene_lat, data.scene_lon)
            map_items.add_scene_marker(scene, here, data.scene_label, font)
            fit.append(here)
        xs, ys = [p.x() for p in fit] or [0.0], [p.y() for p in fit] or [0.0]
        rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        margin = max(rect.width(), rect.height(), 200.0) * 0.12
        self._fit = rect.adjusted(-margin, -margin, margin, margin)
        scene.setSceneRect(scene.itemsBoundingRect().united(self._fit).adjusted(-500, -500,
                                                                                500, 500))
        self._user_zoomed = False
        self.fitInView(self._fit, Qt.AspectRatioMode.KeepAspectRatio)
        self._last_view = self._view_state()
        self.lay_out_labels()

    def lay_out_labels(self) -> None:
        layout(self, self.labels, [lb.at for lb in self.labels])

    def _add_plan(self, plan: CaseMapDTO) -> None:
        pix = QPixmap()
        if not pix.loadFromData(plan.image):
            return
        (px1, py1, la1, lo1), (px2, py2, la2, lo2) = plan.points
        m1, m2 = self.pos_of(la1, lo1), self.pos_of(la2, lo2)
        sx, sy = (m2.x() - m1.x()) / (px2 - px1), (m2.y() - m1.y()) / (py2 - py1)
        item = self.scene().addPixmap(pix)
        item.setTransform(QTransform(sx, 0, 0, sy, m1.x() - sx * px1, m1.y() - sy * py1))
        item.setZValue(-10)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)

    def tiles_needed(self, max_zoom: int = 18, visible: bool = False
                     ) -> tuple[int, list[tuple[int, int]]]:
        """Zoom level and XYZ tiles covering the fitted area (about 4-8 tiles across), or with
        ``visible`` the part of the map on screen at the screen's resolution (after the
        officer zoomed or panned; at most ``MAX_TILES``, coarser if more would be needed)."""
        if self.proj is None or self._fit.isEmpty():
            return 0, []
        area = self.mapToScene(self.viewport().rect()).boundingRect() if visible else self._fit
        nw = self.proj.inverse(area.left(), area.top())
        se = self.proj.inverse(area.right(), area.bottom())
        around = 40075016 * math.cos(math.radians(nw[0]))
        if visible:
            z = int(math.log2(around / (256 * self.metres_per_pixel())) + 0.5)
        else:
            z = int(math.log2(around / max(haversine_m(nw[0], nw[1], nw[0], se[1]) / 5, 50)))
        z = max(3, min(max_zoom, z))
        while True:
            x0, y0 = geo.tile_of(nw[0], nw[1], z)
            x1, y1 = geo.tile_of(se[0], se[1], z)
            tiles = [(x, y) for x in range(int(x0), int(x1) + 1)
                     for y in range(int(y0), int(y1) + 1)]
            if len(tiles) <= MAX_TILES or z <= 3:
                return z, tiles
            z -= 1

    def add_tiles(self, z: int, tiles: dict[tuple[int, int], bytes]) -> int:
        """Place fetched tiles (already in the basemap's datum); returns how many were drawn."""
        if self.proj is None:
            return 0
        n = 0
        for (x, y), data in tiles.items():
            pix = QPixmap()
            if not pix.loadFromData(data):
                continue
            la1, lo1 = geo.tile_corner(x, y, z)
            la2, lo2 = geo.tile_corner(x + 1, y + 1, z)
            p1, p2 = QPointF(*self.proj(la1, lo1)), QPointF(*self.proj(la2, lo2))
            item = self.scene().addPixmap(pix)
            sx, sy = (p2.x() - p1.x()) / pix.width(), (p2.y() - p1.y()) / pix.height()
            item.setTransform(QTransform(sx, 0, 0, sy, p1.x(), p1.y()))
            item.setZValue(TILE_Z + z)     # finer tiles over coarser ones
            item.setData(TILE_KEY, (z, x, y))
            n += 1
        return n

    def tile_items(self) -> list[QGraphicsItem]:
        """The basemap tiles on the map."""
        return [i for i in self.scene().items() if i.data(TILE_KEY) is not None]

    def _view_state(self) -> tuple[float, int, int]:
        return (round(self.transform().m11(), 9), self.horizontalScrollBar().value(),
                self.verticalScrollBar().value())

    def _moved(self) -> None:
        """The officer zoomed or panned: ask for tiles of what is on screen, once settled."""
        state = self._view_state()
        if not self._fit.isEmpty() and state != self._last_view:
            self._last_view = state
            self._settle.start()
            self.lay_out_labels()

    # -- furniture: scale bar and north arrow ------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        if self.proj is None:
            return
        painter.save()
        painter.resetTransform()
        vp = self.viewport().rect()
        mpp = self.metres_per_pixel()
        metres = next((n for n in NICE if n / mpp >= 60), NICE[-1])
        px = metres / mpp
        x0, y0 = 16, vp.height() - 22
        painter.setPen(QPen(QColor(30, 30, 30), 2))
        painter.setBrush(QBrush(QColor(255, 255, 255, 200)))
        painter.drawRect(QRectF(x0 - 6, y0 - 22, px + 70, 34))
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
        for x in (x0, x0 + px):
            painter.drawLine(QPointF(x, y0 - 6), QPointF(x, y0 + 4))
        painter.drawText(QPointF(x0 + px + 8, y0 + 4),
                         f"{metres / 1000:g} km" if metres >= 1000 else f"{metres} m")
        cx, cy = vp.width() - 30, 44
        painter.setBrush(QBrush(QColor(30, 30, 30)))
        painter.drawPolygon(QPolygonF([QPointF(cx, cy - 22), QPointF(cx - 9, cy + 6),
                                       QPointF(cx, cy), QPointF(cx + 9, cy + 6)]))
        painter.drawText(QRectF(cx - 10, cy + 8, 20, 18), Qt.AlignmentFlag.AlignCenter, "N")
        painter.restore()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        f = 1.2 ** (event.angleDelta().y() / 120.0)
        self.scale(f, f)
        self._user_zoomed = True
        self.viewport().update()
        self._moved()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if self._drawing is None and self.dragMode() == QGraphicsView.DragMode.ScrollHandDrag:
            self._moved()     # the end of a pan (or a click: a no-op fetch)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self._user_zoomed and not self._fit.isEmpty():
            self.fitInView(self._fit, Qt.AspectRatioMode.KeepAspectRatio)
        self.lay_out_labels()
