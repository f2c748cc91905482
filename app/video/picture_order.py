"""Presentation order of streams without timestamps (raw ``.264``/``.m2v``, AVI), read from the
bitstream, so frames can be placed exactly whatever keyframe decoding starts at — open-GOP
I-frames included, not only IDR pictures or closed GOPs.

* H.264: picture order counts from the SPS, PPS and first slice header of each access unit
  (ITU-T H.264 7.3.2.1, 7.3.2.2, 7.3.3, 8.2.1.1). POC type 1 and field pictures are not ordered.
* MPEG-1/2 video: the GOP count and each picture's ``temporal_reference`` (ISO/IEC 13818-2
  6.2.2.6, 6.2.3).

A tracker's ``feed`` returns None for a unit it cannot order; the caller then keeps its
closed-GOP rules.
"""

from __future__ import annotations

from collections.abc import Iterator

import av

from app.video.bits import Bits
from app.video.nal import Framing, framing_of
from app.video.sps import H264Sps, h264_sps


def nal_units(data: bytes, framing: Framing | None = None) -> Iterator[tuple[int, int, bytes]]:
    """``(nal_ref_idc, nal_unit_type, payload)`` of the NALs (``framing``, else guessed)."""
    for unit in (framing or framing_of(data)).units(data):
        yield unit[0] >> 5 & 3, unit[0] & 0x1F, unit[1:]


def poc_msb(lsb: int, prev: tuple[int, int], bits: int) -> int:
    """The picture order count's MSB part from its ``bits``-bit LSB and the previous anchor
    picture's (MSB, LSB): the LSB wrapped forward or back when it jumped half its range
    (H.264 8.2.1.1, H.265 8.3.1)."""
    top, (prev_msb, prev_lsb) = 1 << bits, prev
    if lsb < prev_lsb and prev_lsb - lsb >= top // 2:
        return prev_msb + top
    if lsb > prev_lsb and lsb - prev_lsb > top // 2:
        return prev_msb - top
    return prev_msb


class PocTracker:
    """Feed access units in decode order; get a sort key for presentation order per unit."""

    def __init__(self, framing: Framing | None = None) -> None:
        self.framing = framing       # the stream's (MP4, Matroska), else guessed per packet
        self.sps: dict[int, H264Sps] = {}
        self.pps: dict[int, tuple[int, bool]] = {}
        self.period = 0              # increments at every IDR picture (POC restarts)
        self.prev = (0, 0)           # (PicOrderCntMsb, lsb) of the previous reference picture
        self.count = 0

    def _parse_sps(self, payload: bytes) -> None:
        sps = h264_sps(payload)
        if sps.poc_type != 1:        # POC type 1 is not supported: that SPS stays unknown
            self.sps[sps.sps_id] = sps

    def _parse_pps(self, payload: bytes) -> None:
        b = Bits(payload)
        pps_id, sps_id = b.ue(), b.ue()
        b.u(1)
        self.pps[pps_id] = (sps_id, bool(b.u(1)))

    def feed(self, data: bytes) -> tuple[int, int] | None:
        """``(period, order)`` sorting this access unit into presentation order, or None."""
        try:
            for ref_idc, kind, payload in nal_units(data, self.framing):
                if kind == 7:
                    self._parse_sps(payload)
                elif kind == 8:
                    self._parse_pps(payload)
                elif kind in (1, 5):
                    return self._slice(ref_idc, kind == 5, payload)
        except (IndexError, ValueError, KeyError):
            return None
        return None

    def parameter_sets(self, units: list[bytes]) -> None:
        """Read SPS/PPS units (start-code framed) that the stream keeps out of band."""
        for unit in units:
            for _ref, kind, payload in nal_units(unit):
                if kind == 7:
                    self._parse_sps(payload)
                elif kind == 8:
                    self._parse_pps(payload)

    def _slice(self, ref_idc: int, idr: bool, payload: bytes) -> tuple[int, int] | None:
        b = Bits(payload[:64])
        b.ue()
        b.ue()
        sps_id, _bottom = self.pps[b.ue()]
        sps = self.sps[sps_id]
        if sps.separate:
            b.u(2)
        b.u(sps.frame_bits)
        if not sps.frame_mbs_only and b.u(1):
            return None              # field pictures: two units per frame
        self.count += 1
        if idr:
            b.ue()
            self.period += 1
            self.prev = (0, 0)
        if sps.poc_type == 2:
            return self.period, self.count          # output order is decode order
        lsb = b.u(sps.lsb_bits)
        msb = poc_msb(lsb, self.prev, sps.lsb_bits)
        if ref_idc:
            self.prev = (msb, lsb)
        return self.period, msb + lsb


class Mpeg2Order:
    """``(GOP number, temporal_reference)`` of each MPEG-1/2 picture in decode order."""

    def __init__(self) -> None:
        self.gop = 0

    def feed(self, data: bytes) -> tuple[int, int] | None:
        if data.find(b"\x00\x00\x01\xb8") >= 0:
            self.gop += 1
        i = data.find(b"\x00\x00\x01\x00")
        if i < 0 or i + 6 > len(data):
            return None
        return self.gop, data[i + 4] << 2 | data[i + 5] >> 6


CHANGED = "changed"      # the order of a picture whose bytes were changed: not known


def settle_changed(orders: list, changed: list[bool], has_b_frames: bool
                   ) -> tuple[list, list[bool] | None]:
    """``orders`` with each :data:`CHANGED` one put just after the picture decoded before it
    (exact where frames are shown in decode order), and which packets' pictures then have a
    place that is a guess: ``changed`` ones (a picture lost before them, or changed bytes) in a
    stream that shows frames out of decode order (known orders that do not rise; else, without
    orders, the decoder's reorder delay). None: none."""
    known = [o for o in orders if o is not None and o != CHANGED]
    reordered = any(a > b for a, b in zip(known, known[1:], strict=False)) if known \
        else has_b_frames
    out: list = []
    for order in orders:
        if order == CHANGED:
            period, count = out[-1] if out and out[-1] is not None else (0, -1)
            order = (period, count + 0.5)
        out.append(order)
    return out, (changed if reordered and any(changed) else None)


def order_of(poc: PocTracker | Mpeg2Order | None, head: bytes, pkt: av.Packet,
           framing: Framing | None, nal: bool) -> tuple[int, int] | str | None:
    """A picture's presentation order, or :data:`CHANGED` when its H.264/HEVC bytes were
    changed (``nal``; a damaged packet: what it says of its order is not to be trusted)."""
    order = poc.feed(head) if poc is not None else None
    if order is not None and nal:
        data = bytes(pkt)
        if (framing or framing_of(data)).broken(data):
            return CHANGED
    return order


def tracker_for(codec: str) -> PocTracker | Mpeg2Order | None:
    if codec == "h264":
        return PocTracker()
    if codec in ("mpeg2video", "mpeg1video"):
        return Mpeg2Order()
    return None
