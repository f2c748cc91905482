"""Open-GOP H.264 whose I-pictures nothing marks as keyframes (no recovery-point SEI, B-frames):
every I-picture is an entry, and each frame reads right even as the first read of a fresh
source (FFmpeg started at such a picture without being told drops two frames after it)."""

from __future__ import annotations

import random

import av
import pytest

from app.video import open_video
from app.video.nal import Framing, sei_messages
from app.video.recovery import RECOVERY_POINT
from app.video.unmarked import (
    RECOVERY_SEI,
    is_intra_picture,
    needs_look,
    with_recovery_point,
)
from tests.formats import make_variant
from tests.media import frame_index_of

NAMES = ["ts_h264_opengop_nosei", "h264_raw_opengop_nosei", "ps_h264_opengop_nosei"]


@pytest.mark.parametrize("name", NAMES)
def test_every_i_picture_is_an_entry_and_every_fresh_read_is_exact(name, tmp_path):
    v = make_variant(name, frames=100, gop=25)           # I-pictures every 24 frames
    with open_video(v.path, index_dir=tmp_path) as video:
        assert video.keyframes == [0, 24, 48, 72, 96]
        assert video.index.unmarked_keys and not video.warnings
    for i in random.Random(name).sample(range(100), 30) + [25, 26, 28, 50, 52, 99]:
        with open_video(v.path, index_dir=tmp_path) as video:   # a fresh decoder each time
            assert frame_index_of(video.read(i)) == i, i


def test_a_stream_whose_parser_marks_its_keys_is_not_looked_at_again():
    with open_video(make_variant("ts_h264_opengop", frames=100).path) as video:
        assert not video.index.unmarked_keys


def _packets(name: str) -> list[bytes]:
    with av.open(str(make_variant(name, frames=60).path)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


def test_intra_pictures_are_told_from_idr_p_and_b():
    packets = _packets("h264_raw_opengop_nosei")
    intra = [n for n, data in enumerate(packets) if is_intra_picture(data[:256])]
    assert intra == [21, 45]                       # the I-pictures shown at 24 and 48
    assert not is_intra_picture(packets[0][:256])  # the IDR picture
    mp4 = _packets("mp4_h264_nob")                 # length-prefixed, IDR at every key
    assert not any(is_intra_picture(d[:256], Framing(4)) for d in mp4)


def test_the_recovery_point_is_put_before_the_picture():
    for data, framing in ((_packets("h264_raw_opengop_nosei")[21], None),
                          (b"\x00\x00\x00\x02\x09\xf0" + b"\x00\x00\x00\x03\x21\x88\x84",
                           Framing(4))):
        told = with_recovery_point(data, framing)
        assert len(told) == len(data) + len(RECOVERY_SEI) + (4 if framing else 3)
        units = list((framing or Framing(0)).units(told))
        sei = next(u for u in units if u[0] & 0x1F == 6)
        assert [t for t, _ in sei_messages(sei[1:])] == [RECOVERY_POINT]
        assert units.index(sei) < next(k for k, u in enumerate(units) if 1 <= u[0] & 0x1F <= 5)
    assert with_recovery_point(b"\x00\x00\x01\x09\xf0") == b"\x00\x00\x01\x09\xf0"


def test_keyframes_far_apart_make_us_look():
    assert not needs_look([n % 25 == 0 for n in range(1000)])
    assert not needs_look([n % 250 == 0 for n in range(3000)])   # a long GOP, all marked
    assert needs_look([n == 0 for n in range(100)])              # one keyframe, short file
    assert needs_look([n % 400 == 0 for n in range(3000)])


def test_only_an_intra_picture_is_told_it_is_a_recovery_point():
    from app.video.packet import padded_packet
    from app.video.unmarked import entered

    packets = _packets("h264_raw_opengop_nosei")
    p_picture = padded_packet(packets[1])
    assert entered(p_picture) is p_picture             # a P-picture would show broken
    told = entered(padded_packet(packets[21]))
    assert bytes(told).count(RECOVERY_SEI) == 1
