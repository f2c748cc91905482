"""A timestamp container whose clock goes back mid-file: an FLV recorded from a live stream
that reconnected, a Matroska recording whose camera clock was set back, two Matroska files
joined byte for byte. A timestamp seek cannot tell one recording's second 2 from the next
one's: every frame was shown twice over or refused. They are entered by byte position (FLV
at any tag, Matroska at its clusters) and the recordings are segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.video import open_video
from app.video.ebml import clusters
from app.video.streams import clock_restarts, decode_times
from tests.format_encoders import ffmpeg_encode, x264
from tests.formats import make_variant
from tests.media import frame_index_of


@pytest.mark.parametrize("name", ["flv_h264_reconnect", "mkv_h264_clock_back"])
def test_a_clock_that_goes_back_is_read_by_position(name):
    v = make_variant(name)
    with open_video(v.path, cache_bytes=2 << 20) as video:
        assert video.index.seek_by == "pos"
        assert video.segments == list(v.segments) and not video.truncated
        for i in range(video.frame_count - 1, -1, -1):      # every GOP entered afresh
            video.cache.clear()
            assert frame_index_of(video.read(i)) == i
        seconds = video.index.seconds
        assert all(b > a for a, b in zip(seconds, seconds[1:], strict=False))


def test_matroska_is_entered_at_the_cluster_before_each_keyframe():
    path = make_variant("mkv_h264_clock_back").path
    with open_video(path) as video:
        starts = clusters(path)
        assert len(starts) == len(video.keyframes)     # (-dash 1: a cluster per keyframe)
        assert set(video.index.key_seek.tolist()) <= set(starts.tolist())
        assert video.index.prefix == starts[0]


def test_two_matroska_files_joined_byte_for_byte(tmp_path):
    a, b = tmp_path / "a.mkv", tmp_path / "b.mkv"
    ffmpeg_encode(a, 40, (320, 240), 25, x264(20))
    ffmpeg_encode(b, 40, (320, 240), 25, x264(20), start=40)
    joined = tmp_path / "joined.mkv"
    joined.write_bytes(a.read_bytes() + b.read_bytes())
    with open_video(joined) as video:
        assert video.frame_count == 80 and video.segments == [0, 40]
        for i in range(79, -1, -1):
            video.cache.clear()
            assert frame_index_of(video.read(i)) == i


def _ebml(ident: int, body: bytes, *, unknown: bool = False) -> bytes:
    size = b"\x01" + b"\xff" * 7 if unknown else (0x80 | len(body)).to_bytes(1, "big")
    return ident.to_bytes((ident.bit_length() + 7) // 8, "big") + size + body


def test_clusters_of_unknown_size_are_found_by_searching(tmp_path):
    """A live recorder writes clusters before it knows their size."""
    header = _ebml(0x1A45DFA3, _ebml(0x4282, b"matroska"))
    cluster = _ebml(0x1F43B675, _ebml(0xE7, b"\x00") + b"\xa3\x85\x81\x00\x00\x80\x00",
                    unknown=True)
    checked = _ebml(0x1F43B675, _ebml(0xBF, bytes(4)) + _ebml(0xE7, b"\x00"), unknown=True)
    body = _ebml(0x1549A966, _ebml(0x2AD7B1, b"\x0f\x42\x40")) + cluster + checked + cluster
    path = tmp_path / "live.mkv"
    segment = _ebml(0x18538067, b"", unknown=True)     # its ID and an unknown size
    path.write_bytes(header + segment + body)
    found = clusters(path).tolist()
    first = len(header) + len(segment) + len(_ebml(0x1549A966, _ebml(0x2AD7B1, b"\x0f\x42\x40")))
    assert found == [first, first + len(cluster), first + len(cluster) + len(checked)]
    assert clusters(Path(make_variant("mkv_h264_nob").path)).size >= 1
    not_mkv = tmp_path / "x.mkv"
    not_mkv.write_bytes(b"RIFF" + bytes(100))
    assert clusters(not_mkv).size == 0


def test_decode_times_are_rebuilt_per_recording():
    # (pts, dts, key, pos): B-frames, then the clock restarts at the second keyframe
    rows = [(0, None, True, 0), (80, None, False, 1), (40, 0, False, 2), (120, 40, False, 3),
            (10, 10, True, 4), (90, 90, False, 5), (50, 50, False, 6)]
    assert clock_restarts(rows)
    assert [r[1] for r in decode_times(rows)] == [0, 40, 80, 120, 10, 50, 90]
    assert not clock_restarts(rows[:4])
    assert decode_times(rows[:4])[1][1] == 40


def test_only_the_keyframe_where_the_clock_goes_back_starts_a_recording():
    from app.video.streams import _restarts

    times = [0, 40, 80, 120, 10, 30, 50, 70, 90, 110]  # (keyframes every fourth picture)
    rows = [(t, t, n % 4 == 0, n) for n, t in enumerate(times)]
    assert _restarts(rows) == [4]
