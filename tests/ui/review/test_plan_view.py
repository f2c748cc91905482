"""The plan view: cameras at one spot keep their own dots and the legs between them show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from PySide6.QtCore import QLineF

from app.services.evidence.routes import Route, RoutePoint
from app.ui.review.route_view import PlanView

T0 = datetime(2023, 11, 27, 22, 0, tzinfo=UTC)


def _cam(i, lat, lon):
    return SimpleNamespace(id=i, lat=lat, lon=lon, code=f"C{i}", name=f"camera {i}",
                           address="")


def _point(obs, cam, seconds, dist, speed):
    return RoutePoint(obs, obs, 0, cam.id, cam.code, cam.lat, cam.lon,
                      T0 + timedelta(seconds=seconds), dist, seconds or None, speed, (), "")


def test_colocated_cameras_show_every_leg(qtbot):
    # two lenses on one pole (C1, C2), then a camera 1 km south
    cams = [_cam(1, 27.870, 113.15), _cam(2, 27.870, 113.15), _cam(3, 27.861, 113.15)]
    route = Route(1, "蓝色三轮摩托车", "three_wheel_motorcycle", 70.0, "time", (
        _point(1, cams[0], 0, None, None), _point(2, cams[1], 5, 0.0, None),
        _point(3, cams[2], 125, 1000.0, 28.8)))
    view = PlanView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_route(cams, route, None)
    a, b = view.shown_at[1], view.shown_at[2]
    assert QLineF(a, b).length() > 1                  # two dots, not one on top of the other
    assert view.legs_drawn == 2                       # C1→C2 is drawn as well as C2→C3
    view.grab().save("/tmp/trust/plan_view.png")


def _no_overlaps(view) -> list:
    from PySide6.QtCore import QPointF, QRectF

    from app.ui.widgets.map_labels import view_rect
    shown = [lb for lb in view.labels if lb.item.isVisible()]
    rects = [view_rect(view, lb.item) for lb in shown]
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1:]), shown[i].shown
        for dot in view.shown_at.values():
            d = QPointF(view.mapFromScene(dot))
            assert not a.intersects(QRectF(d.x() - 7, d.y() - 7, 14, 14)), shown[i].shown
    return shown


def test_labels_of_a_crowded_corner_cover_nothing_at_any_zoom(qtbot):
    """Six cameras within 100 m (the demo's 天桥街 corner) and a far one: every route camera
    keeps a readable label, no label covers another or a dot, also after zooming out."""
    near = [(27.8655, 113.1590), (27.8658, 113.1593), (27.8652, 113.1596), (27.8660, 113.1588),
            (27.8654, 113.1599), (27.8657, 113.1585)]
    cams = [_cam(i + 1, lat, lon) for i, (lat, lon) in enumerate(near)]
    cams.append(_cam(7, 27.800, 113.10))
    for c in cams:
        c.name = f"天桥街第{c.id}号路口便利店"
    route = Route(1, "蓝色三轮摩托车", "three_wheel_motorcycle", 70.0, "time", (
        _point(1, cams[0], 0, None, None), _point(2, cams[1], 60, 40.0, 24.0),
        _point(3, cams[2], 100, 70.0, 23.0), _point(4, cams[6], 9000, 7800.0, 3.1)))
    view = PlanView()
    qtbot.addWidget(view)
    view.resize(560, 240)
    view.show()
    view.show_route(cams, route, None)
    shown = _no_overlaps(view)
    texts = {lb.shown for lb in shown}
    for c in (cams[0], cams[1], cams[2], cams[6]):               # the route's cameras
        assert {f"{c.code} {c.name}", c.code} & texts, c.code
    assert {"24 km/h", "23 km/h", "3 km/h"} <= texts
    view.scale(0.5, 0.5)
    view.lay_out_labels()
    _no_overlaps(view)
