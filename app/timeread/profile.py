"""A clip's time profile from its clock readings: start time by the camera's clock, the real
frame rate, clock jumps and drift.

Readings are split into segments wherever the clock disagrees with the elapsed pts by more than
a jump threshold and the next reading agrees with the new clock (a lone disagreeing reading is a
misread and is set aside, never silently trusted). Each segment gets a straight-line fit
clock = a + rate·pts; drift is (rate − 1) in seconds per hour, reported only when a segment spans
enough time to measure it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from app.timeread.sampler import JUMP_S, Reading

EPOCH = datetime(2000, 1, 1)
MIN_DRIFT_SPAN_S = 300.0


@dataclass(frozen=True)
class Segment:
    first: int          # index into readings
    last: int
    intercept_s: float  # clock seconds since EPOCH at pts 0 (this segment's line)
    rate: float         # clock seconds per pts second
    residual_s: float   # rms of used readings about the line

    def clock_s(self, pts_s: float) -> float:
        return self.intercept_s + self.rate * pts_s


@dataclass(frozen=True)
class ClockJump:
    before_frame: int   # last reading before the jump
    after_frame: int    # first reading after it
    pts_s: float        # pts of the first reading after it
    size_s: float       # clock change beyond the elapsed time (+ ahead, − back)

    @property
    def kind(self) -> str:
        return "gap" if self.size_s > 0 else "back"


@dataclass(frozen=True)
class TimeProfile:
    readings: tuple[Reading, ...]
    used: tuple[bool, ...]            # False: set aside (misread or unreadable)
    segments: tuple[Segment, ...]
    jumps: tuple[ClockJump, ...]
    nominal_fps: float
    frame_count: int
    box: tuple[int, int, int, int] | None
    notes: tuple[str, ...] = field(default=())

    @property
    def found(self) -> bool:
        return bool(self.segments)

    @property
    def start_clock(self) -> datetime | None:
        """What the camera's clock showed at the first frame (pts 0), to the millisecond."""
        if not self.segments:
            return None
        return EPOCH + timedelta(seconds=round(self.segments[0].intercept_s, 3))

    @property
    def start_uncertainty_s(self) -> float | None:
        if not self.segments:
            return None
        seg = self.segments[0]
        pinned = all(self.readings[i].pinned for i in range(seg.first, seg.last + 1)
                     if self.used[i])
        base = 0.5 / self.nominal_fps if pinned else 0.5
        return round(base + seg.residual_s, 3)

    @property
    def main(self) -> Segment | None:
        if not self.segments:
            return None
        return max(self.segments, key=lambda s: self.readings[s.last].pts_s
                   - self.readings[s.first].pts_s)

    @property
    def span_s(self) -> float:
        seg = self.main
        return 0.0 if seg is None else self.readings[seg.last].pts_s - self.readings[seg.first].pts_s

    @property
    def drift_s_per_h(self) -> float | None:
        """Clock gain per hour of recording (+ fast, − slow); None when too short to tell."""
        seg = self.main
        if seg is None or self.span_s < MIN_DRIFT_SPAN_S:
            return None
        return round((seg.rate - 1.0) * 3600.0, 2)

    @property
    def real_fps(self) -> float | None:
        """Frames per second of the camera's own clock (None when too short to tell)."""
        seg = self.main
        if seg is None or self.span_s < 10.0:
            return None
        return round(self.nominal_fps / seg.rate, 3)

    def clock_at(self, pts_s: float) -> datetime | None:
        """The camera clock at ``pts_s`` by the segment covering it."""
        seg = self.segment_at(pts_s)
        return None if seg is None else EPOCH + timedelta(seconds=seg.clock_s(pts_s))

    def segment_at(self, pts_s: float) -> Segment | None:
        chosen = None
        for seg in self.segments:
            if self.readings[seg.first].pts_s <= pts_s + 1e-9 or chosen is None:
                chosen = seg
        return chosen

    def pinned_frames(self, limit: int = 5) -> tuple[int, ...]:
        """Frames of a few used, pinned readings (first, last and between) the profile rests on."""
        frames = [r.frame_index for r, u in zip(self.readings, self.used, strict=True)
                  if u and r.pinned] or [r.frame_index for r, u in
                                         zip(self.readings, self.used, strict=True) if u]
        if len(frames) <= limit:
            return tuple(frames)
        pick = np.linspace(0, len(frames) - 1, limit).round().astype(int)
        return tuple(frames[k] for k in pick)


def _fit(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float]:
    span = float(xs.max() - xs.min()) if xs.size else 0.0
    if xs.size >= 3 and span >= MIN_DRIFT_SPAN_S:
        rate, intercept = np.polyfit(xs, ys, 1)
    else:
        rate, intercept = 1.0, float(np.mean(ys - xs))
    res = ys - (intercept + rate * xs)
    return float(intercept), float(rate), float(np.sqrt(np.mean(res ** 2))) if res.size else 0.0


def _agrees(a: Reading, b: Reading) -> bool:
    tol = JUMP_S if a.pinned and b.pinned else 1.25
    ca, cb = a.clock_s, b.clock_s
    if ca is None or cb is None:
        return False
    return abs((cb - ca) - (b.pts_s - a.pts_s)) <= tol


def _split(readings: list[Reading]) -> tuple[list[list[int]], list[bool]]:
    """Index groups of agreeing readings, and which readings are used."""
    used = [r.clock is not None for r in readings]
    idx = [i for i, u in enumerate(used) if u]
    groups: list[list[int]] = []
    k = 0
    while k < len(idx):
        i = idx[k]
        if groups and _agrees(readings[groups[-1][-1]], readings[i]):
            groups[-1].append(i)
        else:
            nxt = idx[k + 1] if k + 1 < len(idx) else None
            confirmed = nxt is not None and _agrees(readings[i], readings[nxt])
            if not groups or confirmed:
                groups.append([i])
            else:
                used[i] = False  # a lone disagreeing reading: a misread
        k += 1
    # a first group of one that the rest disagrees with is a misread too
    if len(groups) > 1 and len(groups[0]) == 1 and not _near_start_only(readings, groups):
        used[groups[0][0]] = False
        groups = groups[1:]
    return groups, used


def _near_start_only(readings: list[Reading], groups: list[list[int]]) -> bool:
    """Keep a one-reading first group only when nothing else covers the start."""
    return readings[groups[1][0]].pts_s > 5.0


def build_profile(readings: list[Reading], nominal_fps: float, frame_count: int,
                  box: tuple[int, int, int, int] | None) -> TimeProfile:
    readings = sorted(readings, key=lambda r: r.frame_index)
    groups, used = _split(readings)
    segments, jumps = [], []
    for g in groups:
        pinned = [i for i in g if readings[i].pinned]
        pick = pinned if len(pinned) >= 2 else g
        xs = np.array([readings[i].pts_s for i in pick])
        ys = np.array([readings[i].clock_s for i in pick])
        intercept, rate, res = _fit(xs, ys)
        if not pinned:
            res = max(res, 0.29)
        segments.append(Segment(g[0], g[-1], intercept, rate, round(res, 4)))
    for prev, seg in zip(segments, segments[1:], strict=False):
        a, b = readings[prev.last], readings[seg.first]
        ca, cb = a.clock_s, b.clock_s
        if ca is None or cb is None:      # segments hold only readings that show a clock
            continue
        size = (cb - ca) - (b.pts_s - a.pts_s)
        jumps.append(ClockJump(a.frame_index, b.frame_index, b.pts_s, round(size, 2)))
    notes = []
    if not segments:
        notes.append("no_clock")
    return TimeProfile(tuple(readings), tuple(used), tuple(segments), tuple(jumps),
                       float(nominal_fps), int(frame_count), box, tuple(notes))
