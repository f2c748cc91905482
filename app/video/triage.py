"""Triage scan: read the bitstream (no decoding), decode only where something may move.

1. **Triage** (:mod:`app.video.bitstream`): a per-second "something changed" score from the
   picture sizes, in units of the clip's own noise; seconds above ``z_threshold`` are candidates.
2. **Confirm**: for each candidate window (hot seconds ± ``margin_s``) decode a short burst
   from the keyframe before its most unusual picture, plus a sparse probe every
   ``probe_every_s`` seconds, and run the motion detector with the ROI there. A window whose
   burst shows movement is confirmed (its other seconds keep the bitstream's score: "triaged");
   one whose burst shows nothing is dropped. Movement a probe finds outside every window is
   followed by decoding until it is quiet on both sides.
3. **Honesty**: if the bitstream is useless (intra-only, constant sizes) the whole clip is
   decoded; if decoding finds movement the bitstream did not flag, the signal is not trusted
   and the rest of the clip is decoded too. The result says which stretches were decoded
   (``decoded``) and which were judged from the bitstream only (the rest).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from app.i18n import _
from app.video.activity import (
    FULL_SCALE,
    ActivityResult,
    Segment,
    decode_ranges,
    scan_activity,
    segments_from,
    summarise,
)
from app.video.bitstream import frame_scores, read_signal, second_scores
from app.video.errors import VideoCancelled
from app.video.frame_index import FrameIndex
from app.video.motion import Roi
from app.video.persisted import load_or_build

Ranges = list[tuple[int, int]]
SLACK = 3              # a look runs this much longer (skipped B-frames: the next frame decoded
#                        may lie a few frames on)
MIN_PROBES = 10        # sparse probes per clip at least (short clips)
CLOSE_TO_PEAK = 0.8    # a first look goes where pictures stand out 80 % as much as at the peak


@dataclass(frozen=True, eq=False)
class TriageResult:
    """A scan's activity plus what was looked at: ``decoded`` frame ranges (seen by the
    decoder) vs the rest (bitstream only); ``candidates`` = the windows the bitstream flagged
    that decoding confirmed; ``method`` is ``triage`` or ``full``."""

    activity: ActivityResult
    method: str
    decoded: Ranges
    candidates: Ranges = field(default_factory=list)
    bitstream: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    fallback: str = ""
    frames_decoded: int = 0
    wall_s: float = 0.0
    params: dict = field(default_factory=dict)

    @property
    def segments(self) -> list[Segment]:
        return self.activity.segments

    def stretches(self) -> list[tuple[int, int, str]]:
        """The whole clip as ``(first, last, "decoded" | "triaged")`` runs."""
        out: list[tuple[int, int, str]] = []
        pos = 0
        for a, b in self.decoded:
            if a > pos:
                out.append((pos, a - 1, "triaged"))
            out.append((a, b, "decoded"))
            pos = b + 1
        if pos < self.activity.frame_count:
            out.append((pos, self.activity.frame_count - 1, "triaged"))
        return out

    def to_json(self) -> dict:
        return {"activity": self.activity.to_json(), "method": self.method,
                "decoded": [list(r) for r in self.decoded],
                "candidates": [list(r) for r in self.candidates],
                "bitstream": [round(float(v), 2) for v in self.bitstream],
                "fallback": self.fallback, "frames_decoded": self.frames_decoded,
                "wall_s": round(self.wall_s, 3), "params": self.params}

    @classmethod
    def from_json(cls, data: dict) -> TriageResult:
        return cls(activity=ActivityResult.from_json(data["activity"]), method=data["method"],
                   decoded=[(int(a), int(b)) for a, b in data["decoded"]],
                   candidates=[(int(a), int(b)) for a, b in data.get("candidates", [])],
                   bitstream=np.asarray(data.get("bitstream", []), dtype=np.float32),
                   fallback=data.get("fallback", ""),
                   frames_decoded=int(data.get("frames_decoded", 0)),
                   wall_s=float(data.get("wall_s", 0.0)), params=dict(data.get("params", {})))


def merge(ranges: Ranges, gap: int = 0) -> Ranges:
    """Sorted union of inclusive ranges (ranges ``gap`` frames apart or closer are joined)."""
    out: Ranges = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1 + gap:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def subtract(ranges: Ranges, done: Ranges) -> Ranges:
    """Parts of ``ranges`` not covered by ``done`` (both sorted, inclusive)."""
    out: Ranges = []
    for a, b in ranges:
        for c, d in done:
            if d < a or c > b:
                continue
            if c > a:
                out.append((a, c - 1))
            a = d + 1
            if a > b:
                break
        if a <= b:
            out.append((a, b))
    return out


def _frames(index: FrameIndex, start_s: float, end_s: float) -> tuple[int, int]:
    """Frames shown from ``start_s`` to ``end_s`` (inclusive range, at least one frame)."""
    first = int(np.searchsorted(index.seconds, max(0.0, start_s), side="left"))
    last = int(np.searchsorted(index.seconds, end_s, side="left")) - 1
    first = min(first, index.frame_count - 1)
    return first, max(first, min(last, index.frame_count - 1))


class _Plan:
    """Book-keeping of one triage scan: what is measured, what the decoder had to decode for
    it (from the keyframe before each stretch), progress across rounds."""

    def __init__(self, path: Path, index: FrameIndex, region: Roi, workers: int,
                 progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None,
                 stride: int) -> None:
        self.path, self.index, self.region, self.workers = path, index, region, workers
        self.progress, self.cancel, self.stride = progress, cancel, stride
        self.per_frame = np.full(index.frame_count, np.nan, dtype=np.float32)
        self.decoded: Ranges = []     # stretches measured (one frame in ``stride``)
        self.read: Ranges = []        # stretches the decoder decoded (from their keyframes)
        self.done = 0
        self.expected = 0

    @property
    def frames_read(self) -> int:
        return sum(b - a + 1 for a, b in self.read)

    def decode(self, ranges: Ranges, stride: int | None = None) -> None:
        """Measure ``ranges`` (one frame in ``stride``, default the plan's) where not yet done."""
        todo = subtract(merge(ranges), self.decoded)
        if not todo:
            return
        if self.cancel is not None and self.cancel():
            raise VideoCancelled(self.path)
        keys = self.index.key_index
        read = subtract(merge([(int(keys[self.index.key_slot(a)]), b) for a, b in todo]),
                        self.read)
        work = sum(b - a + 1 for a, b in read)
        n = sum(b - a + 1 for a, b in todo)
        self.expected = max(self.expected, self.done + n)
        # a pool costs ~1-2 s to start: only for more than ~20 s of decoding
        workers = self.workers if work > 20 * self.index.fps and len(todo) > 1 else 1
        decode_ranges(self.path, self.index, todo, self.region, self.per_frame,
                      progress=self.progress, cancel=self.cancel, workers=workers,
                      done_before=self.done, total=self.expected,
                      stride=stride or self.stride)
        self.done += n
        self.decoded = merge(self.decoded + todo)
        self.read = merge(self.read + read)

    def looked(self, frames: tuple[int, int]) -> bool:
        """True when some frame of ``frames`` was measured."""
        return bool(np.isfinite(self.per_frame[frames[0]:frames[1] + 1]).any())

    def moved(self, frames: tuple[int, int], threshold: float) -> bool:
        """True when a measured frame of ``frames`` moved enough for its second to count."""
        part = self.per_frame[frames[0]:frames[1] + 1]
        part = part[np.isfinite(part)]
        return bool(part.size) and float(part.max()) >= threshold * FULL_SCALE


def scan_triage(path: str | Path, *, roi: Any = None, sensitivity: float = 1.0,
                workers: int = 2, progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None, threshold: float = 0.05,
                merge_gap: float = 2.0, index_dir: Path | None = None,
                fps_hint: float | None = None, z_threshold: float = 2.5, margin_s: float = 1.0,
                probe_every_s: float = 30.0) -> TriageResult:
    """Triage scan of ``path`` (see the module docstring); arguments as
    :func:`app.video.activity.scan_activity`. ``progress(done, total)`` counts measured frames
    (the total grows when stretches grow); ``cancel()`` → True raises VideoCancelled."""
    started = time.perf_counter()
    path = Path(path)
    index = load_or_build(path, index_dir, fps_hint)
    region = Roi.parse(roi, index.width, index.height, path, sensitivity)
    params = {"roi": region.spec, "sensitivity": region.sensitivity, "threshold": threshold,
              "z_threshold": z_threshold, "margin_s": margin_s, "probe_every_s": probe_every_s}
    signal = read_signal(path, index, cancel)
    if not signal.usable:
        full = scan_activity(path, roi=roi, sensitivity=sensitivity, workers=workers,
                             progress=progress, cancel=cancel, threshold=threshold,
                             merge_gap=merge_gap, index_dir=index_dir, fps_hint=fps_hint)
        n = index.frame_count
        return TriageResult(full, "full", [(0, n - 1)], fallback=signal.reason, frames_decoded=n,
                            wall_s=time.perf_counter() - started, params=params)
    n_sec = int(math.floor(float(index.seconds[-1]))) + 1
    lag = max(1, round(index.fps / 5))
    z = frame_scores(signal, index.fps, index.width * index.height)
    score = second_scores(z, index.seconds, n_sec)
    plan = _Plan(path, index, region, workers, progress, cancel, lag)
    fallback = ""
    if signal.noisy:      # small movers are buried: look once a second, everywhere
        fallback = _("inter pictures are nearly as large as keyframes (sensor noise, night "
                     "gain, rain or a busy scene), so a small mover would not show in the "
                     "picture sizes: every second of the clip was looked at by decoding")
        plan.decode([(0, index.frame_count - 1)], stride=max(lag + 1, round(index.fps)))
    hot = np.flatnonzero(score >= z_threshold).tolist()
    windows = merge([_frames(index, s - margin_s, s + 1 + margin_s) for s in hot],
                    gap=int(index.fps))
    runs = merge([_frames(index, s, s + 1) for s in hot])   # hot seconds in a row
    evidence = _evidence(z, lag)
    points = [_point(index, evidence, r, lag) for r in runs]
    plan.decode(points + _probes(index, probe_every_s, lag))
    # a run whose cheapest look saw nothing gets a second one, at its most unusual picture;
    # a long one that still saw nothing, one look at the most unusual picture of every 2 s
    plan.decode([_peak(index, evidence, r, lag) for r, p in zip(runs, points, strict=True)
                 if not plan.moved(p, threshold)])
    plan.decode([_peak(index, evidence, piece, lag) for r in runs
                 if not plan.moved(r, threshold)
                 for piece in _pieces(r, int(2 * index.fps)) if not plan.looked(piece)])
    _grow(plan, threshold, margin_s, windows)
    result, confirmed = _combine(index, plan, region, windows, score, threshold, z_threshold,
                                 merge_gap)
    missed = [] if signal.noisy else _missed_seconds(result.per_second, score, threshold,
                                                      z_threshold)
    if missed:
        fallback = _("decoding found movement the picture sizes did not show (at {t}), so the "
                     "rest of the clip was decoded too", t=", ".join(f"{s} s" for s in missed[:3]))
        plan.stride = 1
        plan.decode([(0, index.frame_count - 1)])
        result = summarise(index, plan.per_frame, region, threshold, merge_gap)
        confirmed = windows
    if progress is not None:
        progress(plan.done, plan.done)
    return TriageResult(result, "triage", plan.decoded, confirmed, score.astype(np.float32),
                        fallback, plan.frames_read, time.perf_counter() - started, params)


def _evidence(z: np.ndarray, lag: int) -> np.ndarray:
    """Per frame: how strongly the pictures over the last ``lag`` + 1 frames stand out (signed
    shift or jumpiness), for choosing which frames to decode."""
    zz = pd.Series(np.clip(z, -8, 8))
    shift = zz.rolling(lag + 1, min_periods=1).mean().abs()
    jumpy = zz.abs().rolling(lag + 1, min_periods=1).mean() - 0.8
    return np.nan_to_num(np.maximum(shift, jumpy).to_numpy(), nan=0.0)


def _point(index: FrameIndex, evidence: np.ndarray, run: tuple[int, int],
           lag: int) -> tuple[int, int]:
    """The cheapest look at a run of hot seconds: one motion measurement (frames ``f - lag``,
    ``f``, ``f + lag``) at a frame ``f`` whose pictures stand out almost as much as the run's
    most unusual ones, choosing the one closest after its keyframe (decoding starts there, so
    that is what it costs)."""
    a, b = run
    frames = np.arange(min(a + lag, b), b + 1)
    strength = evidence[frames]
    good = frames[strength >= CLOSE_TO_PEAK * float(strength.max())]
    keys = index.key_index[np.maximum(0, np.searchsorted(index.key_index, good - lag,
                                                          side="right") - 1)]
    f = int(good[int(np.argmin(good - keys))])
    return max(0, f - lag), min(index.frame_count - 1, f + lag + SLACK)


def _pieces(run: tuple[int, int], size: int) -> Ranges:
    """``run`` cut into consecutive pieces of at most ``size`` frames."""
    return [(a, min(a + size - 1, run[1])) for a in range(run[0], run[1] + 1, max(1, size))]


def _peak(index: FrameIndex, evidence: np.ndarray, run: tuple[int, int],
          lag: int) -> tuple[int, int]:
    """A second look at a run: one measurement at its most unusual picture."""
    a, b = run
    f = a + int(np.argmax(evidence[a:b + 1]))
    return max(0, f - lag), min(index.frame_count - 1, f + lag + SLACK)


def _combine(index: FrameIndex, plan: _Plan, region: Roi, windows: Ranges, score: np.ndarray,
             threshold: float, z_threshold: float,
             merge_gap: float) -> tuple[ActivityResult, Ranges]:
    """The decoder's per-second scores where it looked; in candidate windows where decoding
    saw movement, the bitstream's score (scaled to 0..1) for the seconds it did not measure.
    Returns the ActivityResult and the confirmed windows."""
    measured = summarise(index, plan.per_frame, region, threshold, merge_gap)
    per_second = measured.per_second.copy()
    bucket = np.floor(index.seconds).astype(np.int64)
    seen = np.bincount(bucket[~np.isnan(plan.per_frame)], minlength=per_second.size) > 0
    confirmed: Ranges = []
    for a, b in windows:
        sa, sb = _second_of(index, a), _second_of(index, b)
        if not (per_second[sa:sb + 1] >= threshold).any():
            continue                                    # decoding saw nothing: a false alarm
        confirmed.append((a, b))
        for s in range(sa, sb + 1):
            if not seen[s] and score[s] >= z_threshold:
                per_second[s] = max(threshold, min(1.0, score[s] / (4 * z_threshold)))
    segments = segments_from(index, per_second, threshold, merge_gap)
    return ActivityResult(per_second=per_second, segments=segments, per_frame=plan.per_frame,
                          fps=float(index.fps), frame_count=index.frame_count,
                          roi=region.spec, threshold=threshold), confirmed


def _probes(index: FrameIndex, every_s: float, lag: int) -> Ranges:
    """One motion measurement (a frame and the one ``lag`` after it) every ``every_s`` seconds
    (closer on short clips: at least ``MIN_PROBES`` looks, at most one every 2 s). Decoding
    starts at the keyframe before each, so on a clip with keyframes every ``every_s`` or
    closer a probe costs a few frames."""
    duration = float(index.seconds[-1])
    every_s = min(every_s, max(2.0, duration / MIN_PROBES))
    at = np.searchsorted(index.seconds, np.arange(0.0, duration, every_s))
    picks = sorted({min(int(j), index.frame_count - 1) for j in at.tolist()})
    return [(k, min(k + lag + SLACK, index.frame_count - 1)) for k in picks]


def _second_of(index: FrameIndex, frame: int) -> int:
    return int(index.seconds[frame])


def _grow(plan: _Plan, threshold: float, margin_s: float, windows: Ranges,
          rounds: int = 50) -> None:
    """Decode on past the edge of every decoded stretch whose activity runs into that edge,
    unless the edge lies in a candidate window (there the bitstream already tells the extent):
    movement a probe found that the bitstream missed is followed until it is quiet."""
    index = plan.index
    step = max(2.0, 2 * margin_s)
    for _round in range(rounds):
        result = summarise(index, plan.per_frame, plan.region, threshold, 0.0)
        active = result.per_second >= threshold
        more: Ranges = []
        for a, b in plan.decoded:
            sa, sb = _second_of(index, a), _second_of(index, b)
            if a > 0 and active[sa:sa + 2].any() and not _inside(a, windows):
                more.append(_frames(index, sa - step, sa))
            if (b < index.frame_count - 1 and active[max(sa, sb - 1):sb + 1].any()
                    and not _inside(b, windows)):
                more.append(_frames(index, sb, sb + 1 + step))
        before = plan.done
        plan.decode(more)
        if plan.done == before:
            return


def _inside(frame: int, ranges: Ranges) -> bool:
    return any(a <= frame <= b for a, b in ranges)


def _missed_seconds(per_second: np.ndarray, score: np.ndarray, threshold: float,
                    z_threshold: float) -> list[int]:
    """Seconds where decoding saw movement but the bitstream score stayed low, when they are
    too many to be chance (edges of flagged stretches do not count: movement starts small)."""
    flagged = np.zeros(score.size, dtype=bool)
    hot = np.flatnonzero(score >= z_threshold)
    for d in (-2, -1, 0, 1, 2):
        flagged[np.clip(hot + d, 0, score.size - 1)] = True
    active = np.flatnonzero((per_second >= threshold) & ~flagged)
    seen = np.flatnonzero(per_second >= threshold)
    if active.size >= max(2, 0.1 * seen.size):
        return active.tolist()
    return []
