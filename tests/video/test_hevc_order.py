"""HEVC picture order from the bitstream (app/video/hevc_order.py), checked against FFmpeg's own
output order on x265 streams shaped several ways (open and closed GOPs, B-pyramids, no
B-frames, several IDR periods)."""

from __future__ import annotations

import av
import numpy as np
import pytest

from app.video.counted import presentation_ranks
from app.video.hevc_order import HevcPocTracker, hvcc_units
from app.video.nal import stream_framing
from tests.format_encoders import ffmpeg_encode, x265
from tests.formats import make_variant
from tests.media import media_dir

SHAPES = {
    "open_gop_pyramid": ":open-gop=1:bframes=4:b-pyramid=1",
    "closed_gop": ":open-gop=0:bframes=3",
    "no_bframes": ":bframes=0",
    "cra_every_12_past_the_lsb_wrap": ":open-gop=1:bframes=2:b-adapt=0",   # POC > 256
}


def _ffmpeg_order(path, fmt: str | None = None) -> tuple[list[bytes], list[int], bytes | None]:
    """Packets in decode order, FFmpeg's presentation index of each, the stream's extradata."""
    with av.open(str(path), format=fmt) as container:
        stream = container.streams.video[0]
        extradata = stream.codec_context.extradata
        packets = [bytes(p) for p in container.demux(stream) if p.size]
    decoder = av.CodecContext.create("hevc", "r")
    decoder.extradata = extradata
    shown = []
    for n, data in enumerate(packets):
        packet = av.Packet(data)
        packet.pts = packet.dts = n
        shown += [f.pts for f in decoder.decode(packet)]
    shown += [f.pts for f in decoder.decode(None)]
    rank = [0] * len(packets)
    for r, n in enumerate(shown):
        rank[n] = r
    return packets, rank, extradata


@pytest.mark.parametrize("shape", SHAPES)
def test_picture_order_counts_give_ffmpegs_order(shape):
    long = shape.startswith("cra_every_12")
    path = media_dir() / f"hevc-order-{shape}-v1.hevc"
    if not path.exists():
        ffmpeg_encode(path, 300 if long else 90, (160, 128), 25,
                      [*x265(12 if long else 24, SHAPES[shape]), "-f", "hevc"])
    packets, truth, _ = _ffmpeg_order(path, "hevc")
    tracker = HevcPocTracker()
    orders = [tracker.feed(data) for data in packets]
    assert all(o is not None for o in orders)
    assert presentation_ranks(orders).tolist() == truth


def test_an_mp4s_parameter_sets_and_length_prefixes_are_read():
    v = make_variant("mp4_hevc_from_raw", frames=60)
    packets, truth, extradata = _ffmpeg_order(v.path)
    units = hvcc_units(extradata)
    assert [u[3] >> 1 & 0x3F for u in units] == [32, 33, 34]         # VPS, SPS, PPS
    tracker = HevcPocTracker(stream_framing("hevc", extradata))
    tracker.parameter_sets(units)
    ranks = presentation_ranks([tracker.feed(data) for data in packets])
    assert ranks.tolist() == truth and not np.array_equal(ranks, np.arange(ranks.size))
    assert hvcc_units(None) == [] and hvcc_units(b"\x01" * 10) == []


def test_sub_layer_profile_and_level_fields_are_skipped():
    """A stream with temporal sub-layers lists a profile and level per sub-layer (x265 writes
    none, so this is built bit by bit from H.265 7.3.3)."""
    from app.video.bits import Bits
    from app.video.sps import skip_profile_tier_level

    bits = "1" * 96                       # general profile, tier, flags, level
    bits += "11" + "01" + "00" * 6        # sub-layer 0: profile and level; 1: level; reserved
    bits += "0" * 88 + "1" * 8 + "1" * 8  # sub-layer 0 profile, its level; sub-layer 1 level
    for layers, fields in ((2, bits), (0, "1" * 96)):      # (and with no sub-layers)
        fields += "00110"                                   # then ue(v) = 5
        data = int(fields + "1" * (-len(fields) % 8), 2).to_bytes((len(fields) + 7) // 8, "big")
        b = Bits(data, escaped=False)
        skip_profile_tier_level(b, layers)
        assert b.ue() == 5


def _slice(kind: int, lsb: int | None, tid: int = 0) -> bytes:
    """A start-code framed HEVC slice: first segment, PPS 0, slice type 1, 4-bit POC LSB."""
    bits = "1" + ("0" if 16 <= kind <= 23 else "") + "1" + "010"
    bits += format(lsb, "04b") if lsb is not None else ""
    bits += "1"
    bits += "0" * (-len(bits) % 8)
    return b"\x00\x00\x01" + bytes([kind << 1, tid + 1]) + int(bits, 2).to_bytes(len(bits) // 8,
                                                                                 "big")


def test_the_msb_follows_the_last_reference_picture_not_a_non_reference_one():
    """H.265 8.3.1: the previous picture for the POC MSB has TemporalId 0 and is no RASL, RADL
    or sub-layer non-reference picture. With 4-bit LSBs: after references 0 and 6, a
    non-reference 2, then a reference with LSB 13 is POC 13 (from 6), not -3 (from 2)."""
    tracker = HevcPocTracker()
    tracker.sps[0], tracker.pps[0] = (4, False), (0, False, 0)
    units = [_slice(19, None), _slice(1, 6), _slice(0, 2), _slice(1, 13),
             _slice(8, 10), _slice(1, 15), _slice(1, 3, tid=1), _slice(1, 20 % 16)]
    orders = [tracker.feed(u) for u in units]
    # RASL 10 after 13: 10; a reference 15; a TemporalId-1 picture (LSB 3 = POC 19) is not the
    # MSB's anchor either: the next LSB 4 counts from 15 (POC 20)
    assert [o[1] for o in orders] == [0, 6, 2, 13, 10, 15, 19, 20]
