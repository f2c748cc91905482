"""MPEG-4 Part 2 picture headers (VOPs): a picture's coding type, and whether it is coded.

A *not-coded* picture (an N-VOP, ``vop_coded = 0``) says "nothing changed": DivX and Xvid
encoders write one for a frame they drop or repeat, and DVRs keep their constant-rate AVI
timing with them. FFmpeg's decoder gives no frame for it (nor does the FFmpeg CLI's framemd5 or
OpenCV's sequential read), so it is no frame of the clip: the frame after it keeps its own
timestamp. It is still fed to the decoder, whose clock (the B-frames' direct-mode motion scaling)
counts it. Telling one needs the width of the VOP time field, set by the layer header (VOL).
"""

from __future__ import annotations

from app.video.bits import Bits

VOP = b"\x00\x00\x01\xb6"
I_VOP, P_VOP, B_VOP, S_VOP = 0, 1, 2, 3
NOT_CODED = -1     # the picture type given a not-coded picture: it yields no frame
_VOL_CODES = tuple(b"\x00\x00\x01" + bytes([c]) for c in range(0x20, 0x30))
_EXTENDED_PAR, _RECTANGULAR, _GRAYSCALE = 15, 0, 3
_VBV_BITS = 79   # bit rate, buffer size and occupancy with their marker bits


def vop_type(data: bytes) -> int | None:
    """Coding type of the first picture (VOP) in ``data``: I, P, B or S; None if there is none."""
    at = data.find(VOP)
    return data[at + 4] >> 6 if 0 <= at < len(data) - 4 else None


def time_bits(data: bytes) -> int | None:
    """Width in bits of ``vop_time_increment`` from the first layer header (VOL) in ``data``
    (ISO/IEC 14496-2, 6.2.3); None when there is none or it cannot be read."""
    vol = layer_header(data)
    return vol[0] if vol else None


def layer_header(data: bytes) -> tuple[int, tuple[int, int] | None] | None:
    """``(time field bits, (width, height))`` of the first layer header (VOL) in ``data``; the
    size is None for a layer that is not rectangular or cut short; None when no VOL reads."""
    starts = [at for at in (data.find(code) for code in _VOL_CODES) if at >= 0]
    if not starts:
        return None
    bits = Bits(data[min(starts) + 4:], escaped=False)
    try:
        bits.u(1 + 8)                          # random_accessible_vol, object type
        verid = 1
        if bits.u(1):                          # is_object_layer_identifier
            verid = bits.u(4)
            bits.u(3)
        if bits.u(4) == _EXTENDED_PAR:
            bits.u(16)
        if bits.u(1):                          # vol_control_parameters
            bits.u(3)                          # chroma_format, low_delay
            if bits.u(1):
                bits.u(_VBV_BITS)
        shape = bits.u(2)
        if shape == _GRAYSCALE and verid != 1:
            bits.u(4)
        if not bits.u(1):                      # marker
            return None
        resolution = bits.u(16)
    except IndexError:
        return None
    if not resolution:
        return None
    width = max(1, (resolution - 1).bit_length())
    return width, _layer_size(bits, width) if shape == _RECTANGULAR else None


def _layer_size(bits: Bits, time_width: int) -> tuple[int, int] | None:
    try:
        bits.u(1)                              # marker
        if bits.u(1):                          # fixed_vop_rate
            bits.u(time_width)
        bits.u(1)
        width = bits.u(13)
        bits.u(1)
        return width, bits.u(13)
    except IndexError:
        return None


class NotCoded:
    """Tells not-coded pictures of one stream, learning the time field's width from its
    layer header (in the extradata, or in band before a picture)."""

    def __init__(self, extradata: bytes | None = None) -> None:
        self._bits = time_bits(extradata) if extradata else None

    def __call__(self, data: bytes) -> bool:
        """Whether the packet ``data`` holds a not-coded picture (unknown: False)."""
        at = data.find(VOP)
        if at < 0:
            return False
        if any(code in data[:at] for code in _VOL_CODES):
            self._bits = time_bits(data) or self._bits
        if self._bits is None:
            return False
        bits = Bits(data[at + 4:], escaped=False)
        try:
            bits.u(2)                          # coding type
            while bits.u(1):                   # modulo_time_base: seconds elapsed
                pass
            if not bits.u(1):                  # marker
                return False
            bits.u(self._bits)
            if not bits.u(1):                  # marker
                return False
            return not bits.u(1)               # vop_coded
        except IndexError:
            return False
