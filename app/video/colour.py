"""Colour filter over activity segments: rank them by how much moving area has a given colour.

Colours are either hues (red … purple: vivid pixels in a hue range) or neutrals (white, silver,
grey, black: low saturation, told apart by brightness) — the commonest vehicle colours are
neutral, so a filter without them misses most vehicles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import cv2
import numpy as np

from app.i18n import _
from app.video.activity import Segment
from app.video.errors import VideoError
from app.video.motion import MotionMeter, Roi
from app.video.source import VideoSource, open_video

# OpenCV hue runs 0..179 (degrees / 2): red ≈ 0/179, yellow ≈ 30, green ≈ 60, blue ≈ 100-130.
HUES = {"red": (170, 10), "orange": (10, 22), "yellow": (22, 35), "green": (35, 85),
        "cyan": (85, 100), "blue": (100, 130), "purple": (130, 160)}
# Neutrals: (max saturation, min value, max value) in OpenCV HSV (s, v 0..255).
NEUTRALS = {"white": (45, 190, 255), "silver": (45, 135, 200), "grey": (45, 70, 145),
            "black": (255, 0, 60)}
COLOURS = (*HUES, *NEUTRALS)  # the names a user can pick, hues first
Mask = Callable[[np.ndarray], np.ndarray]      # BGR image -> boolean mask of matching pixels
# a region as Roi.parse takes it: None (whole frame), x,y,w,h, a list of points, or a mask
RoiSpec = np.ndarray | Sequence[float] | Sequence[Sequence[float]] | None


def neutral_mask(bgr: np.ndarray, sat_max: int, val_min: int, val_max: int) -> np.ndarray:
    """Pixels of low saturation whose brightness lies in ``val_min..val_max``."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    s, v = hsv[:, :, 1], hsv[:, :, 2]
    return (s <= sat_max) & (v >= val_min) & (v <= val_max)


def hue_mask(bgr: np.ndarray, hue: tuple[int, int], sat_min: int, val_min: int) -> np.ndarray:
    """Pixels whose hue lies in ``hue`` (wrapping past 179 when lo > hi) and are vivid enough."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    h, s, v = hsv[:, :, 0], hsv[:, :, 1], hsv[:, :, 2]
    lo, hi = int(hue[0]), int(hue[1])
    in_hue = (h >= lo) & (h <= hi) if lo <= hi else (h >= lo) | (h <= hi)
    return in_hue & (s >= sat_min) & (v >= val_min)


def _segment_score(src: VideoSource, meter: MotionMeter, seg: Segment, mask: Mask,
                   samples: int) -> float:
    lag = meter.lag
    first = max(seg.start_frame, lag)
    if seg.end_frame < first:
        return 0.0
    picks = np.unique(np.linspace(first, seg.end_frame, samples).round().astype(int))
    matched = moving = 0
    for j in picks.tolist():
        cur, ref = src.read(j), src.read(j - lag)
        small_cur = cv2.resize(cur, meter.size, interpolation=cv2.INTER_AREA)
        motion = meter.moving_mask(meter.small_bgr(cur), meter.small_bgr(ref))
        colour = mask(small_cur)
        moving += int(np.count_nonzero(motion))
        matched += int(np.count_nonzero(motion & colour))
    return matched / moving if moving else 0.0


def rank_segments_by_colour(path: str | Path | VideoSource, segments: list[Segment],
                            hue: tuple[int, int] | str = (100, 130), *, sat_min: int = 80,
                            val_min: int = 50, samples: int = 12,
                            roi: RoiSpec = None) -> list[tuple[Segment, float]]:
    """Segments sorted by the share (0..1) of their moving area whose colour is in ``hue``.

    ``hue`` is an OpenCV hue range (0..179; lo > hi wraps, e.g. red ``(170, 10)``) or a name
    from :data:`COLOURS` (a hue or a neutral). Sampled frames are read exactly; ties keep the
    input order.
    """
    if isinstance(hue, str) and hue in NEUTRALS:
        limits = NEUTRALS[hue]

        def mask(bgr: np.ndarray) -> np.ndarray:
            return neutral_mask(bgr, *limits)
    else:
        if isinstance(hue, str):
            if hue not in HUES:
                raise VideoError(_("unknown colour {name}; choose one of {names}", name=hue,
                                   names=", ".join(COLOURS)))
            hue = HUES[hue]
        if not (0 <= hue[0] <= 179 and 0 <= hue[1] <= 179):
            raise VideoError(_("the hue range must lie between 0 and 179"))
        hue_range = hue

        def mask(bgr: np.ndarray) -> np.ndarray:
            return hue_mask(bgr, hue_range, sat_min, val_min)
    own = not isinstance(path, VideoSource)
    src = path if isinstance(path, VideoSource) else open_video(path, cache_bytes=128 << 20)
    try:
        region = Roi.parse(roi, src.width, src.height, src.path)
        meter = MotionMeter(src.width, src.height, region, lag=max(1, round(src.fps / 5)))
        scored = [(seg, round(_segment_score(src, meter, seg, mask, samples), 4))
                  for seg in segments]
    finally:
        if own:
            src.close()
    return sorted(scored, key=lambda pair: -pair[1])
