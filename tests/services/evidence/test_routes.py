"""Route reconstruction: order by corrected time, distances, speeds, flags."""

from __future__ import annotations

import pytest

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import routes
from app.services.evidence.observations import ObservationInput, add_observation
from tests.helpers.evidence import case_with_vehicles, make_camera, make_evidence_row


def test_haversine_known_distance():
    # one degree of latitude ≈ 111.2 km; 0.009° ≈ 1 km
    assert routes.haversine_m(27.0, 113.0, 28.0, 113.0) == pytest.approx(111_195, rel=1e-3)
    assert routes.haversine_m(27.85, 113.15, 27.859, 113.15) == pytest.approx(1000.8, rel=1e-2)
    assert routes.haversine_m(27.0, 113.0, 27.0, 113.0) == 0.0


def _mark(factory, ev_id, pts, vehicle_id):
    with unit_of_work(factory) as s:
        return add_observation(s, SYSTEM, ObservationInput(
            evidence_id=ev_id, frame_index=int(pts * 25), pts_s=pts, vehicle_id=vehicle_id)).id


@pytest.fixture
def three_cameras(session_factory):
    ids = case_with_vehicles(session_factory)
    # three cameras 1 km apart along a north→south street; the middle one's clock is 1 min fast
    cams = [make_camera(session_factory, "N", 27.870, 113.15),
            make_camera(session_factory, "M", 27.861, 113.15, offset_s=-60.0),
            make_camera(session_factory, "S", 27.852, 113.15)]
    evs = [make_evidence_row(session_factory, ids["case"], c, sha=str(i) * 64, frames=25 * 600)
           for i, c in enumerate(cams)]
    return ids, cams, evs


def test_route_in_time_order_with_plausible_speeds(session_factory, three_cameras):
    ids, cams, evs = three_cameras
    _mark(session_factory, evs[2], 19.0, ids["trike"])   # S at T0+19 s (marked first)
    _mark(session_factory, evs[0], 1.0, ids["trike"])    # N at T0+1 s
    _mark(session_factory, evs[1], 0.0, ids["ebike"])    # another vehicle: not in this route
    _mark(session_factory, evs[1], 5.0, None)            # no vehicle: not in any route
    with unit_of_work(session_factory) as s:
        route = routes.build_route(s, SYSTEM, ids["case"], ids["trike"])
    assert [p.camera_label[:1] for p in route.points] == ["N", "S"]
    leg = route.points[1]
    assert leg.leg_distance_m == pytest.approx(2001, rel=1e-2)
    assert leg.elapsed_s == pytest.approx(18.0)
    # 2 km in 18 s = 400 km/h: impossible for a tricycle → flagged, not hidden
    assert routes.FLAG_TOO_FAST in leg.flags and "时钟" in leg.message
    assert route.points[0].flags == ()


def test_corrected_clocks_give_a_clean_route(session_factory, three_cameras):
    ids, cams, evs = three_cameras
    _mark(session_factory, evs[0], 10.0, ids["trike"])         # N: T0+10 s
    _mark(session_factory, evs[1], 190.0, ids["trike"])        # M: clock T0+190 s, true T0+130 s
    _mark(session_factory, evs[2], 250.0, ids["trike"])        # S: T0+250 s
    with unit_of_work(session_factory) as s:
        route = routes.build_route(s, SYSTEM, ids["case"], ids["trike"])
        assert routes.case_routes(s, SYSTEM, ids["case"])[0].vehicle_id == ids["trike"]
    assert [p.camera_label[:1] for p in route.points] == ["N", "M", "S"]
    assert [round(p.elapsed_s) for p in route.points[1:]] == [120, 120]
    assert all(p.speed_kmh == pytest.approx(30.0, rel=0.02) for p in route.points[1:])
    assert route.flagged_legs == 0 and route.camera_count == 3
    assert route.to_json()["points"][1]["speed_kmh"] == pytest.approx(30.0, rel=0.02)


def test_marked_order_flags_negative_time(session_factory, three_cameras):
    ids, cams, evs = three_cameras
    _mark(session_factory, evs[0], 100.0, ids["trike"])
    _mark(session_factory, evs[2], 40.0, ids["trike"])   # marked after, but 60 s earlier
    with unit_of_work(session_factory) as s:
        route = routes.build_route(s, SYSTEM, ids["case"], ids["trike"], order="marked")
    assert routes.FLAG_NEGATIVE in route.points[1].flags
    assert route.points[1].elapsed_s == pytest.approx(-60.0)


def test_missing_position_and_time_are_flagged(session_factory):
    ids = case_with_vehicles(session_factory)
    cam_a = make_camera(session_factory, "A", 27.87, 113.15)
    cam_b = make_camera(session_factory, "B", None, None)
    ev_a = make_evidence_row(session_factory, ids["case"], cam_a, sha="a" * 64)
    ev_b = make_evidence_row(session_factory, ids["case"], cam_b, sha="b" * 64)
    ev_c = make_evidence_row(session_factory, ids["case"], cam_a, sha="c" * 64, start=None)
    for ev, pts in ((ev_a, 1.0), (ev_b, 5.0), (ev_c, 2.0)):
        _mark(session_factory, ev, pts, ids["ebike"])
    with unit_of_work(session_factory) as s:
        route = routes.build_route(s, SYSTEM, ids["case"], ids["ebike"])
    flags = [set(p.flags) for p in route.points]
    assert routes.FLAG_NO_POSITION in flags[1]
    assert routes.FLAG_NO_TIME in flags[2]           # unknown time sorts last and is flagged
    assert route.points[2].wall_time is None


def test_a_second_mark_at_the_same_camera_adds_no_leg(session_factory, three_cameras):
    """Two marks of the vehicle on one camera are one stop: no 0 m / 0 s / 0 km/h leg."""
    ids, cams, evs = three_cameras
    _mark(session_factory, evs[0], 10.0, ids["trike"])
    _mark(session_factory, evs[0], 10.4, ids["trike"])      # the same pass, marked again
    _mark(session_factory, evs[2], 250.0, ids["trike"])
    with unit_of_work(session_factory) as s:
        route = routes.build_route(s, SYSTEM, ids["case"], ids["trike"])
    assert [p.camera_label[:1] for p in route.points] == ["N", "S"]
    assert all(p.leg_distance_m != 0 for p in route.points[1:])


def test_vehicle_label_in_the_readers_language(session_factory, three_cameras):
    from app.i18n import set_language

    ids, cams, evs = three_cameras
    _mark(session_factory, evs[0], 10.0, ids["trike"])
    set_language("en")
    try:
        with unit_of_work(session_factory) as s:
            label = routes.build_route(s, SYSTEM, ids["case"], ids["trike"]).vehicle_label
    finally:
        set_language("zh_CN")
    assert "three_wheel_motorcycle" not in label and "Three-wheeled motorcycle" in label
