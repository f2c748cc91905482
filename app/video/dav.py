"""Dahua DAV camera clock: every ``DHAV`` chunk header carries the recorder's date and time.

A joined DAV export holds several recordings; the clock each one started at is read from the
date field of its first frame's chunk header (layout as FFmpeg's ``dhav`` demuxer reads it: the
32-bit little-endian field at offset 16 packs seconds 6 bits, minutes 6, hours 5, day 5,
month 4, year − 2000 6, from the low end). The field counts whole seconds, as do FFmpeg's
timestamps for these files (a recording's first frame sits on a whole second of its clock).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

MAGIC = b"DHAV"
HEADER = 24


def decode_date(field: int) -> datetime | None:
    """The camera-clock time in a DAV date field (no zone: as the recorder shows it)."""
    try:
        return datetime(2000 + (field >> 26 & 0x3F), field >> 22 & 0xF, field >> 17 & 0x1F,
                        field >> 12 & 0x1F, field >> 6 & 0x3F, field & 0x3F)
    except ValueError:
        return None


def chunk_clock(f: BinaryIO, pos: int) -> datetime | None:
    """Date of the DHAV chunk whose header starts at byte ``pos`` of the open file ``f``."""
    f.seek(pos)
    head = f.read(HEADER)
    if len(head) < HEADER or head[:4] != MAGIC:
        return None
    return decode_date(struct.unpack_from("<I", head, 16)[0])


def segment_clocks(path: Path, positions: Sequence[int]) -> list[str]:
    """Camera clock (ISO, no zone; "" when unreadable) of the chunks at ``positions`` (the
    first frame of each recording)."""
    with open(path, "rb") as f:
        clocks = [chunk_clock(f, int(pos)) for pos in positions]
    return [c.isoformat() if c else "" for c in clocks]
