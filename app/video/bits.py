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
        if n <= 0:
            return 0
        start, stop = self.pos >> 3, (self.pos + n + 7) >> 3
        if stop > len(self.data):
            raise IndexError("read past the end")     # the caller gives up
        chunk = int.from_bytes(self.data[start:stop], "big")
        shift = (stop << 3) - self.pos - n
        self.pos += n
        return chunk >> shift & ((1 << n) - 1)

    def ue(self) -> int:
        zeros, pos, data = 0, self.pos, self.data
        while True:                                     # count the leading zeros a byte at a time
            if pos >> 3 >= len(data):
                raise IndexError("read past the end")
            left = 8 - (pos & 7)
            byte = data[pos >> 3] & ((1 << left) - 1)
            if byte:
                zeros += left - byte.bit_length()
                pos += left - byte.bit_length() + 1     # the zeros and the 1 that ends them
                break
            zeros, pos = zeros + left, pos + left
            if zeros > 31:
                raise ValueError("bad exp-Golomb code")
        if zeros > 31:
            raise ValueError("bad exp-Golomb code")
        self.pos = pos
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k & 1 else -(k // 2)
