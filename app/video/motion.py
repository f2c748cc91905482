"""Per-frame motion measurement (downscaled luma differencing) and regions of interest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import cv2
import numpy as np

from app.i18n import _
from app.video.errors import VideoError

ANALYSIS_WIDTH = 320
DIFF_THRESHOLD = 20
_LUMA_FIRST = {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12",
               "nv21", "gray", "yuv411p", "yuv410p", "yuv440p", "yuvj440p"}


def luma(frame: av.VideoFrame) -> np.ndarray:
    """The frame's 8-bit luma plane (no colour conversion for planar YUV)."""
    if frame.format.name in _LUMA_FIRST:
        plane = frame.planes[0]
        buf = np.frombuffer(plane, dtype=np.uint8).reshape(-1, plane.line_size)
        return buf[:frame.height, :frame.width]
    return frame.to_ndarray(format="gray")


def analysis_size(width: int, height: int) -> tuple[int, int]:
    w = min(ANALYSIS_WIDTH, width)
    return w, max(1, round(height * w / max(1, width)))


@dataclass
class Roi:
    """Region of interest: ``spec`` as given (JSON-able) and a full-size boolean mask."""

    spec: object
    mask: np.ndarray | None    # None = the whole frame

    @classmethod
    def parse(cls, roi, width: int, height: int, path: Path | None = None) -> Roi:
        if roi is None:
            return cls(None, None)
        mask = np.zeros((height, width), dtype=np.uint8)
        if isinstance(roi, np.ndarray):
            if roi.shape[:2] != (height, width):
                raise VideoError(_("the region mask must be {w}×{h} pixels like the video",
                                   w=width, h=height), path)
            mask[roi.reshape(height, width, -1).any(axis=2)] = 1
            spec = "mask"
        else:
            try:
                pts = [tuple(map(float, p)) for p in roi] if not _is_rect(roi) else None
            except (TypeError, ValueError) as exc:
                raise VideoError(_("the region must be x,y,w,h or a list of points"), path) \
                    from exc
            if pts is None:
                x, y, w, h = (int(v) for v in roi)
                if w <= 0 or h <= 0:
                    raise VideoError(_("the region must be x,y,w,h with a positive size"), path)
                mask[max(0, y):max(0, y + h), max(0, x):max(0, x + w)] = 1
                spec = [x, y, w, h]
            else:
                cv2.fillPoly(mask, [np.array(pts, dtype=np.int32)], 1)
                spec = [list(p) for p in pts]
        if not mask.any():
            raise VideoError(_("the region lies outside the picture"), path)
        return cls(spec, mask.astype(bool))


def _is_rect(roi) -> bool:
    return len(roi) == 4 and all(isinstance(v, (int, float, np.integer)) for v in roi)


def roi_to_json(spec) -> object:
    return spec


class MotionMeter:
    """Feeds frames in ascending order; ``measure`` returns the moving share of the ROI."""

    def __init__(self, width: int, height: int, roi: Roi, lag: int = 5) -> None:
        self.size = analysis_size(width, height)
        self.lag = lag
        if roi.mask is not None:
            small = cv2.resize(roi.mask.astype(np.uint8), self.size,
                               interpolation=cv2.INTER_NEAREST).astype(bool)
            self.mask = small if small.any() else None
        else:
            self.mask = None
        self.area = int(self.mask.sum()) if self.mask is not None else self.size[0] * self.size[1]
        self._history: dict[int, np.ndarray] = {}

    def small(self, frame: av.VideoFrame) -> np.ndarray:
        img = cv2.resize(luma(frame), self.size, interpolation=cv2.INTER_AREA)
        return cv2.GaussianBlur(img, (5, 5), 0)

    def measure(self, i: int, frame: av.VideoFrame) -> float:
        return self.measure_small(i, self.small(frame))

    def measure_small(self, i: int, img: np.ndarray) -> float:
        ref_key = max((k for k in self._history if k <= i - self.lag), default=None)
        if ref_key is None and self._history:
            ref_key = min(self._history)
        self._history[i] = img
        for k in [k for k in self._history if k < i - 2 * self.lag]:
            del self._history[k]
        if ref_key is None:
            return float("nan")
        moving = cv2.absdiff(img, self._history[ref_key]) > DIFF_THRESHOLD
        if self.mask is not None:
            moving &= self.mask
        return float(np.count_nonzero(moving)) / self.area

    def moving_mask(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        moving = cv2.absdiff(a, b) > DIFF_THRESHOLD
        return moving & self.mask if self.mask is not None else moving
