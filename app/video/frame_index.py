"""FrameIndex: where every frame of one video stream is and how to reach it (the data only).

Built by :mod:`app.video.index` (timed containers, :mod:`app.video.streams` for byte-addressed
transport/program streams) and :mod:`app.video.counted` (streams placed by counting); persisted
as ``.npz`` so a clip opened again opens at once.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

import numpy as np

INDEX_VERSION = 25
# one demuxed packet in decode order: (pts, dts, is keyframe, byte position or -1)
Row = tuple[int | None, int | None, bool, int]
_EMPTY = np.zeros(0, dtype=np.int64)
ARRAYS = ("ticks", "seconds", "key_index", "key_seek", "pkt_pos", "pkt_size", "pkt_dts",
          "key_lead", "pkt_pts", "key_pkt", "key_sync", "segments", "size_runs", "unsure")
META = ("mode", "container", "codec", "width", "height", "pix_fmt", "fps", "file_size",
        "bit_rate", "sample_aspect", "start_time", "truncated", "warnings", "seek_by", "prefix",
        "rotation", "matrix", "full_range", "segment_clock", "unpack", "stream_id", "stream_no",
        "unmarked_keys", "cut_frame", "in_order")


def empty() -> np.ndarray:
    return _EMPTY.copy()


def no_runs() -> np.ndarray:
    return np.zeros((0, 3), dtype=np.int64)


def no_spans() -> np.ndarray:
    return np.zeros((0, 2), dtype=np.int64)


def leading_frames(pts: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """For each keyframe packet (``keys``: mask over packets in decode order), how many of the
    packets after it, up to the next keyframe, are shown before it (open-GOP leading frames)."""
    group = np.cumsum(keys) - 1           # the keyframe each packet follows
    after = np.flatnonzero(group >= 0)
    shown_before = pts[after] < pts[keys][group[after]]
    return np.bincount(group[after][shown_before], minlength=int(keys.sum())).astype(np.int64)


@dataclass
class FrameIndex:
    """Everything needed to find and verify any frame of one video stream.

    ``seek_by`` says how a keyframe is reached: ``"ts"`` — the container seeks by timestamp
    (``key_seek`` holds pts); ``"pos"`` — demuxing restarts at a byte position (``key_seek``
    holds file offsets; ``prefix`` bytes from the file start are put in front so the demuxer
    sees the stream tables) and every packet's timestamp is taken from ``pkt_pts``, looked up by
    its file position (``pkt_pos``): that is how joined recordings whose clocks restart keep one
    timeline. ``segments`` are the first frames of each recording in the file.
    """

    mode: str
    container: str
    codec: str
    width: int
    height: int
    pix_fmt: str
    fps: float
    time_base: Fraction
    ticks: np.ndarray          # int64, presentation order (pts ticks; frame numbers in bytes mode)
    seconds: np.ndarray        # float64, seconds from the first frame
    key_index: np.ndarray      # int64, presentation index of each keyframe (ascending)
    key_seek: np.ndarray       # int64, seek target of each keyframe (pts, or byte offset)
    pkt_pos: np.ndarray        # int64, bytes/pos modes: file offset of each packet (decode order)
    pkt_size: np.ndarray       # int64, bytes mode: size of each packet
    pkt_dts: np.ndarray        # int64, count mode: dts of each packet (decode order)
    key_lead: np.ndarray       # int64, frames shown before each keyframe that are decoded after it
    file_size: int
    bit_rate: int = 0
    sample_aspect: float = 1.0  # pixel width / height (anamorphic DVR exports); 1.0 = square
    start_time: str | None = None
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)
    pkt_pts: np.ndarray = field(default_factory=empty)   # pos seeking: timeline pts per packet
    key_pkt: np.ndarray = field(default_factory=empty)   # pos seeking: decode no. of each key
    key_sync: np.ndarray = field(default_factory=empty)  # pos seeking: first packet to trust
    segments: np.ndarray = field(default_factory=empty)  # first frame of each recording
    # camera clock (ISO, no zone; "" unknown) at each recording's first frame, when the
    # container writes one per frame (Dahua DAV date field)
    segment_clock: list[str] = field(default_factory=list)
    seek_by: str = "ts"
    prefix: int = 0
    rotation: int = 0          # counter-clockwise degrees to turn a decoded frame upright
    matrix: str = ""           # colour matrix of the stream ("bt709", "bt601", ... or "")
    full_range: bool = False
    unpack: bool = False       # packed B-frames: counted through mpeg4_unpack_bframes
    stream_id: int = -1        # the video stream shown (app.video.tracks): its container id
    stream_no: int = -1        # and its number in the file
    unmarked_keys: bool = False  # H.264 I-pictures entered without a recovery-point SEI
    in_order: bool = False     # pts mode: packets come in presentation order (no B-frames)
    cut_frame: int = -1        # a cut copy's last picture, maybe in part (start codes say not)
    # (first frame, width, height) of each run of one picture size, when the size changes
    # mid-file (app.video.picture_size); empty: every frame is width × height
    size_runs: np.ndarray = field(default_factory=no_runs)
    # [first, last] frames the index cannot vouch for (damage in a stream shown out of decode
    # order: where a lost or changed picture belonged is a guess): reported damaged
    unsure: np.ndarray = field(default_factory=no_spans)

    @property
    def frame_count(self) -> int:
        return int(self.ticks.size)

    @property
    def frame_count_packets(self) -> int:
        """Packets to feed in bytes mode (may exceed frames when the tail does not decode)."""
        return int(self.pkt_pos.size) if self.mode != "pts" else self.frame_count

    def unsure_frames(self) -> set[int]:
        return {i for first, last in self.unsure.tolist() for i in range(first, last + 1)}

    @property
    def segment_starts(self) -> list[int]:
        return [int(s) for s in self.segments] if self.segments.size else [0]

    def key_slot(self, i: int) -> int:
        """Position in the keyframe arrays of the last keyframe at or before frame ``i``."""
        return max(0, int(np.searchsorted(self.key_index, i, side="right")) - 1)

    def gop_end(self, slot: int) -> int:
        """Last frame index of the GOP starting at keyframe ``slot``."""
        nxt = slot + 1
        return int(self.key_index[nxt]) - 1 if nxt < self.key_index.size else self.frame_count - 1

    def size_at(self, i: int) -> tuple[int, int]:
        """Stored (width, height) of frame ``i``."""
        if not self.size_runs.size:
            return self.width, self.height
        run = self.size_runs[max(0, int(np.searchsorted(self.size_runs[:, 0], i, "right")) - 1)]
        return int(run[1]), int(run[2])

    def runs_between(self, first: int, last: int) -> list[tuple[int, int, int]]:
        """``(first frame, width, height)`` of each size run that frames first..last fall in
        (the first starts at ``first``)."""
        starts = [first] + [int(r[0]) for r in self.size_runs if first < r[0] <= last]
        return [(s, *self.size_at(s)) for s in starts]

    def row_after(self, row: int, where: int | None) -> int:
        """Byte-addressed streams demuxed again: the row (``pkt_pos``) of the packet that
        follows row ``row`` and lies at byte ``where``. A packet without a position of its own
        (pictures split out of one PES share it) is the next row; one elsewhere is found by its
        position; -1 when no row lies there (or none is known yet)."""
        pos = self.pkt_pos
        if where is None or where < 0:
            return row + 1 if row >= 0 else -1
        if row + 1 < pos.size and int(pos[row + 1]) == where:
            return row + 1
        j = int(np.searchsorted(pos, where))
        return j if j < pos.size and int(pos[j]) == where else -1

    def index_of_ticks(self, ticks: int) -> int | None:
        j = int(np.searchsorted(self.ticks, ticks))
        return j if j < self.ticks.size and int(self.ticks[j]) == ticks else None

    def without_frame(self, i: int) -> FrameIndex:
        """A copy in which frame ``i`` (no keyframe) is no frame: its packet is still fed to
        the decoder, and what comes out for its timestamp is not placed. Frames after it move
        down one, with the keyframes, recordings and picture-size runs that start after it."""
        def later(a: np.ndarray) -> np.ndarray:
            return np.where(a > i, a - 1, a)

        runs = self.size_runs.copy()
        if runs.size:
            runs[:, 0] = later(runs[:, 0])
        return replace(self, ticks=np.delete(self.ticks, i), seconds=np.delete(self.seconds, i),
                       key_index=later(self.key_index), segments=later(self.segments),
                       size_runs=runs, unsure=later(self.unsure), cut_frame=-1)

    # --- persistence -------------------------------------------------------------------------
    def save(self, target: Path) -> None:
        meta = {k: getattr(self, k) for k in META}
        meta["time_base"] = [self.time_base.numerator, self.time_base.denominator]
        meta["version"] = INDEX_VERSION
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, meta=np.array(json.dumps(meta)), **{k: getattr(self, k) for k in ARRAYS})
        os.replace(tmp, target)

    @classmethod
    def load(cls, source: Path) -> FrameIndex | None:
        try:
            with np.load(source, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.pop("version", None) != INDEX_VERSION:
                    return None
                tb = meta.pop("time_base")
                arrays = {k: data[k] for k in ARRAYS}
            return cls(time_base=Fraction(*tb), **meta, **arrays)
        except (OSError, ValueError, KeyError, TypeError):
            return None


def without_hidden(pts: np.ndarray, seek: np.ndarray, keys: np.ndarray,
                   shown: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Drop the packets that are no frame. A hidden keyframe (a trimmed clip's edit list starts
    after it) hands its part to the first frame shown of its GOP, which is entered by seeking
    to the keyframe itself."""
    keys, seek = keys.copy(), seek.copy()
    starts = np.flatnonzero(keys)
    for at, end in zip(starts, [*starts[1:], keys.size][:starts.size], strict=True):
        group = np.arange(at, end)[shown[at:end]]
        if not shown[at] and group.size:
            first = group[np.argmin(pts[group])]
            keys[first], seek[first] = True, seek[at]
    return pts[shown], seek[shown], keys[shown]


def untimed_leading(rows: list[Row]) -> list[Row]:
    """A muxer that cannot store a timestamp before the first frame's (Matroska) writes the
    first keyframe's leading frames without one: the B-frames of an open GOP that an export
    starts at. They are timed just before the keyframe, where they are shown; like every frame
    shown before the first keyframe they are then left out (no decoder shows them). Leading
    frames come right after their keyframe in decode order; a later packet is not guessed."""
    first = next((n for n, r in enumerate(rows) if r[2]), None)
    if first is None or rows[first][0] is None:
        return rows
    key_pts, rows, n = int(rows[first][0] or 0), list(rows), first + 1
    while n < len(rows) and not rows[n][2] and rows[n][0] is None and rows[n][1] is None:
        rows[n] = (key_pts - n + first, None, False, rows[n][3])
        n += 1
    return rows
