"""H.264 recovery points: where a decoder that starts at a keyframe shows its first frame.

A stream coded with periodic intra refresh (low-latency cameras, body-worn and dashboard
cameras) has one IDR picture, at its start. Its later keyframes are recovery points: a
recovery-point SEI says the picture is whole ``recovery_frame_cnt`` reference pictures later
(the intra column has swept across it). FFmpeg, starting at such a keyframe, shows nothing until
the reference picture whose ``frame_num`` is the keyframe's plus that count, then every frame
shown after it (ITU-T H.264 D.2.8; libavcodec ``h264_select_output_frame``: once the recovered
picture is output, so is every later one; B-frames decoded after it but shown before are not).
The frames in between are reached from the keyframe before; the index makes each keyframe stand
for the first frame it really shows.
"""

from __future__ import annotations

import numpy as np

from app.video.bits import Bits
from app.video.nal import Framing, framing_of, sei_messages

H264_SEI, H264_IDR, RECOVERY_POINT = 6, 5, 6
NEVER = -1


def recovery_count(head: bytes, framing: Framing | None = None) -> int:
    """``recovery_frame_cnt`` of the recovery-point SEI before the first picture of an H.264
    packet (its first bytes; ``framing``: the stream's, else guessed), or 0: none, an IDR
    picture, or unreadable."""
    for unit in (framing or framing_of(head)).units(head):
        if not unit:
            continue
        kind = unit[0] & 0x1F
        if kind == H264_IDR or 1 <= kind <= 4:
            return 0
        if kind != H264_SEI:
            continue
        try:
            for payload_type, body in sei_messages(unit[1:]):
                if payload_type == RECOVERY_POINT:
                    return Bits(body, escaped=False).ue()
        except (IndexError, ValueError):
            return 0
    return 0


def is_reference(head: bytes, framing: Framing | None = None) -> bool:
    """Whether an H.264 packet's first picture is a reference picture (nal_ref_idc > 0)."""
    for unit in (framing or framing_of(head)).units(head):
        if unit and 1 <= unit[0] & 0x1F <= 5:
            return bool(unit[0] & 0x60)
    return True


class Refresh:
    """Collects, per packet in decode order, the recovery count of keyframes and whether each
    packet after the first recovery point is a reference picture."""

    def __init__(self, framing: Framing | None = None) -> None:
        self.framing = framing       # the stream's (MP4, Matroska), else guessed per packet
        self.counts: list[int] = []
        self.refs: list[bool] = []
        self.seen = False

    def feed(self, data: memoryview, key: bool) -> None:
        count = recovery_count(data[:4096].tobytes(), self.framing) if key else 0
        self.seen = self.seen or count > 0
        self.counts.append(count)
        self.refs.append(is_reference(data[:1024].tobytes(), self.framing) if self.seen
                         else True)

    def place(self, keys: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """:func:`usable` for the keyframe packets in ``keys`` (None: no recovery point)."""
        shown = self.shown_from(keys)
        return None if shown is None else usable(shown, rank)

    def shown_from(self, keys: np.ndarray) -> np.ndarray | None:
        """For each keyframe packet (``keys``: mask in decode order), the packet of the first
        frame shown when decoding starts there (``NEVER``: the stream ends first); None when
        the stream has no recovery point or the packets do not line up."""
        if not self.seen or len(self.counts) != keys.size:
            return None
        return first_shown(keys, np.array(self.counts), np.array(self.refs, dtype=bool))


def first_shown(keys: np.ndarray, counts: np.ndarray, refs: np.ndarray) -> np.ndarray:
    """See :meth:`Refresh.shown_from`: the recovered picture, shown first, is the
    ``count``-th reference picture after the keyframe."""
    at = np.flatnonzero(keys)
    out = at.copy()
    ref_no = np.cumsum(refs)             # reference pictures up to and including each packet
    for j, k in enumerate(at):
        if counts[k] <= 0:
            continue
        p = int(np.searchsorted(ref_no, ref_no[k] + counts[k]))
        if p >= refs.size:
            out[j] = NEVER
            continue
        out[j] = p
    return out


def usable(shown: np.ndarray, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each keyframe's first frame shown (presentation index, from the packet ``shown`` and
    the packets' ``rank``) and the mask of keyframes worth entering: one that never recovers,
    or whose first frame is not before every later one's, would never be chosen."""
    first = np.where(shown >= 0, rank[np.maximum(shown, 0)], -1)
    first = np.where(first >= 0, first, np.iinfo(np.int64).max)
    keep = np.zeros(first.size, dtype=bool)
    best = np.iinfo(np.int64).max
    for j in range(first.size - 1, -1, -1):
        if first[j] < best:
            keep[j], best = True, first[j]
    return first, keep


def ranked_points(keys: list[int], rank: np.ndarray, refresh: Refresh | None,
                  skip: int = 0) -> tuple[list[int], np.ndarray]:
    """Access points of a stream placed by picture order (``rank``: presentation index of each
    packet, the first ``skip`` packets of the stream cut off): the keyframe packets worth
    entering, ordered by the first frame each shows, and those frames."""
    shown = None
    if refresh is not None and refresh.seen and len(refresh.counts) == rank.size + skip:
        mask = np.zeros(rank.size, dtype=bool)
        mask[keys] = True
        shown = first_shown(mask, np.array(refresh.counts[skip:]),
                            np.array(refresh.refs[skip:], dtype=bool))
    if shown is None:
        shown = np.array(keys, dtype=np.int64)
    first, kept = usable(shown, rank)
    pairs = sorted((int(f), d) for f, d, k in zip(first, keys, kept, strict=True) if k)
    return [d for _f, d in pairs], np.array([f for f, _d in pairs], dtype=np.int64)
