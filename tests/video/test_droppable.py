"""Non-reference packets left out before the decoder: FFmpeg's own choice, nothing more, and
the frames read stay exact."""

from __future__ import annotations

import av
import numpy as np
import pytest

from app.video.decoder import FrameDecoder
from app.video.droppable import HevcNonReferencePackets, NonReferencePackets, packet_judge
from app.video.fields import avcc_units
from app.video.persisted import load_or_build
from app.video.pixels import to_bgr
from tests.formats import make_variant
from tests.media import make_clip

RECOVERY_POINT = bytes([0x06, 0x06, 0x01, 0xC4, 0x80])   # SEI: recovery point, frame count 0
PICTURE_TIMING = bytes([0x06, 0x01, 0x01, 0x32, 0x80])
USER_DATA = bytes([0x06, 0x05, 0x10, *range(16), 0x80])    # user data unregistered (a UUID)


def _packets(path) -> tuple[list[bytes], list[int], bytes | None]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        packets = [p for p in container.demux(stream) if p.size]
        return [bytes(p) for p in packets], [int(p.pts) for p in packets], \
            stream.codec_context.extradata


def _codec(path) -> str:
    with av.open(str(path)) as container:
        return container.streams.video[0].codec_context.name


def _skipped_by_ffmpeg(path) -> set[int]:
    """pts of the pictures FFmpeg itself does not decode with skip_frame=NONREF."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.codec_context.skip_frame = "NONREF"
        shown = {int(f.pts) for f in container.decode(stream)}
    _data, pts, _extra = _packets(path)
    return set(pts) - shown


@pytest.mark.parametrize("name", ["ts_h264", "mkv_h264_mbaff", "ts_h264_opengop", "ts_hevc",
                                  "ts_hevc_opengop", "hevc_mp4"])
def test_exactly_the_pictures_ffmpeg_skips_are_left_out(name):
    """Annex-B (TS, with access unit delimiters), length-prefixed (Matroska, MP4), MBAFF frames,
    open GOPs, H.264 and HEVC: the packets left out are the ones FFmpeg skips as non-reference,
    no more."""
    path = make_clip(name, frames=60) if name == "hevc_mp4" else make_variant(name, frames=60).path
    data, pts, extradata = _packets(path)
    nonref = packet_judge(_codec(path), extradata)
    assert nonref is not None
    left_out = {p for d, p in zip(data, pts, strict=True) if nonref.droppable(d)}
    skipped = _skipped_by_ffmpeg(path)
    assert skipped, "the variant has B-frames that nothing refers to"
    assert left_out == skipped
    assert nonref.dropped == len(skipped)


def _first_droppable(path) -> tuple[NonReferencePackets, bytes]:
    data, _pts, extradata = _packets(path)
    nonref = NonReferencePackets(extradata)
    for packet in data:
        if nonref.droppable(packet):
            return nonref, packet
    raise AssertionError("no non-reference packet")


def _length_prefixed(*units: bytes) -> bytes:
    return b"".join(len(u).to_bytes(4, "big") + u for u in units)


def test_a_length_prefixed_packet_with_anything_more_goes_to_the_decoder():
    path = make_variant("mkv_h264_mbaff", frames=60).path
    nonref, packet = _first_droppable(path)
    extradata = _packets(path)[2]
    assert nonref.length_size == 4
    units = []
    while packet:
        size = int.from_bytes(packet[:4], "big")
        units.append(packet[4:4 + size])
        packet = packet[4 + size:]
    unit = units[-1]
    assert len(units) == 2 and units[0][:2] == b"\x06\x01"   # x264's interlaced timing SEI
    assert nonref.droppable(_length_prefixed(unit))
    assert nonref.droppable(_length_prefixed(bytes([0x09, 0xF0]), unit))     # delimiter
    assert nonref.droppable(_length_prefixed(unit, bytes([0x0C, 0xFF, 0x80])))   # filler
    assert nonref.droppable(_length_prefixed(PICTURE_TIMING, USER_DATA, unit))
    assert not nonref.droppable(_length_prefixed(RECOVERY_POINT, unit))  # changes later frames
    pps = avcc_units(extradata)[-1][3:]
    assert not nonref.droppable(_length_prefixed(pps, unit))        # parameter sets: decoder's
    both = PICTURE_TIMING[:-1] + RECOVERY_POINT[1:]                    # one SEI, two messages
    assert not nonref.droppable(_length_prefixed(both, unit))
    assert not nonref.droppable(_length_prefixed(USER_DATA[:-5] + b"\x80", unit))   # cut short
    assert not nonref.droppable(_length_prefixed(USER_DATA[:-2], unit))     # one byte short
    long = bytes([0x06, 0x05, 0xFF, 0x01, *range(256), *PICTURE_TIMING[1:]])   # size 255 + 1
    assert nonref.droppable(_length_prefixed(long, unit))
    assert not nonref.droppable(_length_prefixed(unit) + b"\x00")     # lengths do not add up
    assert not nonref.droppable(_length_prefixed(unit) + b"\x00\x00\x00\x00\x01")
    assert not nonref.droppable(_length_prefixed(unit)[:-1])
    assert not nonref.droppable(b"")
    assert not nonref.droppable(_length_prefixed(bytes([0x09, 0xF0])))  # no picture at all
    referenced = bytes([unit[0] | 0x20]) + unit[1:]                   # nal_ref_idc 1
    assert not nonref.droppable(_length_prefixed(referenced))
    idr = bytes([unit[0] & 0xE0 | 5]) + unit[1:]
    assert not nonref.droppable(_length_prefixed(idr))
    partition = bytes([unit[0] & 0xE0 | 2]) + unit[1:]              # data partition A
    assert not nonref.droppable(_length_prefixed(partition))


def test_an_annexb_packet_needs_its_parameter_sets_and_a_start_code():
    data, _pts, _extradata = _packets(make_variant("ts_h264", frames=60).path)
    fresh = NonReferencePackets()
    late = [p for p in data[1:] if NonReferencePackets(None).droppable(p)]
    assert not late, "a slice whose parameter sets are unknown is not judged"
    assert not fresh.droppable(data[0])          # the keyframe: its SPS and PPS are read...
    assert any(fresh.droppable(p) for p in data[1:])   # ...and later packets are judged
    _nonref, packet = _first_droppable(make_variant("ts_h264", frames=60).path)
    start = packet.find(b"\x00\x00\x01")
    assert not fresh.droppable(b"\xff" + packet[start:])   # not framed by start codes
    slice_unit = packet[packet.rfind(b"\x00\x00\x01") + 3:]
    assert not fresh.droppable(_length_prefixed(slice_unit))


def test_a_non_reference_field_picture_is_never_left_out():
    """A second field completes its frame: FFmpeg does not skip it, so neither may we."""
    data, _pts, extradata = _packets(make_variant("mkv_h264_paff", frames=20).path)
    nonref = NonReferencePackets(extradata)
    fields = 0
    for packet in data:
        if not nonref.framed(packet):
            continue
        first = packet[nonref.length_size]
        if first & 0x1F != 1:
            continue
        cleared = packet[:nonref.length_size] + bytes([first & 0x9F]) \
            + packet[nonref.length_size + 1:]                       # nal_ref_idc 0
        assert not nonref.droppable(cleared)
        fields += 1
    assert fields > 10


def _sequential(path, index) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [to_bgr(f, index.matrix, index.full_range) for f in container.decode(video=0)]


def test_hevc_packets_with_anything_more_go_to_the_decoder():
    path = make_clip("hevc_mp4", frames=60)
    data, _pts, extradata = _packets(path)
    nonref = HevcNonReferencePackets(extradata)
    assert nonref.length_size == 4
    unit = next(p[4:] for p in data if nonref.droppable(p))
    timing = bytes([0x4E, 0x01, *PICTURE_TIMING[1:]])            # prefix SEI (type 39)
    digest = bytes([0x50, 0x01, 0x84, 0x11, 0x00, *range(16), 0x80])   # suffix: picture hash
    recovery = bytes([0x4E, 0x01, *RECOVERY_POINT[1:]])
    assert nonref.droppable(_length_prefixed(timing, unit, digest))
    assert nonref.droppable(_length_prefixed(bytes([0x46, 0x01, 0x50]), unit))  # delimiter
    assert not nonref.droppable(_length_prefixed(recovery, unit))
    cut = bytes([0x4E, 0x01, 0x05, 0x10, 0x00, 0x80])              # 16 bytes said, 2 there
    assert not nonref.droppable(_length_prefixed(cut, unit))
    assert not nonref.droppable(_length_prefixed(timing))          # no picture at all
    trail_r = bytes([0x02, unit[1]]) + unit[2:]                     # TRAIL_R: a reference
    assert not nonref.droppable(_length_prefixed(trail_r))
    assert not nonref.droppable(_length_prefixed(bytes([0x40, 0x01, 0x0C]), unit))  # a VPS
    assert not nonref.droppable(_length_prefixed(unit) + b"\x00")
    assert not HevcNonReferencePackets(None).droppable(_length_prefixed(unit))  # no start code
    assert HevcNonReferencePackets(None).droppable(b"\x00\x00\x00\x01" + unit)
    assert HevcNonReferencePackets(b"\x01\x02").length_size == 0      # too short for hvcC


@pytest.mark.parametrize("kind", ["h264_mp4", "hevc_mp4"])
@pytest.mark.parametrize("threads", [1, 2])
def test_a_reference_chain_is_decoded_without_its_b_frames(kind, threads):
    path = make_clip(kind, frames=100, gop=50, size=(320, 240))
    index = load_or_build(path, None, None)
    reference = _sequential(path, index)
    skipped = sorted(_skipped_by_ffmpeg(path))
    ticks = [int(t) for t in index.ticks]
    target = 99                                  # the last frame of the second GOP
    before = [p for p in skipped if ticks[50] <= p < ticks[target]]
    decoder = FrameDecoder(path, index, threads=threads)
    try:
        got: dict[int, av.VideoFrame] = {}
        decoder.decode(target, target, lambda i, f: got.setdefault(i, f))
        assert decoder.nonref is not None and decoder.nonref.dropped == len(before) > 10
        assert np.array_equal(to_bgr(got[target], index.matrix, index.full_range),
                              reference[target])
        decoder.nonref.dropped = 0
        got.clear()
        decoder.decode(50, 60, lambda i, f: got.setdefault(i, f))      # every frame kept
        assert decoder.nonref.dropped == 0 and sorted(got) == list(range(50, 61))
        for i, frame in got.items():
            assert np.array_equal(to_bgr(frame, index.matrix, index.full_range), reference[i])
    finally:
        decoder.close()
