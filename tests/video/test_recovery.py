"""Periodic intra refresh (H.264 recovery points, see :mod:`app.video.recovery`): each keyframe
stands for the first frame FFmpeg shows when it starts decoding there. Before, the frames between
a recovery point and its whole picture were refused in the byte-positioned and counted modes
(a third of every GOP), and a raw stream was called cut off."""

from __future__ import annotations

import av
import numpy as np
import pytest

from app.video import open_video
from app.video.recovery import NEVER, first_shown, is_reference, recovery_count, usable
from tests.formats import make_variant

# SEI, recovery point (type 6, 2 bytes): recovery_frame_cnt 12 = ue 0001101, exact_match 1
SEI_RECOVERY_12 = b"\x06\x06\x02\x1b\x10\x80"
SLICE_P, SLICE_B_NONREF, IDR = b"\x41\x9a\x00", b"\x01\x9e\x00", b"\x65\x88\x80"


def annexb(*units: bytes) -> bytes:
    return b"".join(b"\x00\x00\x00\x01" + u for u in units)


def avcc(*units: bytes) -> bytes:
    return b"".join(len(u).to_bytes(4, "big") + u for u in units)


def test_the_recovery_count_is_read_from_the_sei_before_the_picture():
    assert recovery_count(annexb(b"\x09\xf0", SEI_RECOVERY_12, SLICE_P)) == 12
    assert recovery_count(avcc(SEI_RECOVERY_12, SLICE_P)) == 12
    # an SEI holding another message first (user data unregistered, 20 bytes)
    two = b"\x06\x05\x14" + bytes(20) + b"\x06\x02\x1b\x10\x80"
    assert recovery_count(annexb(two, SLICE_P)) == 12
    assert recovery_count(annexb(b"\x06\x06\x01\xc4\x80", SLICE_P)) == 0      # count 0
    assert recovery_count(annexb(IDR, SEI_RECOVERY_12)) == 0        # after the picture: not its
    assert recovery_count(annexb(SLICE_P, SEI_RECOVERY_12)) == 0
    assert recovery_count(annexb(SEI_RECOVERY_12[:3], SLICE_P)) == 0          # cut short
    assert recovery_count(annexb(SLICE_P)) == 0 and recovery_count(b"") == 0


def test_reference_pictures_are_told_by_nal_ref_idc():
    assert is_reference(annexb(b"\x09\xf0", SLICE_P))
    assert not is_reference(annexb(b"\x09\xf0", SLICE_B_NONREF))
    assert not is_reference(avcc(b"\x06\x05\x01\x00\x80", SLICE_B_NONREF))
    assert is_reference(b"")                           # unknown: taken as a reference


def test_the_recovered_picture_is_the_countth_reference_after_the_keyframe():
    # decode order: IDR, P, b, P | recovery key (count 2), b, P, b, P, P | key (count 9)
    keys = np.array([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0], dtype=bool)
    counts = np.array([0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 9, 0])
    refs = np.array([1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1], dtype=bool)
    assert first_shown(keys, counts, refs).tolist() == [0, 8, NEVER]
    rank = np.array([0, 2, 1, 3, 4, 6, 5, 8, 7, 9, 10, 11])
    first, kept = usable(np.array([0, 8, NEVER]), rank)
    assert first[:2].tolist() == [0, 7] and kept.tolist() == [True, True, False]
    # a keyframe whose picture is whole only after the next one's is never entered
    first, kept = usable(np.array([0, 9, 6]), np.arange(12))
    assert kept.tolist() == [True, False, True]


def _shown_entering_at_each_keyframe(path) -> list[int]:
    """Independently of the engine: for every keyframe, start a fresh FFmpeg decoder at its
    packet and note the presentation index of the first frame that comes out."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        packets = [p for p in container.demux(stream) if p.size]
        extradata = stream.codec_context.extradata
    pts = sorted(p.pts for p in packets)
    firsts = []
    for k, packet in enumerate(packets):
        if not packet.is_keyframe:
            continue
        decoder = av.CodecContext.create("h264", "r")
        decoder.extradata = extradata
        out = [f for p in packets[k:] for f in decoder.decode(p)] + decoder.decode(None)
        if out:
            firsts.append(pts.index(out[0].pts))
    return firsts


@pytest.mark.parametrize("name", ["ts_h264_refresh", "mp4_h264_refresh",
                                  "mp4_h264_refresh_bframes"])
def test_each_keyframe_stands_for_the_first_frame_ffmpeg_shows_from_it(name):
    v = make_variant(name, frames=100)
    shown = _shown_entering_at_each_keyframe(v.path)
    assert shown[0] == 0 and all(s % 25 for s in shown[1:])      # the keyframes really recover
    with open_video(v.path) as video:
        assert video.keyframes == [s for s in shown if s < video.frame_count]
        assert not video.warnings


def test_the_streams_own_framing_is_used_where_it_is_said():
    """An MP4/Matroska packet is length-prefixed; a 4-byte length of 256 to 511 (00 00 01 xx)
    looks like a start code. Guessed per packet, a 257-byte P-slice was misread (the picture
    order of a remuxed raw stream went wrong at such a frame)."""
    from app.video.nal import Framing, stream_framing
    from app.video.picture_order import nal_units

    avc = bytes([1, 100, 0, 31, 0xFF, 0xE1, 0, 4]) + b"\x67\x64\x00\x1f" + b"\x01\x00\x02\x68\xee"
    assert stream_framing("h264", avc).length_size == 4
    assert stream_framing("h264", avc[:4] + b"\xfd" + avc[5:]).length_size == 2
    hvc = bytes([1] + [0] * 20 + [0x0F, 0])
    assert stream_framing("hevc", hvc).length_size == 4
    assert stream_framing("h264", b"\x00\x00\x00\x01\x67") is None
    assert stream_framing("h264", None) is None
    mp4 = Framing(4)
    nonref = avcc(SLICE_B_NONREF + bytes(254))
    assert nonref[:4] == b"\x00\x00\x01\x01"                      # reads as a start code
    assert not is_reference(nonref, mp4)
    assert [kind for _ref, kind, _p in nal_units(nonref, mp4)] == [1]
    assert recovery_count(avcc(SEI_RECOVERY_12, SLICE_P + bytes(254)), mp4) == 12
