"""Recordings joined in one evidence file (a DVR exports consecutive recordings as one file):
where each starts on the file's timeline and by the camera's clock, and the camera-clock time
of a frame counted from its own recording's start.

A recorder's clock may jump between recordings (set back or forward, or a gap where motion
recording paused), so the file's timeline alone misplaces every frame after the jump. The
file's start time (``start_time``, camera clock, possibly corrected by an officer) stays the
anchor: recording ``k`` starts at ``start_time + (clock_k - clock_0)`` — the clocks the file
writes give the jumps; a recording whose clock the file does not write is timed from the single
start as before (``start_time + pts``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.services.common.clock import wall_time, zone

_EPS = 1e-6


@dataclass(frozen=True)
class Recording:
    frame: int               # first frame of the recording in the file
    pts_s: float             # its pts (seconds from the file's first frame)
    clock: datetime | None   # camera clock at that frame as the file writes it (aware)


def from_info(info: Any, tz: str | None) -> tuple[Recording, ...]:
    """The recordings a probed file (``app.video.VideoInfo``) reports, its naive camera clocks
    read in the case's zone ``tz``; () for a single recording whose clock the file does not
    write."""
    frames = tuple(getattr(info, "segments", ()) or (0,))
    seconds = tuple(getattr(info, "segment_seconds", ()) or ())
    clocks = tuple(getattr(info, "segment_clocks", ()) or ())
    if len(frames) < 2 and not any(clocks):
        return ()
    out = []
    for k, frame in enumerate(frames):
        text = clocks[k] if k < len(clocks) else ""
        clock = datetime.fromisoformat(text) if text else None
        if clock is not None and clock.tzinfo is None:
            clock = clock.replace(tzinfo=zone(tz))
        out.append(Recording(int(frame), float(seconds[k]) if k < len(seconds) else 0.0, clock))
    return tuple(out)


def encode(recordings: Sequence[Recording]) -> str:
    """JSON for ``EvidenceItem.segments_json`` ("" for none); clocks as UTC ISO."""
    if not recordings:
        return ""
    return json.dumps([{"frame": r.frame, "pts_s": r.pts_s,
                        "clock": r.clock.astimezone(UTC).isoformat() if r.clock else None}
                       for r in recordings])


def decode(text: str | None) -> tuple[Recording, ...]:
    """The recordings stored in ``segments_json``; () when none (or unreadable)."""
    if not text:
        return ()
    try:
        rows = json.loads(text)
        return tuple(Recording(int(r["frame"]), float(r["pts_s"]),
                               datetime.fromisoformat(r["clock"]) if r.get("clock") else None)
                     for r in rows)
    except (ValueError, TypeError, KeyError):
        return ()


def recording_at(recordings: Sequence[Recording], pts_s: float) -> int:
    """Number of the recording the frame at ``pts_s`` belongs to (0 when there are none)."""
    k = 0
    for n, r in enumerate(recordings):
        if r.pts_s <= pts_s + _EPS:
            k = n
    return k


def camera_time(start: datetime | None, recordings: Sequence[Recording],
                pts_s: float) -> datetime | None:
    """Camera-clock time of the frame at ``pts_s``: from its own recording's start when the
    file writes that recording's clock, else ``start + pts``; None without a start time."""
    if start is None:
        return None
    if recordings:
        rec = recordings[recording_at(recordings, pts_s)]
        first = recordings[0].clock
        if rec.clock is not None:
            anchor = start + (rec.clock - first) if first is not None else rec.clock
            return anchor + timedelta(seconds=float(pts_s) - rec.pts_s)
    return wall_time(start, pts_s, 0.0)


def pts_at(start: datetime | None, recordings: Sequence[Recording], when: datetime,
           duration_s: float) -> float | None:
    """Inverse of :func:`camera_time`: the pts showing camera time ``when``; None when no
    recording covers it (a gap) or without a start time."""
    if start is None:
        return None
    if not recordings:
        return (when - start).total_seconds()
    for k, rec in enumerate(recordings):
        end = recordings[k + 1].pts_s if k + 1 < len(recordings) else duration_s
        begin = camera_time(start, recordings, rec.pts_s) or start
        since = (when - begin).total_seconds()
        if -_EPS <= since < end - rec.pts_s:
            return rec.pts_s + since
    return None
