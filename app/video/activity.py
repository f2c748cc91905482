"""Activity scan: per-second motion score and merged activity segments, on both cores.

Motion of a frame = share of the region of interest whose brightness or colour changed by more
than the clip's own noise allows against the frame ~0.2 s earlier (see :mod:`app.video.motion`). The file is split into
keyframe-aligned ranges decoded in parallel processes; progress and cancel cross the process
boundary through a shared counter and event.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import numpy as np

from app.i18n import _
from app.video.errors import VideoCancelled, VideoError
from app.video.frame_index import FrameIndex
from app.video.motion import MotionMeter, Roi, roi_to_json
from app.video.persisted import load_or_build

FULL_SCALE = 0.02      # 2 % of the ROI moving on average during a second = score 1.0
CHUNKS = 16            # keyframe-aligned ranges per file (load balance + progress)


@dataclass(frozen=True)
class Segment:
    """A stretch of activity: seconds from the first frame, inclusive frame range, peak score."""

    start_s: float
    end_s: float
    start_frame: int
    end_frame: int
    peak: float

    def to_json(self) -> dict:
        return {"start_s": self.start_s, "end_s": self.end_s, "start_frame": self.start_frame,
                "end_frame": self.end_frame, "peak": self.peak}

    @classmethod
    def from_json(cls, data: dict) -> Segment:
        return cls(float(data["start_s"]), float(data["end_s"]), int(data["start_frame"]),
                   int(data["end_frame"]), float(data["peak"]))


@dataclass(frozen=True, eq=False)
class ActivityResult:
    """Scan output: ``per_second`` scores (0..1), ``per_frame`` moving share, ``segments``."""

    per_second: np.ndarray
    segments: list[Segment]
    per_frame: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    fps: float = 0.0
    frame_count: int = 0
    roi: object = None
    threshold: float = 0.0

    def to_json(self) -> dict:
        return {"per_second": [round(float(v), 4) for v in self.per_second],
                "segments": [s.to_json() for s in self.segments],
                "per_frame": [None if math.isnan(v) else round(float(v), 5)
                              for v in self.per_frame],
                "fps": self.fps, "frame_count": self.frame_count, "roi": roi_to_json(self.roi),
                "threshold": self.threshold}

    @classmethod
    def from_json(cls, data: dict) -> ActivityResult:
        per_frame = np.array([np.nan if v is None else v for v in data.get("per_frame", [])],
                             dtype=np.float32)
        return cls(per_second=np.asarray(data["per_second"], dtype=np.float32),
                   segments=[Segment.from_json(s) for s in data["segments"]],
                   per_frame=per_frame, fps=float(data.get("fps", 0.0)),
                   frame_count=int(data.get("frame_count", 0)), roi=data.get("roi"),
                   threshold=float(data.get("threshold", 0.0)))


# --- worker side -------------------------------------------------------------------------------
_local = threading.local()   # per thread: two clips may be scanned inline at once (scan queue)


def _state() -> dict:
    if not hasattr(_local, "shared"):
        _local.shared = {}
    return _local.shared


def _init_worker(cancel_event: Any, done_counter: Any) -> None:
    """Share the cancel flag and the done counter (process-shared or in-process)."""
    _state()["cancel"], _state()["done"] = cancel_event, done_counter


def scan_range(path: Path, index: FrameIndex, first: int, last: int, roi: Roi,
               fast: bool = True) -> np.ndarray:
    """Moving share of each frame ``first..last`` (NaN where a frame was not decoded)."""
    return scan_ranges(path, index, [(first, last)], roi, fast)[0]


def scan_ranges(path: Path, index: FrameIndex, ranges: list[tuple[int, int]], roi: Roi,
                fast: bool = True, stride: int = 1) -> list[np.ndarray]:
    """:func:`scan_range` for several ranges with one decoder (opening a long MP4 costs time);
    each range is measured on its own, so the answer does not depend on the grouping.
    ``stride`` > 1 measures only one frame in ``stride`` (the first decoded one at or after
    each step; the others are decoded as references only and stay NaN); a ``stride`` longer
    than the measuring lag (0.2 s) measures one pair a stride: a frame and the one a lag later."""
    from app.video.decoder import FrameDecoder

    cancel, done = _state().get("cancel"), _state().get("done")
    decoder = FrameDecoder(path, index, threads=1)
    if fast:
        decoder.skip_nonref = True
    pending = 0
    out = []
    lag = max(1, round(index.fps / 5))
    try:
        for first, last in ranges:
            if cancel is not None and cancel.is_set():
                raise VideoCancelled(path)
            scores = np.full(last - first + 1, np.nan, dtype=np.float32)
            meter = MotionMeter(index.width, index.height, roi, lag=lag)
            due = [first, -1]     # next frame to look at; the start of its pair, when it ends one

            def sink(i: int, frame: av.VideoFrame, scores: np.ndarray = scores,
                     meter: MotionMeter = meter, first: int = first, last: int = last,
                     due: list[int] = due) -> None:
                nonlocal pending
                if i > last:          # a skipped non-reference frame: the next one is past it
                    return
                if stride <= lag and (i >= due[0] or i == last):
                    scores[i - first] = meter.measure(i, frame)
                    due[0] = i + stride
                elif i >= due[0] and due[1] >= 0:
                    scores[i - first] = meter.measure(i, frame)
                    due[0], due[1] = due[1] + stride, -1
                elif i >= due[0]:
                    meter.remember(i, frame)
                    due[0], due[1] = i + lag, i
                pending += 1
                if pending >= 25:
                    if done is not None:
                        with done.get_lock():
                            done.value += pending
                    pending = 0
                    if cancel is not None and cancel.is_set():
                        raise VideoCancelled(path)

            decoder.decode(first, last, sink)
            out.append(scores)
    finally:
        decoder.close()
    if done is not None and pending:
        with done.get_lock():
            done.value += pending
    return out


def batches(ranges: list[tuple[int, int]], parts: int) -> list[list[tuple[int, int]]]:
    """Consecutive groups of ``ranges`` with about the same number of frames each."""
    total = sum(b - a + 1 for a, b in ranges)
    target = max(1, total // max(1, parts))
    out: list[list[tuple[int, int]]] = [[]]
    size = 0
    for a, b in ranges:
        if size >= target and out[-1]:
            out.append([])
            size = 0
        out[-1].append((a, b))
        size += b - a + 1
    return out


# --- parent side ---------------------------------------------------------------------------------
def _chunks(index: FrameIndex, parts: int) -> list[tuple[int, int]]:
    keys = [int(k) for k in index.key_index]
    n = index.frame_count
    target = max(1, n // max(1, parts))
    bounds, start = [], 0
    for k in keys[1:]:
        if k - start >= target:
            bounds.append((start, k - 1))
            start = k
    bounds.append((start, n - 1))
    return bounds


def scan_activity(path: str | Path, *, roi: Any = None, workers: int = 2,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None, threshold: float = 0.05,
                  merge_gap: float = 2.0, index_dir: Path | None = None,
                  fps_hint: float | None = None, fast: bool = True,
                  sensitivity: float = 1.0) -> ActivityResult:
    """Scan ``path`` for activity. ``roi``: ``(x, y, w, h)``, a polygon ``[(x, y), ...]`` or a
    frame-sized mask; ``progress(done_frames, total_frames)``; ``cancel()`` → True stops the scan
    (raises :class:`VideoCancelled`). ``fast`` skips non-reference frames (same seconds, less work).
    ``sensitivity`` > 1 finds fainter motion in the ROI (see :mod:`app.video.motion`).
    """
    path = Path(path)
    index = load_or_build(path, index_dir, fps_hint)
    region = Roi.parse(roi, index.width, index.height, path, sensitivity)
    total = index.frame_count
    chunks = _chunks(index, CHUNKS)  # fixed split: the same answer for any number of workers
    per_frame = np.full(total, np.nan, dtype=np.float32)
    decode_ranges(path, index, chunks, region, per_frame, fast=fast, progress=progress,
                  cancel=cancel, workers=workers)
    if progress is not None:
        progress(total, total)
    return summarise(index, per_frame, region, threshold, merge_gap)


class _Flag:
    """An in-process stand-in for a multiprocessing Event: asks ``cancel()``."""

    def __init__(self, cancel: Callable[[], bool] | None) -> None:
        self._cancel = cancel

    def is_set(self) -> bool:
        return bool(self._cancel and self._cancel())


class _Counter:
    """An in-process stand-in for a multiprocessing Value: reports progress when updated."""

    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self.value, self._progress, self._total = 0, progress, total

    def get_lock(self) -> _Counter:
        return self

    def __enter__(self) -> _Counter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress(min(self.value, self._total), self._total)


def decode_ranges(path: Path, index: FrameIndex, ranges: list[tuple[int, int]], region: Roi,
                  per_frame: np.ndarray, *, fast: bool = True,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None, workers: int = 2,
                  done_before: int = 0, total: int | None = None, stride: int = 1) -> None:
    """Measure the frames of each inclusive ``(first, last)`` range into ``per_frame``, in
    ``workers`` processes (inline for one); ``progress(done_before + done, total)``;
    ``stride`` as :func:`scan_ranges`."""
    total = total if total is not None else done_before + sum(b - a + 1 for a, b in ranges)
    report = None if progress is None else (lambda d, _t: progress(done_before + d, total))
    if workers <= 1 or len(ranges) == 1:
        _run_inline(path, index, ranges, region, fast, per_frame, report, cancel, stride)
    else:
        _run_pool(path, index, ranges, region, fast, per_frame, report, cancel, workers, stride)


def _frames_in(chunks: list[tuple[int, int]]) -> int:
    return sum(b - a + 1 for a, b in chunks)


def _run_inline(path: Path, index: FrameIndex, chunks: list[tuple[int, int]], region: Roi,
                fast: bool, per_frame: np.ndarray, progress: Callable[[int, int], None] | None,
                cancel: Callable[[], bool] | None, stride: int = 1) -> None:
    _init_worker(_Flag(cancel), _Counter(progress, _frames_in(chunks)))
    try:
        results = scan_ranges(path, index, chunks, region, fast, stride)
        for (first, last), scores in zip(chunks, results, strict=True):
            per_frame[first:last + 1] = scores
    finally:
        _state().clear()


def _run_pool(path: Path, index: FrameIndex, chunks: list[tuple[int, int]], region: Roi,
              fast: bool, per_frame: np.ndarray, progress: Callable[[int, int], None] | None,
              cancel: Callable[[], bool] | None, workers: int, stride: int = 1) -> None:
    ctx = mp.get_context("spawn")
    event, counter = ctx.Event(), ctx.Value("q", 0)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(event, counter)) as pool:
        groups = [[c] for c in chunks] if len(chunks) <= 32 else batches(chunks, 4 * workers)
        futures = {pool.submit(scan_ranges, path, index, g, region, fast, stride): g for g in groups}
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                for fut in finished:
                    try:
                        results = fut.result()
                    except BrokenProcessPool as exc:
                        raise VideoError(_("the scan stopped: a worker process failed"),
                                         path) from exc
                    for (a, b), scores in zip(futures[fut], results, strict=True):
                        per_frame[a:b + 1] = scores
                if progress is not None:
                    progress(min(counter.value, _frames_in(chunks)), _frames_in(chunks))
                if cancel is not None and cancel():
                    event.set()
                    raise VideoCancelled(path)
        except BaseException:
            event.set()
            for fut in pending:
                fut.cancel()
            raise


def segments_from(index: FrameIndex, per_second: np.ndarray, threshold: float,
                  merge_gap: float) -> list[Segment]:
    """Runs of seconds scoring at least ``threshold``, joined across gaps ≤ ``merge_gap`` s."""
    seconds = index.seconds
    segments: list[Segment] = []
    runs: list[list[int]] = []
    for s in np.flatnonzero(per_second >= threshold).tolist():
        if runs and s - runs[-1][1] - 1 <= merge_gap:
            runs[-1][1] = s
        else:
            runs.append([s, s])
    duration = float(seconds[-1]) + 1.0 / index.fps if seconds.size else 0.0
    for a, b in runs:
        start_s, end_s = float(a), min(float(b + 1), duration)
        first = int(np.searchsorted(seconds, start_s, side="left"))
        last = int(np.searchsorted(seconds, end_s, side="left")) - 1
        segments.append(Segment(start_s, round(end_s, 3), first, max(first, last),
                                round(float(per_second[a:b + 1].max()), 4)))
    return segments


def summarise(index: FrameIndex, per_frame: np.ndarray, region: Roi, threshold: float,
              merge_gap: float) -> ActivityResult:
    """Per-second scores and merged segments from per-frame moving shares."""
    seconds = index.seconds
    n_sec = int(math.floor(float(seconds[-1]))) + 1 if seconds.size else 0
    bucket = np.floor(seconds).astype(np.int64)
    valid = ~np.isnan(per_frame)
    sums = np.bincount(bucket[valid], weights=per_frame[valid], minlength=n_sec)
    counts = np.bincount(bucket[valid], minlength=n_sec)
    mean = np.divide(sums, counts, out=np.zeros(n_sec), where=counts > 0)
    per_second = np.clip(mean / FULL_SCALE, 0.0, 1.0).astype(np.float32)
    segments = segments_from(index, per_second, threshold, merge_gap)
    if not valid.any():
        raise VideoError(_("no frame of the video could be decoded for the scan"))
    return ActivityResult(per_second=per_second, segments=segments, per_frame=per_frame,
                          fps=float(index.fps), frame_count=index.frame_count,
                          roi=region.spec, threshold=threshold)
