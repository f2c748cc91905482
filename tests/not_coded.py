"""MPEG-4 Part 2 streams with not-coded pictures (N-VOPs), as DivX/Xvid-era DVRs write them for a
frame they drop: the picture's header with ``vop_coded = 0`` and nothing else.

Written here from the standard's header layout (ISO/IEC 14496-2, 6.2.5), independently of the
engine's reader: each chosen picture is replaced by a not-coded copy of its own header, so the
VOP clock stays as the encoder wrote it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import av

VOP = b"\x00\x00\x01\xb6"


def not_coded_copy(data: bytes, time_bits: int) -> bytes:
    """The packet ``data`` (one picture) as a not-coded picture with the same header."""
    at = data.find(VOP)
    bits = "".join(format(b, "08b") for b in data[at + 4:at + 24])
    n = 2                                   # vop_coding_type
    while bits[n] == "1":                   # modulo_time_base ...
        n += 1
    n += 1 + 1 + time_bits + 1              # ... its closing 0, marker, time increment, marker
    head = bits[:n] + "0"                   # vop_coded = 0
    head += "0" + "1" * ((-len(head) - 1) % 8)   # next_start_code() stuffing
    return data[:at + 4] + int(head, 2).to_bytes(len(head) // 8, "big")


def vop_type(data: bytes) -> int:
    at = data.find(VOP)
    return data[at + 4] >> 6


def drop_pictures(src: Path, out: Path, time_bits: int,
                  pick: Callable[[int, int, bytes], bool]) -> int:
    """Copy the AVI ``src`` to ``out`` with every packet ``pick(n, pts, data)`` chooses (decode
    order ``n``) replaced by its not-coded copy; returns how many were replaced."""
    replaced = 0
    with av.open(str(src)) as inp, av.open(str(out), "w", format="avi") as dst:
        template = inp.streams.video[0]
        stream = dst.add_stream_from_template(template)
        for n, packet in enumerate(p for p in inp.demux(template) if p.size):
            data = bytes(packet)
            if pick(n, int(packet.pts if packet.pts is not None else -1), data):
                copy = av.Packet(not_coded_copy(data, time_bits))
                copy.pts, copy.dts, copy.time_base = packet.pts, packet.dts, packet.time_base
                packet, replaced = copy, replaced + 1
            packet.stream = stream
            dst.mux(packet)
    return replaced
