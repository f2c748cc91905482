"""Reading bit fields of video headers (H.264/HEVC parameter sets and slices, MPEG-4 Part 2
layer and picture headers)."""

from __future__ import annotations


class Bits:
    """MSB-first bit reader; over an H.264/HEVC RBSP (``escaped``) its emulation-prevention
    bytes are removed first (MPEG-4 Part 2 headers have none)."""

    def __init__(self, data: bytes, escaped: bool = True) -> None:
        self.data = data.replace(b"\x00\x00\x03", b"\x00\x00") if escaped else data
        self.pos = 0

    def u(self, n: int) -> int:
        value = 0
        for _ in range(n):
            byte = self.data[self.pos >> 3]      # IndexError past the end: caller gives up
            value = value << 1 | (byte >> (7 - (self.pos & 7))) & 1
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("bad exp-Golomb code")
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k & 1 else -(k // 2)
