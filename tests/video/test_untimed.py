"""H.264 in a program stream whose PES packets hold several pictures, only the first with a
time (FFmpeg's MPEG-PS muxer): the pictures without one were placed where they are stored,
B-frames and all, and FFmpeg's parser hands some times to the wrong picture. Times come from
the pictures' order counts now, and every frame reads exactly."""

from __future__ import annotations

import av
import pytest

from app.video import open_video
from app.video.untimed import needs_times, with_times
from tests.formats import make_variant
from tests.media import frame_index_of


@pytest.mark.parametrize("name", ["ps_h264", "ps_h264_nob"])
def test_pictures_without_times_are_placed_by_their_order(name):
    v = make_variant(name)
    with av.open(str(v.path)) as container:
        times = [p.pts for p in container.demux(video=0) if p.size]
    assert sum(t is None for t in times) > len(times) // 2      # the shape is as claimed
    with open_video(v.path) as video:
        assert video.frame_count == 100 and video.segments == [0] and not video.warnings
        for i in range(99, -1, -1):
            video.cache.clear()
            assert frame_index_of(video.read(i)) == i, i
        steps = set(round(float(d), 3) for d in video.index.seconds[1:] - video.index.seconds[:-1])
        assert steps == {0.04}


def test_times_are_filled_from_the_nearest_picture_shown_before():
    # (pts, dts, key, pos) in decode order; order keys (period, poc): I0 P3 B1 B2 P6 B4 B5
    rows = [(0, 0, True, 0), (None, None, False, 1), (40, None, False, 2), (None, None, False, 3),
            (240, 120, False, 4), (None, None, False, 5), (200, None, False, 6)]
    orders = [(0, 0), (0, 6), (0, 2), (0, 4), (0, 12), (0, 8), (0, 10)]
    assert needs_times(rows, "h264") and not needs_times(rows, "hevc")
    out = with_times(rows, orders, 40)
    assert [r[0] for r in out] == [0, 120, 40, 80, 240, 160, 200]
    assert [r[1] for r in out] == [0, 40, 80, 120, 160, 200, 240]      # decode times rise
    assert [r[2] for r in out] == [r[2] for r in rows]


def test_when_most_pictures_have_no_time_the_first_alone_anchors():
    rows = [(3600, None, True, 0)] + [(None, None, False, n) for n in range(1, 8)] \
        + [(99999, None, False, 8)]                # a time given to the wrong picture
    orders = [(0, 2 * n) for n in range(9)]
    assert [r[0] for r in with_times(rows, orders, 3600)] == [3600 * (n + 1) for n in range(9)]


def test_unknown_orders_leave_the_rows_as_they_are():
    rows = [(0, 0, True, 0), (None, None, False, 1)]
    assert with_times(rows, [(0, 0), None], 40) == rows
    assert with_times(rows, [(0, 0)], 40) == rows


def test_a_picture_that_has_a_time_keeps_it():
    """(a pause in the recording: the times after it are not on the grid of those before)"""
    rows = [(0, 0, True, 0), (40, 40, False, 1), (None, None, False, 2), (1000, 1000, False, 3),
            (1040, 1040, False, 4)]
    orders = [(0, 2 * n) for n in range(5)]
    assert [r[0] for r in with_times(rows, orders, 40)] == [0, 40, 80, 1000, 1040]
