"""H.264 pictures as the reference-list rules see them: each packet's slice headers read up to
the end of ``dec_ref_pic_marking`` (ITU-T H.264 7.3.3, 7.3.3.1-7.3.3.3, 7.3.4 and 8.2.1).

Only what :mod:`app.video.h264_lists` can follow exactly is read; anything else raises
:class:`Unfollowed` and the caller does without: field pictures, separate colour planes,
picture order type 1, slice groups, redundant or SP/SI slices, data partitions, long-term
references and memory operations other than "unmark one short-term picture".
"""

from __future__ import annotations

from dataclasses import dataclass

from app.video.bits import Bits
from app.video.fields import avcc_units
from app.video.nal import Framing, stream_framing
from app.video.sps import H264Pps, H264Sps, h264_pps, h264_sps

P, B, INTRA = 0, 1, 2              # slice_type % 5 (3 SP, 4 SI)
IDR, SLICE, SPS, PPS = 5, 1, 7, 8


class Unfollowed(Exception):
    """The stream uses a feature the list rules here do not follow."""


@dataclass(frozen=True)
class Slice:
    kind: int                   # P, B or I
    active: tuple[int, int]     # num_ref_idx_l0/l1_active (0 where the list is unused)
    changes: tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]  # (idc, value)


@dataclass
class Picture:
    """One coded frame: what its slices say of references, and the fields a stand-in copies."""

    ref: int                    # nal_ref_idc
    idr: bool
    frame_num: int
    poc_lsb: int
    poc_bottom: int             # delta_pic_order_cnt_bottom
    unmark: tuple[int, ...] | None   # MMCO 1 difference_of_pic_nums_minus1; None: sliding
    slices: list[Slice]
    sps: H264Sps
    pps: H264Pps
    poc: int = 0                # PicOrderCnt, set by :func:`app.video.h264_lists.order`


def _changes(b: Bits) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    if b.u(1):                                      # ref_pic_list_modification_flag
        while (idc := b.ue()) != 3:                 # (garbage runs into the header's end)
            if idc > 1:
                raise Unfollowed("long-term reference in a list change")
            out.append((idc, b.ue()))
    return tuple(out)


def _skip_weights(b: Bits, sps: H264Sps, active: tuple[int, int], lists: int) -> None:
    b.ue()                                          # luma_log2_weight_denom
    chroma = sps.chroma != 0 and not sps.separate
    if chroma:
        b.ue()
    for n in range(lists):
        for _ in range(active[n]):
            if b.u(1):
                b.se()
                b.se()
            if chroma and b.u(1):
                for _ in range(4):
                    b.se()


def _marking(b: Bits, idr: bool) -> tuple[int, ...] | None:
    if idr:
        b.u(1)                                      # no_output_of_prior_pics_flag
        if b.u(1):
            raise Unfollowed("long-term IDR picture")
        return None
    if not b.u(1):                                  # adaptive_ref_pic_marking_mode_flag
        return None
    out: list[int] = []
    while (op := b.ue()) != 0:
        if op != 1:
            raise Unfollowed(f"memory management operation {op}")
        out.append(b.ue())
    return tuple(out)


class Pictures(Framing):
    """Feed packets in decode order (parameter sets are read on the way); :meth:`picture`
    reads the picture a packet holds."""

    def __init__(self, extradata: bytes | None) -> None:
        framing = stream_framing("h264", extradata)
        super().__init__(framing.length_size if framing else 0)
        self.sps: dict[int, H264Sps] = {}
        self.pps: dict[int, H264Pps] = {}
        for unit in avcc_units(extradata):
            self.parameter_set(unit[3:])

    def parameter_set(self, unit: bytes) -> None:
        try:
            if unit[0] & 0x1F == SPS:
                sps = h264_sps(unit[1:])
                self.sps[sps.sps_id] = sps
            elif unit[0] & 0x1F == PPS:
                pps = h264_pps(unit[1:])
                self.pps[pps.pps_id] = pps
        except (IndexError, ValueError):
            raise Unfollowed("a parameter set cannot be read") from None

    def picture(self, data: bytes, *, unreferenced: bool = True) -> Picture | None:
        """The picture in packet ``data`` (None: it holds none, or only slices of a
        non-reference picture and not ``unreferenced``); Unfollowed when it cannot be followed,
        or holds more than one picture."""
        units = list(self.units(data))
        if not unreferenced and not any(u[0] & 0x60 for u in units if u[0] & 0x1F in (SLICE, IDR)):
            units = [u for u in units if u[0] & 0x1F in (SPS, PPS)]
        pic: Picture | None = None
        for unit in units:
            kind = unit[0] & 0x1F
            if kind in (SPS, PPS):
                self.parameter_set(unit)
            elif kind in (SLICE, IDR):
                try:
                    pic = self._slice(unit, pic)
                except (IndexError, ValueError, KeyError):
                    raise Unfollowed("a slice header cannot be read") from None
            elif 2 <= kind <= 4 or kind >= 14:
                raise Unfollowed(f"NAL unit type {kind}")
        return pic

    def _slice(self, unit: bytes, pic: Picture | None) -> Picture:
        b = Bits(unit[1:256])
        first, kind = b.ue() == 0, b.ue() % 5
        pps = self.pps[b.ue()]
        sps = self.sps[pps.sps_id]
        if kind > INTRA or sps.separate or not sps.frame_mbs_only or sps.poc_type == 1 \
                or pps.slice_groups > 1 or sps.gaps:
            raise Unfollowed("slice or stream kind")
        idr, ref = unit[0] & 0x1F == IDR, unit[0] >> 5 & 3
        frame_num = b.u(sps.frame_bits)
        if idr:
            b.ue()                                  # idr_pic_id
        lsb = bottom = 0
        if sps.poc_type == 0:
            lsb = b.u(sps.lsb_bits)
            bottom = b.se() if pps.bottom_poc else 0
        if pps.redundant and b.ue():
            raise Unfollowed("redundant slice")
        if kind == B:
            b.u(1)                                  # direct_spatial_mv_pred_flag
        lists = {P: 1, B: 2, INTRA: 0}[kind]
        active = (pps.l0 if lists else 0, pps.l1 if lists == 2 else 0)
        if lists and b.u(1):                        # num_ref_idx_active_override_flag
            active = (b.ue() + 1, b.ue() + 1 if lists == 2 else 0)
        changes = tuple(_changes(b) if n < lists else () for n in range(2))
        if pps.weighted and kind == P or pps.bipred == 1 and kind == B:
            _skip_weights(b, sps, active, lists)
        unmark = _marking(b, idr) if ref else None
        got = Slice(kind, active, changes)          # type: ignore[arg-type]
        if pic is None:
            if not first:
                raise Unfollowed("a picture's first slice is missing")
            return Picture(ref, idr, frame_num, lsb, bottom, unmark, [got], sps, pps)
        if first or (ref, idr, frame_num, lsb, bottom, unmark) != (
                pic.ref, pic.idr, pic.frame_num, pic.poc_lsb, pic.poc_bottom, pic.unmark):
            raise Unfollowed("two pictures in one packet")
        pic.slices.append(got)
        return pic
