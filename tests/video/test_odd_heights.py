"""Pictures whose height is not a multiple of 4 (480×270 from a DVR's substream, 242-row SD
crops): every read, sequential or random, cached or not, is the whole picture and the same
pixels. PyAV's zero-copy I420 wrapper once cut a 270-row picture to 268 rows on cache hits."""

from __future__ import annotations

import numpy as np
import pytest

from app.video import open_video
from tests.media import make_clip


@pytest.mark.parametrize("size", [(480, 270), (320, 242)])
def test_every_read_is_the_whole_picture(size, tmp_path):
    w, h = size
    clip = make_clip("h264_mp4", frames=40, size=size, gop=10)
    with open_video(clip, index_dir=tmp_path / "a") as src:
        forward = [src.read(i) for i in range(src.frame_count)]
    assert {f.shape for f in forward} == {(h, w, 3)}
    with open_video(clip, index_dir=tmp_path / "b") as src:
        for i in (37, 5, 20, 3, 39, 1, 38, 21, 20):  # jumps, steps back, cache hits
            frame = src.read(i)
            assert frame.shape == (h, w, 3), i
            assert np.array_equal(frame, forward[i]), i
