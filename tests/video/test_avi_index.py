"""An AVI file's own index read as the n-th chunk of a stream (app/video/avi_index.py): on files
laid out by hand (odd-sized chunks, several streams, idx1 offsets from the file start, OpenDML
indexes split in two with a base offset) against the positions written, and on FFmpeg's own
count; and the renumbering of packets after a lost chunk."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.video.avi_index import Renumbered, chunk_numbers
from tests.formats import make_variant
from tests.video.test_avi_damage import _no_bframes, _packets


def chunk(fourcc: bytes, body: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def riff_list(kind: bytes, body: bytes) -> bytes:
    return chunk(b"LIST", kind + body)


def synthetic(sizes: list[int], *, absolute: bool = False, tail: bytes = b""
              ) -> tuple[bytes, list[int]]:
    """A RIFF AVI of odd-sized chunks: a 5-byte JUNK, audio (01wb) between the video (00dc)
    chunks of ``sizes``, idx1 last. Returns the bytes and each video chunk's data position."""
    head = riff_list(b"hdrl", chunk(b"avih", bytes(56))) + chunk(b"JUNK", b"x" * 5)
    movi_at = 12 + len(head) + 8                        # the 'movi' fourcc
    body, rows, video = b"", b"", []
    for n, size in enumerate(sizes):
        for cid, data in ((b"00dc", bytes([n + 1]) * size), (b"01wb", b"\x7f" * 3)):
            at = movi_at + 4 + len(body)
            rows += struct.pack("<4sIII", cid, 16 if cid == b"00dc" and not n else 0,
                                at if absolute else at - movi_at, len(data))
            if cid == b"00dc":
                video.append(at + 8)
            body += chunk(cid, data)
    movi = riff_list(b"movi", body)
    content = b"AVI " + head + movi + chunk(b"idx1", rows) + tail
    return b"RIFF" + struct.pack("<I", len(content)) + content, video


@pytest.mark.parametrize("absolute", [False, True])
def test_a_hand_laid_file_is_read_chunk_by_chunk(absolute, tmp_path):
    data, video = synthetic([7, 0, 12, 3], absolute=absolute)
    path = tmp_path / "hand.avi"
    path.write_bytes(data)
    assert chunk_numbers(path, 0) == ({pos: n for n, pos in enumerate(video)}, [0, 2, 3])
    assert chunk_numbers(path, 1) is None                  # audio chunks are no frames
    assert chunk_numbers(path, 2) is None


def test_a_single_chunk_and_what_follows_idx1(tmp_path):
    """One video chunk (its offset decides the base alone); a chunk after idx1 that looks like
    index rows is no part of it."""
    decoy = struct.pack("<4sIII", b"00dc", 0, 4, 1) * 3
    data, video = synthetic([9], tail=chunk(b"JUNK", bytes(8) + decoy))    # (rows aligned)
    path = tmp_path / "one.avi"
    path.write_bytes(data)
    assert chunk_numbers(path, 0) == ({video[0]: 0}, [0])


def test_files_that_are_not_an_indexed_avi(tmp_path):
    data, _ = synthetic([4, 4])
    for name, content in (("wave", data[:8] + b"WAVE" + data[12:]),
                          ("rifx", b"RIFX" + data[4:]),
                          ("no_idx1", data[:data.index(b"idx1")]),
                          ("empty", b"")):
        path = tmp_path / f"{name}.avi"
        path.write_bytes(content)
        assert chunk_numbers(path, 0) is None, name
    assert chunk_numbers(tmp_path / "missing.avi", 0) is None


def _with_sound(tmp_path: Path, sound_first: bool = True) -> Path:
    """The no-B-frame clip with a PCM track: as stream 0 (the video stream 1, 01dc), or after
    the video."""
    out = tmp_path / ("two.avi" if sound_first else "vfirst.avi")
    order = ["1:a", "0:v"] if sound_first else ["0:v", "1:a"]
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(_no_bframes()), "-f", "lavfi",
                    "-i", "sine=d=4", "-map", order[0], "-map", order[1], "-c:v", "copy",
                    "-c:a", "pcm_s16le", "-shortest", str(out)], check=True)
    return out


def test_the_video_of_a_file_with_sound_first_is_numbered_as_ffmpeg_counts(tmp_path):
    path = _with_sound(tmp_path)
    packets, stream, listed = _packets(path)
    assert stream == 1
    numbers, filled = chunk_numbers(path, 1)
    assert [numbers[p.pos] for p in packets] == [p.dts for p in packets]
    assert len(numbers) == listed == len(filled)
    assert chunk_numbers(path, 0) is None


def _odml(path: Path, out: Path, stream: int, *, keep_idx1: bool = False,
          head: tuple[int, int] = (4, 0)) -> Path:
    """``path`` indexed by OpenDML: the super index of video stream ``stream`` (in the room
    FFmpeg left in its stream header) points to two ix## chunks appended, each with half the
    entries, offsets from a base; the other stream's room gets a super index of audio; idx1 is
    renamed away."""
    packets, _, _ = _packets(path)
    keys = {p.pos for p in packets if p.is_keyframe}
    data = bytearray(path.read_bytes())
    cid = b"%02ddc" % stream
    base = data.index(b"movi")
    entries, at = [], base + 4              # every chunk of the stream, empty ones too
    while data[at:at + 4] != b"idx1":
        size = struct.unpack_from("<I", data, at + 4)[0]
        if data[at:at + 4] == cid:
            entries.append((at + 8, size, at + 8 in keys))
        at += 8 + size + (size & 1)
    parts = []
    for half in (entries[:len(entries) // 2], entries[len(entries) // 2:]):
        rows = b"".join(struct.pack("<II", pos - base, size | (0 if key else 1 << 31))
                        for pos, size, key in half)
        body = struct.pack("<HBBI4sQI", 2, 0, 1, len(half), cid, base, 0) + rows
        parts.append((len(data), 8 + len(body), len(half)))
        data += b"ix%02d" % stream + struct.pack("<I", len(body)) + body
    rooms = [i for i in range(len(data) - 4) if data[i:i + 4] == b"JUNK"
             and data[i - 4:i] != b"LIST"][:2]                  # (strl rooms come first)
    for n, room_at in enumerate(rooms):
        room = struct.unpack_from("<I", data, room_at + 4)[0]
        video = n == stream
        longs, kind = head if video else (4, 0)
        top = struct.pack("<HBBI4s12x", longs, 0, kind, len(parts) if video else 1,
                          cid if video else b"%02dwb" % n)
        rows = b"".join(struct.pack("<QII", *p) for p in parts)  # (audio: the video's too)
        data[room_at:room_at + 8 + room] = b"indx" + struct.pack("<I", room) + \
            (top + rows).ljust(room, b"\0")
    idx1 = data.index(b"idx1")
    if keep_idx1:                           # stale: half its rows, FFmpeg reads OpenDML
        size = struct.unpack_from("<I", data, idx1 + 4)[0]
        data[idx1 + 4:idx1 + 8] = struct.pack("<I", size // 32 * 16)
        data[idx1 + 8 + size // 32 * 16:idx1 + 8 + size] = bytes(size - size // 32 * 16)
    else:
        data[idx1:idx1 + 4] = b"JUNK"
    out.write_bytes(bytes(data))
    return out


def test_an_opendml_index_in_two_parts_with_a_base_offset(tmp_path):
    path = _odml(_with_sound(tmp_path), tmp_path / "odml.avi", stream=1)
    packets, stream, listed = _packets(path)
    numbers, filled = chunk_numbers(path, 1)
    assert [numbers[p.pos] for p in packets] == [p.dts for p in packets]
    assert len(numbers) == listed == len(filled) == len(packets)


def test_opendml_of_the_first_stream_and_a_stale_idx1(tmp_path):
    """The video is stream 0 and the sound's super index comes after it; the idx1 left behind
    lists half the frames (FFmpeg reads the OpenDML index, so must we)."""
    path = _odml(_with_sound(tmp_path, sound_first=False), tmp_path / "odml0.avi", stream=0, keep_idx1=True)
    packets, stream, listed = _packets(path)
    numbers, filled = chunk_numbers(path, 0)
    assert [numbers[p.pos] for p in packets] == [p.dts for p in packets]
    assert len(numbers) == listed == len(packets) == len(filled)
    assert chunk_numbers(path, 1) is None          # the sound's super index names no video


def test_opendml_entries_of_frames_the_recorder_dropped(tmp_path):
    """Empty chunks (dropped frames) are numbered and hold no data."""
    path = _odml(make_variant("avi_mpeg2_dropped").path, tmp_path / "drop.avi", stream=0)
    packets, stream, listed = _packets(path)
    numbers, filled = chunk_numbers(path, 0)
    assert [numbers[p.pos] for p in packets] == [p.dts for p in packets]
    assert len(numbers) == listed > len(filled) == len(packets)


@pytest.mark.parametrize("head", [(2, 0), (4, 1)])
def test_a_super_index_of_another_shape_is_not_read(head, tmp_path):
    path = _odml(_with_sound(tmp_path), tmp_path / "odd.avi", stream=1, head=head)
    assert chunk_numbers(path, 1) is None


def test_a_super_index_pointing_past_the_end(tmp_path):
    path = _odml(_with_sound(tmp_path), tmp_path / "past.avi", stream=1)
    data = bytearray(path.read_bytes())
    at = data.index(b"indx", data.index(b"indx") + 4) + 8 + 24      # the video's first entry
    data[at:at + 8] = struct.pack("<Q", len(data) + 1000)
    path.write_bytes(bytes(data))
    assert chunk_numbers(path, 1) is None


def packet(pos: int | None, dts: int | None, pts: int | None = None) -> SimpleNamespace:
    return SimpleNamespace(pos=pos, dts=dts, pts=pts, is_corrupt=False)


NUMBERS = {100: 0, 200: 1, 300: 2, 400: 3, 500: 4, 600: 5, 700: 6}
FILLED = [0, 1, 3, 4, 5, 6]                     # chunk 2 is empty: a frame the recorder dropped


def test_packets_take_the_index_numbers_and_a_lost_chunk_marks_the_next():
    r = Renumbered(NUMBERS, FILLED)
    seen = [packet(100, 0, 1), packet(200, 1, 2), packet(400, 3, 4), packet(600, 4, 5)]
    assert [r.retag(p) for p in seen] == [False, False, False, True]    # (2 was empty)
    assert [(p.dts, p.pts) for p in seen] == [(0, 1), (1, 2), (3, 4), (5, 6)]
    assert [p.is_corrupt for p in seen] == [False, False, False, True]
    assert r.lost == 1 and "1" in r.note()[0]
    last = packet(700, 5, None)
    assert r.retag(last) is False and (last.dts, last.pts) == (6, None)
    r.restart()
    assert r.retag(packet(300, 9)) is False                  # nothing judged after a restart
    assert r.lost == 1


def test_unknown_packets_are_left_alone_and_losses_add_up():
    r = Renumbered(NUMBERS, FILLED)
    for odd in (packet(None, 3, 3), packet(150, 3, 3), packet(100, None, 7)):
        before = (odd.dts, odd.pts)
        assert r.retag(odd) is False and (odd.dts, odd.pts) == before
    assert Renumbered(NUMBERS, FILLED).note() == []
    out = list(r.packets([packet(100, 0), packet(400, 1), packet(700, 2)], mark=False))
    assert [p.dts for p in out] == [0, 3, 6] and not any(p.is_corrupt for p in out)
    assert r.lost == 3 and "3" in r.note()[0]                # 1 (not 2: empty), then 4 and 5
    marked = list(r.packets([packet(100, 0), packet(400, 1)]))
    assert [p.is_corrupt for p in marked] == [False, True]


def test_the_note_is_told_in_chinese():
    r = Renumbered(NUMBERS, FILLED)
    r.retag(packet(100, 0))
    r.retag(packet(400, 1))
    assert r.note() == ["文件已损坏：文件索引所列的 1 帧已丢失（这些帧的时间留空；其余每一帧保持自己的时间）"]


def test_a_packet_just_after_the_last_is_no_loss_one_further_is():
    r = Renumbered(NUMBERS, [0, 1, 2, 3, 4, 5, 6])
    assert r.retag(packet(300, 2)) is False
    assert r.retag(packet(400, 3)) is False
    assert r.retag(packet(600, 4)) is True and r.lost == 1
    assert r.retag(packet(100, 9)) is False                   # going back is no loss
