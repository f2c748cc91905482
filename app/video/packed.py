"""DivX-style packed B-frames (MPEG-4 Part 2, mostly in AVI).

A packed stream stores a P-picture and the B-picture shown before it in one packet and puts a
not-coded placeholder (an N-VOP) in the next. FFmpeg decodes such a stream, but the timestamps
its AVI demuxer guesses assume one picture per packet: the decoder's output order (which is the
true display order, the FFmpeg CLI's) does not follow them. Such streams are demuxed through
FFmpeg's ``mpeg4_unpack_bframes`` filter (one picture per packet, the placeholders gone) to
count and type their pictures (the index, the bitstream triage's picture sizes), and their
frames are placed by counting decoder output. The decoder itself is fed the packets as they are:
it unpacks them on its own, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import av
from av.bitstream import BitStreamFilterContext
from av.video.stream import VideoStream

# the encoder's user data FFmpeg itself reads to know a stream is packed: "DivX503b1393p"
_PACKED_MARK = re.compile(rb"DivX\d+(?:Build|b)\d+p")


def is_packed(codec: str, *headers: bytes | None) -> bool:
    """Whether an MPEG-4 Part 2 stream says it packs B-frames (in its extradata or first
    packet, as FFmpeg's decoder reads it)."""
    return codec == "mpeg4" and any(h and _PACKED_MARK.search(h) for h in headers)


class Unpacker:
    """The packets of one packed stream, one picture each."""

    def __init__(self, stream: VideoStream) -> None:
        self._filter = BitStreamFilterContext("mpeg4_unpack_bframes", stream)

    def packets(self, packets: Iterable[av.Packet]) -> Iterator[av.Packet]:
        """``packets`` (demuxed from a keyframe or the start) unpacked; ends with the filter's
        last held picture when the packets end."""
        self._filter.flush()
        for packet in packets:
            if not packet.size:
                break
            yield from self._filter.filter(packet)
        yield from self._filter.filter(None)
