"""PAFF (field-picture interlaced) H.264, written for tests: x264 cannot code field pictures.

x264 codes interlaced video only as MBAFF frames (``interlaced=1``; ``fake-interlaced`` codes
progressive frames flagged as interlaced): every slice it writes has ``field_pic_flag = 0``
(checked with FFmpeg's ``trace_headers``). A real PAFF stream is made here instead from two
progressive half-height streams, one per field, coded by x264 with one reference frame, no
B-frames, CAVLC and no weighted prediction, and re-labelled bit by bit as field pictures
(ITU-T H.264 7.3.2.1.1 SPS, 7.3.3 slice header):

* SPS: ``frame_mbs_only_flag = 0`` (the coded height is now counted in field macroblocks, so
  the size and cropping carry over), ``mb_adaptive_frame_field_flag = 0``, two reference
  frames (a bottom field refers to the previous frame's bottom field while the current top
  field is also held), no VUI.
* every slice: ``field_pic_flag = 1`` and ``bottom_field_flag`` after ``frame_num``; the P
  slices state one active reference explicitly. With one reference the first entry of a
  field's list is the previous field of the same parity (8.2.4.2.5), exactly what each
  half-height stream referred to.
* the bottom field of an IDR frame becomes a non-IDR I field (only one IDR per frame).

Both streams share frame numbers and keyframes (same GOP settings), so each frame's two fields
form a complementary field pair; its picture order count (type 2) is the same for both fields.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.video.bits import Bits
from tests.nal_writer import escaped as escape


class BitReader(Bits):
    """The engine's bit reader over an RBSP already unescaped here (``unescape``)."""

    def __init__(self, rbsp: bytes) -> None:
        self.data, self.pos = rbsp, 0

    def rest(self) -> list[int]:
        """The bits left before the RBSP stop bit (the last 1 bit)."""
        bits = [(self.data[p >> 3] >> (7 - (p & 7))) & 1 for p in range(len(self.data) * 8)]
        end = len(bits) - 1 - bits[::-1].index(1)
        return bits[self.pos:end]


class BitWriter:
    def __init__(self) -> None:
        self.bits: list[int] = []

    def u(self, n: int, value: int) -> None:
        self.bits += [(value >> (n - 1 - k)) & 1 for k in range(n)]

    def ue(self, value: int) -> None:
        n = (value + 1).bit_length()
        self.u(n - 1, 0)
        self.u(n, value + 1)

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def rbsp(self) -> bytes:
        bits = self.bits + [1] + [0] * ((-len(self.bits) - 1) % 8)
        return np.packbits(np.array(bits, dtype=np.uint8)).tobytes()


def unescape(payload: bytes) -> bytes:
    out, zeros = bytearray(), 0
    for b in payload:
        if zeros >= 2 and b == 3:
            zeros = 0
            continue
        out.append(b)
        zeros = zeros + 1 if b == 0 else 0
    return bytes(out)


def nal_units(stream: bytes) -> list[bytes]:
    """NAL units (header byte + payload) of an Annex-B stream."""
    starts, i = [], stream.find(b"\x00\x00\x01")
    while i >= 0:
        starts.append(i + 3)
        i = stream.find(b"\x00\x00\x01", i + 3)
    ends = [s - 3 for s in starts[1:]] + [len(stream)]
    return [stream[s:e].rstrip(b"\x00") if e < len(stream) else stream[s:e]
            for s, e in zip(starts, ends, strict=True)]


def field_sps(nal: bytes) -> tuple[bytes, int]:
    """The SPS rewritten for field coding, and ``log2_max_frame_num``."""
    r, w = BitReader(unescape(nal[1:])), BitWriter()
    profile = r.u(8)
    w.u(8, profile)
    w.u(16, r.u(16))                                     # constraint flags, level
    w.ue(r.ue())                                         # sps id
    if profile in (100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135):
        chroma = r.ue()
        w.ue(chroma)
        if chroma == 3:
            w.u(1, r.u(1))
        w.ue(r.ue())
        w.ue(r.ue())                                     # bit depths
        w.u(1, r.u(1))                                   # transform bypass
        if r.u(1):
            raise ValueError("scaling matrices are not supported here")
        w.u(1, 0)
    log2_frame_num = r.ue() + 4
    w.ue(log2_frame_num - 4)
    poc_type = r.ue()
    if poc_type != 2:
        raise ValueError("only picture order count type 2 (no B-frames) is supported here")
    w.ue(poc_type)
    r.ue()
    w.ue(2)                                              # max_num_ref_frames
    w.u(1, r.u(1))                                       # gaps allowed
    w.ue(r.ue())                                         # width in MBs
    w.ue(r.ue())                                         # height in map units (= field MBs)
    r.u(1)
    w.u(1, 0)                                            # frame_mbs_only_flag
    w.u(1, 0)                                            # mb_adaptive_frame_field_flag
    r.u(1)
    w.u(1, 1)                                            # direct_8x8_inference_flag
    crop = r.u(1)
    w.u(1, crop)
    for _ in range(4 if crop else 0):
        w.ue(r.ue())                                     # same numbers: see module docstring
    w.u(1, 0)                                            # no VUI
    return nal[:1] + escape(w.rbsp()), log2_frame_num


def field_slice(nal: bytes, log2_frame_num: int, bottom: bool) -> bytes:
    """A progressive slice (CAVLC, one reference, no weighted prediction) as a field slice."""
    nal_type, ref_idc = nal[0] & 0x1F, nal[0] >> 5 & 3
    idr_in = nal_type == 5
    idr_out = idr_in and not bottom
    r, w = BitReader(unescape(nal[1:])), BitWriter()
    w.ue(r.ue())                                         # first_mb_in_slice
    slice_type = r.ue()
    w.ue(slice_type)
    w.ue(r.ue())                                         # pps id
    w.u(log2_frame_num, r.u(log2_frame_num))             # frame_num
    w.u(1, 1)                                            # field_pic_flag
    w.u(1, int(bottom))                                  # bottom_field_flag
    if idr_in:
        idr_pic_id = r.ue()
        if idr_out:
            w.ue(idr_pic_id)
    if slice_type % 5 == 0:                              # P: one active reference, stated
        if r.u(1):
            r.ue()
        w.u(1, 1)
        w.ue(0)
        w.u(1, r.u(1))                                   # ref_pic_list_modification_flag
        if w.bits[-1]:
            raise ValueError("reference list modification is not supported here")
    if ref_idc:
        if idr_in:
            no_output, long_term = r.u(1), r.u(1)
            if idr_out:
                w.u(1, no_output)
                w.u(1, long_term)
            else:
                w.u(1, 0)                                # sliding window
        else:
            if r.u(1):
                raise ValueError("memory management operations are not supported here")
            w.u(1, 0)
    w.bits += r.rest()                                   # qp delta, deblocking, slice data
    header = bytes([ref_idc << 5 | (5 if idr_out else 1)])
    return header + escape(w.rbsp())


def weave_paff(top: bytes, bottom: bytes) -> bytes:
    """One PAFF stream from the Annex-B streams of the top and the bottom fields."""
    out: list[bytes] = []
    sps_log2 = 0
    params: list[bytes] = []
    bottoms = [n for n in nal_units(bottom) if n[0] & 0x1F in (1, 5)]
    k = 0
    for nal in nal_units(top):
        kind = nal[0] & 0x1F
        if kind == 7:
            sps, sps_log2 = field_sps(nal)
            params = [sps]
        elif kind == 8:
            params.append(nal)
        elif kind in (1, 5):
            if kind == 5:
                out += params
            out.append(field_slice(nal, sps_log2, False))
            out.append(field_slice(bottoms[k], sps_log2, True))
            k += 1
    return b"".join(b"\x00\x00\x00\x01" + n for n in out)


def x264_field_args(gop: int) -> list[str]:
    return ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-x264-params",
            f"keyint={gop}:min-keyint={gop}:scenecut=0:bframes=0:ref=1:cabac=0:weightp=0:"
            "log-level=error", "-f", "h264"]


def write_paff(frames: list[np.ndarray], out: Path, encode) -> None:
    """Encode ``frames`` (BGR, even height) as PAFF into the raw H.264 file ``out``;
    ``encode(path, field_images)`` codes a list of images with :func:`x264_field_args`."""
    top, bottom = out.with_suffix(".top.264"), out.with_suffix(".bottom.264")
    encode(top, [f[0::2] for f in frames])
    encode(bottom, [f[1::2] for f in frames])
    out.write_bytes(weave_paff(top.read_bytes(), bottom.read_bytes()))
    top.unlink()
    bottom.unlink()


def reordering_sps(nal: bytes, reorder: int = 1) -> bytes:
    """A field SPS from :func:`field_sps` given a VUI that states ``max_num_reorder_frames``
    (E.1.1 ``bitstream_restriction``), as camera encoders write it: demuxers then report frame
    reordering (``has_b_frames``) although the stream, coded without B-frames, has none."""
    bits = BitReader(unescape(nal[1:])).rest()
    if bits[-1] != 0:
        raise ValueError("expected an SPS without VUI (from field_sps)")
    w = BitWriter()
    w.bits = bits[:-1]
    w.u(1, 1)                                            # vui_parameters_present_flag
    w.bits += [0] * 8    # aspect ratio, overscan, signal type, chroma loc, timing, HRDs, pic_struct
    w.u(1, 1)                                            # bitstream_restriction_flag
    w.u(1, 1)                                            # motion vectors over pic boundaries
    w.ue(0)
    w.ue(0)                                              # bytes per picture, bits per MB
    w.ue(16)
    w.ue(16)                                             # log2 max mv length h, v
    w.ue(reorder)                                        # max_num_reorder_frames
    w.ue(max(2, reorder))                                # max_dec_frame_buffering
    return nal[:1] + escape(w.rbsp())


def with_reordering_vui(stream: bytes, reorder: int = 1) -> bytes:
    """A PAFF stream from :func:`weave_paff` whose SPS states frame reordering."""
    return b"".join(b"\x00\x00\x00\x01" + (reordering_sps(n, reorder) if n[0] & 0x1F == 7
                                           else n) for n in nal_units(stream))
