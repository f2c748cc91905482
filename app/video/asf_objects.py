"""Video frames an ASF (WMV) file lost, told by the media object numbers in its data packets
(ASF specification 5.2). Every frame is one media object, numbered in turn (modulo the size of
the number's field); a data packet zeroed on disk takes its objects with it. FFmpeg's demuxer says
nothing, and MS-MPEG4 / WMV decoders conceal the pictures built on the lost ones without a word:
the first whole object after a gap is where damage starts.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from app.video.frame_index import FrameIndex

DATA = bytes.fromhex("3626b2758e66cf11a6d900aa0062ce6c")
FILE_PROPERTIES = bytes.fromhex("a1dcab8c47a9cf118ee400c00c205365")
_WIDTH = (0, 1, 2, 4)                   # bytes of a field by its 2-bit length type


class _Packet:
    """Reads one data packet's fields in turn."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def field(self, kind: int) -> int:
        width = _WIDTH[kind & 3]
        if self.at + width > len(self.data):
            raise ValueError("past the packet")
        value = int.from_bytes(self.data[self.at:self.at + width], "little")
        self.at += width
        return value


def _layout(head: bytes) -> tuple[int, int, int] | None:
    """(first data packet's position, packet size, preroll ms) from the header, or None."""
    props, data = head.find(FILE_PROPERTIES), head.find(DATA)
    if props < 0 or data < 0 or props + 100 > len(head):
        return None
    preroll = struct.unpack_from("<Q", head, props + 80)[0]
    low, high = struct.unpack_from("<II", head, props + 92)
    return (data + 50, low, preroll) if low == high and low > 0 else None


Payload = tuple[int, int, int | None, int, bool]


def _objects(packet: bytes, stream: int) -> list[Payload]:
    """(object number, offset into it, presentation time or None, length, keyframe) of each
    of ``stream``'s payloads."""
    p = _Packet(packet)
    flags = packet[0]
    if flags & 0x80:                    # error correction data first
        p.at = 1 + (flags & 0x0F)
    lengths, props = p.field(1), p.field(1)
    size = p.field(lengths >> 5) or len(packet)
    p.field(lengths >> 1)               # sequence
    padding = p.field(lengths >> 3)
    p.at += 6                           # send time, duration
    count, length_kind = 1, 0
    if lengths & 1:
        head = p.field(1)
        count, length_kind = head & 0x3F, head >> 6
    out: list[Payload] = []
    for _ in range(count):
        number = p.field(1)
        key, number = bool(number & 0x80), number & 0x7F
        obj, offset = p.field(props >> 4), p.field(props >> 2)
        replicated = p.field(props)
        start = p.at
        p.at += replicated
        stamp = struct.unpack_from("<I", packet, start + 4)[0] if replicated >= 8 else None
        length = p.field(length_kind) if lengths & 1 else size - padding - p.at
        if replicated == 1:             # compressed: whole objects of a byte's size each
            stamp, delta, end = offset, packet[start], p.at + length
            while p.at < end:
                if number == stream:
                    out.append((obj, 0, stamp, packet[p.at], key))
                p.at += 1 + packet[p.at]
                obj, stamp = obj + 1, stamp + delta
            continue
        if number == stream:
            out.append((obj, offset, stamp, length, key))
        p.at += length
        if p.at > len(packet):
            raise ValueError("payload past the packet")
    return out


def lost_before(path: Path, stream: int) -> list[int]:
    """For each run of ``stream``'s objects that went missing, the earliest presentation time
    (ms, preroll taken off: FFmpeg's pts) among the objects after it up to the next keyframe;
    empty for a sound file or one it cannot read."""
    try:
        with open(path, "rb") as f:
            layout = _layout(f.read(1 << 16))
            if layout is None:
                return []
            first, size, preroll = layout
            f.seek(first)
            out: list[int] = []
            last, expected = None, 0        # the object being read, the offset due next
            after = False                   # reading objects after a gap, up to a keyframe
            while len(packet := f.read(size)) == size:
                try:
                    objects = _objects(packet, stream)
                except (ValueError, IndexError, struct.error):
                    continue                # (what it held shows as a gap below)
                for obj, offset, stamp, length, key in objects:
                    whole = offset == 0 and (last is None or obj & 0xFF == (last + 1) & 0xFF)
                    going_on = offset > 0 and obj == last and offset == expected
                    if offset == 0 and key:
                        after = False       # a keyframe starts clean, after a gap or not
                    elif last is not None and not (whole or going_on):
                        after = True
                        out.append(1 << 62)
                    if after and stamp is not None:
                        out[-1] = min(out[-1], stamp - preroll)
                    last, expected = obj, offset + length
    except OSError:
        return []
    return [t for t in out if t < 1 << 62]


def unsure(path: Path, index: FrameIndex) -> np.ndarray:
    """[first, last] frames of ``index`` (an ASF file's) that may be built on lost objects:
    from the earliest after each gap to the frame before the next keyframe."""
    spans = []
    for t in lost_before(path, index.stream_id):
        i = int(np.searchsorted(index.ticks, t))
        later = index.key_index[index.key_index > i]
        if i < index.frame_count:
            spans.append([i, int(later[0]) - 1 if later.size else index.frame_count - 1])
    return np.array(spans, dtype=np.int64).reshape(-1, 2)
