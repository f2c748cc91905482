"""Route reconstruction view: the route table (camera, corrected time, leg distance, elapsed,
implied speed, flags) and a plan of the cameras and the route with arrows, optionally over a
user-supplied area image georeferenced by two points, kept in the database (no map tiles)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.db import unit_of_work
from app.services.common.errors import ServiceError
from app.services.evidence.cameras import CameraDTO
from app.services.evidence.routes import Route
from app.services.investigation import case_map
from app.ui.review.shown_zone import ShownZone
from app.ui.widgets.map_labels import MapLabel, layout

M_PER_DEG_LAT = 110_540.0
M_PER_DEG_LON_EQ = 111_320.0


class LocalProjection:
    """lat/lon → plan metres (x east, y south) around a reference point (fine for a district)."""

    def __init__(self, lat0: float, lon0: float):
        self.lat0, self.lon0 = lat0, lon0
        self.kx = M_PER_DEG_LON_EQ * math.cos(math.radians(lat0))

    def __call__(self, lat: float, lon: float) -> QPointF:
        return QPointF((lon - self.lon0) * self.kx, -(lat - self.lat0) * M_PER_DEG_LAT)


def georef_transform(points: list[list[float]], proj: LocalProjection) -> QTransform | None:
    """Image pixels → plan metres from two reference points [[px, py, lat, lon], [...]]."""
    (px1, py1, la1, lo1), (px2, py2, la2, lo2) = points
    m1, m2 = proj(la1, lo1), proj(la2, lo2)
    if px2 == px1 or py2 == py1:
        return None
    sx = (m2.x() - m1.x()) / (px2 - px1)
    sy = (m2.y() - m1.y()) / (py2 - py1)
    return QTransform(sx, 0, 0, sy, m1.x() - sx * px1, m1.y() - sy * py1)


def spread(points: list[QPointF], radius: float) -> list[QPointF]:
    """Points closer than ``radius`` to an earlier one are set around it on a ring, so cameras
    at one spot (two lenses on one pole) keep their own dot and the legs between them show."""
    out: list[QPointF] = []
    anchors: list[tuple[QPointF, int]] = []  # (anchor, how many placed around it)
    for p in points:
        near = next((i for i, (a, _n) in enumerate(anchors)
                     if QLineF(a, p).length() < radius), None)
        if near is None:
            anchors.append((p, 0))
            out.append(p)
            continue
        anchor, n = anchors[near]
        anchors[near] = (anchor, n + 1)
        angle = math.radians(30 + 120 * n)
        out.append(anchor + QPointF(math.cos(angle) * radius, -math.sin(angle) * radius))
    return out


def load_area(context, case_id: int) -> dict | None:
    """The case's plan image from the database ({"image": bytes, "name", "points"}); an old
    ``area_images/case_<id>.json`` beside the data dir is moved into the database once."""
    try:
        with unit_of_work(context.sessions) as s:
            found = case_map.adopt_legacy(s, context.actor, context.paths.data_dir, case_id)
    except ServiceError:
        return None
    if found is None:
        return None
    return {"image": found.image, "name": found.image_name,
            "points": [list(p) for p in found.points]}


def save_area(context, case_id: int, image: bytes, name: str, points: list[list[float]]) -> None:
    """Pin a plan image to the case (in the database: backed up, seen by every workstation)."""
    with unit_of_work(context.sessions) as s:
        case_map.save_map(s, context.actor, case_id, image, name, points)


class PlanView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PlanView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor(236, 238, 232)))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.shown_at: dict[int, QPointF] = {}  # camera id → where its dot is drawn
        self.labels: list[MapLabel] = []         # camera names and speeds, in priority order
        self.legs_drawn = 0

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        f = 1.2 ** (event.angleDelta().y() / 120.0)
        self.scale(f, f)
        self._user_zoomed = True
        self.lay_out_labels()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not getattr(self, "_user_zoomed", False):
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.lay_out_labels()

    def show_route(self, cameras: list[CameraDTO], route: Route | None, area: dict | None) -> None:
        scene = self.scene()
        scene.clear()
        self.labels, self.shown_at = [], {}     # their items went with the scene's
        self._user_zoomed = False
        placed = [(c, c.lat, c.lon) for c in cameras if c.lat is not None and c.lon is not None]
        if not placed:
            scene.addText(self.tr("No camera has a position yet."))
            return
        proj = LocalProjection(sum(lat for _c, lat, _lon in placed) / len(placed),
                               sum(lon for _c, _lat, lon in placed) / len(placed))
        if area is not None:
            t = georef_transform(area["points"], proj)
            pix = QPixmap()
            pix.loadFromData(area["image"])
            if t is not None and not pix.isNull():
                item = scene.addPixmap(pix)
                item.setTransform(t)
                item.setOpacity(0.85)
                item.setZValue(-10)
        on_route = {p.camera_id for p in route.points} if route else set()
        positions = [proj(lat, lon) for _c, lat, lon in placed]
        xs, ys = [q.x() for q in positions], [q.y() for q in positions]
        extent = max(max(xs) - min(xs), max(ys) - min(ys), 100.0)
        positions = spread(positions, extent * 0.12)
        self.shown_at = {c.id: pos for (c, _lat, _lon), pos in zip(placed, positions, strict=True)}
        font = QFont()
        font.setPointSize(9)
        fixed = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        self.labels, first, rest = [], [], []
        order = {p.camera_id: n for n, p in enumerate(route.points)} if route else {}
        for (c, _lat, _lon), pos in zip(placed, positions, strict=True):
            colour = QColor(0, 90, 200) if c.id in on_route else QColor(120, 120, 120)
            dot = QGraphicsEllipseItem(QRectF(-8, -8, 16, 16))
            dot.setPen(QPen(Qt.GlobalColor.white, 2))
            dot.setBrush(QBrush(colour))
            dot.setPos(pos)
            dot.setFlag(fixed)
            dot.setZValue(3)
            dot.setToolTip(f"{c.code} {c.name}\n{c.address}")
            scene.addItem(dot)
            text = scene.addSimpleText(f"{c.code} {c.name}", font)
            text.setPos(pos)
            text.setFlag(fixed)
            text.setZValue(4)
            label = MapLabel(text, pos, f"{c.code} {c.name}", c.code)
            if c.id in order:
                first.append((order[c.id], label))
            else:
                rest.append(label)
        speeds = self._draw_route(scene, route, proj, extent) if route is not None else []
        self.labels = [lb for _n, lb in sorted(first, key=lambda t: t[0])] + speeds + rest
        margin = extent * 0.15
        rect = scene.itemsBoundingRect().united(QRectF(min(xs), min(ys), max(xs) - min(xs),
                                                       max(ys) - min(ys)))
        rect = rect.adjusted(-margin, -margin, margin * 3, margin)
        scene.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.lay_out_labels()

    def lay_out_labels(self) -> None:
        """Labels that cover nothing at the current zoom (``map_labels``)."""
        layout(self, self.labels, list(self.shown_at.values()))

    def _placed_at(self, camera_id: int | None) -> QPointF | None:
        """Where a camera's dot is drawn (spread apart from its neighbours)."""
        return None if camera_id is None else self.shown_at.get(camera_id)

    def _draw_route(self, scene: QGraphicsScene, route: Route, proj: LocalProjection,
                    extent: float) -> list[MapLabel]:
        """Legs with arrows; returns the speed labels (laid out with the camera names)."""
        size = extent * 0.05
        fixed = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        pts = [(p, self._placed_at(p.camera_id) or proj(lat, lon)) for p in route.points
               if (lat := p.lat) is not None and (lon := p.lon) is not None]
        self.legs_drawn = 0
        speeds: list[MapLabel] = []
        for n in range(1, len(pts)):
            (_a, a), (pb, b) = pts[n - 1], pts[n]
            line = QLineF(a, b)
            if line.length() < 1:
                continue
            colour = QColor(210, 30, 30) if pb.flagged else QColor(0, 150, 60)
            pen = QPen(colour, 3, Qt.PenStyle.DashLine if pb.flagged else Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            gap = min(extent * 0.08, line.length() / 3)
            shrink = QLineF(line.pointAt(gap / line.length()), line.pointAt(1 - gap / line.length()))
            scene.addLine(shrink, pen).setZValue(2)
            self.legs_drawn += 1
            angle = math.atan2(shrink.dy(), shrink.dx())
            tip = shrink.p2()
            head = QPolygonF([tip, tip - QPointF(math.cos(angle - 0.4) * size, math.sin(angle - 0.4) * size),
                              tip - QPointF(math.cos(angle + 0.4) * size, math.sin(angle + 0.4) * size)])
            scene.addPolygon(head, QPen(colour), QBrush(colour)).setZValue(2)
            if pb.speed_kmh is not None or pb.flagged:
                words = f"{pb.speed_kmh:.0f} km/h" if pb.speed_kmh is not None else "?"
                label = scene.addSimpleText(words)
                label.setBrush(QBrush(colour))
                label.setPos(shrink.pointAt(0.5))
                label.setFlag(fixed)
                label.setZValue(4)
                speeds.append(MapLabel(label, shrink.pointAt(0.5), words, words, centred=True))
        return speeds


class RouteWidget(QWidget):
    """Vehicle chooser, route table and plan. ``jump_requested(evidence_id, frame)``."""

    jump_requested = Signal(int, int)
    vehicle_changed = Signal(object)
    order_changed = Signal(str)
    area_requested = Signal()

    COLUMNS = 7

    def __init__(self, parent: QWidget | None = None, shown: ShownZone | None = None):
        super().__init__(parent)
        self.setObjectName("RouteWidget")
        self.shown = shown or ShownZone()  # the open case's zone (set by the bench)
        self.route: Route | None = None
        self.vehicle = QComboBox(self)
        self.vehicle.currentIndexChanged.connect(lambda _i: self.vehicle_changed.emit(
            self.vehicle.currentData()))
        self.order = QComboBox(self)
        self.order.addItem(self.tr("by corrected time"), "time")
        self.order.addItem(self.tr("in the order marked"), "marked")
        self.order.currentIndexChanged.connect(lambda _i: self.order_changed.emit(
            self.order.currentData()))
        self.area_button = QPushButton(self.tr("Area image…"), self)
        self.area_button.setToolTip(self.tr("Show a plan or aerial image of the area under the "
                                            "route, placed by two known points"))
        self.area_button.clicked.connect(self.area_requested)
        self.summary = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Vehicle"), self))
        top.addWidget(self.vehicle, 1)
        top.addWidget(self.order)
        top.addWidget(self.area_button)
        top.addWidget(self.summary, 2)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Camera"), self.tr("Corrected time"), self.tr("Leg distance"),
            self.tr("Elapsed"), self.tr("Implied speed"), self.tr("Frame"), self.tr("Check")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(self._jump)
        self.plan = PlanView(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.plan)
        split.setSizes([620, 420])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(split, 1)

    def set_vehicles(self, vehicles: list[tuple[int, str]], select: int | None) -> None:
        self.vehicle.blockSignals(True)
        self.vehicle.clear()
        for ident, label in vehicles:
            self.vehicle.addItem(label, ident)
        self.vehicle.setCurrentIndex(max(0, self.vehicle.findData(select)))
        self.vehicle.blockSignals(False)

    def show_route(self, route: Route | None, cameras: list[CameraDTO], area: dict | None) -> None:
        self.route = route
        points = route.points if route else ()
        self.table.setRowCount(len(points))
        for r, p in enumerate(points):
            cells = [
                p.camera_label, self.shown.fmt(p.wall_time)[:19],
                "" if p.leg_distance_m is None else f"{p.leg_distance_m:.0f} m",
                "" if p.elapsed_s is None else f"{p.elapsed_s:+.0f} s",
                "" if p.speed_kmh is None else f"{p.speed_kmh:.1f} km/h",
                str(p.frame_index), p.message or ("✓" if r else ""),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if p.flagged:
                    item.setForeground(QBrush(QColor(200, 0, 0)))
                    item.setToolTip(p.message)
                self.table.setItem(r, c, item)
        if route is None:
            self.summary.setText(self.tr("No vehicle has observations yet: tag a sighting with a "
                                         "vehicle (M) to build its route."))
        else:
            self.summary.setText(self.tr(
                "{n} sightings, {c} cameras, {d:.2f} km, limit {lim:.0f} km/h, {f} legs to check"
            ).format(n=len(points), c=route.camera_count, d=route.total_distance_m / 1000,
                     lim=route.limit_kmh, f=route.flagged_legs))
        self.plan.show_route(cameras, route, area)

    def _jump(self, row: int, _col: int) -> None:
        if self.route and 0 <= row < len(self.route.points):
            p = self.route.points[row]
            self.jump_requested.emit(p.evidence_id, p.frame_index)
