"""Pictures of more than one size in one file, found while indexing (no decoding).

A DVR export that spans a change of the camera's settings holds pictures of two sizes: the
installer lowered the resolution, the recorder fell back to the sub-stream while the main stream
was down, two channels were joined into one file. FFmpeg decodes each picture at its own size;
the stream header states only the first. The size comes from the parameter set a keyframe
carries in band (H.264/HEVC SPS, MPEG-1/2 sequence header, MPEG-4 layer header); a keyframe
without one keeps the size before it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from app.i18n import _
from app.video.frame_index import FrameIndex
from app.video.nal import Framing, framing_of
from app.video.sps import h264_sps, hevc_sps
from app.video.vop import layer_header

SEQUENCE_HEADER = b"\x00\x00\x01\xb3"


@lru_cache(maxsize=32)
def _sps_size(codec: str, unit: bytes) -> tuple[int, int] | None:
    """(A keyframe repeats its stream's few parameter sets: each is parsed once.)"""
    return h264_sps(unit[1:]).size if codec == "h264" else hevc_sps(unit[2:]).size


def _nal_sizes(codec: str, head: bytes, framing: Framing | None) -> list[tuple[int, int] | None]:
    kind = (lambda u: u[0] & 0x1F == 7) if codec == "h264" else (lambda u: u[0] >> 1 & 0x3F == 33)
    return [_sps_size(codec, bytes(u)) for u in (framing or framing_of(head)).units(head)
            if kind(u)]


def size_in(codec: str, head: bytes, framing: Framing | None = None) -> tuple[int, int] | None:
    """The picture size stated by the parameter sets at the start of a keyframe packet; None
    when it states none, or states sizes that disagree (which one applies is not told here)."""
    try:
        if codec in ("h264", "hevc"):
            sizes = set(_nal_sizes(codec, head, framing))
        elif codec in ("mpeg1video", "mpeg2video"):
            at = head.find(SEQUENCE_HEADER)
            if at < 0 or at + 7 > len(head):
                return None
            b = head[at + 4:at + 7]
            sizes = {(b[0] << 4 | b[1] >> 4, (b[1] & 0x0F) << 8 | b[2])}
        elif codec == "mpeg4":
            vol = layer_header(head)
            sizes = {vol[1]} if vol else set()
        else:
            return None
    except (IndexError, ValueError, KeyError):
        return None
    size = sizes.pop() if len(sizes) == 1 else None
    return size if size is not None and min(size) > 0 else None


class SizeWatch:
    """Fed the keyframe packets in decode order while indexing; :meth:`runs` then tells where in
    presentation order the picture size changes."""

    def __init__(self) -> None:
        self.codec = ""
        self.framing: Framing | None = None
        self.size = (0, 0)
        self.changes: list[tuple[int, int | None, int, tuple[int, int]]] = []  # row, pts, pos

    def start(self, codec: str, framing: Framing | None, width: int, height: int) -> None:
        self.codec, self.framing, self.size = codec, framing, (width, height)
        self.first = self.size

    def feed(self, row: int, head: bytes, pts: int | None, pos: int | None) -> None:
        """A keyframe packet: its number among the index rows, leading bytes, pts and position."""
        size = size_in(self.codec, head, self.framing)
        if size is not None and size != self.size:
            self.changes.append((row, pts, -1 if pos is None else pos, size))
            self.size = size

    def runs(self, index: FrameIndex) -> np.ndarray:
        """``(first frame, width, height)`` rows, one per size run; empty when the size never
        changes."""
        if not self.changes:
            return np.zeros((0, 3), dtype=np.int64)
        out = [(0, *self.first)]
        for row, pts, pos, size in self.changes:
            frame = _frame_of(index, row, pts, pos)
            if frame is None or frame >= index.frame_count:
                continue
            while out and out[-1][0] >= frame:
                out.pop()
            out.append((frame, *size))
        merged = [r for n, r in enumerate(out) if n == 0 or r[1:] != out[n - 1][1:]]
        return np.array(merged if len(merged) > 1 else [], dtype=np.int64).reshape(-1, 3)


def _frame_of(index: FrameIndex, row: int, pts: int | None, pos: int) -> int | None:
    """The first frame a keyframe row (decode order, as demuxed) begins, in each index mode."""
    if index.seek_by == "pos":      # key_pkt: the row numbers of the keyframes entered
        slot = int(np.searchsorted(index.key_pkt, row))
    elif index.mode == "pts":       # frames sorted by pts: the first at or after the keyframe's
        return int(np.searchsorted(index.ticks, pts)) if pts is not None else None
    else:                           # counted: packets from the first keyframe, found by position
        if pos < 0:
            return None
        slot = int(np.searchsorted(index.key_seek, np.searchsorted(index.pkt_pos, pos)))
    return int(index.key_index[slot]) if slot < index.key_index.size else None


def size_note(runs: np.ndarray, listed: int = 4) -> str:
    """The warning an officer reads when a file holds pictures of more than one size."""
    parts = [_("{w}×{h} from frame {n}", w=int(w), h=int(h), n=int(n)) for n, w, h in runs]
    if len(parts) > listed:
        parts = parts[:listed] + [_("{n} changes in all", n=len(runs) - 1)]
    return _("the picture size changes within the file ({sizes}); every frame is shown at its "
             "own size, and a clip across a change is exported at the largest size with the "
             "smaller pictures centred, not scaled", sizes=", ".join(parts))
