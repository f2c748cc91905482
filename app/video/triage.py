"""Triage scan: read the bitstream (no decoding), decode only where something may move.

1. **Triage** (:mod:`app.video.bitstream`): a per-second "something changed" score from the
   picture sizes, in units of the clip's own noise; seconds above ``z_threshold`` are candidates.
2. **Confirm**: decode the candidate windows (from their keyframe, plus ``margin_s``) and a
   sparse probe every ``probe_every_s`` seconds, and run the motion detector with the ROI there.
   A decoded stretch whose activity runs into its edge grows until it is quiet on both sides.
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

import numpy as np

from app.i18n import _
from app.video.activity import ActivityResult, decode_ranges, scan_activity, summarise
from app.video.bitstream import frame_scores, read_signal, second_scores
from app.video.errors import VideoCancelled
from app.video.index import FrameIndex, load_or_build
from app.video.motion import Roi

Ranges = list[tuple[int, int]]


@dataclass(frozen=True, eq=False)
class TriageResult:
    """A scan's activity plus what was looked at: ``decoded`` frame ranges (confirmed by
    decoding) vs the rest (bitstream only); ``method`` is ``triage`` or ``full``."""

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
    def segments(self):
        return self.activity.segments

    def stretches(self) -> list[tuple[int, int, str]]:
        """The whole clip as ``(first, last, "decoded" | "triaged")`` runs."""
        out, pos = [], 0
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
    """Frames shown from ``start_s`` to ``end_s``, the start moved back to its keyframe (the
    frames from there on are decoded anyway, so they are measured too)."""
    first = int(np.searchsorted(index.seconds, max(0.0, start_s), side="left"))
    last = int(np.searchsorted(index.seconds, end_s, side="left")) - 1
    first = min(first, index.frame_count - 1)
    key = int(index.key_index[index.key_slot(first)])
    return key, max(key, min(last, index.frame_count - 1))


class _Plan:
    """Book-keeping of one triage scan: what is decoded, progress across rounds."""

    def __init__(self, path: Path, index: FrameIndex, region: Roi, workers: int, progress,
                 cancel) -> None:
        self.path, self.index, self.region, self.workers = path, index, region, workers
        self.progress, self.cancel = progress, cancel
        self.per_frame = np.full(index.frame_count, np.nan, dtype=np.float32)
        self.decoded: Ranges = []
        self.done = 0
        self.expected = 0

    def decode(self, ranges: Ranges) -> None:
        todo = subtract(merge(ranges), self.decoded)
        if not todo:
            return
        if self.cancel is not None and self.cancel():
            raise VideoCancelled(self.path)
        n = sum(b - a + 1 for a, b in todo)
        self.expected = max(self.expected, self.done + n)
        workers = self.workers if n > 10 * self.index.fps else 1   # a pool costs ~1 s to start
        decode_ranges(self.path, self.index, todo, self.region, self.per_frame,
                      progress=self.progress, cancel=self.cancel, workers=workers,
                      done_before=self.done, total=self.expected)
        self.done += n
        self.decoded = merge(self.decoded + todo)


def scan_triage(path: str | Path, *, roi=None, sensitivity: float = 1.0, workers: int = 2,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None, threshold: float = 0.05,
                merge_gap: float = 2.0, index_dir: Path | None = None,
                fps_hint: float | None = None, z_threshold: float = 3.0, margin_s: float = 1.0,
                probe_every_s: float = 10.0) -> TriageResult:
    """Triage scan of ``path`` (see the module docstring); arguments as
    :func:`app.video.activity.scan_activity`. ``progress(done, total)`` counts decoded frames
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
    z = frame_scores(signal, index.fps, index.width * index.height)
    score = second_scores(z, index.seconds, n_sec)
    plan = _Plan(path, index, region, workers, progress, cancel)
    hot = np.flatnonzero(score >= z_threshold)
    candidates = merge([_frames(index, s - margin_s, s + 1 + margin_s) for s in hot.tolist()],
                       gap=int(index.fps))
    plan.decode(candidates + _probes(index, probe_every_s))
    _grow(plan, threshold, margin_s)
    fallback = ""
    result = summarise(index, plan.per_frame, region, threshold, merge_gap)
    missed = _missed_seconds(result.per_second, score, plan, threshold, z_threshold)
    if missed:
        fallback = _("decoding found movement the picture sizes did not show (at {t}), so the "
                     "rest of the clip was decoded too", t=", ".join(f"{s} s" for s in missed[:3]))
        plan.decode([(0, index.frame_count - 1)])
        result = summarise(index, plan.per_frame, region, threshold, merge_gap)
    if progress is not None:
        progress(plan.done, plan.done)
    return TriageResult(result, "triage", plan.decoded, candidates, score.astype(np.float32),
                        fallback, plan.done, time.perf_counter() - started, params)


def _probes(index: FrameIndex, every_s: float) -> Ranges:
    """A short run of frames (enough for one motion measurement) from the keyframe nearest to
    every ``every_s`` seconds: cheap, since decoding starts at a keyframe anyway."""
    keys = index.key_index
    at = np.searchsorted(index.seconds[keys], np.arange(0.0, float(index.seconds[-1]), every_s))
    length = max(3, round(index.fps / 5) + 3)
    picks = sorted({int(keys[min(j, keys.size - 1)]) for j in at.tolist()})
    return [(k, min(k + length - 1, index.frame_count - 1)) for k in picks]


def _second_of(index: FrameIndex, frame: int) -> int:
    return int(index.seconds[frame])


def _grow(plan: _Plan, threshold: float, margin_s: float, rounds: int = 50) -> None:
    """Decode on past the edge of every decoded stretch whose activity runs into that edge."""
    index = plan.index
    step = max(2.0, 2 * margin_s)
    for _round in range(rounds):
        result = summarise(index, plan.per_frame, plan.region, threshold, 0.0)
        active = result.per_second >= threshold
        more: Ranges = []
        for a, b in plan.decoded:
            sa, sb = _second_of(index, a), _second_of(index, b)
            if a > 0 and active[sa:sa + 2].any():
                more.append(_frames(index, sa - step, sa))
            if b < index.frame_count - 1 and active[max(sa, sb - 1):sb + 1].any():
                more.append(_frames(index, sb, sb + 1 + step))
        before = plan.done
        plan.decode(more)
        if plan.done == before:
            return


def _missed_seconds(per_second: np.ndarray, score: np.ndarray, plan: _Plan, threshold: float,
                    z_threshold: float) -> list[int]:
    """Seconds where decoding saw movement but the bitstream score stayed low, when they are
    too many to be chance (edges of flagged stretches do not count: movement starts small)."""
    flagged = np.zeros(score.size, dtype=bool)
    hot = np.flatnonzero(score >= z_threshold)
    for d in (-2, -1, 0, 1, 2):
        flagged[np.clip(hot + d, 0, score.size - 1)] = True
    active = np.flatnonzero((per_second >= threshold) & ~flagged)
    seen = np.flatnonzero(per_second >= threshold)
    if active.size >= max(2, 0.2 * seen.size):
        return active.tolist()
    return []
