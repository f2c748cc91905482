"""What the next slice's header must say, to tell a slice from bytes that only look like one
(an audio chunk of a recording whose index was lost, :mod:`app.video.mdat_walk`).

H.264 ``frame_num``: each picture's is the last reference picture's plus one (modulo 2^bits),
an IDR's is 0, a second field repeats its first field's (only where the SPS allows fields), a
picture's later slices repeat its first slice's. A stream whose SPS allows gaps (temporal
scalability, recorders that drop frames) is not judged.

HEVC: a first slice's type is B, P or I, and its picture order count (its low bits) lies near
the last picture's: decode order leaves output order by no more than the reordering depth.

Nothing is judged before the parameter sets and a first picture are known.
"""

from __future__ import annotations

from app.video.bits import Bits
from app.video.sps import H264Sps, HevcSps, h264_sps, hevc_sps

REORDER = 32     # HEVC: the most a picture's order count moves from the last one's


def slice_start(codec: str, unit: bytes, kind: int) -> tuple[bool, int, Bits] | None:
    """(first slice of its picture, the picture parameter set it names, a reader past that id)
    of a slice of type ``kind`` (``unit``: its first bytes, header included), or None when the
    bytes cannot begin a slice."""
    b = Bits(unit[1:] if codec == "h264" else unit[2:])
    try:
        if codec == "h264":
            first = b.ue() == 0                  # first_mb_in_slice
            if b.ue() > 9:                       # slice_type
                return None
            pps = b.ue()
            return (first, pps, b) if pps <= 255 else None
        first = bool(b.u(1))                     # first_slice_segment_in_pic_flag
        if 16 <= kind <= 23:
            b.u(1)                               # no_output_of_prior_pics_flag
        pps = b.ue()
        return (first, pps, b) if pps <= 63 else None
    except (IndexError, ValueError):
        return None


def pps_id(codec: str, unit: bytes) -> int | None:
    """The id a picture parameter set unit (header included) gives itself."""
    try:
        return Bits(unit[1:9] if codec == "h264" else unit[2:10]).ue()
    except (IndexError, ValueError):
        return None


class H264Order:
    """Feed parameter sets and the slices taken, in order; ask whether a slice fits."""

    def __init__(self) -> None:
        self.sps: dict[int, H264Sps] = {}
        self.pps: dict[int, int] = {}            # PPS id -> SPS id
        self.last_ref: int | None = None         # frame number of the last reference picture
        self.current: int | None = None          # frame number of the picture being read
        self._last: tuple[bytes, tuple[bool, int, H264Sps] | None] | None = None

    def reset(self) -> None:
        """Data was skipped: the pictures after it are not judged by those before."""
        self.last_ref = self.current = None

    def parameter_set(self, unit: bytes) -> None:
        """An SPS or PPS unit (header byte included)."""
        self._last = None
        try:
            if unit[0] & 0x1F == 7:
                sps = h264_sps(unit[1:])
                self.sps[sps.sps_id] = sps
            elif unit[0] & 0x1F == 8:
                b = Bits(unit[1:16])
                pps = b.ue()
                self.pps[pps] = b.ue()
        except (IndexError, ValueError):
            pass

    def _read(self, unit: bytes) -> tuple[bool, int, H264Sps] | None:
        """(first slice of its picture, frame number, SPS) of a slice, None when unknown (the
        last answer is kept: :meth:`fits` and :meth:`took` ask of the same unit in turn)."""
        if self._last is not None and self._last[0] is unit:
            return self._last[1]
        said = self._parse(unit)
        self._last = (unit, said)
        return said

    def _parse(self, unit: bytes) -> tuple[bool, int, H264Sps] | None:
        said = slice_start("h264", unit[:24], unit[0] & 0x1F)
        sps = self.sps.get(self.pps.get(said[1], -1)) if said else None
        if said is None or sps is None:
            return None
        first, _pps, b = said
        try:
            if sps.separate:
                b.u(2)                            # colour_plane_id
            return first, b.u(sps.frame_bits), sps
        except (IndexError, ValueError):
            return None

    def fits(self, unit: bytes) -> bool:
        """False only when the slice's frame number cannot follow the slices taken."""
        said = self._read(unit)
        if said is None or self.last_ref is None or said[2].gaps:
            return True
        first, number, sps = said
        if unit[0] & 0x1F == 5:
            return number == 0
        if not first:
            return number == self.current
        following = (self.last_ref + 1) % (1 << sps.frame_bits)
        return number == following or not sps.frame_mbs_only and number == self.last_ref

    def took(self, unit: bytes) -> None:
        """A slice was taken as part of the video."""
        said = self._read(unit)
        if said is None:
            return
        if said[0]:
            self.current = said[1]
        if unit[0] & 0x60:                        # nal_ref_idc: a reference picture
            self.last_ref = said[1]


class HevcOrder:
    """Feed parameter sets and the slices taken, in order; ask whether a slice fits."""

    def __init__(self) -> None:
        self.sps: dict[int, HevcSps] = {}
        self.pps: dict[int, tuple[int, bool, int]] = {}   # id -> SPS id, output flag, extra bits
        self.last: int | None = None             # order count bits of the last picture

    def reset(self) -> None:
        """Data was skipped: the pictures after it are not judged by those before."""
        self.last = None

    def parameter_set(self, unit: bytes) -> None:
        """An SPS or PPS unit (header bytes included)."""
        try:
            kind = unit[0] >> 1 & 0x3F
            if kind == 33:
                sps = hevc_sps(unit[2:])
                self.sps[sps.sps_id] = sps
            elif kind == 34:
                b = Bits(unit[2:16])
                pps, sps_id = b.ue(), b.ue()
                b.u(1)                            # dependent_slice_segments_enabled_flag
                self.pps[pps] = (sps_id, bool(b.u(1)), b.u(3))
        except (IndexError, ValueError):
            pass

    def _read(self, unit: bytes) -> tuple[int, int | None, HevcSps] | None:
        """(slice type, order count bits or None for an IDR, SPS) of a picture's first slice;
        None when not a first slice or not known."""
        kind = unit[0] >> 1 & 0x3F
        start = slice_start("hevc", unit[:40], kind)
        said = self.pps.get(start[1]) if start and start[0] else None
        sps = self.sps.get(said[0]) if said else None
        if start is None or said is None or sps is None:
            return None
        b = start[2]
        try:
            b.u(said[2])                          # slice_reserved_flag bits
            slice_type = b.ue()
            if said[1]:
                b.u(1)                            # pic_output_flag
            if sps.separate:
                b.u(2)                            # colour_plane_id
            return slice_type, None if kind in (19, 20) else b.u(sps.lsb_bits), sps
        except (IndexError, ValueError):
            return None

    def fits(self, unit: bytes) -> bool:
        """False only when the slice cannot be the next picture's first."""
        said = self._read(unit)
        if said is None:
            return True
        slice_type, order, sps = said
        if slice_type > 2:
            return False
        if order is None or self.last is None:
            return True
        span = 1 << sps.lsb_bits
        moved = (order - self.last) % span
        return min(moved, span - moved) <= min(REORDER, span // 4)

    def took(self, unit: bytes) -> None:
        """A slice was taken as part of the video."""
        said = self._read(unit)
        if said is not None:
            self.last = 0 if said[1] is None else said[1]
