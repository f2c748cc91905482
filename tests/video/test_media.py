"""The shared clip factory: markers survive encoding, clips are cached."""

from __future__ import annotations

import numpy as np
import pytest

from tests.media import KINDS, draw_marker, frame_index_of, make_clip


@pytest.mark.parametrize("value", [0, 1, 2, 255, 256, 4321, 65535])
def test_marker_round_trip(value):
    img = np.full((240, 320, 3), 90, dtype=np.uint8)
    draw_marker(img, value)
    assert frame_index_of(img) == value


def test_clip_is_cached_and_reused():
    first = make_clip("mjpeg_avi", frames=10)
    mtime = first.stat().st_mtime_ns
    again = make_clip("mjpeg_avi", frames=10)
    assert again == first and again.stat().st_mtime_ns == mtime


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        make_clip("betamax")
    assert "h264_raw" in KINDS
