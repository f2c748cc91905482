"""Feeding streams whose frames are placed by counting decoder output (``bytes`` and ``count``
modes, see :mod:`app.video.counted`): the part of :class:`~app.video.decoder.FrameDecoder`
that numbers frames itself instead of reading their timestamps."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np
from av.container import InputContainer
from av.video.codeccontext import VideoCodecContext
from av.video.stream import VideoStream

from app.i18n import _
from app.video.avi_index import Renumbered
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex
from app.video.packet import padded_packet
from app.video.taint import Losses, Taint
from app.video.tracks import demuxed
from app.video.unmarked import entered

Frames = Generator[tuple[int, av.VideoFrame], None, None]


class CountedFrames:
    """Mixin of :class:`~app.video.decoder.FrameDecoder` for the counted modes."""

    path: Path
    index: FrameIndex
    damaged: set[int]
    _key_set: set[int]
    _primed: bool
    _file: BinaryIO | None
    _numbering: Renumbered | None

    @property
    def _cc(self) -> VideoCodecContext:
        raise NotImplementedError

    @property
    def _demuxer(self) -> tuple[InputContainer, VideoStream]:
        raise NotImplementedError

    def _frames_counted(self, slot: int) -> Frames:
        """Feed packets from access point ``slot``; the n-th frame out is frame
        ``key_index[slot] + n``. Each packet carries its decode position as pts, so a frame
        arriving in another GOP than expected (a frame went missing) is caught: the rest of that
        GOP is reported missing and decoding resumes at the next access point."""
        idx, cc = self.index, self._cc
        if idx.pkt_pts.size:
            yield from self._frames_ranked(slot)
            return
        n, out = int(idx.key_seek[slot]), int(idx.key_index[slot])
        packets = self._packet_source(n)
        tainted, (changes, taint) = False, self._watch()
        while True:
            item = next(packets, None)
            if item is None:
                break
            n, packet = item
            # damage (a packet changed, or one lost before it: an AVI's own index says so)
            # shifts the count of what comes out after it, fed before it or not: flagged up
            # to the next keyframe out
            tainted = self._feed(packet, changes, taint) or tainted
            try:
                frames = cc.decode(packet)
                ok = True
            except av.error.InvalidDataError:
                frames, ok, tainted = [], True, True
            for frame in frames:
                if frame.pts is not None and not self._placed(int(frame.pts), out):
                    ok = False
                    break
                if tainted and out in self._key_set:
                    tainted = False          # a new closed GOP starts clean
                if tainted or frame.is_corrupt:
                    tainted = True
                    self.damaged.add(out)
                if taint.judge(frame, out in self._key_set):
                    self.damaged.add(out)
                if out < idx.frame_count:
                    yield out, frame
                out += 1
            if not ok:
                slot = int(np.searchsorted(idx.key_seek, n, side="right"))
                if slot >= idx.key_seek.size:
                    return
                packets.close()
                n, out = int(idx.key_seek[slot]), int(idx.key_index[slot])
                packets, tainted = self._packet_source(n), False
                taint.reset()
        try:
            tail = cc.decode(None)
        except av.error.FFmpegError:
            tail = []
        for frame in tail:
            if out < idx.frame_count:
                if tainted or frame.is_corrupt:
                    self.damaged.add(out)
                yield out, frame
            out += 1

    def _frames_ranked(self, slot: int) -> Frames:
        """Counted modes with picture order counts: each frame carries its packet's decode
        number as pts, and the index maps that number to the frame's presentation index."""
        rank = self.index.pkt_pts
        packets = self._packet_source(int(self.index.key_seek[slot]))
        changes, taint = self._watch()
        for _n, packet in packets:
            self._feed(packet, changes, taint)
            try:
                frames = self._cc.decode(packet)
            except av.error.InvalidDataError:
                taint.damaged(packet)
                frames = []
            yield from self._place_ranked(frames, rank, taint)
        try:
            tail = self._cc.decode(None)
        except av.error.FFmpegError:
            tail = []
        yield from self._place_ranked(tail, rank, taint)

    def _place_ranked(self, frames: list[av.VideoFrame], rank: np.ndarray,
                      taint: Taint) -> Frames:
        for frame in frames:
            if frame.pts is None or not 0 <= frame.pts < rank.size:
                continue
            i = int(rank[frame.pts])
            if not 0 <= i < self.index.frame_count:
                continue
            if taint.judge(frame, i in self._key_set) or frame.is_corrupt:
                self.damaged.add(i)
            yield i, frame

    def _watch(self) -> tuple[Losses | None, Taint]:
        """The NAL syntax watch of an H.264/HEVC stream (no frame-number watch: counted
        streams are not judged by it) and the taint it feeds."""
        taint = Taint(leading_bound=self.index.codec == "hevc")
        if self.index.codec not in ("h264", "hevc"):
            return None, taint
        return Losses(self.index.codec, self._cc.extradata, order=False), taint

    @staticmethod
    def _feed(packet: av.Packet, changes: Losses | None, taint: Taint) -> bool:
        """Tell ``taint`` of ``packet``, going to the decoder now (packets carry their decode
        number as pts, so frames are judged by it); True when it is damaged."""
        damaged = bool(packet.size and (packet.is_corrupt or changes is not None
                                        and changes.follows_loss(bytes(packet))))
        if damaged:
            taint.damaged(packet)
        taint.fed(packet)
        return damaged

    def _placed(self, packet_no: int, out: int) -> bool:
        """A frame is shown within the GOP its packet was decoded in, except the RASL leading
        pictures of a CRA, shown just before it. Anything else means frames went missing."""
        idx = self.index
        by_packet = int(np.searchsorted(idx.key_seek, packet_no, side="right")) - 1
        shown = idx.key_slot(out)
        if by_packet == shown:
            return True
        return (by_packet == shown + 1 and idx.key_lead.size > by_packet
                and out >= int(idx.key_index[by_packet]) - int(idx.key_lead[by_packet]))

    def _packet_source(self, n: int) -> Generator[tuple[int, av.Packet], None, None]:
        """Packets from decode position ``n`` on, each with pts = dts = its position. Count
        mode numbers frames, not packets: a packet whose dts comes before the next frame's is
        the second field of a field pair (PAFF) and shares its first field's number."""
        cc = self._cc
        cc.flush_buffers()
        if self.index.mode == "bytes":
            if not self._primed and n > 0:          # parameter sets live in the first packet
                cc.decode(self._read_packet(0))
                cc.decode(None)
                cc.flush_buffers()
            self._primed = True
            for k in range(n, self.index.frame_count_packets):
                packet = self._read_packet(k)
                yield k, entered(packet) if k == n and self.index.unmarked_keys else packet
            return
        dts = self.index.pkt_dts
        target = int(dts[n])
        container, stream = self._demuxer
        for attempt in (target, None):
            if attempt is None:
                container.seek(0, backward=True)
            else:
                container.seek(target, stream=stream, backward=True)
            cc.flush_buffers()
            m: int | None = None
            for packet in self._demux(container, stream):
                if packet.size == 0:
                    continue
                if m is None:
                    if packet.dts is None or packet.dts < target:
                        continue
                    if packet.dts > target:
                        break                        # landed too late: start over from 0
                    m = n
                elif packet.dts is None or m + 1 >= dts.size or packet.dts >= dts[m + 1]:
                    m += 1
                if packet.is_discard:      # an edit list on decode-order stamps (app.video.stamps)
                    packet = padded_packet(bytes(packet))    # the decoder would drop its frame
                packet.pts = packet.dts = m
                yield m, packet
            if m is not None:
                return

    def _demux(self, container: InputContainer, stream: VideoStream) -> Iterator[av.Packet]:
        """The stream's packets from where ``container`` stands; an AVI's numbered by its own
        index (:mod:`app.video.avi_index`), a packet after a lost chunk marked corrupt."""
        packets = demuxed(container, stream)
        return packets if self._numbering is None else self._numbering.packets(packets)

    def _read_packet(self, n: int) -> av.Packet:
        if self._file is None:
            raise VideoError(_("the video has been closed"), self.path)
        self._file.seek(int(self.index.pkt_pos[n]))
        packet = padded_packet(self._file.read(int(self.index.pkt_size[n])))
        packet.pts = packet.dts = n
        return packet
