"""Colour filter over activity segments: rank them by how much moving area has a given hue."""

from __future__ import annotations

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


def hue_mask(bgr: np.ndarray, hue: tuple[int, int], sat_min: int, val_min: int) -> np.ndarray:
    """Pixels whose hue lies in ``hue`` (wrapping past 179 when lo > hi) and are vivid enough."""
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    h, s, v = hsv[:, :, 0], hsv[:, :, 1], hsv[:, :, 2]
    lo, hi = int(hue[0]), int(hue[1])
    in_hue = (h >= lo) & (h <= hi) if lo <= hi else (h >= lo) | (h <= hi)
    return in_hue & (s >= sat_min) & (v >= val_min)


def _segment_score(src: VideoSource, meter: MotionMeter, seg: Segment, hue, sat_min: int,
                   val_min: int, samples: int) -> float:
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
        colour = hue_mask(small_cur, hue, sat_min, val_min)
        moving += int(np.count_nonzero(motion))
        matched += int(np.count_nonzero(motion & colour))
    return matched / moving if moving else 0.0


def rank_segments_by_colour(path: str | Path | VideoSource, segments: list[Segment],
                            hue: tuple[int, int] | str = (100, 130), *, sat_min: int = 80,
                            val_min: int = 50, samples: int = 12,
                            roi=None) -> list[tuple[Segment, float]]:
    """Segments sorted by the share (0..1) of their moving area whose colour is in ``hue``.

    ``hue`` is an OpenCV hue range (0..179; lo > hi wraps, e.g. red ``(170, 10)``) or a name
    from :data:`HUES`. Sampled frames are read exactly; ties keep the input order.
    """
    if isinstance(hue, str):
        if hue not in HUES:
            raise VideoError(_("unknown colour {name}; choose one of {names}", name=hue,
                               names=", ".join(HUES)))
        hue = HUES[hue]
    if not (0 <= hue[0] <= 179 and 0 <= hue[1] <= 179):
        raise VideoError(_("the hue range must lie between 0 and 179"))
    own = not isinstance(path, VideoSource)
    src = open_video(path, cache_bytes=128 << 20) if own else path
    try:
        region = Roi.parse(roi, src.width, src.height, src.path)
        meter = MotionMeter(src.width, src.height, region, lag=max(1, round(src.fps / 5)))
        scored = [(seg, round(_segment_score(src, meter, seg, hue, sat_min, val_min, samples), 4))
                  for seg in segments]
    finally:
        if own:
            src.close()
    return sorted(scored, key=lambda pair: -pair[1])
