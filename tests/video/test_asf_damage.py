"""Damaged ASF (WMV) exports: a zeroed data packet takes whole frames with it; FFmpeg's demuxer
says nothing and MS-MPEG4 / WMV2 conceal the pictures built on them. The media object numbers of
the packets after the gap tell it (app/video/asf_objects.py): those frames are flagged, every
other frame is the one its time says. Every file is made at run time."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from app.video import VideoError, open_video
from app.video.asf_objects import DATA, FILE_PROPERTIES, _objects, lost_before
from tests.formats import make_variant
from tests.media import frame_index_of

NAMES = ["asf_msmpeg4", "wmv_wmv2", "asf_mpeg4_bframes"]


def _packets(path: Path) -> tuple[int, int]:
    """(first data packet's position, packet size)."""
    head = path.read_bytes()[:1 << 16]
    size = struct.unpack_from("<I", head, head.index(FILE_PROPERTIES) + 92)[0]
    return head.index(DATA) + 50, size


@pytest.mark.parametrize("name", NAMES)
def test_a_sound_file_lost_nothing(name):
    path = make_variant(name).path
    assert lost_before(path, 1) == []
    with open_video(path) as video:
        assert video.index.unsure.size == 0


@pytest.mark.parametrize("name", ["asf_msmpeg4", "wmv_wmv2"])
@pytest.mark.parametrize("which", [4, 9])     # (9: in the last GOP, flagged to the end)
def test_frames_after_a_zeroed_data_packet_are_flagged(name, which, tmp_path):
    source = make_variant(name).path
    with open_video(source) as video:
        truth = {round(video.pts(i) * 25): frame_index_of(video.read(i))
                 for i in range(video.frame_count)}
    first, size = _packets(source)
    data = bytearray(source.read_bytes())
    at = first + which * size
    data[at:at + size] = bytes(size)
    damaged = tmp_path / f"bad{source.suffix}"
    damaged.write_bytes(bytes(data))
    assert lost_before(damaged, 1)
    flagged = []
    with open_video(damaged, cache_bytes=2 << 20) as video:
        assert video.frame_count < len(truth)
        for i in range(video.frame_count - 1, -1, -1):
            video.cache.clear()
            try:
                code = frame_index_of(video.read(i))
            except VideoError:
                continue
            if video.is_damaged(i):
                flagged.append(i)
            else:
                assert code == truth[round(video.pts(i) * 25)], i
        assert flagged and 0 not in flagged and len(flagged) < video.frame_count // 2


def test_a_file_that_is_not_asf_or_cannot_be_read(tmp_path):
    other = tmp_path / "x.wmv"
    other.write_bytes(b"RIFF" + bytes(100))
    assert lost_before(other, 1) == []
    assert lost_before(tmp_path / "missing.wmv", 1) == []


def _packet(payloads: bytes, count: int, size: int = 200) -> bytes:
    """A data packet with ``count`` payloads (multiple-payload form: byte lengths, 1-byte object
    numbers and offsets, 1-byte replicated data lengths), padded to ``size``."""
    head = bytes([0x82, 0, 0, 0x01 | 0x08, 0x55]) + bytes([size - 5 - 2 - 1 - 6 - 1 -
                                                            len(payloads)])
    return (head + bytes(6) + bytes([0x40 | count]) + payloads).ljust(size, b"\0")


def test_payloads_whole_in_parts_and_compressed_are_read():
    stamp = struct.pack("<II", 999, 40)
    whole = bytes([0x81, 7, 0, 8]) + stamp + bytes([3]) + b"abc"
    part = bytes([0x01, 8, 5, 8]) + stamp + bytes([2]) + b"de"
    other = bytes([0x02, 9, 0, 8]) + stamp + bytes([1]) + b"z"
    squeezed = bytes([0x01, 9, 120, 1, 40, 6, 2]) + b"xy" + bytes([2]) + b"uv"
    got = _objects(_packet(whole + part + other + squeezed, 4), 1)
    assert got == [(7, 0, 40, 3, True), (8, 5, 40, 2, False), (9, 0, 120, 2, False),
                   (10, 0, 160, 2, False)]
    got = _objects(_packet(squeezed + whole, 2), 1)         # payloads after compressed ones
    assert got == [(9, 0, 120, 2, False), (10, 0, 160, 2, False), (7, 0, 40, 3, True)]
    plain = _packet(whole, 1)[3:]                           # no error correction data
    assert plain[0] & 0x80 == 0 and _objects(plain, 1) == [(7, 0, 40, 3, True)]


HEAD = b"\x30\x26\xb2\x75" + bytes(26)


def _asf(packets: list[bytes], *, preroll: int = 3000, size: int = 200,
         high: int | None = None) -> bytes:
    """A file with just what the reader looks at: File Properties (preroll, packet sizes) and
    the Data object's header, then ``packets``."""
    props = FILE_PROPERTIES + bytes(64) + struct.pack("<Q", preroll) + bytes(4) + \
        struct.pack("<II", size, size if high is None else high) + bytes(4)
    return HEAD + props + DATA + bytes(34) + b"".join(packets)


def _multi(*payloads: tuple[int, int, int, int, bool], size: int = 200) -> bytes:
    """A multiple-payload data packet: (stream, object, offset, time, key) each, 4 data bytes."""
    body = b"".join(bytes([stream | (0x80 if key else 0), obj & 0xFF, offset, 8]) +
                    struct.pack("<II", 4, stamp) + bytes([4]) + b"\x11" * 4
                    for stream, obj, offset, stamp, key in payloads)
    return _packet(body, len(payloads), size)


def _write(tmp_path: Path, packets: list[bytes], **kw) -> Path:
    path = tmp_path / "t.wmv"
    path.write_bytes(_asf(packets, **kw))
    return path


def test_objects_in_turn_lose_nothing_a_gap_is_told_at_its_first_whole_object(tmp_path):
    run = [_multi((1, n, 0, 3000 + 40 * n, n == 0), (2, n, 0, 3000, False)) for n in range(6)]
    assert lost_before(_write(tmp_path, run), 1) == []
    gone = run[:2] + [bytes(200)] + run[4:]                   # a zeroed packet: 2 and 3 lost
    assert lost_before(_write(tmp_path, gone), 1) == [160]    # object 4, preroll taken off
    garbled = run[:2] + [b"\xff" * 200] + run[4:]             # one that cannot be read
    assert lost_before(_write(tmp_path, garbled), 1) == [160]
    assert lost_before(_write(tmp_path, run[:2] + run[4:]), 2) == [0]     # (the sound)


def test_numbers_wrap_and_a_keyframe_after_the_gap_starts_clean(tmp_path):
    run = [_multi((1, n, 0, 40 * n, False)) for n in range(250, 260)]
    assert lost_before(_write(tmp_path, run, preroll=0), 1) == []
    keyed = run[:3] + [_multi((1, 256, 0, 40 * 256, True))] + run[7:]
    assert lost_before(_write(tmp_path, keyed, preroll=0), 1) == []


def test_after_a_gap_the_earliest_time_up_to_the_next_keyframe(tmp_path):
    """B-frames: objects after the gap are shown earlier than the first of them."""
    packets = [_multi((1, 0, 0, 0, True)), _multi((1, 1, 0, 120, False)),
               _multi((1, 4, 0, 240, False)), _multi((1, 5, 0, 160, False)),
               _multi((1, 6, 0, 80, False)), _multi((1, 7, 0, 400, True)),
               _multi((1, 8, 0, 10, False))]
    assert lost_before(_write(tmp_path, packets, preroll=0), 1) == [80]


def test_parts_of_an_object_must_follow_on(tmp_path):
    whole = [_multi((1, 0, 0, 0, True)), _multi((1, 1, 0, 40, False)),
             _multi((1, 1, 4, 40, False)), _multi((1, 2, 0, 80, False))]
    assert lost_before(_write(tmp_path, whole, preroll=0), 1) == []
    skipped = whole[:2] + [_multi((1, 1, 8, 40, False))] + whole[3:]   # offset 4 missing
    assert lost_before(_write(tmp_path, skipped, preroll=0), 1) == [40]
    headless = whole[:1] + [_multi((1, 1, 4, 40, False))] + whole[3:]  # its start lost
    assert lost_before(_write(tmp_path, headless, preroll=0), 1) == [40]


def test_what_the_reader_will_not_guess(tmp_path):
    run = [_multi((1, n, 0, 40 * n, False)) for n in (0, 2)]
    assert lost_before(_write(tmp_path, run, high=300), 1) == []      # packets of two sizes
    assert lost_before(_write(tmp_path, run, size=0, high=0), 1) == []
    cut = tmp_path / "cut.wmv"
    cut.write_bytes(_asf(run)[:40])                                   # header cut short
    assert lost_before(cut, 1) == []


def test_a_single_payload_packet_with_its_length_and_no_error_correction():
    replicated = struct.pack("<II", 6, 1234)
    body = bytes([0x81, 3, 0, 8]) + replicated + b"abcdef"
    size = 12 + len(body) + 5                               # 5 bytes of padding
    head = bytes([0x40 | 0x08 | 0x02, 0x55]) + struct.pack("<H", size) + bytes([7]) + \
        bytes([5]) + bytes(6)
    packet = (head + body).ljust(size, b"\0")
    assert packet[0] & 0x80 == 0
    assert _objects(packet, 1) == [(3, 0, 1234, 6, True)]
    with pytest.raises(ValueError):
        _objects(packet[:12], 1)                            # cut before its payload


def test_unsure_spans_run_to_the_frame_before_the_next_keyframe(tmp_path):
    from types import SimpleNamespace

    from app.video.asf_objects import unsure
    packets = [_multi((1, 0, 0, 0, True)), bytes(200), _multi((1, 3, 0, 120, False))]
    path = _write(tmp_path, packets, preroll=0)
    index = SimpleNamespace(stream_id=1, ticks=np.array([0, 40, 120, 160, 200, 240]),
                            key_index=np.array([0, 4]), frame_count=6)
    assert unsure(path, index).tolist() == [[2, 3]]
    index.key_index = np.array([0, 2, 4])                   # (the first frame after it a key)
    assert unsure(path, index).tolist() == [[2, 3]]
    index.key_index = np.array([0])
    assert unsure(path, index).tolist() == [[2, 5]]
    index.ticks = np.array([0, 40])
    index.frame_count = 2
    assert unsure(path, index).tolist() == []


def test_a_declared_packet_length_shorter_than_the_slot_and_fields_to_the_last_byte():
    replicated = struct.pack("<II", 6, 1234)
    body = bytes([0x01, 3, 0, 8]) + replicated + b"abcdef"
    size = 12 + len(body)                                   # no padding: ends on its last byte
    head = bytes([0x40 | 0x08 | 0x02, 0x55]) + struct.pack("<H", size) + bytes([7, 0]) + \
        bytes(6)
    packet = head + body
    assert _objects(packet, 1) == [(3, 0, 1234, 6, False)]
    assert _objects(packet + bytes(30), 1) == [(3, 0, 1234, 6, False)]   # (the slot is longer)
    with pytest.raises(ValueError):
        _objects(_multi((1, 0, 0, 0, True))[:16], 1)        # cut inside a payload's header


def test_a_header_without_its_file_properties_or_data_object(tmp_path):
    whole = _asf([_multi((1, 0, 0, 0, True)), bytes(200), _multi((1, 3, 0, 120, False))],
                 preroll=0)
    for name, data in (("no_props", whole.replace(FILE_PROPERTIES, bytes(16))),
                       ("no_data", whole.replace(DATA, bytes(16))),
                       ("short", whole[:whole.index(FILE_PROPERTIES) + 99])):
        path = tmp_path / f"{name}.wmv"
        path.write_bytes(data)
        assert lost_before(path, 1) == [], name
    path = tmp_path / "whole.wmv"
    path.write_bytes(whole)
    assert lost_before(path, 1) == [120]
