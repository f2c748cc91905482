"""Canvass list: coverage status, collection deadlines, the urgent list, camera view, gaps,
evidence-request letters and the case map in the database."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from PIL import Image

from app.models import AuditEntry
from app.services.common.errors import ConflictError, ValidationError
from app.services.investigation import canvass, case_map, gaps, requests
from tests.helpers.cases import run
from tests.helpers.investigation import (
    T0,
    case_with_vehicles,
    make_camera,
    set_retention,
    sighting,
)


@pytest.fixture
def case(session_factory):
    ids = case_with_vehicles(session_factory)
    ids["near"] = make_camera(session_factory, "SF-TQ-012", 27.8655, 113.1590)
    ids["far"] = make_camera(session_factory, "SF-TQ-003", 27.8735, 113.1575)
    set_retention(session_factory, ids["near"], 30)
    set_retention(session_factory, ids["far"], 90)
    return ids


def test_deadline_and_urgent_list_follow_retention_and_status(session_factory, case):
    cid = case["case"]
    a = run(session_factory, canvass.add_camera, cid, case["near"])
    run(session_factory, canvass.add_camera, cid, case["far"])
    occurred = T0 + timedelta(minutes=10)
    assert a.status == "to_ask" and a.lost_at == occurred + timedelta(days=30)
    now = occurred + timedelta(days=28)             # 2 days before SF-TQ-012 overwrites
    urgent = run(session_factory, canvass.urgent_list, cid, now=now)
    assert [e.camera.code for e in urgent] == ["SF-TQ-012"]
    assert urgent[0].days_left == pytest.approx(2.0)
    assert not urgent[0].lost
    later = run(session_factory, canvass.urgent_list, cid, now=occurred + timedelta(days=31))
    assert later[0].lost                             # overdue: probably overwritten already
    run(session_factory, canvass.set_status, a.id, "collected", expected_version=a.version)
    assert run(session_factory, canvass.urgent_list, cid, now=now) == []
    listed = run(session_factory, canvass.list_canvass, cid, now=now)
    assert [e.camera.code for e in listed] == ["SF-TQ-003", "SF-TQ-012"]  # not collected first


def test_status_is_checked_audited_and_versioned(session_factory, case):
    e = run(session_factory, canvass.add_camera, case["case"], case["near"])
    with pytest.raises(ValidationError):
        run(session_factory, canvass.set_status, e.id, "lost")
    with pytest.raises(ValidationError):
        run(session_factory, canvass.add_camera, case["case"], case["near"])
    done = run(session_factory, canvass.set_status, e.id, "asked", expected_version=e.version)
    with pytest.raises(ConflictError):
        run(session_factory, canvass.set_status, e.id, "collected", expected_version=e.version)
    assert done.status == "asked"
    with session_factory() as s:
        actions = [a.action for a in s.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions[-2:] == ["canvass.add", "canvass.status"]


def test_dragging_a_wedge_turns_the_camera(session_factory, case):
    cam = run(session_factory, canvass.cameras.get_camera, case["near"])
    turned = run(session_factory, canvass.set_view, cam.id, facing_deg=-90.0, fov_deg=75,
                 expected_version=cam.version)
    assert (turned.facing_deg, turned.fov_deg, turned.retention_days) == (270.0, 75.0, 30)


def test_gap_between_last_camera_that_saw_and_next_that_did_not(session_factory, case):
    cid = case["case"]
    silent = make_camera(session_factory, "SF-HP-005", 27.8620, 113.1600)
    for cam in (case["far"], case["near"]):
        run(session_factory, canvass.add_camera, cid, cam, status="reviewed")
    run(session_factory, canvass.add_camera, cid, silent, status="nothing_relevant")
    sighting(session_factory, cid, case["far"], case["ebike"], "a" * 64, 5, "推车")
    sighting(session_factory, cid, case["near"], case["ebike"], "b" * 64, 15, "推车")
    found = run(session_factory, gaps.vanish_gaps, cid)
    assert [(g.vehicle_id, g.last_camera_id, g.next_camera_id) for g in found] == [
        (case["ebike"], case["near"], silent)]
    assert 300 < found[0].distance_m < 500


def test_request_letter_handed_over_moves_camera_to_asked(session_factory, case):
    cid = case["case"]
    run(session_factory, canvass.add_camera, cid, case["near"])
    req = run(session_factory, requests.issue_request, cid, case["near"])
    assert req.doc_no.startswith("石峰-2023-0117") and req.handed_over_at is None
    assert req.footage_lost_at == T0 + timedelta(minutes=10, days=30)
    with pytest.raises(ValidationError):
        run(session_factory, requests.hand_over, req.id, " ")
    done = run(session_factory, requests.hand_over, req.id, "王经理", at=T0 + timedelta(hours=5))
    assert done.handed_to == "王经理"
    entry = run(session_factory, canvass.list_canvass, cid)[0]
    assert entry.status == "asked"


def _png(colour=(200, 10, 10)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buf, "PNG")
    return buf.getvalue()


def test_case_map_lives_in_the_database_and_adopts_the_old_file(session_factory, case, paths):
    cid = case["case"]
    pts = [[0, 0, 27.88, 113.15], [40, 30, 27.86, 113.17]]
    with pytest.raises(ValidationError):
        run(session_factory, case_map.save_map, cid, b"not an image", "x.png", pts)
    with pytest.raises(ValidationError):
        run(session_factory, case_map.save_map, cid, _png(), "x.png", [pts[0], pts[0]])
    legacy_dir = paths.data_dir / "area_images"
    legacy_dir.mkdir()
    img = paths.data_dir / "plan.png"
    img.write_bytes(_png())
    (legacy_dir / f"case_{cid}.json").write_text(
        json.dumps({"image": str(img), "points": pts}), "utf-8")
    got = run(session_factory, case_map.adopt_legacy, paths.data_dir, cid)
    assert got is not None and got.image == _png() and got.points[1] == (40, 30, 27.86, 113.17)
    assert not (legacy_dir / f"case_{cid}.json").exists()
    again = run(session_factory, case_map.get_map, cid)
    assert again.image_name == "plan.png"
