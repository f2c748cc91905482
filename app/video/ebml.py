"""The top of a Matroska file's element tree (EBML), read without FFmpeg: where its Segment
says it ends (:mod:`app.video.declared`), and where each Cluster starts, the only places a
Matroska demuxer can be entered anew (:mod:`app.video.splice`)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import numpy as np

EBML, SEGMENT, CLUSTER = 0x1A45DFA3, 0x18538067, 0x1F43B675
_HEAD = 64      # an element's ID and size always fit
_CHUNK = 1 << 20


def vint(data: bytes, i: int, *, marker: bool) -> tuple[int, int, bool]:
    """An EBML variable-size integer at ``i``: (value, next offset, all value bits set, i.e.
    an "unknown" size). ``marker``: keep the length marker bit (element IDs) or drop it
    (sizes)."""
    first = data[i]
    length = 8 - first.bit_length() + 1
    if not 1 <= length <= 8 or i + length > len(data):
        raise ValueError("not an EBML integer")
    raw = int.from_bytes(data[i:i + length], "big")
    ones = (1 << (7 * length)) - 1
    return (raw if marker else raw & ones), i + length, (raw & ones) == ones


def segment_body(head: bytes) -> tuple[int, int | None] | None:
    """Where the Segment's children begin and where it says it ends (None: unknown size,
    left so while recording); None when ``head`` is not the start of a Matroska file."""
    try:
        ident, i, _ = vint(head, 0, marker=True)
        if ident != EBML:
            return None
        size, i, _ = vint(head, i, marker=False)
        ident, i, _ = vint(head, i + size, marker=True)
        if ident != SEGMENT:
            return None
        size, i, unknown = vint(head, i, marker=False)
    except (ValueError, IndexError):
        return None
    return i, None if unknown else i + size


def _next_cluster(f: BinaryIO, at: int, end: int) -> int | None:
    """The next Cluster at or after ``at``, searched byte by byte (after a cluster of unknown
    size, as a live recorder writes them): its ID followed by a cluster's first child, the
    Timestamp (0xE7) or a CRC-32 (0xBF)."""
    tag = CLUSTER.to_bytes(4, "big")
    while at < end:
        f.seek(at)
        chunk = f.read(_CHUNK + _HEAD)
        k = chunk.find(tag)
        while k >= 0:
            try:
                _, i, _ = vint(chunk, k + 4, marker=False)
                if chunk[i] in (0xE7, 0xBF):
                    return at + k
            except (ValueError, IndexError):
                pass
            k = chunk.find(tag, k + 1)
        at += _CHUNK
    return None


def clusters(path: Path) -> np.ndarray:
    """File positions of the Segment's Clusters, in order, found by stepping over its
    children (their sizes say where the next begins; after one of unknown size, by searching
    for the next). Stops at anything unreadable, so a cut-off file gives those before it."""
    found: list[int] = []
    with open(path, "rb") as f:
        body = segment_body(f.read(4096))
        if body is None:
            return np.array(found, dtype=np.int64)
        at: int | None = body[0]
        size = f.seek(0, 2)
        end = size if body[1] is None else min(body[1], size)
        while at is not None and at + 2 <= end:
            f.seek(at)
            head = f.read(_HEAD)
            try:
                ident, i, _ = vint(head, 0, marker=True)
                length, i, unknown = vint(head, i, marker=False)
            except (ValueError, IndexError):
                break
            if ident == CLUSTER:
                found.append(at)
            at = _next_cluster(f, at + i, end) if unknown else at + i + length
    return np.array(found, dtype=np.int64)
