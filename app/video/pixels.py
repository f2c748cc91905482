"""Compact copies of decoded frames and their conversion to BGR.

Cached frames are copied out of the decoder's buffer pool (so the pool stays small and the
cache's byte count is the real memory): planar 4:2:0 as one I420 array (1.5 bytes/pixel),
anything else as BGR. :func:`to_bgr` is the only conversion used for display and export, so a
frame looks the same whichever path produced it.
"""

from __future__ import annotations

import threading

import av
import cv2
import numpy as np
from av.video.reformatter import VideoReformatter

from app.video.memory import mapped_array

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


_local = threading.local()


def bgr24(frame: av.VideoFrame) -> np.ndarray:
    """``frame`` (tagged) as BGR through one converter per thread: FFmpeg's scaler context is
    built once and reused, not set up anew for every frame as ``to_ndarray`` does. One scaler
    thread: a conversion split over threads waits for the slowest, and on a busy machine one
    of them is often not scheduled for a whole time slice (a 0.6 ms step took 5 ms)."""
    reformatter = getattr(_local, "reformatter", None)
    if reformatter is None:
        reformatter = _local.reformatter = VideoReformatter()
    return reformatter.reformat(frame, format="bgr24", threads=1).to_ndarray()


def compact(frame: av.VideoFrame, matrix: str = "", full_range: bool = False,
            keep: bool = True) -> Item:
    """A private copy of ``frame``: ``("i420", (h*3/2)×w array)`` or ``("bgr", h×w×3 array)``,
    in memory of its own (see :mod:`app.video.memory`); on the heap with ``keep=False`` (a
    passing step of a conversion)."""
    w, h = frame.width, frame.height
    if planar420(frame):
        out = mapped_array((w * h * 3 // 2,)) if keep else np.empty(w * h * 3 // 2, np.uint8)
        q = (w // 2) * (h // 2)
        out[:w * h].reshape(h, w)[:] = _plane(frame, 0, h, w)
        out[w * h:w * h + q].reshape(h // 2, w // 2)[:] = _plane(frame, 1, h // 2, w // 2)
        out[w * h + q:].reshape(h // 2, w // 2)[:] = _plane(frame, 2, h // 2, w // 2)
        return I420, out.reshape(h * 3 // 2, w)
    bgr = bgr24(tag(frame, matrix, full_range))
    return (BGR, bgr) if not keep else kept_bgr(bgr)


def planar420(frame: av.VideoFrame) -> bool:
    """Whether ``frame`` is cached as I420 (else as BGR)."""
    return kept_as_i420(frame.format.name, frame.width, frame.height)


def kept_as_i420(pix_fmt: str, width: int, height: int) -> bool:
    """Whether frames of this format and size are cached as I420, a plain copy (else converted
    to BGR)."""
    return pix_fmt == "yuv420p" and width % 2 == 0 and height % 2 == 0


def kept_bgr(image: np.ndarray) -> Item:
    """A BGR picture as a cache item: a copy in memory of its own."""
    kept = mapped_array(image.shape)
    kept[:] = image
    return BGR, kept


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
            return bgr24(tag(item, matrix, full_range))
        item = compact(item, matrix, full_range, keep=False)
    kind, data = item
    if kind == I420:
        if not matrix:
            return cv2.cvtColor(data, cv2.COLOR_YUV2BGR_I420)
        # no copy where PyAV can: its from_numpy_buffer takes whole 4-row groups only (a
        # 270-row picture came back 268 rows high), so other heights are copied
        h = data.shape[0] * 2 // 3
        frame = (av.VideoFrame.from_numpy_buffer(data, format="yuv420p") if h % 4 == 0
                 else av.VideoFrame.from_ndarray(data, format="yuv420p"))
        frame.colorspace = COLORSPACE.get(matrix, 5)
        frame.color_range = 2 if full_range else 1
        return bgr24(frame)
    return data.copy()


# np.rot90's k (quarter turns counter-clockwise) as OpenCV's rotation codes
_TURNS = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}


def turned(image: np.ndarray, rotation: int) -> np.ndarray:
    """``image`` turned ``rotation`` degrees counter-clockwise (a multiple of 90), in one pass
    (a strided copy of a rotated view costs ten times as much on HD frames)."""
    turns = rotation // 90 % 4
    return cv2.rotate(image, _TURNS[turns]) if turns else image


def nbytes(item: Item) -> int:
    return int(item[1].nbytes)
