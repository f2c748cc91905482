"""Index for byte-addressed streams (MPEG-TS, MPEG-PS incl. Hikvision IMKH, Dahua DAV).

Their demuxers seek by bisecting timestamps, which lands in the wrong GOP on B-frame streams and
cannot work at all when a DVR joined several recordings whose clocks restart. So these files are
indexed by the byte position of every packet: decoding restarts exactly at a keyframe's packet
(see :mod:`app.video.splice`), and each packet's timestamp is looked up by its position in a
timeline that is unwrapped across restarts (never a guess from decode order). A restart or a
jump of the clock starts a new *segment*: every frame is kept in file order, nothing is called
truncated, and wall time can be corrected per segment.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.i18n import _
from app.video.dav import segment_clocks
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex, Row, empty, leading_frames
from app.video.recovery import Refresh, usable
from app.video.tracks import demuxed, main_video

POS_FORMATS = {"mpegts", "mpeg", "dhav", "mpegtsraw"}
WRAP = 1 << 33                      # MPEG system clock: 33-bit timestamps


def _frame_ticks(fps: float | None, time_base: Fraction, dts: np.ndarray) -> int:
    if fps:
        return max(1, round(1 / (fps * float(time_base))))
    steps = np.diff(dts)
    steps = steps[steps > 0]
    return int(np.median(steps)) if steps.size else 1


def unwrap(pts: np.ndarray, dts: np.ndarray, step: int, time_base: Fraction) -> tuple[np.ndarray, list[int]]:
    """Timeline pts for every packet (decode order) and the packets that start a recording.

    A clock that runs backwards (a second recording appended) continues one frame after the
    latest frame so far; a forward jump of more than two seconds (recording paused) keeps its
    real length (see :func:`gaps`). A 33-bit wrap of the MPEG clock is not a segment."""
    out = pts.copy()
    starts = [0]
    offset = 0
    latest = int(pts[0])
    for n in range(1, pts.size):
        jump = int(dts[n]) - int(dts[n - 1])
        if jump < -(WRAP // 2):
            offset += WRAP
        elif jump < 0:
            starts.append(n)
            offset = latest + step - int(pts[n:n + 16].min())
        out[n] = pts[n] + offset
        latest = max(latest, int(out[n]))
    return out, starts


def gaps(ticks: np.ndarray, step: int, time_base: Fraction) -> list[int]:
    """Frames after which the clock jumps forward more than 2 s (and 10 frames): a pause."""
    limit = max(10 * step, round(2 / float(time_base)))
    return [int(j) + 1 for j in np.flatnonzero(np.diff(ticks) > limit)]


def seeks_by_time(path: Path, rows: list[Row]) -> bool:
    """Whether the demuxer's timestamp seek finds the keyframe before a frame: asked of the
    frame just after the last keyframe (the AVI demuxer without its index, idx1, lands on any
    packet: a recording cut off by a power loss, or a DVR that writes none)."""
    keys = [n for n, r in enumerate(rows) if r[2]]
    if not keys or keys[-1] + 1 >= len(rows) or rows[keys[-1]][3] < 0:
        return True
    target = rows[keys[-1] + 1][0]
    if target is None:
        return True
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            stream = main_video(container)
            container.seek(int(target), stream=stream, backward=True)
            landed = next((p for p in demuxed(container, stream) if p.size), None)
    except av.error.FFmpegError:
        return False
    return landed is not None and landed.pos == rows[keys[-1]][3]


def _restarts(rows: list[Row]) -> list[int]:
    """Packets of keyframes shown before a frame decoded ahead of them: the clock went back
    there (a live recording that reconnected, a camera clock set back, files joined). Every
    frame decoded before a keyframe is shown before it, also in an open GOP."""
    out, latest = [], None
    for n, (pts, _dts, key, _pos) in enumerate(rows):
        if pts is None:
            continue
        if key and latest is not None and pts < latest:
            out.append(n)
            latest = pts
        latest = pts if latest is None else max(latest, pts)
    return out


def clock_restarts(rows: list[Row]) -> bool:
    """Whether the clock of a timestamp container goes back mid-file (see :func:`_restarts`)."""
    return bool(_restarts(rows))


def decode_times(rows: list[Row]) -> list[Row]:
    """Rows whose decode times are rebuilt from presentation times, for a container that
    stores none (Matroska) and a clock that goes back: FFmpeg's guess then breaks down. Each
    recording (from a keyframe :func:`_restarts` finds) takes its presentation times in
    ascending order as the decode times of its packets."""
    out: list[Row] = []
    for a, b in itertools.pairwise([0, *_restarts(rows), len(rows)]):
        times = iter(sorted(r[0] for r in rows[a:b] if r[0] is not None))
        out += [(r[0], next(times) if r[0] is not None else None, r[2], r[3]) for r in rows[a:b]]
    return out


def from_first_key(timeline: np.ndarray, keys: np.ndarray, shown: int = -1) -> np.ndarray:
    """Mask of the packets that are frames: not those before the first keyframe in decode
    order, nor its leading frames (shown before it, decoded after it). An export that starts at
    an open-GOP keyframe, or mid-GOP, holds no picture they refer to; no decoder shows them.
    ``shown``: the packet of the first frame shown, when that is not the keyframe's own (an
    export that starts at a recovery point, see :mod:`app.video.recovery`)."""
    first = int(np.argmax(keys))
    shown = shown if shown >= first else first
    keep = np.arange(timeline.size) >= first
    later = np.flatnonzero(keys[first + 1:])
    end = first + 1 + int(later[0]) if later.size else timeline.size
    end = max(end, shown + 16)          # (and the B-frames decoded just after that frame)
    keep[first:end] &= timeline[first:end] >= timeline[shown]
    return keep


def stream_index(path: Path, rows: list[Row], info: dict, fps: float | None, time_base: Fraction,
                 size: int, truncated: bool, warnings: list[str],
                 no_frame: np.ndarray | None = None,
                 refresh: Refresh | None = None,
                 entries: np.ndarray | None = None) -> FrameIndex | None:
    """The index of a byte-addressed stream, or None when packet positions are unusable (the
    caller then falls back to timestamp seeking). Packets flagged in ``no_frame`` (the second
    field of a field pair, a not-coded picture) are fed to the decoder but are no frame.
    ``entries``: the only positions a demuxer can start at (Matroska's clusters), if not any
    packet's."""
    pos = np.array([r[3] if r[3] is not None and r[3] >= 0 else -1 for r in rows],
                   dtype=np.int64)
    if pos.size == 0 or pos[0] < 0:
        return None
    real = np.flatnonzero(pos >= 0)          # packets that carry their own file position
    if np.any(np.diff(pos[real]) < 0):
        return None
    pos = np.maximum.accumulate(pos)  # frames split out of one PES share its position
    keys = np.array([r[2] for r in rows], dtype=bool)
    if not keys.any():
        raise VideoError(_("the video has no keyframe, so no frame can be decoded"), path)
    # timestamps may be negative: FFmpeg counts those before a 33-bit wrap of the MPEG clock
    # below zero (a recording that started within a day of the wrap)
    untimed = np.array([r[1] is None and r[0] is None for r in rows], dtype=bool)
    dts = np.array([r[1] if r[1] is not None else (r[0] if r[0] is not None else 0)
                    for r in rows], dtype=np.int64)
    step = _frame_ticks(fps, time_base, dts[~untimed])
    for n in np.flatnonzero(untimed):   # no timestamp at all: one frame after the previous
        dts[n] = dts[n - 1] + step if n else 0
    pts = np.array([r[0] if r[0] is not None else dts[n] for n, r in enumerate(rows)],
                   dtype=np.int64)
    timeline, starts = unwrap(pts, dts, step, time_base)
    shown = refresh.shown_from(keys) if refresh is not None else None
    keep = from_first_key(timeline, keys, -1 if shown is None else int(shown[0]))
    if not keep.all():
        warnings.append(_("the first {n} frames come before any keyframe and cannot be decoded",
                          n=int(np.count_nonzero(~keep))))
    first_key = int(np.argmax(keys))
    if no_frame is not None and no_frame.size == keep.size:
        keep &= ~no_frame
    order = np.argsort(np.where(keep, timeline, np.iinfo(np.int64).max), kind="stable")
    order = order[:int(keep.sum())]
    ticks = timeline[order]
    if np.any(np.diff(ticks) == 0):
        warnings.append(_("some frames share a timestamp (the recorder's clock stood still): "
                          "they are shown in the order recorded, at the same time"))
    rank = np.full(timeline.size, -1, dtype=np.int64)
    rank[order] = np.arange(order.size)
    entry = keys & keep
    if shown is not None:   # a recovery point whose own picture is no frame: entered all the same
        entry[first_key] = True
    key_packets = np.flatnonzero(entry)
    key_index = rank[key_packets]
    lead = leading_frames(timeline[keep | entry], entry[keep | entry])
    if shown is not None:       # recovery points stand for the first frame they show
        by_packet = dict(zip(np.flatnonzero(keys).tolist(), shown.tolist(), strict=True))
        first, kept = usable(np.array([by_packet[k] for k in key_packets.tolist()]), rank)
        key_index, key_packets, lead = first[kept], key_packets[kept], lead[kept]
    by_index = np.argsort(key_index, kind="stable")
    key_index, key_packets, lead = key_index[by_index], key_packets[by_index], lead[by_index]
    segments = sorted({int(rank[timeline[s:].argmin() + s]) if s >= first_key else 0
                       for s in starts} | set(gaps(ticks, step, time_base)))
    if len(segments) > 1:
        warnings.append(_("the file holds {n} recordings joined together (the clock restarts "
                          "or jumps at frames {frames}); each is shown in file order",
                          n=len(segments), frames=", ".join(str(s) for s in segments[1:])))
    seconds = (ticks - ticks[0]).astype(np.float64) * float(time_base)
    clocks = segment_clocks(path, pos[order][segments].tolist()) if info["container"] == "dhav" else []
    if not fps:
        steps = np.diff(seconds)
        fps = float(1.0 / np.median(steps)) if steps.size and np.median(steps) > 0 else 25.0
    # enter one positioned packet early (its PES may begin mid-frame) and take the packets from
    # the last positioned one at or before the keyframe on, counting from there
    sync = real[np.searchsorted(real, key_packets, side="right") - 1]
    placed = pos[real]      # (pictures split out of one PES share its position: enter before)
    enter = placed[np.maximum(np.searchsorted(placed, pos[sync], side="left") - 1, 0)]
    prefix = int(pos[0])
    if entries is not None and entries.size:
        enter = entries[np.maximum(np.searchsorted(entries, pos[sync], side="right") - 1, 0)]
        prefix = int(entries[0])
    return FrameIndex(mode="pts", fps=fps, time_base=Fraction(time_base), ticks=ticks,
                      seconds=seconds, key_index=key_index, key_seek=enter,
                      key_sync=pos[sync],
                      pkt_pos=pos, pkt_size=empty(), pkt_dts=empty(), key_lead=lead,
                      in_order=bool(timeline.size and np.all(np.diff(timeline) > 0)),
                      pkt_pts=timeline, key_pkt=key_packets,
                      segments=np.array(segments, dtype=np.int64), segment_clock=clocks,
                      seek_by="pos", prefix=prefix, file_size=size, truncated=truncated,
                      warnings=warnings, **info)

