"""H.264 I-pictures that nothing marks as a keyframe: an open-GOP stream (non-IDR I-pictures,
B-frames) whose encoder writes no recovery-point SEI, as some DVR encoder chips do.

In a transport or program stream, or a raw ``.264``, FFmpeg's parser marks a picture as a
keyframe when it is an IDR picture or follows a recovery-point SEI (or, without B-frames, is
any I-picture). Here it marks only the first: the file looked like one GOP, and every read
decoded from frame 0. The index enters there, like at a recovery point with ``recovery_frame_cnt`` 0, and the
decoder is told so: FFmpeg started at an unmarked I-picture guesses that it may show it, but
then drops the second and fourth frame after it; the first packet it is fed is the picture
with a recovery-point SEI (count 0) put in front of it (:func:`with_recovery_point`; in memory
only, the file is never changed).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import av

from app.video.keyframes import Whole, intra_slices, slice_start
from app.video.nal import Framing, framing_of
from app.video.packet import padded_packet
from app.video.tracks import main_packets

H264_SLICE, H264_IDR = 1, 5
LONG_RUN = 300                      # packets without a keyframe that make us look
# SEI NAL (type 6) · payload 6 (recovery point), 1 byte: recovery_frame_cnt ue(v) 0, exact
# match 0, broken link 0, changing_slice_group_idc 0 (bits 1 0 0 00, then the stop bit 1)
RECOVERY_SEI = b"\x06\x06\x01\x84\x80"


def is_intra_picture(head: bytes, framing: Framing | None = None, whole: Whole = None) -> bool:
    """Whether an H.264 packet's first picture is a non-IDR picture of I-slices only
    (:func:`app.video.keyframes.intra_slices`) whose first slice starts it
    (``first_mb_in_slice`` 0)."""
    for unit in (framing or framing_of(head)).units(head):
        if not unit:
            continue
        kind = unit[0] & 0x1F
        if kind == H264_IDR:
            return False
        if kind == H264_SLICE:
            try:
                return slice_start(unit)[0] == 0 and intra_slices(unit, framing,
                                                                  whole or (lambda: head))
            except (IndexError, ValueError):
                return False
    return False


def needs_look(keys: list[bool]) -> bool:
    """Whether the keyframes are so far apart that some may be unmarked: a run without one
    longer than ``LONG_RUN`` packets or than half the file (a second pass over a short file
    costs little)."""
    run, longest = 0, 0
    for key in keys:
        run = 0 if key else run + 1
        longest = max(longest, run)
    return longest > min(LONG_RUN, len(keys) // 2)


def unmarked_intra(path: Path, stream_no: int, framing: Framing | None) -> list[int]:
    """Numbers (decode order, packets with data) of the unmarked I-pictures: a second pass
    over the file, made only when :func:`needs_look` says so."""
    return [n for n, packet in enumerate(main_packets(path, stream_no))
            if not packet.is_keyframe
            and is_intra_picture(bytes(memoryview(packet)[:256]), framing,
                                 partial(bytes, packet))]


def with_recovery_point(data: bytes, framing: Framing | None = None) -> bytes:
    """An H.264 packet with a recovery-point SEI (count 0) before its first picture NAL."""
    framing = framing or framing_of(data)
    for at in framing.offsets(data):
        if 1 <= data[at] & 0x1F <= 5:
            if framing.length_size:
                start = at - framing.length_size
                unit = len(RECOVERY_SEI).to_bytes(framing.length_size, "big") + RECOVERY_SEI
            else:
                start, unit = at - 3, b"\x00\x00\x01" + RECOVERY_SEI
            return data[:start] + unit + data[start:]
    return data


def entered(packet: av.Packet, framing: Framing | None = None) -> av.Packet:
    """The first packet of a decode run as the decoder must see it: an unmarked I-picture
    with its recovery-point SEI (anything else as it is)."""
    data = bytes(packet)
    if not is_intra_picture(data[:256], framing, lambda: data):
        return packet
    out = padded_packet(with_recovery_point(data, framing))
    out.pts, out.dts = packet.pts, packet.dts
    return out
