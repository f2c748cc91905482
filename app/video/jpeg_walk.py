"""Finding the pictures of a Motion-JPEG recording whose index was lost (older and cheaper
dashcams, some DVR channels): each sample in the ``mdat`` is one whole JPEG image.

An image is taken only when its marker segments chain from its start (SOI) to its end (EOI)
with a frame header (SOF) before its scan (SOS); the scan's coded data runs to the next marker
(a 0xFF byte in it is always followed by 0x00 or a restart marker). Audio between the images is
stepped over; an image the end of the data cuts off is left out.
"""

from __future__ import annotations

import mmap
from collections.abc import Callable
from typing import Literal

from app.video.mdat_walk import Walk

SOI = b"\xff\xd8\xff"
EOI, SOS, FILL_BYTE = 0xD9, 0xDA, 0xFF
STANDALONE = {0x01, *range(0xD0, 0xD8)}          # TEM, RST0..RST7: no length follows
FRAME_HEADERS = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}   # SOF0..SOF15 (not DHT/JPG/DAC)


def image_end(data: bytes | mmap.mmap, p: int, end: int) -> int | Literal[False] | None:
    """Where the JPEG image that starts at ``p`` ends; False: the data ends inside it; None:
    no image starts there."""
    q, framed = p + 2, False
    while True:
        if q + 2 > end:
            return False
        if data[q] != 0xFF:
            return None
        marker = data[q + 1]
        if marker == FILL_BYTE:
            q += 1
        elif marker == EOI:                           # before any scan: no image
            return None
        elif marker in STANDALONE:
            q += 2
        elif marker in (0x00, 0xD8):
            return None
        else:
            if q + 4 > end:
                return False
            # (a length under 2 lands on itself, where no marker is; one past the end is
            # caught at the loop's head or where the scan's end is looked for)
            q, framed = q + 2 + int.from_bytes(data[q + 2:q + 4], "big"), \
                framed or marker in FRAME_HEADERS
            if marker == SOS:
                if not framed:
                    return None
                found = _scan_end(data, q, end)
                if found is None:
                    return False
                if data[found + 1] == EOI:
                    return found + 2
                q = found


def _scan_end(data: bytes | mmap.mmap, q: int, end: int) -> int | None:
    """The marker after a scan's coded data (None: the data ends first)."""
    while True:
        q = data.find(b"\xff", q, end)
        if q < 0 or q + 1 >= end:
            return None
        nxt = data[q + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == FILL_BYTE:
            q += 1
            continue
        return q


def walk_jpeg(data: bytes | mmap.mmap, start: int, end: int,
              tick: Callable[[int], None] | None = None) -> Walk:
    """The JPEG images of ``data[start:end]`` as units (offset, size, 0, True)."""
    out = Walk("mjpeg")
    p = gap = start                  # gap: where the bytes not yet taken begin
    cut = None                       # an image the data ended in (unless one follows it)
    while p < end:
        if tick is not None:
            tick(p)
        q = data.find(SOI, p, end)
        if q < 0:
            break
        got = image_end(data, q, end)
        if not got:
            cut = q if got is False and cut is None else cut
            p = q + 1
            continue
        out.skip(gap, q)
        out.units.append((q, got - q, 0, True))
        p, gap, cut = got, got, None
    out.cut_at = cut
    out.skip(gap, end if cut is None else cut)
    return out
