"""Compact copies of decoded frames and their conversion to BGR.

Cached frames are copied out of the decoder's buffer pool (so the pool stays small and the
cache's byte count is the real memory): planar 4:2:0 as one I420 array (1.5 bytes/pixel),
anything else as BGR. :func:`to_bgr` is the only conversion used for display and export, so a
frame looks the same whichever path produced it.
"""

from __future__ import annotations

import av
import cv2
import numpy as np

I420 = "i420"
BGR = "bgr"


def _plane(frame: av.VideoFrame, n: int, rows: int, cols: int) -> np.ndarray:
    plane = frame.planes[n]
    return np.frombuffer(plane, dtype=np.uint8).reshape(-1, plane.line_size)[:rows, :cols]


def compact(frame: av.VideoFrame) -> tuple[str, np.ndarray]:
    """A private copy of ``frame``: ``("i420", (h*3/2)×w array)`` or ``("bgr", h×w×3 array)``."""
    w, h = frame.width, frame.height
    if frame.format.name == "yuv420p" and w % 2 == 0 and h % 2 == 0:
        out = np.empty(w * h * 3 // 2, dtype=np.uint8)
        q = (w // 2) * (h // 2)
        out[:w * h].reshape(h, w)[:] = _plane(frame, 0, h, w)
        out[w * h:w * h + q].reshape(h // 2, w // 2)[:] = _plane(frame, 1, h // 2, w // 2)
        out[w * h + q:].reshape(h // 2, w // 2)[:] = _plane(frame, 2, h // 2, w // 2)
        return I420, out.reshape(h * 3 // 2, w)
    return BGR, frame.to_ndarray(format="bgr24")


def to_bgr(item: tuple[str, np.ndarray] | av.VideoFrame) -> np.ndarray:
    """A fresh H×W×3 uint8 BGR array for a compact frame (or a decoded ``av.VideoFrame``)."""
    if isinstance(item, av.VideoFrame):
        item = compact(item)
    kind, data = item
    if kind == I420:
        return cv2.cvtColor(data, cv2.COLOR_YUV2BGR_I420)
    return data.copy()


def nbytes(item: tuple[str, np.ndarray]) -> int:
    return int(item[1].nbytes)
