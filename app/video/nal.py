"""Just enough H.264/HEVC bitstream reading to tell where decoding may start exactly.

A raw stream without timestamps is placed by counting decoder output, which is only exact from
access points whose following frames all decode: H.264 IDR pictures, HEVC IDR pictures, and HEVC
CRA/BLA pictures once their RASL leading pictures (dropped when decoding starts there) are
counted.
"""

from __future__ import annotations

from collections.abc import Iterator

H264_IDR = 5
HEVC_IDR = (19, 20)
HEVC_CRA_BLA = (16, 17, 18, 21)
HEVC_RASL = (8, 9)
HEVC_LEADING = (6, 7, 8, 9)


def _annexb_nals(data: bytes) -> Iterator[int]:
    i = data.find(b"\x00\x00\x01")
    while 0 <= i < len(data) - 3:
        yield data[i + 3]
        i = data.find(b"\x00\x00\x01", i + 3)


def _length_prefixed_nals(data: bytes) -> Iterator[int]:
    i = 0
    while i + 4 < len(data):
        size = int.from_bytes(data[i:i + 4], "big")
        yield data[i + 4]
        if size <= 0:
            return
        i += 4 + size


def vcl_type(data: bytes, codec: str) -> int | None:
    """NAL unit type of the first picture (VCL) NAL in ``data``, or None if none is found."""
    annexb = data[:3] == b"\x00\x00\x01" or data[:4] == b"\x00\x00\x00\x01"
    for header in (_annexb_nals(data) if annexb else _length_prefixed_nals(data)):
        if codec == "h264":
            kind = header & 0x1F
            if 1 <= kind <= 5:
                return kind
        else:
            kind = (header >> 1) & 0x3F
            if kind <= 31:
                return kind
    return None
