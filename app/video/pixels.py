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
Item = tuple[str, np.ndarray]   # a compact frame: (I420 or BGR, its pixels)
# AVColorSpace numbers for the matrices the index names (BT.601 = BT.470BG)
COLORSPACE = {"bt709": 1, "bt601": 5, "smpte240m": 7, "bt2020": 9}


def _plane(frame: av.VideoFrame, n: int, rows: int, cols: int) -> np.ndarray:
    plane = frame.planes[n]
    return np.frombuffer(memoryview(plane), dtype=np.uint8).reshape(-1, plane.line_size)[:rows, :cols]


def tag(frame: av.VideoFrame, matrix: str, full_range: bool) -> av.VideoFrame:
    """Tag ``frame`` with the stream's colour matrix and range (what the converter uses)."""
    if matrix:
        frame.colorspace = COLORSPACE.get(matrix, 5)
        frame.color_range = 2 if full_range else 1
    return frame


def compact(frame: av.VideoFrame, matrix: str = "", full_range: bool = False) -> Item:
    """A private copy of ``frame``: ``("i420", (h*3/2)×w array)`` or ``("bgr", h×w×3 array)``."""
    w, h = frame.width, frame.height
    if frame.format.name == "yuv420p" and w % 2 == 0 and h % 2 == 0:
        out = np.empty(w * h * 3 // 2, dtype=np.uint8)
        q = (w // 2) * (h // 2)
        out[:w * h].reshape(h, w)[:] = _plane(frame, 0, h, w)
        out[w * h:w * h + q].reshape(h // 2, w // 2)[:] = _plane(frame, 1, h // 2, w // 2)
        out[w * h + q:].reshape(h // 2, w // 2)[:] = _plane(frame, 2, h // 2, w // 2)
        return I420, out.reshape(h * 3 // 2, w)
    return BGR, tag(frame, matrix, full_range).to_ndarray(format="bgr24")


def to_bgr(item: Item | av.VideoFrame, matrix: str = "",
           full_range: bool = False) -> np.ndarray:
    """A fresh H×W×3 uint8 BGR array for a compact frame (or a decoded ``av.VideoFrame``).

    Planar 4:2:0 is converted by FFmpeg's own converter with the stream's colour matrix and
    range (``matrix``; BT.601 when not given), so frames match FFmpeg's reference conversion."""
    if isinstance(item, av.VideoFrame):
        # straight from the decoder: one conversion, no intermediate copy — except for frames
        # flagged interlaced, which PyAV's converter upsamples field by field, unlike the same
        # pixels taken from the cache (and unlike FFmpeg's reference conversion)
        if matrix and not item.interlaced_frame:
            return tag(item, matrix, full_range).to_ndarray(format="bgr24")
        item = compact(item, matrix, full_range)
    kind, data = item
    if kind == I420:
        if not matrix:
            return cv2.cvtColor(data, cv2.COLOR_YUV2BGR_I420)
        frame = av.VideoFrame.from_ndarray(data, format="yuv420p")
        frame.colorspace = COLORSPACE.get(matrix, 5)
        frame.color_range = 2 if full_range else 1
        return frame.to_ndarray(format="bgr24")
    return data.copy()


def nbytes(item: Item) -> int:
    return int(item[1].nbytes)
