"""Per-frame motion measurement and regions of interest.

A pixel moves when its luma *or* its colour (the two chroma planes) changed against the frame
~0.2 s earlier by more than the clip's own noise allows: each channel's threshold is
``NOISE_K`` × the robust spread of the differences (learned over the last frames of the clip, so
night gain and rain raise it), never below a small floor, divided by the ROI's sensitivity; isolated noise pixels are
removed (an object is at least 3×3 analysis pixels). A
global brightness change (exposure, clouds) is removed first. So a dark-blue tricycle whose luma
is within a few levels of a dark noisy road still moves in the chroma planes.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np

from app.i18n import _
from app.video.errors import VideoError

ANALYSIS_WIDTH = 320
LUMA_FLOOR = 6.0       # smallest luma change that counts as motion (grey levels)
CHROMA_FLOOR = 4.0     # smallest chroma change that counts (chroma varies less than luma)
NOISE_K = 4.5          # threshold = NOISE_K × the clip's noise (robust σ of the differences)
NOISE_WINDOW = 50      # frames over which the clip's noise level is learned
_OPEN = np.ones((3, 3), dtype=np.uint8)
_LUMA_FIRST = {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12",
               "nv21", "gray", "yuv411p", "yuv410p", "yuv440p", "yuvj440p"}


def planes(frame: av.VideoFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Y, U, V planes of a decoded frame (no copy for planar 4:2:0/4:2:2/4:4:4 YUV)."""
    if frame.format.name not in _LUMA_FIRST or frame.format.name in ("gray", "nv12", "nv21"):
        frame = frame.reformat(format="yuv420p")
    out = []
    for n, plane in enumerate(frame.planes[:3]):
        data: Any = plane   # PyAV's VideoPlane has the buffer protocol; its stub does not say so
        buf = np.frombuffer(data, dtype=np.uint8).reshape(-1, plane.line_size)
        out.append(buf[:plane.height, :plane.width] if n else buf[:frame.height, :frame.width])
    return out[0], out[1], out[2]


def analysis_size(width: int, height: int) -> tuple[int, int]:
    w = min(ANALYSIS_WIDTH, width)
    return w, max(1, round(height * w / max(1, width)))


@dataclass
class Roi:
    """Region of interest: ``spec`` as given (JSON-able) and a full-size boolean mask."""

    spec: object
    mask: np.ndarray | None    # None = the whole frame
    sensitivity: float = 1.0   # > 1 finds fainter/smaller motion in this region, < 1 less

    @classmethod
    def parse(cls, roi: Any, width: int, height: int, path: Path | None = None,
              sensitivity: float = 1.0) -> Roi:
        """``roi``: None (whole frame), ``(x, y, w, h)``, a polygon ``[(x, y), ...]`` or a
        frame-sized mask."""
        if not 0.1 <= float(sensitivity) <= 10.0:
            raise VideoError(_("the sensitivity must lie between 0.1 and 10"), path)
        if roi is None:
            return cls(None, None, float(sensitivity))
        mask = np.zeros((height, width), dtype=np.uint8)
        spec: object
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
        return cls(spec, mask.astype(bool), float(sensitivity))


def _is_rect(roi: Any) -> bool:
    return len(roi) == 4 and all(isinstance(v, (int, float, np.integer)) for v in roi)


def roi_to_json(spec: object) -> object:
    return spec


class NoiseFloor:
    """The clip's usual frame-to-frame noise per channel (Y, U, V), learned as the median of the
    per-frame robust spreads over the last ``NOISE_WINDOW`` measured frames."""

    def __init__(self, window: int = NOISE_WINDOW) -> None:
        self._recent: deque[np.ndarray] = deque(maxlen=window)

    def add(self, sigma: np.ndarray) -> np.ndarray:
        self._recent.append(sigma)
        return np.median(np.stack(self._recent), axis=0)


class MotionMeter:
    """Feeds frames in ascending order; ``measure`` returns the moving share of the ROI."""

    def __init__(self, width: int, height: int, roi: Roi, lag: int = 5) -> None:
        self.size = analysis_size(width, height)
        self.lag = lag
        self.sensitivity = roi.sensitivity
        if roi.mask is not None:
            small = cv2.resize(roi.mask.astype(np.uint8), self.size,
                               interpolation=cv2.INTER_NEAREST).astype(bool)
            self.mask = small if small.any() else None
        else:
            self.mask = None
        self.area = int(self.mask.sum()) if self.mask is not None else self.size[0] * self.size[1]
        self._sample = (self.mask if self.mask is not None
                        else np.ones(self.size[::-1], dtype=bool))[::2, ::2]
        self._floor = np.array([LUMA_FLOOR, CHROMA_FLOOR, CHROMA_FLOOR], dtype=np.float32)
        self.noise = NoiseFloor()
        self._history: dict[int, np.ndarray] = {}

    def _shrink(self, plane: np.ndarray) -> np.ndarray:
        img = cv2.resize(plane, self.size, interpolation=cv2.INTER_AREA)
        return cv2.GaussianBlur(img, (5, 5), 0)

    def small(self, frame: av.VideoFrame) -> np.ndarray:
        """The frame as a downscaled, blurred H×W×3 (Y, U, V) int16 image."""
        return np.dstack([self._shrink(p) for p in planes(frame)]).astype(np.int16)

    def small_bgr(self, img: np.ndarray) -> np.ndarray:
        """Like :meth:`small` for a BGR array (exported/enhanced frames)."""
        ycrcb = cv2.cvtColor(img, cv2.COLOR_BGR2YCrCb)
        return np.dstack([self._shrink(ycrcb[:, :, c]) for c in (0, 2, 1)]).astype(np.int16)

    def measure(self, i: int, frame: av.VideoFrame) -> float:
        return self.measure_small(i, self.small(frame))

    def remember(self, i: int, frame: av.VideoFrame) -> None:
        """Keep frame ``i`` as the reference for later measurements, without measuring it."""
        self._keep(i, self.small(frame))

    def _keep(self, i: int, img: np.ndarray) -> None:
        self._history[i] = img
        for k in [k for k in self._history if k < i - 2 * self.lag]:
            del self._history[k]

    def measure_small(self, i: int, img: np.ndarray) -> float:
        ref_key = max((k for k in self._history if k <= i - self.lag), default=None)
        if ref_key is None and self._history:
            ref_key = min(self._history)
        ref = self._history.get(ref_key) if ref_key is not None else None
        self._keep(i, img)
        if ref is None:
            return float("nan")
        moving = self.moving_mask(img, ref, learn=True)
        return float(np.count_nonzero(moving)) / self.area

    def moving_mask(self, a: np.ndarray, b: np.ndarray, learn: bool = False) -> np.ndarray:
        """Pixels (analysis size) of ``a`` that moved against ``b`` (both from :meth:`small`).
        ``learn`` feeds this difference's noise into the clip's noise floor."""
        diff = a - b
        sample = diff[::2, ::2][self._sample].astype(np.float32)
        shift = np.median(sample, axis=0)                 # global brightness/colour change
        sigma = 1.4826 * np.median(np.abs(sample - shift), axis=0)
        level = self.noise.add(sigma) if learn else sigma
        limit = np.maximum(self._floor, NOISE_K * level) / self.sensitivity
        moving = (np.abs(diff - np.rint(shift).astype(np.int16)) > limit).any(axis=2)
        # scattered noise pixels are not an object: keep only blobs at least 3×3 (analysis px)
        moving = cv2.morphologyEx(moving.view(np.uint8), cv2.MORPH_OPEN, _OPEN).view(bool)
        return moving & self.mask if self.mask is not None else moving
