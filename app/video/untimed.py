"""H.264 pictures a program stream gives no timestamp: FFmpeg's MPEG-PS muxer (and recorders
like it) put several small pictures in one PES packet, and only the first carries a PTS. With
B-frames the stream's order is not the order shown, so a picture without a time was put where
it was stored: a wrong frame, not an error. Their times come from the stream itself: each
picture's order count ranks it among the pictures shown (:mod:`app.video.picture_order`), and
a picture that has a time anchors those around it, one frame interval apart.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.video.frame_index import Row
from app.video.picture_order import PocTracker
from app.video.tracks import main_packets

MOSTLY_UNTIMED = 0.2    # beyond this share the times there are are not trusted either


def needs_times(rows: list[Row], codec: str) -> bool:
    """Whether an H.264 stream has pictures without a presentation time."""
    return codec == "h264" and any(r[0] is None for r in rows[1:])


def picture_orders(path: Path, stream_no: int) -> list[tuple[int, int] | None]:
    """The presentation order key of every packet with data (decode order): a second pass,
    made only when :func:`needs_times` says so."""
    tracker = PocTracker()
    return [tracker.feed(bytes(memoryview(packet)[:4096]))
            for packet in main_packets(path, stream_no)]


def with_times(rows: list[Row], orders: list[tuple[int, int] | None], step: int) -> list[Row]:
    """``rows`` with every missing presentation time filled in from the picture order (the
    nearest picture shown before it that has one, plus a frame interval per picture between;
    else the nearest after it; when most have none, from the first alone), and decode times
    rebuilt in decode order per period between IDR pictures (ascending presentation times).
    Unchanged when an order is unknown."""
    keys = [o for o in orders if o is not None]
    if len(keys) != len(rows) or step <= 0:
        return rows
    seq = sorted(range(len(rows)), key=lambda n: keys[n])      # presentation order
    pts: list[int | None] = [rows[n][0] for n in seq]
    known = [k for k, p in enumerate(pts) if p is not None]
    if not known:
        return rows
    if len(known) < (1 - MOSTLY_UNTIMED) * len(rows):
        # the PES times land on the wrong pictures as often as not (FFmpeg's parser gives a
        # PES's time to a picture that began in the one before, or to two pictures): one
        # anchor, the first, and a frame interval per picture
        known = known[:1]
    anchors, at = np.array(known), np.array([pts[k] for k in known], dtype=np.int64)
    places = np.arange(len(seq))
    nearest = np.maximum(np.searchsorted(anchors, places, side="right") - 1, 0)
    filled = at[nearest] + (places - anchors[nearest]) * step
    times = np.empty(len(rows), dtype=np.int64)
    times[seq] = filled
    periods = [o[0] for o in keys]
    decode = times.copy()
    start = 0
    for n in range(1, len(rows) + 1):
        if n == len(rows) or periods[n] != periods[start]:
            decode[start:n] = np.sort(times[start:n])
            start = n
    return [(int(times[n]), int(decode[n]), r[2], r[3]) for n, r in enumerate(rows)]
