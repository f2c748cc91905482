"""Find where the camera burns its clock into the picture.

Automatic: the clock is text that changes once per second in a fixed place. A few frames half a
second apart give a *tick map* (pixels that change sharply in some steps but not in every step);
its blobs say which horizontal bands to read. Each band (or, failing that, the whole frame) goes
through the text detector; a line that parses as a date and time and shows a later second one
second on is the clock. An officer-drawn region skips the search but is checked the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from app.timeread.ocr import OcrEngine
from app.timeread.parse import ParsedClock, parse_clock

Box = tuple[int, int, int, int]


class FrameSource(Protocol):
    """What the clock reader needs of a video (:class:`app.video.VideoSource` fits)."""

    @property
    def frame_count(self) -> int: ...
    @property
    def fps(self) -> float: ...
    def pts(self, i: int) -> float: ...
    def read(self, i: int) -> np.ndarray: ...


@dataclass(frozen=True)
class ClockRegion:
    box: Box            # x, y, w, h in frame pixels
    frame_index: int    # the frame it was found on
    text: str           # what it read there
    method: str         # "auto" or "drawn"


def _gray(frame: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame


def tick_map(frames: list[np.ndarray], threshold: int = 60) -> np.ndarray:
    """Share of steps in which each pixel changed sharply (0..1), for frames ~0.5 s apart."""
    grays = [cv2.GaussianBlur(_gray(f), (3, 3), 0).astype(np.int16) for f in frames]
    steps = [np.abs(b - a) > threshold for a, b in zip(grays, grays[1:], strict=False)]
    return np.mean(steps, axis=0) if steps else np.zeros(grays[0].shape, float)


def candidate_bands(frames: list[np.ndarray], limit: int = 4) -> list[tuple[int, int]]:
    """Row ranges (y0, y1) where something ticks like a clock, most tick-like first."""
    share = tick_map(frames)
    ticking = ((share > 0.05) & (share < 0.8)).astype(np.uint8)
    h, w = ticking.shape
    opened = cv2.morphologyEx(ticking, cv2.MORPH_OPEN, np.ones((2, 1), np.uint8))
    mask = cv2.dilate(opened, np.ones((3, max(9, w // 40)), np.uint8))
    n, _labels, stats, _c = cv2.connectedComponentsWithStats(mask)
    found = []
    for _x, y, bw, bh, area in stats[1:n]:
        if not 6 <= bh <= h // 5 or bw > w * 0.9:
            continue
        pad = max(6, bh // 2)
        found.append((area / (bw * bh), (max(0, y - pad), min(h, y + bh + pad))))
    found.sort(key=lambda t: -t[0])
    return [band for _score, band in found[:limit]]


def expand(box: Box, shape: tuple[int, ...]) -> Box:
    """A read box with room for wider digits (proportional fonts) and jitter."""
    x, y, w, h = (int(v) for v in box)
    mx, my = int(h * 0.8) + w // 12, max(2, h // 4)
    x0, y0 = max(0, x - mx), max(0, y - my)
    x1, y1 = min(shape[1], x + w + mx), min(shape[0], y + h + my)
    return x0, y0, x1 - x0, y1 - y0


def _clamp(box: Box, outer: Box) -> Box:
    x0, y0 = max(box[0], outer[0]), max(box[1], outer[1])
    x1 = min(box[0] + box[2], outer[0] + outer[2])
    y1 = min(box[1] + box[3], outer[1] + outer[3])
    return x0, y0, x1 - x0, y1 - y0


def crop(frame: np.ndarray, box: Box) -> np.ndarray:
    x, y, w, h = box
    return frame[y:y + h, x:x + w]


def _parsed_lines(engine: OcrEngine, img: np.ndarray, origin: tuple[int, int],
                  ) -> list[tuple[Box, ParsedClock]]:
    out = []
    for line in engine.lines(img):
        parsed = parse_clock(line.text, line.confidence)
        if parsed is not None:
            x, y, w, h = line.box
            out.append(((x + origin[0], y + origin[1], w, h), parsed))
    return out


def _ticks(engine: OcrEngine, video: FrameSource, box: Box, i: int, first: ParsedClock) -> bool:
    """The line at ``box`` shows a later second about one second after frame ``i``."""
    j = min(video.frame_count - 1, i + int(round(video.fps * 1.2)))
    if j == i:
        return False
    text, conf = engine.read_line(crop(video.read(j), box))
    later = parse_clock(text, conf)
    return later is not None and 0 < (later.clock - first.clock).total_seconds() <= 3


def _best(engine: OcrEngine, video: FrameSource, i: int,
          hits: list[tuple[Box, ParsedClock]], shape: tuple[int, ...],
          method: str) -> ClockRegion | None:
    ranked = sorted(hits, key=lambda h: -h[1].confidence)
    fallback = None
    for box, parsed in ranked:
        read_box = expand(box, shape)
        region = ClockRegion(read_box, i, parsed.text, method)
        if _ticks(engine, video, read_box, i, parsed):
            return region
        fallback = fallback or region
    return fallback


def find_clock(video: FrameSource, engine: OcrEngine, *, roi: Box | None = None,
               start: int = 0) -> ClockRegion | None:
    """The clock's region, or None when no date-and-time text is in the picture."""
    n = video.frame_count
    if n == 0:
        return None
    start = min(max(0, start), n - 1)
    frame = video.read(start)
    shape = frame.shape
    if roi is not None:
        x, y, w, h = roi
        hits = _parsed_lines(engine, crop(frame, roi), (x, y))
        if not hits:
            text, conf = engine.read_line(crop(frame, roi))
            parsed = parse_clock(text, conf)
            return ClockRegion(roi, start, text, "drawn") if parsed else None
        region = _best(engine, video, start, hits, shape, "drawn")
        return None if region is None else ClockRegion(_clamp(region.box, roi), region.frame_index,
                                                       region.text, region.method)
    half = max(1, int(round(video.fps / 2)))
    samples = [video.read(j) for j in range(start, min(n, start + 9 * half), half)]
    for y0, y1 in candidate_bands(samples) if len(samples) > 2 else []:
        hits = _parsed_lines(engine, frame[y0:y1], (0, y0))
        if hits:
            return _best(engine, video, start, hits, shape, "auto")
    return _best(engine, video, start, _parsed_lines(engine, frame, (0, 0)), shape, "auto")
