"""Colour/noise-aware detector and the triage scan: recall against planted events (frame ranges
known by construction), intra-only fallback, cancel, what was decoded vs only triaged."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest

from app.video import VideoCancelled, VideoError, open_video, scan_activity
from app.video.bitstream import read_signal
from app.video.triage import TriageResult, merge, scan_triage, subtract
from tests.formats import make_variant
from tests.scenes import Event, found, make_scene

SIZE = (320, 180)
DARK = [Event("tricycle_dark", 60, 210)]                        # 6 s across a dark noisy road
MIXED = [Event("car", 40, 90), Event("pedestrian", 200, 330), Event("headlights", 420, 520)]


@pytest.fixture(scope="module")
def dark_road():
    return make_scene(DARK, frames=300, size=SIZE, dark=True, noise=5, gop=50)


@pytest.fixture(scope="module")
def street():
    return make_scene(MIXED, frames=600, size=SIZE, noise=1.5, gop=100)


def test_dark_blue_tricycle_on_dark_noisy_road_is_found(dark_road):
    result = scan_activity(dark_road, workers=1)
    assert found(DARK[0], result.segments)
    quiet = result.per_second[:2].max(), result.per_second[10:].max()
    assert max(quiet) < 0.05, quiet      # the noise itself is not motion
    seg = next(s for s in result.segments if s.end_frame >= 60)
    assert seg.start_frame <= 75 and seg.end_frame >= 200


def test_roi_sensitivity_is_checked_and_used(dark_road):
    with pytest.raises(VideoError):
        scan_activity(dark_road, workers=1, sensitivity=0.0)
    dull = scan_activity(dark_road, workers=1, sensitivity=0.2)
    keen = scan_activity(dark_road, workers=1, sensitivity=3.0)
    assert keen.per_second.sum() > dull.per_second.sum()


def test_triage_finds_every_planted_event_and_decodes_less(street):
    full = scan_activity(street, workers=1)
    tri = scan_triage(street, workers=1)
    assert all(found(e, full.segments) for e in MIXED)
    assert all(found(e, tri.segments) for e in MIXED), tri.segments
    assert tri.method == "triage"
    assert 0 < tri.frames_decoded <= 600
    kinds = {state for _a, _b, state in tri.stretches()}
    assert kinds <= {"decoded", "triaged"} and "decoded" in kinds
    covered = sum(b - a + 1 for a, b, _s in tri.stretches())
    assert covered == 600
    # every event was confirmed by decoding some of its frames, not only triaged
    for e in MIXED:
        assert any(a <= e.last and b >= e.first for a, b in tri.decoded), e


@pytest.mark.parametrize("codec", ["h264_intra", "mjpeg"])
def test_intra_only_video_falls_back_to_decoding_everything(codec):
    events = [Event("car", 50, 100)]
    path = make_scene(events, frames=150, size=SIZE, noise=1.5, codec=codec)
    tri = scan_triage(path, workers=1)
    assert tri.method == "full" and tri.fallback
    assert tri.decoded == [(0, 149)] and tri.frames_decoded == 150
    assert found(events[0], tri.segments)
    assert {s for _a, _b, s in tri.stretches()} == {"decoded"}


def test_cancel_stops_the_triage(street):
    with pytest.raises(VideoCancelled):
        scan_triage(street, workers=1, cancel=lambda: True)
    calls = []
    with pytest.raises(VideoCancelled):
        scan_triage(street, workers=1, cancel=lambda: calls.append(1) or len(calls) > 3)


def test_result_round_trips_through_json(street):
    tri = scan_triage(street, workers=1, roi=(0, 60, 320, 120))
    again = TriageResult.from_json(json.loads(json.dumps(tri.to_json())))
    assert again.decoded == tri.decoded and again.segments == tri.segments
    assert again.params["roi"] == [0, 60, 320, 120] and again.method == tri.method
    assert again.stretches() == tri.stretches()


def test_range_arithmetic():
    assert merge([(10, 20), (0, 5), (6, 8), (30, 40)]) == [(0, 8), (10, 20), (30, 40)]
    assert merge([(0, 5), (8, 9)], gap=2) == [(0, 9)]
    assert subtract([(0, 100)], [(10, 20), (50, 200)]) == [(0, 9), (21, 49)]
    assert subtract([(0, 5)], []) == [(0, 5)]


def test_triage_reads_the_picture_sizes_of_every_recording_of_a_joined_export(tmp_path):
    """A DVR export of two recordings whose clocks restart: the second recording's picture
    sizes were placed on no frame, so triage looked there only at its 30 s probes and missed
    a car that crossed between them."""
    quiet = make_scene([], frames=600, size=SIZE, noise=1.5, gop=100)
    later = make_scene([Event("car", 300, 350)], frames=600, size=SIZE, noise=1.5, gop=100)
    parts = []
    for n, src in enumerate((quiet, later)):
        part = tmp_path / f"{n}.ts"
        subprocess.run(["ffmpeg", "-v", "error", "-i", str(src), "-c", "copy", "-bsf:v",
                        "h264_mp4toannexb", str(part)], check=True)
        parts.append(part.read_bytes())
    joined = tmp_path / "joined.ts"
    joined.write_bytes(b"".join(parts))
    with open_video(joined) as video:
        assert video.segments == [0, 600]
        signal = read_signal(joined, video.index)
    assert not np.isnan(signal.sizes).any()
    tri = scan_triage(joined, workers=1)
    car = Event("car", 900, 950)
    assert tri.method == "triage" and found(car, tri.segments), tri.segments
    assert any(a <= car.last and b >= car.first for a, b in tri.decoded)


@pytest.mark.parametrize("name", ["ts_joined_restart", "dav_joined", "flv_h264_reconnect",
                                  "mkv_h264_clock_back", "ps_h264", "mpg_mpeg4_dropped"])
def test_every_picture_of_a_stream_entered_by_position_has_its_size(name):
    """Joined recordings, pictures that share one PES (ps_h264), not-coded pictures between
    them (mpg_mpeg4_dropped): each picture's size lands on its own frame."""
    v = make_variant(name, frames=100)
    with open_video(v.path) as video:
        assert video.index.seek_by == "pos"
        signal = read_signal(v.path, video.index)
    assert signal.sizes.size == v.frame_count and not np.isnan(signal.sizes).any()
