"""Writers for the two Chinese DVR/NVR export containers, wrapped around a real elementary stream.

Layouts as FFmpeg's demuxers read them (libavformat ``dhav.c`` and the ``IMKH`` case of the MPEG
program-stream demuxer), written from that description:

Dahua ``.dav``: one chunk per access unit —
    ``DHAV`` · type (0xFD key video, 0xFC other video) · subtype · channel · sub-number ·
    frame number (u32 LE) · chunk length (u32 LE, everything incl. trailer) · date (u32 LE bit
    field: s 6, min 6, h 5, day 5, month 4, year-2000 6 bits from the low end) · millisecond
    counter (u16 LE) · extension length (u8) · checksum (u8) · extensions (key chunks:
    ``0x80 0 w/8 h/8`` geometry, ``0x81 0 codec fps`` with codec 2 = H.264, 0xC = HEVC) ·
    payload (Annex-B access unit) · trailer ``dhav`` + chunk length (u32 LE).

Hikvision ``IMKH``: a 40-byte file header starting ``IMKH``, then an MPEG-2 program stream:
    per access unit a pack header (``00 00 01 BA``, SCR), before key frames a program stream map
    (``00 00 01 BC``, stream type 0x1B H.264 / 0x24 HEVC for stream id 0xE0), then the access
    unit in PES packets ``00 00 01 E0`` of at most ~64 KiB (PTS on the first one).
"""

from __future__ import annotations

import struct
from datetime import datetime, timedelta
from pathlib import Path

import av

DAV_CODEC = {"h264": 0x02, "hevc": 0x0C}
PS_STREAM_TYPE = {"h264": 0x1B, "hevc": 0x24}


def access_units(raw: Path, codec: str) -> tuple[list[tuple[bytes, bool]], int, int]:
    """``([(access unit bytes, is key)], width, height)`` of an Annex-B elementary stream."""
    with av.open(str(raw), format=codec) as container:
        stream = container.streams.video[0]
        w, h = stream.codec_context.width, stream.codec_context.height
        units = [(bytes(p), bool(p.is_keyframe)) for p in container.demux(stream) if p.size]
    return units, w, h


DAV_START = datetime(2023, 11, 28, 6, 0, 0)


def dav_date(when: datetime) -> int:
    """``when`` (camera clock; the field holds whole seconds) in the DAV date bit field."""
    return (when.second | when.minute << 6 | when.hour << 12 | when.day << 17
            | when.month << 22 | (when.year - 2000) << 26)


def _dav_chunk(kind: int, n: int, when: datetime, ms: int, ext: bytes, data: bytes) -> bytes:
    length = 24 + len(ext) + len(data) + 8
    return (b"DHAV" + bytes([kind, 0, 0, 0]) + struct.pack("<III", n, length, dav_date(when))
            + struct.pack("<HBB", ms % 65536, len(ext), 0) + ext + data + b"dhav"
            + struct.pack("<I", length))


def alaw_tone(n: int, samples: int = 320) -> bytes:
    """``samples`` G.711 A-law bytes of a 440 Hz tone (8 kHz), block ``n`` of a recording."""
    import math

    out = bytearray()
    for k in range(samples):
        v = int(8000 * math.sin(2 * math.pi * 440 * (n * samples + k) / 8000))
        sign, mag = (0x80 if v >= 0 else 0), min(abs(v) >> 3, 0xFFF)
        exp = max(0, mag.bit_length() - 5)
        out.append((sign | exp << 4 | ((mag >> exp if exp else mag >> 1) & 0x0F)) ^ 0x55)
    return bytes(out)


def write_dav(raw: Path, out: Path, *, fps: float, codec: str = "h264",
              start: datetime = DAV_START, audio: bool = False) -> None:
    """A ``.dav`` recording of ``raw`` whose camera clock starts at ``start``. ``audio``: as
    Dahua's player exports it with the camera's microphone: a 1 KiB ``DAHUA`` file header, and
    after each picture a chunk (type 0xF0) of 40 ms of G.711 A-law sound (extension 0x83:
    one channel, codec 0x0E, rate index 2 = 8 kHz)."""
    units, w, h = access_units(raw, codec)
    with open(out, "wb") as f:
        if audio:
            f.write(b"DAHUA" + bytes(0x400 - 5))
        for n, (data, key) in enumerate(units):
            ms = round(n * 1000 / fps)
            when = start + timedelta(milliseconds=ms)
            ext = bytes([0x80, 0, w // 8, h // 8, 0x81, 0, DAV_CODEC[codec], round(fps)]) \
                if key else b""
            f.write(_dav_chunk(0xFD if key else 0xFC, n, when, ms, ext, data))
            if audio:
                f.write(_dav_chunk(0xF0, n, when, ms, bytes([0x83, 1, 0x0E, 2]),
                                   alaw_tone(n, round(8000 / fps))))


def _pack_header(scr: int) -> bytes:
    """MPEG-2 pack header with system clock reference ``scr`` (90 kHz)."""
    b = (0b01 << 46 | ((scr >> 30) & 7) << 43 | 1 << 42 | ((scr >> 15) & 0x7FFF) << 27
         | 1 << 26 | (scr & 0x7FFF) << 11 | 1 << 10 | 1)        # SCR extension 0, marker
    mux_rate = 20000 << 2 | 3                                    # 22 bits + two markers
    return b"\x00\x00\x01\xba" + b.to_bytes(6, "big") + mux_rate.to_bytes(3, "big") + b"\xf8"


def _psm(stream_type: int, audio: bool = False) -> bytes:
    streams = bytes([stream_type, 0xE0, 0, 0]) + (bytes([0x90, 0xC0, 0, 0]) if audio else b"")
    body = bytes([0x80, 0x01]) + b"\x00\x00" + struct.pack(">H", len(streams)) + streams
    body += b"\x00\x00\x00\x00"                                  # CRC (not checked by readers)
    return b"\x00\x00\x01\xbc" + struct.pack(">H", len(body)) + body


def _timestamp(prefix: int, ts: int) -> bytes:
    return bytes([prefix << 4 | ((ts >> 30) & 7) << 1 | 1, (ts >> 22) & 0xFF,
                  ((ts >> 15) & 0x7F) << 1 | 1, (ts >> 7) & 0xFF, (ts & 0x7F) << 1 | 1])


def _pes(payload: bytes, pts: int | None, stream_id: int = 0xE0) -> bytes:
    header = _timestamp(0b0010, pts) if pts is not None else b""
    flags = bytes([0x84, 0x80 if pts is not None else 0, len(header)])
    body = flags + header + payload
    return b"\x00\x00\x01" + bytes([stream_id]) + struct.pack(">H", len(body)) + body


def write_imkh(raw: Path, out: Path, *, fps: float, codec: str = "h264",
               audio: bool = False) -> None:
    """``audio``: the camera's microphone, 40 ms of G.711 A-law after each picture in PES
    packets of stream 0xC0, which the map lists as stream type 0x90 (Hikvision's G.711)."""
    units, _w, _h = access_units(raw, codec)
    header = b"IMKH" + struct.pack("<HHI", 0x0102, 0x0001, 0x00000100) + bytes(28)
    with open(out, "wb") as f:
        f.write(header[:40])
        for n, (data, key) in enumerate(units):
            pts = 90000 + round(n * 90000 / fps)
            f.write(_pack_header(pts - 3600))
            if key:
                f.write(_psm(PS_STREAM_TYPE[codec], audio))
            for start in range(0, len(data), 60000):
                f.write(_pes(data[start:start + 60000], pts if start == 0 else None))
            if audio:
                f.write(_pes(alaw_tone(n, round(8000 / fps)), pts, 0xC0))


def corrupt_ts_frames(data: bytearray, frames: list[int]) -> list[int]:
    """Overwrite the slice data of the given frames (decode order = presentation order, no
    B-frames) of an MPEG-TS in ``data`` with a fixed garbage pattern; returns those frames."""
    import io

    with av.open(io.BytesIO(bytes(data)), format="mpegts") as container:
        stream = container.streams.video[0]
        packets = [(p.pos, p.size) for p in container.demux(stream) if p.size]
        pid = stream.id
    for n in frames:
        pos = packets[n][0]
        hit = 0
        for ts in range(pos + 188, len(data) - 188, 188):    # keep the PES header packet
            ts_pid = (data[ts + 1] & 0x1F) << 8 | data[ts + 2]
            if ts_pid != pid or data[ts + 1] & 0x40:          # other stream / next PES
                if ts_pid == pid:
                    break
                continue
            if (data[ts + 3] >> 4) & 3 != 1:                  # adaptation field: leave it
                continue
            data[ts + 4:ts + 188] = bytes((37 * k + n) & 0xFF for k in range(184))
            hit += 1
            if hit == 3:
                break
    return frames
