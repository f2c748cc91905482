"""Damaged ASF (WMV) exports: a zeroed data packet takes whole frames with it; FFmpeg's demuxer
says nothing and MS-MPEG4 / WMV2 conceal the pictures built on them. The media object numbers of
the packets after the gap tell it (app/video/asf_objects.py): those frames are flagged, every
other frame is the one its time says. Every file is made at run time."""

from __future__ import annotations

import struct
from pathlib import Path

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
