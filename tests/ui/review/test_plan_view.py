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
