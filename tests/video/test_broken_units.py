"""Bytes changed inside an H.264/HEVC packet, told by the NAL syntax they break
(app.video.nal.Framing.broken): each rule on a hand-made packet at its edge, and no packet of
the generated variants judged broken."""

from __future__ import annotations

import av
import pytest

from app.video.nal import Framing, framing_of, stream_framing
from tests.formats import make_variant
from tests.nal_writer import FILL, framed

SLICE = b"\x41\x9a" + FILL * 40
SEI = b"\x06\x05\x10" + FILL * 16 + b"\x80"
LENGTHS, STARTS = Framing(4), Framing(0)


def annexb(*units: bytes, code: bytes = b"\x00\x00\x00\x01") -> bytes:
    return b"".join(code + u for u in units)


def test_sound_packets_are_not_broken():
    assert not LENGTHS.broken(framed(SEI, SLICE))
    assert not STARTS.broken(annexb(SEI, SLICE))
    assert not Framing(2).broken(b"".join(len(u).to_bytes(2, "big") + u for u in (SEI, SLICE)))
    escaped = SLICE[:10] + b"\x00\x00\x03\x01" + SLICE[10:]     # emulation prevention kept
    assert not LENGTHS.broken(framed(escaped)) and not STARTS.broken(annexb(escaped))


@pytest.mark.parametrize("run", [b"\x00\x00\x00", b"\x00\x00\x02"])
def test_a_run_emulation_prevention_rules_out_is_broken(run):
    unit = SLICE[:12] + run + SLICE[12:]
    assert LENGTHS.broken(framed(SEI, unit))
    assert STARTS.broken(annexb(SEI, unit))


def test_a_start_code_inside_a_length_framed_unit_is_broken():
    unit = SLICE[:12] + b"\x00\x00\x01" + SLICE[12:]
    assert LENGTHS.broken(framed(unit))
    assert not STARTS.broken(annexb(unit))         # (with start codes it is one: two units)


def test_a_zeroed_tail_is_broken_a_start_codes_leftover_is_not():
    """More than four zero bytes end no unit (a 4-byte start code's first byte counts)."""
    for zeros, broken in ((1, False), (4, False), (5, True), (40, True)):
        unit = SLICE + bytes(zeros)
        assert LENGTHS.broken(framed(unit, SLICE)) is broken, zeros
        assert STARTS.broken(annexb(unit, SLICE, code=b"\x00\x00\x01")) is broken, zeros
        assert STARTS.broken(annexb(SLICE, unit)) is broken, zeros
    assert STARTS.broken(annexb(SLICE + bytes(4), SLICE))


def test_lengths_that_do_not_add_up_are_broken():
    data = framed(SEI, SLICE)
    assert LENGTHS.broken(data[:-1])                          # the last unit runs past the end
    assert LENGTHS.broken(data + b"\x01")                     # bytes after the last unit
    assert LENGTHS.broken(data + bytes(5))                    # more than a few zero bytes
    assert not LENGTHS.broken(data + bytes(4))
    assert LENGTHS.broken(bytes(4) + data)                    # a zero length first: no unit
    assert LENGTHS.broken(bytes(300))                         # a zeroed sample
    assert LENGTHS.broken(data[:2])                           # shorter than one length


def test_bytes_before_the_first_start_code_or_none_at_all_are_broken():
    data = annexb(SEI, SLICE)
    assert STARTS.broken(b"\x41" + data)
    assert not STARTS.broken(bytes(3) + data)                 # leading zero bytes are allowed
    assert STARTS.broken(FILL * 30)
    assert STARTS.broken(data[5:])                            # the first start code lost


@pytest.mark.parametrize("name", ["mp4_h264_nob", "ts_h264", "ts_hevc_opengop", "dav_hevc",
                                  "imkh_h264", "mkv_h264_paff", "mp4_hevc_from_raw"])
def test_no_packet_of_a_sound_file_is_broken(name):
    v = make_variant(name)
    with av.open(str(v.path)) as container:
        stream = container.streams.video[0]
        given = stream_framing(stream.codec_context.name, stream.codec_context.extradata)
        packets = [bytes(p) for p in container.demux(stream) if p.size]
    assert packets
    assert not any((given or framing_of(p)).broken(p) for p in packets)
