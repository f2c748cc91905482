"""Packets built from bytes read off the file (the byte-addressed modes).

FFmpeg's decoders read up to 64 bytes past a packet's end and require them to be zero
(AV_INPUT_BUFFER_PADDING_SIZE). ``av.Packet(data)`` wraps the Python bytes as they are, so
whatever lies after them in memory was read as part of the picture: an MPEG-4 Part 2 stream
with B-frames decoded differently from one process to the next. A packet allocated by FFmpeg
(``av.Packet(size)``) carries zeroed padding; the data is copied into it.
"""

from __future__ import annotations

import av


def padded_packet(data: bytes) -> av.Packet:
    """A packet holding ``data`` followed by FFmpeg's zeroed padding."""
    packet = av.Packet(len(data))
    if data:
        packet.update(data)
    return packet
