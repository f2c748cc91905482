"""One demux + decode pipeline that delivers frames by presentation index.

Seeking = jump to the last keyframe at or before the wanted frame, then decode forward; every
decoded frame is placed by its pts (``pts`` mode) or by its output position after a keyframe
(``bytes`` mode, closed GOPs), never by counting from a guessed start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterable
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np
from av.container import InputContainer
from av.video.codeccontext import VideoCodecContext
from av.video.stream import VideoStream

from app.i18n import _
from app.video.droppable import Judge, packet_judge
from app.video.errors import VideoError
from app.video.index import FrameIndex, open_container
from app.video.splice import PositionedDemuxer

Sink = Callable[[int, av.VideoFrame], object]   # what it returns is ignored
Frames = Generator[tuple[int, av.VideoFrame], None, None]
# decoders that honour skip_frame=NONREF (B-frames / non-reference pictures are not decoded)
NONREF_SKIPPABLE = ("h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video")


class FrameDecoder:
    """Decodes frames of one file; not thread-safe on its own (hold :attr:`lock`)."""

    def __init__(self, path: Path, index: FrameIndex, threads: int = 2) -> None:
        self.path = path
        self.index = index
        self.lock = threading.RLock()
        self._threads = threads
        self._container: InputContainer | None = None
        self._stream: VideoStream | None = None
        self._codec: VideoCodecContext | None = None
        self._file: BinaryIO | None = None
        self._primed = False
        self._skip_ticks = 0
        self._gen: Frames | None = None
        self.last = -1          # index of the last frame this pipeline delivered
        self.damaged: set[int] = set()
        self.skip_nonref = False  # scanning only: non-reference frames are not decoded
        self._skip_before = -1    # frames before this index are not kept: skip non-ref ones
        self._skipping = False
        self._key_set = set(int(k) for k in index.key_index)
        self._positioned: PositionedDemuxer | None = None   # pos seeking: one demuxer
        self.nonref: Judge | None = None   # H.264/HEVC: packets it may leave out

    # --- lifecycle ---------------------------------------------------------------------------
    def prepare(self) -> None:
        """Open the file and the decoder now (else the first decode does)."""
        with self.lock:
            self._ensure_open()

    def _ensure_open(self) -> None:
        if self.index.seek_by == "pos":
            if self._codec is None:
                with open_container(self.path) as container:
                    template = container.streams.video[0].codec_context
                    codec = self._create(template.name)
                    if template.extradata:
                        codec.extradata = template.extradata
                self._setup_threads(codec)
                self._setup_nonref(codec)
                self._positioned = PositionedDemuxer(self.path, self.index)
        elif self.index.mode in ("pts", "count"):
            if self._container is None:
                self._container = open_container(self.path)
                self._stream = self._container.streams.video[0]
                self._codec = self._stream.codec_context
                self._setup_threads(self._codec)
                self._setup_nonref(self._codec)
        elif self._codec is None:
            try:
                self._file = open(self.path, "rb")
            except OSError as exc:
                raise VideoError(_("the file cannot be read ({reason})", reason=exc.strerror),
                                 self.path) from exc
            self._setup_threads(self._create(self.index.codec))
            self._primed = False

    def _create(self, name: str) -> VideoCodecContext:
        codec = av.CodecContext.create(name, "r")
        if not isinstance(codec, VideoCodecContext):
            raise VideoError(_("the video codec is not supported"), self.path)
        self._codec = codec
        return codec

    @property
    def _cc(self) -> VideoCodecContext:
        """The open decoder (after :meth:`_ensure_open`)."""
        if self._codec is None:
            raise VideoError(_("the video has been closed"), self.path)
        return self._codec

    @property
    def _demuxer(self) -> tuple[InputContainer, VideoStream]:
        """The open container and its video stream (timestamp-seeking modes)."""
        if self._container is None or self._stream is None:
            raise VideoError(_("the video has been closed"), self.path)
        return self._container, self._stream

    def _setup_threads(self, cc: VideoCodecContext) -> None:
        # frame threading (2 cores) only for H.264 with container timestamps: on damaged raw
        # streams FFmpeg's frame threads were seen to deadlock (a worker waiting forever for a
        # broken reference frame, hanging the close); slice threads cannot wait on each other
        frame_ok = self.index.codec in ("h264", "hevc") and self.index.mode == "pts"
        cc.thread_type = "AUTO" if frame_ok else "SLICE"  # type: ignore[assignment]  # PyAV takes names
        cc.thread_count = self._threads
        if self.skip_nonref and self.index.mode == "pts" and self.index.codec in ("h264", "hevc"):
            cc.skip_frame = "NONREF"

    def _setup_nonref(self, cc: VideoCodecContext) -> None:
        if self.index.mode == "pts":
            self.nonref = packet_judge(self.index.codec, cc.extradata)

    def close(self) -> None:
        self._drop_gen()
        if self._container is not None:
            self._container.close()
            self._container = self._stream = None
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._positioned is not None:
            self._positioned.close()
            self._positioned = None
        self._codec = None

    def _drop_gen(self) -> None:
        if self._gen is not None:
            self._gen.close()
            self._gen = None

    # --- decoding ----------------------------------------------------------------------------
    def decode(self, first: int, last: int, sink: Sink, keep_from: int | None = None,
               stop: Callable[[], bool] | None = None) -> None:
        """Decode up to frame ``last``, handing frames ``keep_from``..``last`` (default
        ``first``) to ``sink``; continues from the current position when that is no slower than
        a seek. Frames that cannot be decoded are skipped (the caller checks what arrived).
        ``stop`` is asked before every frame (also those decoded only as references): when it
        says so, decoding ends there."""
        keep_from = first if keep_from is None else keep_from
        self._skip_before = keep_from if self._can_skip() else -1
        if self._skip_before >= 0:
            self._skip_ticks = int(self.index.ticks[keep_from])
        slot = self.index.key_slot(first)
        if not (self._gen is not None and self.last < first
                and self.last + 3 >= int(self.index.key_index[slot])):
            self._seek(slot)
        while self.last < last:
            if stop is not None and stop():
                return
            got = self._next()
            if got is None:
                return
            if got[0] >= keep_from:
                sink(*got)

    def _can_skip(self) -> bool:
        return self.index.mode == "pts" and self.index.codec in NONREF_SKIPPABLE

    def _set_skip(self, packet: av.Packet) -> None:
        """Skip decoding non-reference frames that will not be kept (pts mode only)."""
        if self.skip_nonref or self._skip_before < 0:
            return
        skip = packet.pts is not None and packet.pts < self._skip_ticks
        if skip != self._skipping:
            self._cc.skip_frame = "NONREF" if skip else "DEFAULT"
            self._skipping = skip

    def _left_out(self, packet: av.Packet) -> bool:
        """A packet of non-reference pictures that would be skipped is not decoded at all."""
        return ((self._skipping or self.skip_nonref) and self.nonref is not None
                and self.nonref.droppable(bytes(packet)))

    def _next(self) -> tuple[int, av.VideoFrame] | None:
        while self._gen is not None:
            try:
                i, frame = next(self._gen)
            except StopIteration:
                self._gen = None
                return None
            except av.error.FFmpegError as exc:
                self._gen = None
                raise VideoError(_("frame {i} cannot be decoded (the data is damaged)",
                                   i=self.last + 1), self.path) from exc
            if i <= self.last:
                continue
            self.last = i
            if frame.is_corrupt:
                self.damaged.add(i)
            return i, frame
        return None

    def _seek(self, slot: int) -> None:
        self._ensure_open()
        self._drop_gen()
        key = int(self.index.key_index[slot])
        self.last = key - 1
        if self.index.mode == "pts":
            self._gen = self._frames_pts(slot, key)
        else:
            self._gen = self._frames_counted(slot)

    def _frames_pts(self, slot: int, key: int) -> Frames:
        if self._positioned is not None:
            self._cc.flush_buffers()
            yield from self._decode_stream(self._positioned.packets_from(slot))
            return
        container, stream = self._demuxer
        for attempt in range(slot, -1, -1):
            container.seek(int(self.index.key_seek[attempt]), stream=stream, backward=True)
            self._cc.flush_buffers()
            frames = self._decode_stream(container.demux(stream))
            first = next(frames, None)
            if first is None:
                return
            if first[0] <= key or attempt == 0:
                yield first
                yield from frames
                return
            frames.close()

    def _decode_stream(self, packets: Iterable[av.Packet]) -> Frames:
        """Frames placed by pts. After a damaged packet, every frame shown until the next
        keyframe may be built on broken references: those are reported in :attr:`damaged`."""
        tainted = False
        keys = self.index.key_index
        for packet in packets:
            self._set_skip(packet)
            if self._left_out(packet):
                continue
            try:
                frames = self._cc.decode(packet if packet.size else None)
            except av.error.InvalidDataError:
                tainted = True
                continue
            for frame in frames:
                i = None if frame.pts is None else self.index.index_of_ticks(frame.pts)
                if i is None:
                    continue
                if tainted and frame.key_frame and i in keys:
                    tainted = False
                if tainted or frame.is_corrupt:
                    self.damaged.add(i)
                    tainted = True
                yield i, frame

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
        tainted = False
        while True:
            item = next(packets, None)
            if item is None:
                break
            n, packet = item
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
        for _n, packet in packets:
            try:
                frames = self._cc.decode(packet)
            except av.error.InvalidDataError:
                frames = []
            yield from self._place_ranked(frames, rank)
        try:
            tail = self._cc.decode(None)
        except av.error.FFmpegError:
            tail = []
        yield from self._place_ranked(tail, rank)

    def _place_ranked(self, frames: list[av.VideoFrame], rank: np.ndarray) -> Frames:
        for frame in frames:
            if frame.pts is None or not 0 <= frame.pts < rank.size:
                continue
            i = int(rank[frame.pts])
            if i >= self.index.frame_count:
                continue
            if frame.is_corrupt:
                self.damaged.add(i)
            yield i, frame

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
                yield k, self._read_packet(k)
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
            for packet in container.demux(stream):
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
                packet.pts = packet.dts = m
                yield m, packet
            if m is not None:
                return

    def _read_packet(self, n: int) -> av.Packet:
        if self._file is None:
            raise VideoError(_("the video has been closed"), self.path)
        self._file.seek(int(self.index.pkt_pos[n]))
        packet = av.Packet(self._file.read(int(self.index.pkt_size[n])))
        packet.pts = packet.dts = n
        return packet
