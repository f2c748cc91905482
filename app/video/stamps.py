"""Containers whose timestamps are only the order frames are stored in.

``ffmpeg -i export.264 -c copy export.mp4``, the usual way to make a raw DVR stream playable,
writes every packet's presentation time equal to its decode time (FFmpeg warns "Timestamps are
unset" and goes on). With B-frames the timestamps then put frames in decode order: the engine
showed a B-frame where the P-frame after it belongs, silently, and refused others. FFmpeg's
decoder itself reorders them. The stream's own picture order (H.264/HEVC picture order counts)
tells the two apart: when it reorders frames that the container's timestamps never reorder, the
timestamps are decode order, and frames are placed by counting, in the stream's picture order.
This is read from the bitstream, not guessed from a header flag: a stream whose encoder chose no
B-frames keeps its timestamps.
"""

from __future__ import annotations

import numpy as np

from app.video.counted import presentation_ranks
from app.video.fields import avcc_units
from app.video.hevc_order import HevcPocTracker, hvcc_units
from app.video.nal import stream_framing
from app.video.picture_order import PocTracker

LOOK = 300      # packets: frames that are reordered at all are reordered within the first GOPs


class StampCheck:
    """Feed a timestamped container's packets in decode order; :attr:`decode_order` says
    whether its timestamps are only decode order for a stream that reorders frames, and
    :attr:`orders` then holds each packet's picture-order key."""

    def __init__(self, codec: str, extradata: bytes | None, reorders: bool) -> None:
        framing = stream_framing(codec, extradata)
        self.tracker: PocTracker | HevcPocTracker | None = None
        if reorders and codec == "h264":
            self.tracker = PocTracker(framing)
            self.tracker.parameter_sets(avcc_units(extradata))   # MP4/Matroska: out of band
        elif reorders and codec == "hevc":
            self.tracker = HevcPocTracker(framing)
            self.tracker.parameter_sets(hvcc_units(extradata))
        self.orders: list = []
        self.last = -(1 << 62)

    def feed(self, pts: int | None, dts: int | None, data: memoryview, key: bool) -> None:
        if self.tracker is None:
            return
        if pts is None or pts != dts or pts <= self.last:   # stamps that reorder: trusted
            self._stop()
            return
        self.last = pts
        self.orders.append(self.tracker.feed(data[:4096 if key else 1024].tobytes()))
        if len(self.orders) == LOOK and not self._reordered():
            self._stop()

    def _stop(self) -> None:
        self.tracker, self.orders = None, []

    def _reordered(self) -> bool:
        if not self.orders or any(o is None for o in self.orders):
            return False
        rank = presentation_ranks(self.orders)
        return bool(np.any(rank != np.arange(rank.size)))

    @property
    def decode_order(self) -> bool:
        return self.tracker is not None and self._reordered()
