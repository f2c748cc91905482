"""Joined DVR exports (issue 11 item 3): each recording's start is stored with the evidence item
at import and a frame's corrected time counts from its own recording's start (+ the camera's
clock offset), also after the recorder's clock was set back between recordings."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.models import EvidenceItem
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.services.evidence import clock_offsets, items, observations, segments
from app.services.evidence.observations import ObservationInput
from tests.formats import DAV_JOINED_STARTS, make_variant
from tests.helpers.evidence import T0, case_with_vehicles, make_camera

FRAMES, FPS = 100, 25
ZONE = ZoneInfo("Asia/Shanghai")
STARTS = [datetime.fromisoformat(c).replace(tzinfo=ZONE) for c in DAV_JOINED_STARTS]


@pytest.fixture
def joined(session_factory, paths):
    """Case + camera (clock 65 s slow) + the joined DAV export imported as evidence."""
    ids = case_with_vehicles(session_factory)
    cam = make_camera(session_factory, "DAV1", 27.0, 113.0, offset_s=65.0)
    v = make_variant("dav_joined", frames=FRAMES)
    res = evidence.import_clip(session_factory, paths, SYSTEM, ids["case"], v.path, camera_id=cam)
    return {**ids, "camera": cam, "ev": res.evidence.id, "second": v.segments[1]}


def _expected(frame: int, second: int, offset_s: float) -> datetime:
    k = 1 if frame >= second else 0
    first = second if k else 0
    return STARTS[k] + timedelta(seconds=(frame - first) / FPS + offset_s)


def test_import_stores_each_recordings_start(session_factory, joined):
    with unit_of_work(session_factory) as s:
        row = s.get_one(EvidenceItem, joined["ev"])
        stored = segments.decode(row.segments_json)
        ev = items.to_dto(row)
    assert [r.frame for r in stored] == [0, joined["second"]]
    assert [r.pts_s for r in stored] == pytest.approx([0.0, joined["second"] / FPS])
    assert [r.clock for r in stored] == STARTS
    assert ev.start_time == STARTS[0]                     # from the file's own clock


def test_frame_after_the_clock_jump_gets_its_recordings_time(session_factory, joined):
    second = joined["second"]
    frames = (10, second - 1, second, second + 13, FRAMES - 1)
    with unit_of_work(session_factory) as s:
        made = [observations.add_observation(s, SYSTEM, ObservationInput(
            evidence_id=joined["ev"], frame_index=f, pts_s=f / FPS)) for f in frames]
    for f, o in zip(frames, made, strict=True):
        assert o.wall_time == _expected(f, second, 65.0), f
    # the clock was set back 90 s at the join: the later recording reads earlier
    assert made[2].wall_time < made[1].wall_time

    with unit_of_work(session_factory) as s:                 # re-measured: stored times follow
        clock_offsets.add_clock_offset(s, SYSTEM, joined["camera"], -20.0,
                                       T0 - timedelta(days=1), method="同框拍照")
    with unit_of_work(session_factory) as s:
        stored = observations.list_observations(s, SYSTEM, joined["case"])
    by_frame = {o.frame_index: o.wall_time for o in stored}
    for f in frames:
        assert by_frame[f] == _expected(f, second, -20.0), f


def test_wall_time_and_its_inverse_agree_in_both_recordings(session_factory, joined):
    with unit_of_work(session_factory) as s:
        ev = items.get_evidence(s, SYSTEM, joined["ev"])
    second = joined["second"]
    for f in (0, 7, second - 1, second, second + 30, FRAMES - 1):
        wall = ev.wall_time(f / FPS)
        assert wall == _expected(f, second, 65.0)
        assert ev.pts_at(wall) == pytest.approx(f / FPS, abs=1e-6), f
    assert ev.wall_end == STARTS[1] + timedelta(seconds=(FRAMES - second) / FPS + 65.0)
    # before the first recording: no footage at that time in the clip
    assert ev.pts_at(STARTS[0] + timedelta(seconds=5)) is None


def test_officer_corrected_start_moves_every_recording(session_factory, joined):
    """A corrected file start (camera clock) keeps the jump the file writes between its
    recordings."""
    moved = STARTS[0] + timedelta(minutes=3)
    with unit_of_work(session_factory) as s:
        version = s.get_one(EvidenceItem, joined["ev"]).version
        ev = evidence.update_evidence(s, SYSTEM, joined["ev"], version, start_time=moved)
    second = joined["second"]
    assert ev.wall_time(0.0) == moved + timedelta(seconds=65)
    assert ev.wall_time(second / FPS) == STARTS[1] + timedelta(minutes=3, seconds=65)


def test_file_without_per_recording_clock_keeps_the_single_start(session_factory, paths):
    ids = case_with_vehicles(session_factory)
    v = make_variant("ts_joined_restart", frames=30)
    start = datetime(2023, 11, 28, 6, 0, tzinfo=ZONE)
    res = evidence.import_clip(session_factory, paths, SYSTEM, ids["case"], v.path,
                               start_time=start)
    ev = res.evidence
    for r in ev.recordings:
        assert r.clock is None
    with unit_of_work(session_factory) as s:
        assert s.scalars(select(EvidenceItem.start_time)).one() == start
    for f in (0, 3, 29):
        pts = f / FPS
        assert ev.wall_time(pts) == start + timedelta(seconds=pts)
