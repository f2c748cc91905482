"""H.264/HEVC units written bit by bit, for tests of what reads them (app.video.mdat_walk,
slice_order, lost_index): parameter sets and slice headers as short as the readers need, padded
with bytes that hold no zero (so nothing that reads as a unit length starts in them)."""

from __future__ import annotations

from app.video import bits
from app.video.bits import escaped

FILL = b"\xa5"


class BitWriter(bits.BitWriter):
    def done(self) -> bytes:
        return self.rbsp()


def h264_sps(frame_bits: int = 4, fields: bool = False, gaps: bool = False) -> bytes:
    b = BitWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(frame_bits - 4).ue(0).ue(0).ue(1)
    b.u(1, gaps).ue(19).ue(14).u(1, not fields)
    if fields:
        b.u(1, 0)
    return b"\x67" + b.u(1, 1).u(1, 0).u(1, 0).done()


def h264_pps(pps: int = 0) -> bytes:
    return b"\x68" + BitWriter().ue(pps).ue(0).u(1, 0).done()


def h264_slice(number: int, *, idr: bool = False, ref: bool = True, first: bool = True,
               pps: int = 0, frame_bits: int = 4, pad: int = 30) -> bytes:
    header = 0x65 if idr else (0x41 if ref else 0x01)
    b = BitWriter().ue(0 if first else 7).ue(7 if idr else 5).ue(pps).u(frame_bits, number)
    return bytes([header]) + b.done() + FILL * pad


def framed(*units: bytes) -> bytes:
    return b"".join(len(u).to_bytes(4, "big") + u for u in units)


def hevc_sps() -> bytes:
    b = BitWriter().u(4, 0).u(3, 0).u(1, 1)
    b.u(2, 0).u(1, 0).u(5, 1).u(32, 0).u(48, 0).u(8, 93)     # profile_tier_level
    b.ue(0).ue(1).ue(320).ue(240).u(1, 0).ue(0).ue(0).ue(4)  # id, 4:2:0, size, depths, lsb 8
    return b"\x42\x01" + b.done()


def hevc_pps(extra: int = 0, output: bool = False) -> bytes:
    return b"\x44\x01" + BitWriter().ue(0).ue(0).u(1, 0).u(1, output).u(3, extra).done()


def hevc_slice(order: int | None, slice_type: int = 1, extra: int = 0, output: bool = False
               ) -> bytes:
    head = b"\x26\x01" if order is None else b"\x02\x01"
    b = BitWriter().u(1, 1)
    if order is None:
        b.u(1, 0)
    b.ue(0).u(extra, 0).ue(slice_type)
    if output:
        b.u(1, 1)
    if order is not None:
        b.u(8, order)
    return head + b.done() + FILL * 20


def hevc_ref_set(b: BitWriter, before: list[tuple[int, bool]], after: list[tuple[int, bool]],
                 idx: int) -> None:
    """An explicitly coded ``st_ref_pic_set(idx)``: (delta POC, used) nearest first."""
    if idx:
        b.u(1, 0)                               # inter_ref_pic_set_prediction_flag
    b.ue(len(before)).ue(len(after))
    for side in (before, after):
        last = 0
        for delta, used in side:
            b.ue(abs(delta - last) - 1).u(1, used)
            last = delta


def hevc_sps_sets(write_sets, count: int, *, long_term: bool = False,
                  all_layers: bool = True) -> bytes:
    """An SPS carrying ``count`` reference picture sets (``write_sets(b)`` codes them), with
    sub-layer ordering info (``all_layers``: for each of its two sub-layers, else the top
    one's only), scaling lists and PCM on, so every field before the sets is crossed."""
    b = BitWriter().u(4, 0).u(3, 1).u(1, 1)                   # two sub-layers
    b.u(2, 0).u(1, 0).u(5, 1).u(32, 0).u(48, 0).u(8, 93)      # general profile_tier_level
    b.u(1, 0).u(1, 0).u(2 * 7, 0)                             # sub-layer flags, alignment
    b.ue(0).ue(1).ue(320).ue(240).u(1, 0).ue(0).ue(0).ue(4)   # id, 4:2:0, size, depths, lsb 8
    b.u(1, all_layers)
    for _ in range(2 if all_layers else 1):
        b.ue(2).ue(0).ue(0)                                   # ordering, per sub-layer
    b.ue(0).ue(1).ue(0).ue(3).ue(0).ue(0)                     # block sizes, depths
    b.u(1, 1).u(1, 1)                                         # scaling lists, sent
    for size in range(4):
        for matrix in range(0, 6, 3 if size == 3 else 1):
            if matrix == 1:
                b.u(1, 1)                                     # coded: dc + deltas
                if size > 1:
                    b.se(-3)
                for n in range(min(64, 1 << (4 + (size << 1)))):
                    b.se(n % 3 - 1)
            else:
                b.u(1, 0).ue(0)                               # copied
    b.u(1, 1).u(1, 1).u(1, 1).u(4, 7).u(4, 7).ue(0).ue(1).u(1, 0)   # amp, sao, pcm
    b.ue(count)
    write_sets(b)
    b.u(1, long_term)
    if long_term:
        b.ue(0)
    b.u(1, 1).u(1, 0)                                         # temporal mvp, strong smoothing
    return b"\x42\x01" + escaped(b.done())


def hevc_trail(poc: int, *, sps_set: int | None = None, sets: int = 0,
               own: tuple[list[tuple[int, bool]], list[tuple[int, bool]]] | None = None
               ) -> bytes:
    """A TRAIL_R picture's first slice header (POC LSB 8 bits) using the SPS's set
    ``sps_set`` (of ``sets``) or coding ``own`` (before, after) itself."""
    b = BitWriter().u(1, 1).ue(0).ue(1).u(8, poc % 256)
    if sps_set is not None:
        b.u(1, 1).u((sets - 1).bit_length() if sets > 1 else 0, sps_set)
    else:
        b.u(1, 0)
        assert own is not None
        hevc_ref_set(b, *own, idx=sets)
    return b"\x02\x01" + escaped(b.done()) + FILL * 20


def hevc_idr() -> bytes:
    return b"\x26\x01" + BitWriter().u(1, 1).u(1, 0).ue(0).ue(2).done() + FILL * 20
