"""OSD test clips (rendered once per machine, see tests/media.py) and their profiles, read once
per session: OCR is slow on shared cores."""

from __future__ import annotations

import pytest

from app.demo.osd_footage import OsdClip, render
from app.timeread import read_clip_clock, shared_engine
from app.video import open_video
from tests.media import media_dir

_profiles: dict = {}


def osd_clip(spec: OsdClip):
    return render(spec, media_dir() / "osd_v2")


def profile_of(spec: OsdClip, roi=None, max_samples: int = 60):
    key = (spec, roi, max_samples)
    if key not in _profiles:
        with open_video(osd_clip(spec)) as video:
            _profiles[key] = read_clip_clock(video, roi=roi, engine=shared_engine(),
                                             max_samples=max_samples)
    return _profiles[key]


@pytest.fixture(scope="session")
def osd_profile():
    return profile_of
