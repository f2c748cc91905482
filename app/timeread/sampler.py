"""Read the clock at sparse points of a clip, each reading pinned to the frame where the
displayed second ticks, and bisect between readings that disagree to find clock jumps.

Pinning costs no OCR: the clock crop of ~one second of frames is compared frame to frame and the
sharp change is the tick; only that frame is read. A reading that could not be pinned (a frozen
picture, a crop too noisy) keeps ±0.5 s and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

import cv2
import numpy as np

from app.timeread.ocr import OcrEngine
from app.timeread.parse import parse_clock
from app.timeread.region import ClockRegion, FrameSource, crop

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
JUMP_S = 0.75
SURE = 0.85  # below this confidence a reading gets a second look on the next frame


class Cancelled(Exception):
    """The caller asked to stop."""


@dataclass(frozen=True)
class Reading:
    frame_index: int
    pts_s: float
    text: str
    clock: datetime | None   # naive: the camera's own clock as displayed
    confidence: float
    pinned: bool             # True: frame_index is the first frame showing this second

    @property
    def clock_s(self) -> float | None:
        """Clock as seconds since 2000-01-01 (+0.5 s when not pinned: mid-second)."""
        if self.clock is None:
            return None
        return (self.clock - datetime(2000, 1, 1)).total_seconds() + (0.0 if self.pinned else 0.5)

    def to_json(self) -> dict:
        d = asdict(self)
        d["clock"] = self.clock.isoformat() if self.clock else None
        return d

    @classmethod
    def from_json(cls, d: dict) -> Reading:
        clock = datetime.fromisoformat(d["clock"]) if d.get("clock") else None
        return cls(int(d["frame_index"]), float(d["pts_s"]), d.get("text", ""), clock,
                   float(d.get("confidence", 0.0)), bool(d.get("pinned")))


def _tick_metric(a: np.ndarray, b: np.ndarray) -> float:
    """Pixels that changed sharply: a new digit flips many, compression flicker a few."""
    d = np.abs(a.astype(np.int16) - b.astype(np.int16))
    return float(np.count_nonzero(d > 64))


class ClockReader:
    """Reads the clock region of one video."""

    def __init__(self, video: FrameSource, region: ClockRegion, engine: OcrEngine,
                 year_last: str = "MDY") -> None:
        self.video, self.region, self.engine, self.year_last = video, region, engine, year_last
        self.ocr_reads = 0

    def _crop(self, i: int) -> np.ndarray:
        return crop(self.video.read(i), self.region.box)

    def _gray(self, i: int) -> np.ndarray:
        return cv2.GaussianBlur(cv2.cvtColor(self._crop(i), cv2.COLOR_BGR2GRAY), (3, 3), 0)

    def read(self, i: int, pinned: bool = False) -> Reading:
        """OCR of frame ``i`` (no pinning)."""
        self.ocr_reads += 1
        text, conf = self.engine.read_line(self._crop(i))
        parsed = parse_clock(text, conf, year_last=self.year_last)
        return Reading(i, self.video.pts(i), text, parsed.clock if parsed else None,
                       parsed.confidence if parsed else 0.0, pinned)

    def tick_after(self, i: int, span: int) -> int | None:
        """First frame in (i, i+span] where the clock crop changes sharply (a second ticks)."""
        last = min(self.video.frame_count - 1, i + span)
        if last <= i:
            return None
        grays = [self._gray(j) for j in range(i, last + 1)]
        metric = np.array([_tick_metric(a, b) for a, b in zip(grays, grays[1:], strict=False)])
        if metric.size == 0:
            return None
        top = float(metric.max())
        if top < max(6.0, 4.0 * float(np.median(metric))):
            return None
        k = int(np.flatnonzero(metric >= 0.5 * top)[0])
        return i + 1 + k

    def pinned(self, i: int) -> Reading:
        """A reading at the first tick after frame ``i`` (pinned), else at ``i`` (not pinned)."""
        span = int(np.ceil(self.video.fps)) + 1
        j = self.tick_after(i, span)
        if j is None and i > 0:
            j = self.tick_after(max(0, i - span), span)
        if j is None:
            return self.read(i)
        first = self.read(j, pinned=True)
        if (first.clock is not None and first.confidence >= SURE) or self.video.fps < 2 \
                or j + 1 >= self.video.frame_count:
            return first
        again = self.read(j + 1)  # the same second on the next frame: another look
        if again.clock is not None and (first.clock is None or again.confidence > first.confidence):
            return Reading(j, first.pts_s, again.text, again.clock, again.confidence, True)
        return first


def _consistent(a: Reading, b: Reading, rate: float = 1.0) -> bool:
    if a.clock_s is None or b.clock_s is None:
        return False
    tol = JUMP_S if a.pinned and b.pinned else 1.25
    return abs((b.clock_s - a.clock_s) - rate * (b.pts_s - a.pts_s)) <= tol


def plan(frame_count: int, fps: float, max_samples: int = 60, min_step_s: float = 2.0) -> list[int]:
    """Frames to sample: evenly spread, at least ``min_step_s`` apart, first and last second."""
    last = max(0, frame_count - int(np.ceil(fps)) - 2)
    step = max(int(min_step_s * fps), int(np.ceil(last / max(1, max_samples - 1))))
    frames = list(range(0, last + 1, max(1, step)))
    if frames[-1] != last:
        frames.append(last)
    return frames


def _bisect(reader: ClockReader, a: Reading, b: Reading, cancel: Cancel | None) -> list[Reading]:
    """Readings that narrow a disagreement between ``a`` and ``b`` down to ~2 s of frames."""
    fps = reader.video.fps
    out: list[Reading] = []
    while b.frame_index - a.frame_index > 2 * fps:
        if cancel and cancel():
            raise Cancelled
        mid = reader.pinned((a.frame_index + b.frame_index) // 2)
        if mid.clock is None:
            break
        out.append(mid)
        if _consistent(a, mid):
            a = mid
        else:
            b = mid
    confirm = b.frame_index + int(round(fps))
    if confirm < reader.video.frame_count - 1:
        out.append(reader.pinned(confirm))
    return out


def sample_clip(reader: ClockReader, *, max_samples: int = 60, progress: Progress | None = None,
                cancel: Cancel | None = None) -> list[Reading]:
    """Readings over the whole clip, with extra readings around every disagreement."""
    frames = plan(reader.video.frame_count, reader.video.fps, max_samples)
    readings: list[Reading] = []
    for k, i in enumerate(frames):
        if cancel and cancel():
            raise Cancelled
        readings.append(reader.pinned(i))
        if progress:
            progress(k + 1, len(frames) + 1)
    good = [r for r in readings if r.clock is not None]
    extra: list[Reading] = []
    for a, b in zip(good, good[1:], strict=False):
        if not _consistent(a, b):
            extra.extend(_bisect(reader, a, b, cancel))
    if progress:
        progress(len(frames) + 1, len(frames) + 1)
    merged = {r.frame_index: r for r in readings + extra}
    return [merged[i] for i in sorted(merged)]
