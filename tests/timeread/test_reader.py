"""The clock reader on generated DVR clips whose clock is known: fonts (incl. a CJK one),
layouts, polarity, positions, noise and night gain, H.264 and MJPEG; a clip without a clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.demo.osd_footage import OsdClip, clock_at, shown
from tests.timeread.conftest import profile_of

VARIANTS = {
    "iso-dejavu-light-tl": OsdClip(fmt="iso", font="dejavu", position="tl"),
    "cn-wqy-dark-tr": OsdClip(fmt="cn_week", font="wqy", dark_on_light=True, position="tr"),
    "us12h-hershey-night-bl": OsdClip(fmt="us_12h", font="hershey", position="bl", gain=2.0,
                                      noise=7.0),
    "eu-serif-mjpeg": OsdClip(fmt="eu_week", font="serif", codec="mjpeg", position="bl",
                              dark_on_light=True),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_readings_are_right_and_pinned_to_the_tick(name):
    spec = VARIANTS[name]
    prof = profile_of(spec)
    assert prof.found and not prof.jumps
    assert len(prof.readings) >= 3
    fps = spec.fps
    assert sum(prof.used) >= len(prof.readings) - 1  # at most one misread, and set aside
    for r, used in zip(prof.readings, prof.used, strict=True):
        assert r.clock == shown(spec, r.pts_s) or not used, r
        if r.pinned:  # the frame before shows the previous second
            assert shown(spec, (r.frame_index - 1) / fps) == r.clock - timedelta(seconds=1)
    assert sum(r.pinned for r in prof.readings) >= len(prof.readings) - 1
    truth = clock_at(spec, 0.0)
    assert abs((prof.start_clock - truth).total_seconds()) <= 1.0 / fps + 1e-6
    assert prof.start_uncertainty_s <= 0.1


def test_a_drawn_region_is_used():
    spec = VARIANTS["iso-dejavu-light-tl"]
    prof = profile_of(spec, roi=(0, 0, 260, 40))
    assert prof.found and prof.box[0] >= 0 and prof.box[1] + prof.box[3] <= 40
    assert prof.readings[0].clock == shown(spec, prof.readings[0].pts_s)


def test_no_clock_found_nothing_invented():
    prof = profile_of(OsdClip(osd=False, seconds=4.0))
    assert not prof.found
    assert prof.readings == () and prof.start_clock is None and prof.segments == ()
    assert "no_clock" in prof.notes


def test_jump_and_drift_are_found():
    spec = OsdClip(fmt="iso", font="mono", seconds=640.0, fps=4, size=(320, 180),
                   jump_at_s=520.0, jump_s=37.0, drift_s_per_h=60.0, noise=3.0)
    prof = profile_of(spec, max_samples=16)
    assert len(prof.jumps) == 1
    jump = prof.jumps[0]
    assert jump.size_s == pytest.approx(37.0, abs=0.6)
    assert jump.before_frame / spec.fps < 520.0 <= jump.after_frame / spec.fps
    assert (jump.after_frame - jump.before_frame) / spec.fps <= 3.0   # bisected down to ~2 s
    assert prof.drift_s_per_h == pytest.approx(60.0, abs=6.0)
    assert abs((prof.start_clock - clock_at(spec, 0.0)).total_seconds()) <= 0.5
