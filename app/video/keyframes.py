"""Keyframe flags checked against the picture itself.

A container's keyframe flag is what its writer claimed. Some claim every picture: an MP4 with
no sync-sample table (``stss``: then every sample counts as one), an AVI whose index marks every
chunk. FFmpeg's parser corrects the flag for H.264 but not for HEVC or MPEG-4 Part 2, and the
index entered decoding at P-pictures: every frame refused. A flagged picture that its own
header says is not a random-access picture is no keyframe here.
"""

from __future__ import annotations

from collections.abc import Callable

from app.video.bits import Bits
from app.video.nal import Framing, framing_of, sei_messages
from app.video.recovery import RECOVERY_POINT
from app.video.vop import I_VOP, vop_type

_H264_SEI = 6
_PICTURE = b"\x00\x00\x01\x00"           # MPEG-1/2 picture start code
_TWO_BITS = ("msmpeg4v2", "msmpeg4", "wmv1")  # FFmpeg's msmpeg4 picture header
I_SLICE, ALL_I = 2, 7       # H.264 slice_type: this slice is I; all the picture's slices are
Whole = Callable[[], bytes] | None      # the whole packet, read only when it is needed


def slice_start(unit: bytes) -> tuple[int, int]:
    """``first_mb_in_slice`` and ``slice_type`` of an H.264 slice NAL unit (header byte
    included); ``slice_type % 5 == 2``: an I-slice."""
    bits = Bits(unit[1:16])
    return bits.ue(), bits.ue()


def intra_slices(unit: bytes, framing: Framing | None, whole: Callable[[], bytes]) -> bool:
    """Whether the picture whose first slice is ``unit`` is all I-slices: its slice type says
    so for the picture (7), or, when it speaks only for itself (2), every slice of the packet
    (``whole()``) is one. A picture that starts with an I-slice may go on with P-slices."""
    kind = slice_start(unit)[1]
    if kind != I_SLICE:
        return kind == ALL_I
    data = whole()
    return all(slice_start(u)[1] % 5 == I_SLICE
               for u in (framing or framing_of(data)).units(data) if u and u[0] & 0x1F in (1, 2))


def _h264(head: bytes, framing: Framing | None, whole: Whole) -> bool | None:
    """An IDR picture, an I-picture, or a picture after a recovery-point SEI (intra refresh)."""
    for unit in (framing or framing_of(head)).units(head):
        if not unit:
            continue
        kind = unit[0] & 0x1F
        if kind == 5:
            return True
        if kind == _H264_SEI and any(t == RECOVERY_POINT for t, _ in sei_messages(unit[1:])):
            return True
        if 1 <= kind <= 4:
            return intra_slices(unit, framing, whole or (lambda: head))
    return None


def _hevc(head: bytes, framing: Framing | None) -> bool | None:
    """An IRAP picture (BLA, IDR, CRA: NAL unit types 16 to 23)."""
    for unit in (framing or framing_of(head)).units(head):
        if unit:
            kind = unit[0] >> 1 & 0x3F
            if kind < 32:
                return 16 <= kind <= 23
    return None


def _mpeg12(head: bytes) -> bool | None:
    at = head.find(_PICTURE)
    if at < 0 or at + 6 > len(head):
        return None
    return (head[at + 5] >> 3 & 7) == 1


def is_random_access(codec: str, head: bytes, framing: Framing | None = None,
                     whole: Whole = None) -> bool | None:
    """Whether a packet flagged as a keyframe (its first bytes, ``head``; ``whole()``: all of
    it) holds a picture a decoder can start at; None: not a codec read here, or the header
    could not be read."""
    try:
        if codec == "h264":
            return _h264(head, framing, whole)
        if codec == "hevc":
            return _hevc(head, framing)
        if codec == "mpeg4":
            kind = vop_type(head)
            return None if kind is None else kind == I_VOP
        if codec in ("mpeg1video", "mpeg2video"):
            return _mpeg12(head)
        if codec in _TWO_BITS and head:      # picture type: 2 bits, I = 0 (DivX 3, WMV 7)
            return head[0] >> 6 == 0
        if codec == "wmv2" and head:         # 1 bit (WMV 8)
            return head[0] >> 7 == 0
    except (IndexError, ValueError):
        return None
    return None
