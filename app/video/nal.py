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


_AFTER_ZEROS = b"\x00\x02"                  # 00 00 00 and 00 00 02 never occur in a unit
_AFTER_ZEROS_LENGTHS = b"\x00\x01\x02"     # nor 00 00 01 where lengths frame the units
_TRAILING_ZEROS = 4      # more zero bytes end no unit written by an encoder or muxer seen


class Framing:
    """How a stream's packets frame their NAL units: start codes (``length_size`` 0: MPEG-TS,
    raw streams) or a big-endian length of ``length_size`` bytes before each (MP4, Matroska)."""

    def __init__(self, length_size: int = 0) -> None:
        self.length_size = length_size

    def offsets(self, data: bytes) -> Iterator[int]:
        """Where each NAL unit's header byte is, found lazily: a reader of headers stops at the
        unit it wants without walking the rest of the packet."""
        if not self.length_size:
            i = data.find(b"\x00\x00\x01")
            while 0 <= i < len(data) - 3:
                yield i + 3
                i = data.find(b"\x00\x00\x01", i + 3)
            return
        i, n = 0, self.length_size
        while i + n < len(data):
            size = int.from_bytes(data[i:i + n], "big")
            yield i + n
            if size <= 0:
                return
            i += n + size

    def cut_off(self, data: bytes) -> bool:
        """True when a length-prefixed packet's last NAL unit runs past its end (the file
        was cut inside it). Start-code framing has no lengths to check: False."""
        if not self.length_size:
            return False
        i, n = 0, self.length_size
        while i + n <= len(data):
            i += n + int.from_bytes(data[i:i + n], "big")
        return i != len(data)

    def units(self, data: bytes) -> Iterator[bytes]:
        """Each NAL unit of a packet, header included."""
        if not self.length_size:
            starts = []
            i = data.find(b"\x00\x00\x01")
            while i >= 0:
                starts.append(i + 3)
                i = data.find(b"\x00\x00\x01", i + 3)
            for n, s in enumerate(starts):
                end = starts[n + 1] - 3 if n + 1 < len(starts) else len(data)
                if s < end:
                    yield data[s:end]
            return
        i, n = 0, self.length_size
        while i + n < len(data):
            size = int.from_bytes(data[i:i + n], "big")
            if size <= 0:
                return
            yield data[i + n:i + n + size]
            i += n + size

    def broken(self, data: bytes) -> bool:
        """True when ``data`` breaks a rule every encoder and muxer keeps, so bytes in it were
        changed (a zeroed sector, a garbled run): lengths that run past the packet's end or stop
        short of it (but for a few zero bytes), bytes before the first start code, no NAL unit
        at all, a unit holding a byte run that emulation prevention rules out (00 00 00,
        00 00 02; with lengths also 00 00 01), or one ending in more zero bytes than a start
        code leaves (trailing_zero_8bits; a unit's zeroed tail)."""
        runs: bytes
        spans: list[tuple[int, int]] = []           # (start, end) of each unit's bytes
        if self.length_size:
            i, n = 0, self.length_size
            while i + n <= len(data) and (size := int.from_bytes(data[i:i + n], "big")):
                spans.append((i + n, i + n + size))
                i += n + size
            if not spans or i > len(data) or len(data) - i > _TRAILING_ZEROS \
                    or data[i:].strip(b"\x00"):
                return True
            runs = _AFTER_ZEROS_LENGTHS
        else:
            at = data.find(b"\x00\x00\x01")
            if at < 0 or data[:at].strip(b"\x00"):
                return True
            while at >= 0:
                nxt = data.find(b"\x00\x00\x01", at + 3)
                spans.append((at + 3, nxt if nxt >= 0 else len(data)))
                at = nxt
            runs = _AFTER_ZEROS
        for begin, end in spans:
            body = end
            while body > begin and end - body <= _TRAILING_ZEROS and not data[body - 1]:
                body -= 1
            if end - body > _TRAILING_ZEROS:
                return True
            at = data.find(b"\x00\x00", begin, body)
            while at >= 0:                  # (00 00 is rare: emulation prevention writes 03)
                if at + 2 < body and data[at + 2] in runs:
                    return True
                at = data.find(b"\x00\x00", at + 1, body)
        return False

    def framed(self, data: bytes) -> bool:
        """True when ``data`` is NAL units framed as this stream frames them, end to end (the
        lengths of a length-prefixed packet add up to its size exactly)."""
        if not self.length_size:
            return data[:3] == b"\x00\x00\x01" or data[:4] == b"\x00\x00\x00\x01"
        i, n = 0, self.length_size
        while i + n < len(data):
            size = int.from_bytes(data[i:i + n], "big")
            if size <= 0:
                return False
            i += n + size
        return i == len(data)


def framing_of(data: bytes) -> Framing:
    """A packet's framing when the stream does not say: start codes if it begins with one,
    else 4-byte lengths (MP4, Matroska)."""
    annexb = data[:3] == b"\x00\x00\x01" or data[:4] == b"\x00\x00\x00\x01"
    return Framing(0 if annexb else 4)


def stream_framing(codec: str, extradata: bytes | None) -> Framing | None:
    """How a stream frames its NAL units, as its decoder configuration says: an ``avcC`` /
    ``hvcC`` record (MP4, Matroska) means length-prefixed, with the length's size in it. None:
    not said (start codes, or guess per packet). A guess is not enough where it is said: a
    4-byte length of 1 or of 256 to 511 reads as a start code."""
    if not extradata or extradata[0] != 1:
        return None
    if codec == "h264" and len(extradata) >= 7:
        return Framing((extradata[4] & 3) + 1)
    if codec == "hevc" and len(extradata) >= 23:
        return Framing((extradata[21] & 3) + 1)
    return None


def headers(data: bytes, framing: Framing | None = None) -> Iterator[int]:
    """The first header byte of each NAL unit of a packet (``framing``, else guessed), found
    lazily."""
    return (data[i] for i in (framing or framing_of(data)).offsets(data))


def vcl_type(data: bytes, codec: str) -> int | None:
    """NAL unit type of the first picture (VCL) NAL in ``data``, or None if none is found."""
    for header in headers(data):
        if codec == "h264":
            kind = header & 0x1F
            if 1 <= kind <= 5:
                return kind
        else:
            kind = (header >> 1) & 0x3F
            if kind <= 31:
                return kind
    return None


def sei_messages(payload: bytes) -> list[tuple[int, bytes]]:
    """(payloadType, payload) of every message in an SEI NAL unit (header removed)."""
    rbsp, messages, i = payload.replace(b"\x00\x00\x03", b"\x00\x00"), [], 0
    while i < len(rbsp) and rbsp[i:] != b"\x80":
        fields = []
        for _ in range(2):                  # payloadType, then payloadSize: 0xFF runs + last
            value = 0
            while rbsp[i] == 0xFF:
                value, i = value + 255, i + 1
            fields.append(value + rbsp[i])
            i += 1
        messages.append((fields[0], rbsp[i:i + fields[1]]))
        i += fields[1]
    if i > len(rbsp):
        raise ValueError("SEI message runs past its NAL unit")
    return messages
