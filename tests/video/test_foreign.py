"""A recorder that changed its codec mid-export (firmware H.264 → H.265, or back) under the
same PID: FFmpeg hands the new pictures to the old decoder. The file says which frames they
are and that they are not damaged; every other frame reads exactly."""

from __future__ import annotations

import re

import pytest

from app.video import open_video, probe
from app.video.foreign import ForeignWatch, h264_shaped, hevc_shaped
from app.video.nal import Framing
from tests.format_encoders import ffmpeg_encode, x264, x265
from tests.formats import NAMES, make_variant
from tests.media import frame_index_of, media_dir

PARTS = (40, 30, 40)


def _switched(codec: str):
    """Three recordings joined in a transport stream: ``codec``, the other one, ``codec``."""
    target = media_dir() / f"switched-{codec}-v1.ts"
    if not target.exists():
        chunks, start = [], 0
        for n, frames in enumerate(PARTS):
            part = target.with_name(f".part{n}-{target.name}")
            h264 = (codec == "h264") == (n != 1)
            ffmpeg_encode(part, frames, (320, 240), 25,
                          x264(20, bframes=0) if h264 else x265(20, ":bframes=0"), start=start)
            chunks.append(part.read_bytes())
            part.unlink()
            start += frames
        tmp = target.with_name(".tmp-" + target.name)
        tmp.write_bytes(b"".join(chunks))
        tmp.replace(target)
    return target


@pytest.mark.parametrize(("codec", "other"), [("h264", "H.265"), ("hevc", "H.264")])
def test_pictures_of_another_codec_are_named_not_called_damaged(codec, other):
    path = _switched(codec)
    info = probe(path)
    notes = [w for w in info.warnings if other in w]
    assert len(notes) == 1, info.warnings
    first, last = PARTS[0], PARTS[0] + PARTS[1] - 1
    # numbered as the old codec's parser cut the packets: around the joined-in recording
    named = [int(n) for n in re.findall(r"第 (\d+) 至 (\d+) 帧", notes[0])[0]]
    assert first - 3 <= named[0] <= first and named[1] >= last - 4, named
    with open_video(path, cache_bytes=2 << 20) as video:
        n = video.frame_count
        for i in (0, 17, named[0] - 1):                   # before: every frame exact
            assert frame_index_of(video.read(i)) == i
        for i in (named[1] + 1, (named[1] + n) // 2, n - 1):   # after: the last recording's
            assert frame_index_of(video.read(i)) == i + sum(PARTS) - n


def test_no_variant_is_taken_for_another_codec():
    for name in NAMES:
        warnings = probe(make_variant(name).path).warnings
        assert not any("H.265" in w and "H.264" in w for w in warnings), name


def _head(*units: bytes) -> bytes:
    return b"".join(b"\x00\x00\x00\x01" + u for u in units)


def test_nal_headers_tell_the_codecs_apart():
    hevc = _head(b"\x46\x01\x10", b"\x40\x01\x0c\x01", b"\x26\x01\xaf")   # AUD, VPS, IDR
    h264 = _head(b"\x09\xf0", b"\x67\x64\x00\x1f", b"\x65\x88\x84")       # AUD, SPS, IDR
    assert hevc_shaped(hevc) and not h264_shaped(hevc)
    assert h264_shaped(h264) and not hevc_shaped(h264)
    assert not hevc_shaped(_head(b"\x46\x01", b"\x40\x09"))     # temporal id 8: no HEVC unit
    assert not hevc_shaped(_head(b"\x46\x01", b"\x7e\x01"))     # type 63: not one HEVC uses
    assert not hevc_shaped(_head(b"\x46\x01", b"\x40\x00"))     # temporal id 0: none
    assert not hevc_shaped(_head(b"\x46\x01", b"\x41\x01"))     # a layer above 0
    assert not h264_shaped(_head(b"\x46\x01\x10", b"\x02\x01\xd0"))   # HEVC AUD + trailing
    assert not h264_shaped(_head(b"\x09\xf0", b"\x81\x9a"))     # forbidden bit set
    assert not ForeignWatch("h264", Framing(4)).active              # MP4/Matroska: not here
    assert not hevc_shaped(b"") and not h264_shaped(b"\x00\x00\x01")
    watch = ForeignWatch("h264", None)
    for row, head in enumerate([h264, hevc, h264, hevc, hevc, hevc, h264]):
        watch.feed(row, head)
    notes = watch.note([True, False, False, False, False, False, True])
    assert len(notes) == 1 and "第 2 至 5 帧" in notes[0]          # one odd packet: damage
    assert "第 2 至 6 帧" in watch.note([True] + [False] * 6)[0]     # up to the next keyframe
    assert not ForeignWatch("", None).active and not ForeignWatch("mpeg2video", None).active
