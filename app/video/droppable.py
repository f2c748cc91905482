"""Packets a decoder need not see: when a frame is not wanted, an H.264 packet that holds only
non-reference frame pictures (``nal_ref_idc`` 0: no other picture is predicted from it, ITU-T
H.264 7.4.1) is left out before the decoder instead of being skipped inside it.

The output is the same as with ``skip_frame=NONREF`` (FFmpeg drops such a picture before it
starts it: no ``frame_num``, no picture order count, no reference marking). The time is not:
with frame threads each packet takes a thread's turn, a skipped one too, so a reference chain
fed with its B-frames ran on about one core; left out, it runs on both.

Only what is certain is left out: a packet of non-reference slices of *frame* pictures (a
second field may complete a reference field pair), access unit delimiters, filler data, and
SEI messages that describe only their own picture (buffering period, picture timing, user
data: FFmpeg forgets a packet's SEI at the next packet). Anything else — parameter sets, any
other SEI (a recovery point changes how later pictures are treated), IDR or reference slices,
data partitions, a packet whose NAL units do not frame it exactly, a slice whose parameter
sets are unknown — goes to the decoder as before.
"""

from __future__ import annotations

from app.video.fields import FieldPairs

DELIMITER, FILLER, NON_IDR_SLICE, SEI, SPS, PPS = 9, 12, 1, 6, 7, 8
# buffering period, picture timing, user data registered / unregistered (H.264 Annex D)
OWN_PICTURE_SEI = frozenset({0, 1, 4, 5})


def sei_types(payload: bytes) -> list[int]:
    """payloadType of every message in an SEI NAL unit (header byte removed)."""
    rbsp, types, i = payload.replace(b"\x00\x00\x03", b"\x00\x00"), [], 0
    while i < len(rbsp) and rbsp[i:] != b"\x80":
        fields = []
        for _ in range(2):                  # payloadType, then payloadSize: 0xFF runs + last
            value = 0
            while rbsp[i] == 0xFF:
                value, i = value + 255, i + 1
            fields.append(value + rbsp[i])
            i += 1
        types.append(fields[0])
        i += fields[1]
    if i > len(rbsp):
        raise ValueError("SEI message runs past its NAL unit")
    return types


class NonReferencePackets(FieldPairs):
    """Feed packets in decode order; :meth:`droppable` says whether one can be left out."""

    def __init__(self, extradata: bytes | None = None) -> None:
        super().__init__(extradata)
        self.dropped = 0

    def droppable(self, data: bytes) -> bool:
        if not self.framed(data):
            return False
        slices, keep = 0, False
        try:
            for header, payload in self._units(data):
                kind = header & 0x1F
                if kind in (SPS, PPS):
                    self._parameters(b"\x00\x00\x01" + bytes([header]) + payload)
                    keep = True
                elif kind in (DELIMITER, FILLER):
                    continue
                elif kind == SEI:
                    keep = keep or not OWN_PICTURE_SEI.issuperset(sei_types(payload))
                elif kind != NON_IDR_SLICE or header & 0x60 or self.slice_field(payload)[1] \
                        is not None:
                    keep = True
                else:
                    slices += 1
        except (IndexError, KeyError, ValueError):
            return False
        if keep or not slices:
            return False
        self.dropped += 1
        return True
