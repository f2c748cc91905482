"""Packets a decoder need not see: when a frame is not wanted, a packet that holds only
non-reference pictures is left out before the decoder instead of being skipped inside it.

* H.264: slices with ``nal_ref_idc`` 0 (no other picture is predicted from them, ITU-T H.264
  7.4.1) of *frame* pictures (a second field may complete a reference field pair).
* HEVC: sub-layer non-reference pictures (``TRAIL_N`` … ``RSV_VCL_N14``, H.265 7.4.2.2), the
  NAL types FFmpeg's ``skip_frame=NONREF`` skips.

The output is the same as with ``skip_frame=NONREF``: FFmpeg drops such a picture before it
starts it (no frame number, no picture order count, no reference marking). The time is not:
with frame threads each packet takes a thread's turn, a skipped one too, so a reference chain
fed with its B-frames ran on about one core; left out, it runs on both.

Only what is certain is left out. Besides those slices a packet may hold access unit
delimiters, filler data and SEI messages that describe only their own picture (buffering
period, picture timing, user data, HEVC's decoded picture hash: FFmpeg forgets a packet's SEI
at the next packet). Anything else — parameter sets, any other SEI (a recovery point changes
how later pictures are treated), reference slices, data partitions, a packet whose NAL units
do not frame it exactly, an H.264 slice whose parameter sets are unknown — goes to the decoder
as before.
"""

from __future__ import annotations

from app.video.fields import FieldPairs
from app.video.nal import Framing, sei_messages

H264_DELIMITER, H264_FILLER, H264_SLICE, H264_SEI, H264_SPS, H264_PPS = 9, 12, 1, 6, 7, 8
HEVC_NONREF = frozenset({0, 2, 4, 6, 8, 10, 12, 14})
HEVC_DELIMITER, HEVC_FILLER, HEVC_SEI = 35, 38, (39, 40)
# buffering period, picture timing, user data registered / unregistered, decoded picture hash
OWN_PICTURE_SEI = frozenset({0, 1, 4, 5, 132})


def sei_types(payload: bytes) -> list[int]:
    """payloadType of every message in an SEI NAL unit (header removed)."""
    return [kind for kind, _body in sei_messages(payload)]


SLICE, KEEP = "slice", "keep"     # what a NAL unit says of its packet (None: nothing)


class _Judge(Framing):
    """Feed packets in decode order; :meth:`droppable` says whether one can be left out."""

    dropped = 0

    def droppable(self, data: bytes) -> bool:
        if not self.framed(data):
            return False
        try:
            said = [self._unit(unit) for unit in self.units(data)]   # in order: SPS first
        except (IndexError, KeyError, ValueError):
            return False
        if KEEP in said or SLICE not in said:
            return False
        self.dropped += 1
        return True

    def _unit(self, unit: bytes) -> str | None:
        raise NotImplementedError


def _sei(payload: bytes) -> str | None:
    return None if OWN_PICTURE_SEI.issuperset(sei_types(payload)) else KEEP


class NonReferencePackets(FieldPairs, _Judge):
    """H.264 (parameter sets met on the way are read)."""

    def _unit(self, unit: bytes) -> str | None:
        kind = unit[0] & 0x1F
        if kind in (H264_SPS, H264_PPS):
            self._parameters(b"\x00\x00\x01" + unit)
            return KEEP
        if kind in (H264_DELIMITER, H264_FILLER):
            return None
        if kind == H264_SEI:
            return _sei(unit[1:])
        if kind != H264_SLICE or unit[0] & 0x60 or self.slice_field(unit[1:])[1] is not None:
            return KEEP
        return SLICE


class HevcNonReferencePackets(_Judge):
    """HEVC; the framing comes from an ``hvcC`` record."""

    def __init__(self, extradata: bytes | None = None) -> None:
        record = extradata or b""
        hvcc = len(record) >= 23 and record[0] == 1
        super().__init__((record[21] & 3) + 1 if hvcc else 0)

    def _unit(self, unit: bytes) -> str | None:
        kind = unit[0] >> 1 & 0x3F
        if kind in HEVC_NONREF:
            return SLICE
        if kind in HEVC_SEI:
            return _sei(unit[2:])
        return None if kind in (HEVC_DELIMITER, HEVC_FILLER) else KEEP


Judge = NonReferencePackets | HevcNonReferencePackets


def packet_judge(codec: str, extradata: bytes | None) -> Judge | None:
    """The judge of packets that may be left out for ``codec``, None when there is none."""
    if codec == "h264":
        return NonReferencePackets(extradata)
    if codec == "hevc":
        return HevcNonReferencePackets(extradata)
    return None
