"""Not-coded MPEG-4 pictures (N-VOPs): DVRs of the DivX/Xvid era write one for a dropped frame.
FFmpeg gives no frame for them; the engine must not count them as frames (it refused every such
"frame" and, in the counted modes, showed the frames after them one off)."""

from __future__ import annotations

import av
import numpy as np
import pytest

from app.video import open_video
from app.video.bitstream import read_signal
from app.video.index import build_index
from app.video.vop import NotCoded, time_bits
from tests.formats import make_variant
from tests.media import frame_index_of
from tests.not_coded import not_coded_copy


def _bytes(bits: str) -> bytes:
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")


def _vol(resolution: int, *, identifier: bool = False, verid: int = 1, par: int = 1,
         control: bool = False, vbv: bool = False, shape: int = 0, marker: str = "1") -> bytes:
    bits = "0" + "00000001"                               # random access, simple object
    bits += "1" + format(verid, "04b") + "001" if identifier else "0"
    bits += format(par, "04b") + ("0000101100001011" if par == 15 else "")
    bits += "1" + "01" + "1" + ("1" + "1" * 79 if vbv else "0") if control else "0"
    bits += format(shape, "02b") + ("0000" if shape == 3 and verid != 1 else "")
    bits += marker + format(resolution, "016b") + "1"
    return b"\x00\x00\x01\xb0\x01\x00\x00\x01\x20" + _bytes(bits)   # VOS, VOL start codes


def _vop(kind: int, increment: int, width: int, coded: bool, seconds: int = 0) -> bytes:
    bits = format(kind, "02b") + "1" * seconds + "0" + "1" + format(increment, f"0{width}b")
    bits += "1" + ("1" if coded else "0") + "0" + "1" * 7
    return b"\x00\x00\x01\xb6" + _bytes(bits)


@pytest.mark.parametrize(("resolution", "width"), [(25, 5), (30000, 15), (1, 1), (2, 1),
                                                   (32, 5), (33, 6), (65535, 16)])
def test_the_time_field_is_as_wide_as_the_layer_header_says(resolution, width):
    assert time_bits(_vol(resolution)) == width


@pytest.mark.parametrize("layout", [dict(identifier=True, verid=2), dict(par=15),
                                    dict(control=True), dict(control=True, vbv=True),
                                    dict(identifier=True, verid=2, shape=3),
                                    dict(shape=3)])
def test_every_optional_layer_header_field_is_skipped(layout):
    assert time_bits(_vol(1000, **layout)) == 10


def test_a_layer_header_that_cannot_be_read_gives_no_width():
    assert time_bits(b"no header here") is None
    assert time_bits(_vol(25)[:8]) is None                   # cut off
    assert time_bits(_vol(0)) is None                        # a zero clock is invalid
    assert time_bits(_vol(25, marker="0")) is None           # not a layer header after all


@pytest.mark.parametrize("seconds", [0, 1, 3])
@pytest.mark.parametrize("width", [1, 5, 15])
def test_a_not_coded_picture_is_told_from_a_coded_one(width, seconds):
    judge = NotCoded(_vol(2 ** width - 1 if width > 1 else 2))
    for kind in (0, 1, 2):
        assert judge(_vop(kind, 1, width, coded=False, seconds=seconds))
        assert not judge(_vop(kind, 1, width, coded=True, seconds=seconds))


def test_without_a_layer_header_nothing_is_called_not_coded():
    judge = NotCoded(b"")
    assert not judge(_vop(1, 3, 5, coded=False))
    assert not judge(b"\x00\x00\x01\xb6")                    # a header cut short
    assert not judge(b"no picture at all")


def test_a_layer_header_in_band_sets_the_width():
    judge = NotCoded()
    assert not judge(_vop(1, 3, 10, coded=False))
    assert judge(_vol(1000) + _vop(0, 0, 10, coded=False))   # a keyframe's headers come first
    assert judge(_vop(1, 3, 10, coded=False))
    assert not judge(_vop(1, 3, 10, coded=True))


def test_a_missing_marker_bit_is_not_taken_for_a_header():
    judge = NotCoded(_vol(25))
    vop = bytearray(_vop(1, 3, 5, coded=False))
    vop[4] &= 0b11101111                                     # the marker after the seconds
    assert not judge(bytes(vop))
    vop = bytearray(_vop(1, 3, 5, coded=False))
    vop[5] &= 0b10111111                                     # the marker after the increment
    assert not judge(bytes(vop))


def test_the_test_writer_makes_what_the_engine_calls_not_coded():
    coded = _vop(1, 17, 5, coded=True, seconds=2) + b"\x55" * 40
    assert NotCoded(_vol(25))(not_coded_copy(coded, 5))
    assert not_coded_copy(coded, 5) == _vop(1, 17, 5, coded=False, seconds=2)[:6]


@pytest.mark.parametrize("name", ["avi_mpeg4_dropped", "mpg_mpeg4_dropped",
                                  "m4v_raw_dropped_bframes", "avi_mpeg4_dropped_bframes"])
def test_a_dropped_frame_is_no_frame_and_the_next_keeps_its_time(name):
    v = make_variant(name, frames=100)
    index = build_index(v.path)
    assert index.frame_count == len(v.codes) < 100
    if index.mode == "pts":             # the frame after a dropped one is shown at its instant
        start = index.ticks[0]
        assert [round((t - start) * float(index.time_base) * 25) for t in index.ticks] \
            == list(v.codes)
    with open_video(v.path) as video:
        for i in range(video.frame_count - 1, -1, -1):
            assert frame_index_of(video.read(i)) == v.codes[i], i
        assert not video.damaged


@pytest.mark.parametrize("name", ["avi_mpeg4_dropped", "m4v_raw_dropped_bframes"])
def test_the_triage_signal_skips_not_coded_pictures(name):
    """Picture sizes are placed one per frame: a not-coded picture would shift every later one."""
    v = make_variant(name, frames=100)
    index = build_index(v.path)
    signal = read_signal(v.path, index)
    sizes = []
    with av.open(str(v.path)) as container:
        stream = container.streams.video[0]
        judge = NotCoded(stream.codec_context.extradata)
        for packet in container.demux(stream):
            if packet.size and not judge(bytes(packet)):
                sizes.append(packet.size)
    assert len(sizes) == index.frame_count
    if index.mode == "pts" or not index.key_lead.any():        # decode order = shown order
        assert np.array_equal(signal.sizes, np.array(sizes, dtype=np.float64))
    else:
        assert np.isfinite(signal.sizes).all()
        assert sorted(signal.sizes) == sorted(sizes)
