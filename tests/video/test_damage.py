"""Damaged exports (issue 11, class 7): a frame built on damaged data is flagged, never shown
as sound, whoever notices the damage — the decoder, the demuxer, or the next picture's frame
number. Every file is made at run time."""

from __future__ import annotations

import av
import pytest

from app.video import open_video
from tests.formats import make_variant
from tests.media import frame_index_of

FRAMES = 100


def test_damaged_frames_are_flagged():
    v = make_variant("ts_damaged", frames=FRAMES)
    with open_video(v.path) as video:
        for i in v.damaged:
            video.read(i)
        assert set(v.damaged) <= video.damaged


@pytest.mark.parametrize("at", [0.52, 0.6, 0.75])
def test_ts_packets_lost_mid_file_flag_what_is_built_on_them(at, tmp_path):
    """A bad sector: three TS packets zeroed mid-file. The demuxer says the frame it lost
    them from is corrupt; H.264 conceals the picture from the wrong references without a word.
    Every frame shown is the one its time says, or it is flagged."""
    v = make_variant("ts_h264", frames=FRAMES)
    data = bytearray(v.path.read_bytes())
    start = int(len(data) * at) // 188 * 188
    data[start:start + 3 * 188] = bytes(3 * 188)
    path = tmp_path / "bad.ts"
    path.write_bytes(bytes(data))
    with open_video(v.path) as whole:
        by_time = whole.index
    with open_video(path, cache_bytes=2 << 20) as video:
        for i in range(video.frame_count - 1, -1, -1):
            video.cache.clear()
            code = frame_index_of(video.read(i))
            j = by_time.index_of_ticks(int(video.index.ticks[i]))
            assert video.is_damaged(i) or code == v.codes[j], (i, code, j)
        assert video.damaged


def _reference_picture(data: bytes) -> bool:
    """A packet whose first picture is an H.264 reference picture (not an IDR)."""
    at = data.find(b"\x00\x00\x01")
    while at >= 0:
        head = data[at + 3]
        if head & 0x1F in (1, 5):
            return head & 0x1F == 1 and bool(head & 0x60)
        at = data.find(b"\x00\x00\x01", at + 3)
    return False


@pytest.mark.parametrize("fmt", ["mpegts", "flv"])
def test_a_picture_lost_whole_flags_what_is_built_on_it(fmt, tmp_path):
    """A packet gone without a trace (a bad sector took it and its header): no demuxer and no
    decoder says so. The next picture's frame number does: what follows the loss up to the
    next keyframe is flagged, and what came before it is not."""
    v = make_variant("ts_h264", frames=FRAMES)
    out = tmp_path / f"lost.{'ts' if fmt == 'mpegts' else 'flv'}"
    with av.open(str(v.path)) as src, av.open(str(out), "w", format=fmt) as dst:
        stream = src.streams.video[0]
        copy = dst.add_stream_from_template(stream)
        n, lost = 0, None
        for pk in src.demux(stream):
            if pk.dts is None:
                continue
            n += 1
            if lost is None and n > 55 and _reference_picture(bytes(pk)):
                lost = pk.pts
                continue
            pk.stream = copy
            dst.mux(pk)
    with open_video(v.path) as whole:
        gone = whole.index.index_of_ticks(lost)
    with open_video(out, cache_bytes=2 << 20) as video:
        flagged = []
        for i in range(video.frame_count - 1, -1, -1):
            video.cache.clear()
            code = frame_index_of(video.read(i))
            j = round(video.pts(i) * 25)                # the frame its time says (25 fps)
            if video.is_damaged(i):
                flagged.append(j)
            else:
                assert code == v.codes[j], (i, code, j)
        assert flagged and min(flagged) > gone - 4       # (B-frames shown before it may refer)
        assert max(flagged) < (gone // 25 + 1) * 25      # up to the next keyframe
