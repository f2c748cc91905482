"""Exports that start where the recording does not: at an open-GOP keyframe (a DVR exports from
the I-frame before the time asked for) or at an arbitrary byte (a long export split into
fixed-size files). The first keyframe's leading frames refer to pictures the file does not hold;
no decoder shows them. They were listed as frames: refused when read, and every frame after them
numbered differently from any player (variants in :mod:`tests.formats`)."""

from __future__ import annotations

import av
import numpy as np
import pytest

from app.video import open_video, probe
from app.video.frame_index import untimed_leading
from app.video.streams import from_first_key
from tests.formats import NAMES, make_variant
from tests.media import frame_index_of

CUT = [n for n in NAMES if n.endswith(("_cut", "_split"))]


@pytest.mark.parametrize("name", CUT)
def test_a_cut_export_shows_what_ffmpeg_shows_and_says_what_it_cannot(name):
    v = make_variant(name, frames=100)
    with av.open(str(v.path)) as container:
        fed = sum(1 for p in container.demux(video=0) if p.size)
    lost = fed - v.frame_count
    info = probe(v.path)
    assert info.frame_count == v.frame_count and lost > 0
    assert any(str(lost) in w for w in info.warnings), info.warnings
    with open_video(v.path, cache_bytes=2 << 20) as video:
        for i in range(v.frame_count - 1, -1, -1):
            assert frame_index_of(video.read(i)) == v.codes[i], f"{name}: read({i})"
        assert not video.damaged


def test_the_first_keyframes_leading_frames_and_what_comes_before_it_are_no_frames():
    # decode order: two packets of a cut GOP, keyframe (pts 30), its leading frames 10 and 20,
    # a P-frame, then an open-GOP keyframe whose leading frames the previous GOP holds
    timeline = np.array([5, 8, 30, 10, 20, 60, 90, 70, 80, 120])
    keys = np.array([0, 0, 1, 0, 0, 0, 1, 0, 0, 0], dtype=bool)
    assert from_first_key(timeline, keys).tolist() == [False, False, True, False, False,
                                                       True, True, True, True, True]
    assert from_first_key(timeline[2:], keys[2:]).tolist() == [True, False, False, True, True,
                                                              True, True, True]
    one_gop = from_first_key(np.array([30, 10, 20, 40]), np.array([1, 0, 0, 0], dtype=bool))
    assert one_gop.tolist() == [True, False, False, True]


def test_untimed_leading_frames_are_timed_just_before_their_keyframe():
    """Matroska cannot store a timestamp before the first frame's: FFmpeg's muxer leaves the
    first keyframe's leading frames without one."""
    rows = [(4000, None, True, 10), (None, None, False, 20), (None, None, False, 30),
            (4120, 4000, False, 40), (None, None, False, 50), (5000, 4800, True, 60),
            (None, None, False, 70)]
    out = untimed_leading(rows)
    assert out[:3] == [rows[0], (3999, None, False, 20), (3998, None, False, 30)]
    assert out[3:] == rows[3:]        # a packet without a time after a trailing one: not guessed
    assert untimed_leading([(None, None, True, 0), (None, None, False, 9)])[1][0] is None
    two_keys = [(4000, None, True, 0), (None, None, True, 9)]       # a keyframe is no leading one
    assert untimed_leading(two_keys) == two_keys
