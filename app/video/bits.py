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


class BitWriter:
    """MSB-first bit writer of an H.264 RBSP; :meth:`nal` ends it (``rbsp_trailing_bits``) and
    inserts emulation prevention bytes."""

    def __init__(self) -> None:
        self.value = 0
        self.size = 0

    def u(self, n: int, value: int) -> BitWriter:
        self.value = self.value << n | value & ((1 << n) - 1)
        self.size += n
        return self

    def ue(self, value: int) -> BitWriter:
        code = value + 1
        return self.u(2 * code.bit_length() - 1, code)

    def se(self, value: int) -> BitWriter:
        return self.ue(2 * value - 1 if value > 0 else -2 * value)

    def rbsp(self) -> bytes:
        """The bits written, then the stop bit and zero bits to a byte boundary."""
        pad = -(self.size + 1) % 8
        return ((self.value << 1 | 1) << pad).to_bytes((self.size + 1 + pad) // 8, "big")

    def nal(self, header: bytes) -> bytes:
        """The NAL unit: ``header`` then the escaped RBSP."""
        return header + escaped(self.rbsp())


def escaped(rbsp: bytes) -> bytes:
    """``rbsp`` with emulation prevention bytes, as a NAL unit carries it (H.264 7.4.1)."""
    out, zeros = bytearray(), 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)
