"""HEVC presentation order from the bitstream: picture order counts read from the SPS, PPS and
the first slice segment header of each access unit (ITU-T H.265 7.3.2.2, 7.3.2.3, 7.3.6.1,
8.3.1), for streams whose container timestamps do not give it (see :mod:`app.video.stamps`).

A tracker's ``feed`` returns None for a unit it cannot order (the caller then keeps the
container's timestamps).
"""

from __future__ import annotations

from app.video.bits import Bits
from app.video.nal import Framing, framing_of
from app.video.picture_order import poc_msb
from app.video.sps import hevc_sps

VPS, SPS, PPS = 32, 33, 34
IDR = (19, 20)                      # IDR_W_RADL, IDR_N_LP: POC 0, a new period
BLA = (16, 17, 18)                  # (POC MSB 0 as well)
LEADING = (6, 7, 8, 9)              # RADL, RASL


def hvcc_units(extradata: bytes | None) -> list[bytes]:
    """VPS, SPS and PPS units (start-code framed) of an ``hvcC`` record (MP4, Matroska)."""
    if not extradata or len(extradata) < 23 or extradata[0] != 1:
        return []
    out, i = [], 23
    for _ in range(extradata[22]):
        if i + 3 > len(extradata):
            break
        count, i = int.from_bytes(extradata[i + 1:i + 3], "big"), i + 3
        for _ in range(count):
            size = int.from_bytes(extradata[i:i + 2], "big")
            out.append(b"\x00\x00\x01" + extradata[i + 2:i + 2 + size])
            i += 2 + size
    return out


class HevcPocTracker:
    """Feed access units in decode order; get a sort key for presentation order per unit."""

    def __init__(self, framing: Framing | None = None) -> None:
        self.framing = framing
        self.sps: dict[int, tuple[int, bool]] = {}      # id: POC LSB bits, separate planes
        self.pps: dict[int, tuple[int, bool, int]] = {}  # id: sps id, output flag, extra bits
        self.period = 0
        self.prev = (0, 0)           # (PicOrderCntMsb, lsb) of the previous TemporalId-0 picture

    def parameter_sets(self, units: list[bytes]) -> None:
        for unit in units:
            self.feed(unit, framing_of(unit))

    def feed(self, data: bytes, framing: Framing | None = None) -> tuple[int, int] | None:
        """``(period, POC)`` sorting this access unit into presentation order, or None."""
        try:
            for unit in (framing or self.framing or framing_of(data)).units(data):
                kind, tid = unit[0] >> 1 & 0x3F, (unit[1] & 7) - 1
                if kind == SPS:
                    self._parse_sps(unit[2:])
                elif kind == PPS:
                    self._parse_pps(unit[2:])
                elif kind <= 31:
                    return self._slice(kind, tid, unit[2:])
        except (IndexError, ValueError, KeyError):
            return None
        return None

    def _parse_sps(self, payload: bytes) -> None:
        sps = hevc_sps(payload)
        self.sps[sps.sps_id] = (sps.lsb_bits, sps.separate)

    def _parse_pps(self, payload: bytes) -> None:
        b = Bits(payload)
        pps_id, sps_id = b.ue(), b.ue()
        b.u(1)                       # dependent slice segments
        output_flag = bool(b.u(1))
        self.pps[pps_id] = (sps_id, output_flag, b.u(3))

    def _slice(self, kind: int, tid: int, payload: bytes) -> tuple[int, int] | None:
        b = Bits(payload[:128])
        if not b.u(1):               # not the first slice segment of its picture
            return None
        if 16 <= kind <= 23:
            b.u(1)                   # no_output_of_prior_pics_flag
        sps_id, output_flag, extra = self.pps[b.ue()]
        lsb_bits, separate = self.sps[sps_id]
        b.u(extra)                   # slice_reserved_flag bits
        b.ue()                       # slice type
        if output_flag:
            b.u(1)
        if separate:
            b.u(2)
        if kind in IDR:
            self.period += 1
            self.prev = (0, 0)
            self._picture(kind, None, sps_id, (self.period, 0))
            return self.period, 0
        lsb = b.u(lsb_bits)
        if kind in BLA:
            self.period, msb = self.period + 1, 0
        else:
            msb = poc_msb(lsb, self.prev, lsb_bits)
        sub_layer_non_ref = kind <= 14 and kind % 2 == 0
        if tid == 0 and kind not in LEADING and not sub_layer_non_ref:
            self.prev = (msb, lsb)
        self._picture(kind, b, sps_id, (self.period, msb + lsb))
        return self.period, msb + lsb

    def _picture(self, kind: int, b: Bits | None, sps_id: int, key: tuple[int, int]) -> None:
        """Told of each picture's (period, POC); ``b`` reads on after the POC (None: IDR)."""
