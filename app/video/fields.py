"""Field pictures (PAFF): an interlaced H.264 stream may code each frame as two fields, each
its own packet. The decoder joins a complementary field pair into one frame, so the index
must count the pair once: :class:`FieldPairs` tells, packet by packet in decode order,
whether a packet holds the second field of a pair (ITU-T H.264 7.3.2.1, 7.3.2.2, 7.3.3:
``field_pic_flag``, ``bottom_field_flag``, ``frame_num``; a second field follows the first
with the opposite parity and the same ``frame_num``).

Progressive streams (``frame_mbs_only_flag = 1`` in every SPS) cost one SPS parse: their
packets are not looked into.
"""

from __future__ import annotations

from app.video.bits import Bits
from app.video.nal import Framing, stream_framing
from app.video.sps import h264_sps


def avcc_units(extradata: bytes | None) -> list[bytes]:
    """SPS and PPS units (Annex-B framed) of an ``avcC`` record (MP4, Matroska)."""
    if not extradata or len(extradata) < 7 or extradata[0] != 1:
        return []
    out, i = [], 5
    for part in ("sps", "pps"):
        if i >= len(extradata):
            break
        count = extradata[i] & (0x1F if part == "sps" else 0xFF)
        i += 1
        for _ in range(count):
            size = int.from_bytes(extradata[i:i + 2], "big")
            out.append(b"\x00\x00\x01" + extradata[i + 2:i + 2 + size])
            i += 2 + size
    return out


class FieldPairs(Framing):
    """Feed each packet's leading bytes in decode order; :meth:`second_field` says whether it
    completes a field pair (then it is no frame of its own)."""

    def __init__(self, extradata: bytes | None = None) -> None:
        self.sps: dict[int, tuple[int, bool, bool]] = {}   # id: frame_num bits, fields, planes
        self.pps: dict[int, int] = {}                       # id: sps id
        self.open_field: tuple[int, int] | None = None      # (parity, frame_num) awaiting pair
        self.found = False                                  # any field picture seen
        units = avcc_units(extradata)
        framing = stream_framing("h264", extradata) if units else None   # (see there)
        super().__init__(framing.length_size if framing else 0)
        for unit in units:
            self._parameters(unit)

    @property
    def possible(self) -> bool:
        """False once every known SPS says the stream codes frames only."""
        return not self.sps or any(fields for _bits, fields, _sep in self.sps.values())

    def second_field(self, data: bytes) -> bool:
        try:
            for unit in self.units(data):
                kind = unit[0] & 0x1F
                if kind == 7 or kind == 8:
                    self._parameters(b"\x00\x00\x01" + unit)
                elif kind in (1, 5):
                    return self._slice(unit[1:])
        except (IndexError, KeyError, ValueError):
            self.open_field = None
        return False

    def _parameters(self, unit: bytes) -> None:
        kind, b = unit[3] & 0x1F, Bits(unit[4:])
        if kind == 8:
            pps_id = b.ue()
            self.pps[pps_id] = b.ue()
            return
        sps = h264_sps(unit[4:])
        self.sps[sps.sps_id] = (sps.frame_bits, not sps.frame_mbs_only, sps.separate)

    def slice_field(self, payload: bytes) -> tuple[int, int | None]:
        """``(frame_num, parity)`` of a slice header; parity None for a frame picture."""
        b = Bits(payload[:32])
        b.ue()
        b.ue()
        frame_bits, fields, separate = self.sps[self.pps[b.ue()]]
        if separate:
            b.u(2)
        frame_num = b.u(frame_bits)
        return frame_num, (b.u(1) if fields and b.u(1) else None)

    def _slice(self, payload: bytes) -> bool:
        frame_num, parity = self.slice_field(payload)
        if parity is None:
            self.open_field = None               # a frame picture
            return False
        self.found = True
        first = self.open_field
        if first is not None and first[0] != parity and first[1] == frame_num:
            self.open_field = None
            return True
        self.open_field = (parity, frame_num)
        return False
