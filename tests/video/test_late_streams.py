"""Streams that begin mid-file, past what FFmpeg reads at open: a joined export where one
recording has the camera's microphone on (TS audio, PS private stream 1), or comes from
another recorder under another PID or stream id. PyAV failed on them at the end of every
demux ("list index out of range": the file could not be opened at all); the shown stream now
reads to its end, and video of a stream the file did not announce is named."""

from __future__ import annotations

import random

import av
import numpy as np
import pytest

from app.video import open_video, probe, scan_activity
from app.video.bitstream import read_signal
from app.video.tracks import demuxed
from app.video.triage import scan_triage
from app.video.unshown import _ps_video_ids, _stretches, _ts_video_pids, unshown_note
from tests.format_encoders import ffmpeg_encode, x264
from tests.media import frame_index_of, media_dir

PARTS = (40, 30, 40)       # frames of the first, the joined-in and the last recording
TS_NULL = b"\x47\x1f\xff\x10" + b"\xff" * 184                       # null packets
PS_PAD = b"\x00\x00\x01\xbe" + (2042).to_bytes(2, "big") + b"\xff" * 2042   # padding PES
SINE = ["-f", "lavfi", "-i", "sine=f=440:sample_rate=48000"]
MPEG2 = ["-c:v", "mpeg2video", "-g", "20", "-bf", "2", "-q:v", "3"]
KINDS = {   # name: (extension, the middle part's extra ffmpeg options, its video shown?)
    "ts_audio": (".ts", [*SINE, "-c:a", "mp2", "-shortest"], True),
    "ps_private": (".mpg", [*SINE, "-c:a", "ac3", "-shortest"], True),
    "ts_other_pid": (".ts", ["-streamid", "0:0x300", "-mpegts_service_id", "2"], False),
    # the joined-in recording ends the file: FFmpeg finds its PID when it reads the file's end
    # for the duration and announces it, but without a picture size
    "ts_other_pid_at_end": (".ts", ["-streamid", "0:0x300", "-mpegts_service_id", "2"], False),
    "ps_other_id": (".mpg", [], False),
}


def _late(kind: str):
    """The three recordings joined, with padding around the middle one so that FFmpeg meets
    its streams only when it reaches them (as in an hour-long export)."""
    ext, extra, shown = KINDS[kind]
    at_end = kind.endswith("_at_end")
    parts = PARTS[:2] if at_end else PARTS
    target = media_dir() / f"late-{kind}-v1{ext}"
    codes = list(range(PARTS[0])) + (list(range(PARTS[0], PARTS[0] + PARTS[1])) if shown else [])
    codes += list(range(PARTS[0] + PARTS[1], sum(parts)))
    if target.exists():
        return target, codes
    pad = TS_NULL * 3000 if ext == ".ts" else PS_PAD * 300            # about 0.6 MB
    chunks, start = [], 0
    for n, frames in enumerate(parts):
        part = target.with_name(f".part{n}-{target.name}")
        video = x264(20, bframes=2) if ext == ".ts" else [*MPEG2, "-f", "vob"]
        ffmpeg_encode(part, frames, (320, 240), 25, [*(extra if n == 1 else []), *video],
                      start=start)
        data = part.read_bytes()
        part.unlink()
        if n == 1 and kind == "ps_other_id":        # another recorder's video stream id
            data = data.replace(b"\x00\x00\x01\xe0", b"\x00\x00\x01\xe1")
        chunks += ([pad, data] if at_end else [data, pad]) if n == 1 else [data]
        start += frames
    tmp = target.with_name(".tmp-" + target.name)
    tmp.write_bytes(b"".join(chunks))
    tmp.replace(target)
    return target, codes


@pytest.mark.parametrize("kind", KINDS)
def test_a_stream_that_begins_mid_file_neither_breaks_nor_hides_the_video(kind):
    path, codes = _late(kind)
    info = probe(path)
    assert info.frame_count == len(codes)
    with open_video(path, cache_bytes=2 << 20) as video:
        order = list(range(len(codes)))
        random.Random(kind).shuffle(order)
        for i in [len(codes) - 1, *order[:20]]:
            assert frame_index_of(video.read(i)) == codes[i], i
    unshown = [w for w in info.warnings if "另一路视频" in w]
    if KINDS[kind][2]:
        assert not unshown, info.warnings
    elif kind.startswith("ts_other_pid"):
        assert len(unshown) == 1 and "PID 0x300" in unshown[0]
        assert f"第 {PARTS[0] - 1} 帧" in unshown[0]
        with av.open(str(path)) as container:            # announced (or not) without a size
            assert (0x300 in {s.id for s in container.streams.video}) == kind.endswith("end")
    else:   # FFmpeg probes a program stream further and announces it: named as another stream
        assert any("2 路视频" in w for w in info.warnings), info.warnings


def test_an_unannounced_program_stream_video_id_is_named():
    path, codes = _late("ps_other_id")
    rows, sizes = [], []
    with av.open(str(path)) as container:
        for packet in demuxed(container, container.streams.video[0]):
            if packet.size:
                rows.append((packet.pts, packet.dts, packet.is_keyframe,
                             -1 if packet.pos is None else packet.pos))
                sizes.append(packet.size)
    notes = unshown_note(path, "mpeg", rows, sizes, {0x1E0}, path.stat().st_size)
    assert len(notes) == 1 and "流 0xE1" in notes[0] and f"第 {PARTS[0] - 1} 帧" in notes[0]
    assert unshown_note(path, "mpeg", rows, sizes, {0x1E0, 0x1E1}, path.stat().st_size) == []
    assert unshown_note(path, "dhav", rows, sizes, {0x1E0}, path.stat().st_size) == []


@pytest.mark.parametrize("kind", ["ts_audio", "ps_private"])
def test_scans_of_such_a_file_read_it_to_the_end(kind):
    path, codes = _late(kind)
    assert scan_activity(path, workers=1).frame_count == len(codes)
    with open_video(path) as video:
        signal = read_signal(path, video.index)
    assert signal.sizes.size == len(codes) and not np.isnan(signal.sizes[-5:]).any()
    assert scan_triage(path).activity.frame_count == len(codes)


def test_stretches_are_the_bytes_no_shown_packet_explains():
    rows = [(0, 0, True, 1000), (1, 1, False, 3000), (2, 2, False, 900_000), (3, 3, False, -1)]
    sizes = [2000, 1000, 500, 400]
    # the head (1000 bytes) and the small step are explained; 896 kB after row 1 and the tail
    assert _stretches(rows, sizes, 2_000_000) == [(3, 900_500, 1_099_500),
                                                  (1, 4000, 896_000)]
    assert _stretches([(0, 0, True, -1)], [10], 10**9) == []


def _ts_packet(pid: int, payload: bytes, adaptation: int = 0, start: bool = True) -> bytes:
    flags = 0x30 if adaptation else 0x10
    head = bytes([0x47, (0x40 if start else 0) | pid >> 8, pid & 0xFF, flags])
    field = bytes([adaptation - 1]) + b"\xff" * (adaptation - 1) if adaptation else b""
    body = head + field + payload
    return body + b"\xff" * (188 - len(body))


def test_video_pids_are_read_from_packet_headers_in_both_packet_sizes():
    packets = (_ts_packet(0x100, b"\x00\x00\x01\xe0") + _ts_packet(0x300, b"\x00\x00\x01\xe0", 8)
               + _ts_packet(0x101, b"\x00\x00\x01\xc0")                 # audio
               + _ts_packet(0x400, b"\x00\x00\x01\xe0", start=False)    # not a PES start
               + _ts_packet(0x500, b"\x00\x00\x01\xe1"))
    assert _ts_video_pids(b"\x12\x34" + packets) == {0x100, 0x300, 0x500}
    m2ts = b"".join(b"\x00\x00\x00\x00" + packets[i:i + 188] for i in range(0, len(packets), 188))
    assert _ts_video_pids(m2ts) == {0x100, 0x300, 0x500}
    assert _ts_video_pids(b"\x00" * 1000) == set()
    assert _ps_video_ids(b"\x00\x00\x01\xba..\x00\x00\x01\xe2..\x00\x00\x01\xbd") == {0x1E2}
