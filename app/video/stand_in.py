"""Stand-ins for H.264 reference pictures a read does not need.

To show frame *k*, the decoder must decode every reference picture *k* is built on, but not
every reference picture before it: encoders with B-frame pyramids (x264's default) mark
B-frames as references that only the B-frames around them use. Left out, such a picture
would leave a gap in ``frame_num`` that FFmpeg fills by waiting for the picture before it
(which takes frame threading away); and its memory operations would not run.

So it is replaced by a stand-in that costs almost nothing to decode: a P picture of skipped
macroblocks with the same ``nal_ref_idc``, ``frame_num``, picture order count and memory
operations, through a CAVLC picture parameter set of its own (id 255, sent with it). The
decoder's reference state after it is the one the real picture leaves; only its pixels
differ, and :mod:`app.video.h264_lists` shows that no wanted frame, and no picture still held
when the plan ends, is built on them. Its own frame is never shown (the decoder drops it).

A plan is made only where everything is followed (:mod:`app.video.h264_slices`), from an IDR
picture, for pictures shown before the first wanted frame.
"""

from __future__ import annotations

from collections.abc import Iterator

import av

from app.video.bits import BitWriter
from app.video.h264_lists import needed, references
from app.video.h264_slices import IDR, SLICE, Picture, Pictures, Unfollowed
from app.video.packet import padded_packet

STAND_IN_PPS = 255
LOOKAHEAD = 1024                 # packets read ahead at most to plan


def stand_in_units(pic: Picture) -> list[bytes]:
    """The PPS and slice NAL units that stand in for ``pic`` (headers included)."""
    pps = BitWriter()
    pps.ue(STAND_IN_PPS)
    pps.ue(pic.sps.sps_id)
    pps.u(1, 0)                                 # CAVLC
    pps.u(1, int(pic.pps.bottom_poc))
    for _ in range(3):
        pps.ue(0)                               # one slice group, one reference per list
    pps.u(3, 0)                                 # no weighted prediction
    for _ in range(3):
        pps.se(0)                               # QP, QS, chroma offset
    pps.u(3, 0b100)                             # deblocking control, no constraints
    sl = BitWriter()
    sl.ue(0)                                    # first_mb_in_slice
    sl.ue(5)                                    # P (every slice of the picture)
    sl.ue(STAND_IN_PPS)
    sl.u(pic.sps.frame_bits, pic.frame_num)
    if pic.sps.poc_type == 0:
        sl.u(pic.sps.lsb_bits, pic.poc_lsb)
        if pic.pps.bottom_poc:
            sl.se(pic.poc_bottom)
    sl.u(1, 1)                                  # num_ref_idx_active_override_flag
    sl.ue(0)                                    # one reference
    sl.u(1, 0)                                  # no list changes
    sl.u(1, int(pic.unmark is not None))        # adaptive_ref_pic_marking_mode_flag
    for diff in pic.unmark or ():
        sl.ue(1)
        sl.ue(diff)
    if pic.unmark is not None:
        sl.ue(0)
    sl.se(0)                                    # slice_qp_delta
    sl.ue(1)                                    # no deblocking
    sl.ue(pic.sps.mbs)                          # mb_skip_run: every macroblock
    return [pps.nal(bytes([0x68])), sl.nal(bytes([pic.ref << 5 | SLICE]))]


class StandIns:
    """Plans stand-ins for one run of packets from an IDR picture; :meth:`instead` gives the
    packet to feed, :meth:`dropped` tells a stand-in's frame."""

    def __init__(self, extradata: bytes | None) -> None:
        self.extradata = extradata
        self.planned: dict[int, tuple[av.Packet, av.Packet]]   # id: (packet, stand-in)
        self.ticks: set[int]                       # pts of stand-ins (their frames are dropped)
        self.open: bool                            # packets of the plan still to be fed
        self.forget()
        self.count = 0                             # stand-ins fed (all plans)

    def plan(self, packets: Iterator[av.Packet], wanted: tuple[int, int]) -> Iterator[av.Packet]:
        """``packets`` as they come, planned for the frames whose pts lie in ``wanted``. The
        first packet (the keyframe, never stood in for) goes to the decoder before the plan is
        made: the decoder's threads work on it meanwhile."""
        self.forget()
        first = next(packets, None)
        if first is None:
            return
        yield first
        ahead = self._read_ahead(first, packets, wanted)
        self.open = bool(self.planned)
        for n, packet in enumerate(ahead, 1):
            self.open = self.open and n < len(ahead)
            yield packet
        yield from packets

    def _read_ahead(self, first: av.Packet, it: Iterator[av.Packet], wanted: tuple[int, int]
                    ) -> list[av.Packet]:
        """The packets after ``first`` up to the first shown at or after the last wanted frame
        (at most :data:`LOOKAHEAD`), and the plan for them."""
        ahead: list[av.Packet] = []
        for packet in it:
            ahead.append(packet)
            if packet.pts is not None and packet.pts >= wanted[1] and packet.size \
                    or len(ahead) >= LOOKAHEAD:
                break
        try:
            self._make_plan([first, *ahead], wanted)
        except Unfollowed:
            self.forget()
        return ahead

    def _make_plan(self, ahead: list[av.Packet], wanted: tuple[int, int]) -> None:
        reader = Pictures(self.extradata)
        placed: list[tuple[Picture, av.Packet, int]] = []      # (picture, packet, pts)
        for packet in ahead:
            shown = packet.pts is not None and packet.pts >= wanted[0]
            # a non-reference picture shown before the wanted frames matters to none
            pic = reader.picture(bytes(packet), unreferenced=shown)
            if pic is None:
                continue
            if packet.pts is None or placed and pic.idr:
                break                   # (a plan ends at the next IDR picture)
            placed.append((pic, packet, int(packet.pts)))
        if STAND_IN_PPS in reader.pps:
            raise Unfollowed("the stream uses the stand-in's parameter set id")
        if len({pts for *_pic, pts in placed}) != len(placed):
            raise Unfollowed("two pictures share a timestamp")   # (a stand-in's is dropped)
        refs, held = references([pic for pic, *_rest in placed])
        # every picture shown from the first wanted frame on: a reader going on from here
        # may show those after the wanted ones too (so every stand-in is shown before them)
        keep = needed(refs, {n for n, (*_, pts) in enumerate(placed) if pts >= wanted[0]}, held)
        for n, (pic, packet, pts) in enumerate(placed):
            if pic.ref and not pic.idr and n not in keep:
                self.planned[id(packet)] = (packet, self._packet(packet, reader, pic))
                self.ticks.add(pts)

    def _packet(self, packet: av.Packet, reader: Pictures, pic: Picture) -> av.Packet:
        data = bytes(packet)
        units = [u for u in reader.units(data) if u[0] & 0x1F not in (SLICE, IDR)]
        out = b"".join(_framed(u, reader.length_size) for u in units + stand_in_units(pic))
        stand = padded_packet(out)
        stand.pts, stand.dts, stand.time_base = packet.pts, packet.dts, packet.time_base
        return stand

    def instead(self, packet: av.Packet) -> av.Packet:
        """The packet to feed for ``packet``: its stand-in if one is planned."""
        planned = self.planned.pop(id(packet), None)
        if planned is None or planned[0] is not packet:
            return packet
        self.count += 1
        return planned[1]

    def forget(self) -> None:
        """Packets come unplanned (the plan before is no longer theirs)."""
        self.planned, self.ticks, self.open = {}, set(), False

    def dropped(self, frame: av.VideoFrame) -> bool:
        """True for the frame of a stand-in (never shown)."""
        return frame.pts in self.ticks


def _framed(unit: bytes, length_size: int) -> bytes:
    if length_size:
        return len(unit).to_bytes(length_size) + unit
    return b"\x00\x00\x00\x01" + unit
