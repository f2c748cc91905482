"""H.264 and HEVC sequence parameter sets, read once for every user: picture order fields
(:mod:`app.video.picture_order`, :mod:`app.video.hevc_order`), field coding
(:mod:`app.video.fields`) and the picture size (:mod:`app.video.picture_size`); and the H.264
picture parameter set fields the slice-header reader needs (:mod:`app.video.h264_slices`).

ITU-T H.264 7.3.2.1.1 and H.265 7.3.2.2; the picture size is the cropped one (the conformance
window), as FFmpeg's decoder outputs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.video.bits import Bits

HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}
# chroma_format_idc: (SubWidthC, SubHeightC); 4:0:0 and separate planes crop in luma samples
_SUB = {0: (1, 1), 1: (2, 2), 2: (2, 1), 3: (1, 1)}


@dataclass(frozen=True)
class H264Sps:
    sps_id: int
    separate: bool          # separate_colour_plane_flag (4:4:4 coded as three planes)
    frame_bits: int         # bits of frame_num
    poc_type: int
    lsb_bits: int           # bits of pic_order_cnt_lsb (POC type 0, else 0)
    frame_mbs_only: bool    # False: the stream may code fields (PAFF/MBAFF)
    size: tuple[int, int] | None   # cropped (width, height); None if the SPS is cut short
    gaps: bool = False      # gaps_in_frame_num_value_allowed_flag (frames may be left out)
    chroma: int = 1         # chroma_format_idc
    max_refs: int = 0       # max_num_ref_frames
    mbs: int = 0            # macroblocks of a frame (frames only; the map units of fields)


@dataclass(frozen=True)
class H264Pps:
    """The fields of an H.264 picture parameter set a slice header's reader needs."""

    pps_id: int
    sps_id: int
    cabac: bool             # entropy_coding_mode_flag
    bottom_poc: bool        # bottom_field_pic_order_in_frame_present_flag
    slice_groups: int       # num_slice_groups_minus1 + 1
    l0: int                 # num_ref_idx_l0_default_active_minus1 + 1
    l1: int
    weighted: bool          # weighted_pred_flag
    bipred: int             # weighted_bipred_idc
    deblocking: bool        # deblocking_filter_control_present_flag
    redundant: bool         # redundant_pic_cnt_present_flag


@dataclass(frozen=True)
class HevcSps:
    sps_id: int
    separate: bool
    lsb_bits: int
    size: tuple[int, int]
    sub_layers: int = 0     # sps_max_sub_layers_minus1


def _skip_scaling_lists(b: Bits, count: int) -> None:
    for i in range(count):
        if b.u(1):
            last = nxt = 8
            for _ in range(16 if i < 6 else 64):
                if nxt:
                    nxt = (last + b.se() + 256) % 256
                last = nxt or last


def _cropped(width: int, height: int, crop: list[int], unit_x: int, unit_y: int
             ) -> tuple[int, int]:
    left, right, top, bottom = crop
    return width - unit_x * (left + right), height - unit_y * (top + bottom)


def h264_sps(payload: bytes) -> H264Sps:
    """Parse an H.264 SPS (the payload after the NAL header byte). IndexError/ValueError when
    it cannot be read up to ``frame_mbs_only_flag``."""
    b = Bits(payload)
    profile = b.u(8)
    b.u(16)
    sps_id = b.ue()
    chroma, separate = 1, False
    if profile in HIGH_PROFILES:
        chroma = b.ue()
        if chroma == 3:
            separate = bool(b.u(1))
        b.ue()
        b.ue()                       # bit depths
        b.u(1)
        if b.u(1):
            _skip_scaling_lists(b, 12 if chroma == 3 else 8)
    frame_bits = b.ue() + 4
    poc_type = b.ue()
    lsb_bits = 0
    if poc_type == 0:
        lsb_bits = b.ue() + 4
    elif poc_type == 1:
        b.u(1)
        b.se()
        b.se()
        for _ in range(b.ue()):
            b.se()
    max_refs = b.ue()
    gaps = bool(b.u(1))
    mbs_wide, map_units = b.ue() + 1, b.ue() + 1
    frame_mbs_only = bool(b.u(1))
    size = None
    try:
        if not frame_mbs_only:
            b.u(1)                   # mb_adaptive_frame_field_flag
        b.u(1)                       # direct_8x8_inference_flag
        crop = [b.ue() for _ in range(4)] if b.u(1) else [0, 0, 0, 0]
        fields = 1 if frame_mbs_only else 2
        sub_x, sub_y = _SUB[0 if separate else chroma]
        size = _cropped(mbs_wide * 16, fields * map_units * 16, crop, sub_x, fields * sub_y)
    except (IndexError, ValueError, KeyError):
        pass
    return H264Sps(sps_id, separate, frame_bits, poc_type, lsb_bits, frame_mbs_only, size, gaps,
                   chroma, max_refs, mbs_wide * map_units)


def h264_pps(payload: bytes) -> H264Pps:
    """Parse an H.264 PPS (the payload after the NAL header byte) up to
    ``redundant_pic_cnt_present_flag``; IndexError/ValueError when it is cut short."""
    b = Bits(payload)
    pps_id, sps_id, cabac, bottom_poc = b.ue(), b.ue(), bool(b.u(1)), bool(b.u(1))
    groups = b.ue() + 1
    if groups > 1:
        return H264Pps(pps_id, sps_id, cabac, bottom_poc, groups, 0, 0, False, 0, False, False)
    l0, l1 = b.ue() + 1, b.ue() + 1
    weighted, bipred = bool(b.u(1)), b.u(2)
    b.se()
    b.se()
    b.se()                           # initial QP, QS, chroma QP offset
    deblocking = bool(b.u(1))
    b.u(1)                           # constrained_intra_pred_flag
    return H264Pps(pps_id, sps_id, cabac, bottom_poc, groups, l0, l1, weighted, bipred,
                   deblocking, bool(b.u(1)))


def skip_profile_tier_level(b: Bits, sub_layers: int) -> None:
    b.u(32)
    b.u(32)
    b.u(32)                          # general profile, flags and level: 96 bits
    present = [(b.u(1), b.u(1)) for _ in range(sub_layers)]
    if sub_layers:
        b.u(2 * (8 - sub_layers))
    for profile, level in present:
        if profile:
            b.u(32)
            b.u(32)
            b.u(24)                  # sub-layer profile: 88 bits
        if level:
            b.u(8)


def hevc_sps(payload: bytes) -> HevcSps:
    """Parse an HEVC SPS (the payload after the two-byte NAL header) up to the POC LSB width."""
    return read_hevc_sps(Bits(payload))


def read_hevc_sps(b: Bits) -> HevcSps:
    """:func:`hevc_sps` from a reader, left just after ``log2_max_pic_order_cnt_lsb_minus4``
    (the reference picture sets follow, :mod:`app.video.hevc_refs`)."""
    b.u(4)
    sub_layers = b.u(3)
    b.u(1)
    skip_profile_tier_level(b, sub_layers)
    sps_id = b.ue()
    chroma = b.ue()
    separate = chroma == 3 and bool(b.u(1))
    width, height = b.ue(), b.ue()
    crop = [b.ue() for _ in range(4)] if b.u(1) else [0, 0, 0, 0]   # conformance window
    sub_x, sub_y = _SUB[0 if separate else chroma]
    b.ue()
    b.ue()                           # bit depths
    return HevcSps(sps_id, separate, b.ue() + 4, _cropped(width, height, crop, sub_x, sub_y),
                   sub_layers)
