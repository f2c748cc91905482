"""One demux + decode pipeline that delivers frames by presentation index.

Seeking = jump to the last keyframe at or before the wanted frame, then decode forward; every
decoded frame is placed by its pts (``pts`` mode) or by its output position after a keyframe
(``bytes`` mode, closed GOPs), never by counting from a guessed start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import av
from av.container import InputContainer
from av.video.codeccontext import VideoCodecContext
from av.video.stream import VideoStream

from app.i18n import _
from app.video.avi_index import Renumbered
from app.video.counted_frames import CountedFrames, Frames
from app.video.droppable import Judge, packet_judge
from app.video.errors import VideoError
from app.video.index import FrameIndex, open_container
from app.video.splice import PositionedDemuxer
from app.video.stand_in import StandIns
from app.video.taint import Losses, Taint
from app.video.tracks import main_video
from app.video.unmarked import entered

Sink = Callable[[int, av.VideoFrame], object]   # what it returns is ignored
# frames placed by pts; returns the keyframe the decoder was drained before (None: the end)
Drained = Generator[tuple[int, av.VideoFrame], None, int | None]
# decoders that honour skip_frame=NONREF (B-frames / non-reference pictures are not decoded)
NONREF_SKIPPABLE = ("h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video")


class FrameDecoder(CountedFrames):
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
        self.damaged: set[int] = index.unsure_frames()    # (where frames belong is a guess)
        self.skip_nonref = False  # scanning only: non-reference frames are not decoded
        self._skip_before = -1    # frames before this index are not kept: skip non-ref ones
        self._skipping = False
        self._key_set = set(int(k) for k in index.key_index)
        self._positioned: PositionedDemuxer | None = None   # pos seeking: one demuxer
        self.nonref: Judge | None = None   # H.264/HEVC: packets it may leave out
        self._drain_at: int | None = None  # keyframe before which the decoder is drained
        # frames that may be built on damaged data
        self._taint = Taint(leading_bound=index.codec == "hevc")
        self._losses: Losses | None = None      # H.264/HEVC: bytes changed, pictures lost
        self._numbering: Renumbered | None = None   # AVI: packets numbered by its index
        self._stand_ins: StandIns | None = None     # H.264: unneeded references stood in for
        self._wanted: tuple[int, int] | None = None  # pts of the frames this decode keeps

    # --- lifecycle ---------------------------------------------------------------------------
    def prepare(self) -> None:
        """Open the file and the decoder now (else the first decode does)."""
        with self.lock:
            self._ensure_open()

    def _ensure_open(self) -> None:
        if self.index.seek_by == "pos":
            if self._codec is None:
                with open_container(self.path) as container:
                    shown = main_video(container, self.index)
                    template = shown.codec_context
                    self._numbering = self._avi_numbering(shown.frames)
                    codec = self._create(template.name)
                    if template.extradata:
                        codec.extradata = template.extradata
                    # (DivX 3 / WMV and H.263-era decoders take the picture size from here)
                    codec.width, codec.height = template.width, template.height
                self._setup_threads(codec)
                self._setup_nonref(codec)
                self._positioned = PositionedDemuxer(self.path, self.index)
        elif self.index.mode in ("pts", "count"):
            if self._container is None:
                self._container = open_container(self.path)
                self._stream = main_video(self._container, self.index)
                self._numbering = self._avi_numbering(self._stream.frames)
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

    def _avi_numbering(self, listed: int) -> Renumbered | None:
        if self.index.container != "avi":
            return None
        return Renumbered.of(self.path, max(0, self.index.stream_no), listed)

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
        if frame_ok and self.index.codec == "h264" and self.index.in_order and self._threads > 1:
            # a chain of P pictures, each built on the one before: with two frame threads each
            # landed on the thread of the one before and waited for it whole (a seek into a
            # GOP of 50 at 1080p: 0.85x the time with three)
            cc.thread_count = max(self._threads, 3)
        if self.skip_nonref and self.index.mode == "pts" and self.index.codec in ("h264", "hevc"):
            cc.skip_frame = "NONREF"

    def _setup_nonref(self, cc: VideoCodecContext) -> None:
        if self.index.mode == "pts":
            self.nonref = packet_judge(self.index.codec, cc.extradata)
            if self.index.codec in ("h264", "hevc"):
                self._losses = Losses(self.index.codec, cc.extradata)
            if self.index.codec == "h264":
                self._stand_ins = StandIns(cc.extradata)
            if self.index.codec == "hevc":
                # a picture built on one the decoder refused or never got comes out flagged
                # (frames are placed by pts): HEVC otherwise drops it, and the rest of its GOP
                cc.flags = cc.flags | av.codec.context.Flags.output_corrupt

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
        self._wanted = None
        if self._skip_before >= 0:
            self._skip_ticks = int(self.index.ticks[keep_from])
            self._wanted = (self._skip_ticks, int(self.index.ticks[last]))
        self._drain_at = self._clean_key_after(last)
        slot = self.index.key_slot(first)
        if not (self._gen is not None and self.last < first and not self._planned_ahead
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

    @property
    def _planned_ahead(self) -> bool:
        """Stand-ins planned for an earlier call are still to be fed: a frame wanted now may
        be built on one of them, so the decoder starts again from its keyframe."""
        return self._stand_ins is not None and self._stand_ins.open

    def _planned(self, packets: Iterator[av.Packet]) -> Iterator[av.Packet]:
        if self._stand_ins is None:
            return packets
        if self._wanted is None:
            self._stand_ins.forget()
            return packets
        return self._stand_ins.plan(packets, self._wanted)

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

    def _cut_off(self, packet: av.Packet) -> bool:
        """A damaged packet the index leaves out (a picture cut off at the end of the file):
        fed to the decoder it only fails, and with frame threads that failure, met while
        draining, would lose the frames still in flight."""
        if packet.is_corrupt and packet.pts is not None \
                and self.index.index_of_ticks(packet.pts) is None:
            self._taint.left_out()      # pictures decoded after it may refer to it
            return True
        return False

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

    def _clean_key_after(self, last: int) -> int | None:
        """``last + 1`` when it is a keyframe that no frame shown before it follows in decode
        order (a closed GOP), else None. Reaching that keyframe's packet the decoder is drained
        instead of fed: ``last`` comes out without decoding the keyframe and the frames after it
        that the decoder's reordering and frame threads would wait for (the first step back
        into a GOP ends there)."""
        idx = self.index
        if idx.mode != "pts" or idx.key_lead.size != idx.key_index.size or idx.key_lead.size < 2:
            return None
        slot = idx.key_slot(last + 1)
        if int(idx.key_index[slot]) != last + 1 or int(idx.key_lead[slot]):
            return None
        return last + 1

    def _frames_pts(self, slot: int, key: int) -> Frames:
        """Frames from keyframe ``slot`` on; after a drain they go on from the keyframe it
        stopped before, so a caller reading on sees every frame."""
        while True:
            drained = yield from self._pts_from(slot, key)
            if drained is None:
                return
            slot, key = self.index.key_slot(drained), drained

    def _pts_from(self, slot: int, key: int) -> Drained:
        if self._positioned is not None:
            self._cc.flush_buffers()
            packets = self._positioned.packets_from(slot)
            if self._numbering is not None:
                packets = self._numbering.packets(packets)
            if self.index.unmarked_keys:
                packets = _entering(packets)
            return (yield from self._decode_stream(self._planned(packets)))
        container, stream = self._demuxer
        for attempt in range(slot, -1, -1):
            container.seek(int(self.index.key_seek[attempt]), stream=stream, backward=True)
            self._cc.flush_buffers()
            frames = self._decode_stream(self._planned(self._demux(container, stream)))
            first = next(frames, None)
            if first is None:
                return None
            if first[0] <= key:
                yield first
                return (yield from frames)
            frames.close()
        # every seek landed past the keyframe (an ASF copy cut off before its index object
        # lands a keyframe late): the first GOP is read from the start of the file
        self._cc.flush_buffers()
        return (yield from self._decode_stream(self._planned(self._from_start())))

    def _from_start(self) -> Iterator[av.Packet]:
        """The shown stream's packets from the start of the file, demuxed afresh."""
        with open_container(self.path) as container:
            yield from self._demux(container, main_video(container, self.index))

    def _decode_stream(self, packets: Iterable[av.Packet]) -> Drained:
        """Frames placed by pts, up to the end of ``packets`` or a drain (see
        :meth:`_clean_key_after`)."""
        self._taint.reset()
        if self._losses is not None:
            self._losses.reset()
        for packet in packets:
            at = self._drain_at
            if at is not None and packet.is_keyframe and packet.pts is not None \
                    and self.index.index_of_ticks(packet.pts) == at:
                self._drain_at = None
                yield from self._placed_pts(self._cc.decode(None))
                return at
            self._set_skip(packet)
            cut = self._cut_off(packet)
            lost = bool(packet.size and not cut and self._losses is not None
                        and self._losses.follows_loss(bytes(packet)))   # (every packet read)
            if lost or packet.size and packet.is_corrupt and not cut:
                self._taint.damaged(packet)     # pictures before it were lost whole, or the
                                                # demuxer lost part of it (fed or not)
            if cut or self._left_out(packet):
                continue
            self._taint.fed(packet)
            if self._stand_ins is not None:
                packet = self._stand_ins.instead(packet)
            try:
                frames = self._cc.decode(packet if packet.size else None)
            except av.error.InvalidDataError:
                self._taint.damaged(packet)
                continue
            yield from self._placed_pts(frames)
        return None

    def _placed_pts(self, frames: list[av.VideoFrame]) -> Frames:
        """After a damaged packet, every frame shown until the next keyframe may be built on
        broken references: those are reported in :attr:`damaged`."""
        for frame in frames:
            i = None if frame.pts is None else self.index.index_of_ticks(frame.pts)
            if i is None or self._stand_ins is not None and self._stand_ins.dropped(frame):
                continue
            if i <= self.last < self.index.frame_count - 1 \
                    and int(self.index.ticks[self.last + 1]) == frame.pts:
                i = self.last + 1       # frames that share a timestamp come out in turn
            if self._taint.judge(frame, frame.key_frame and i in self._key_set) \
                    or i == self.index.cut_frame:     # (maybe part of a picture: it came last)
                self.damaged.add(i)
            yield i, frame


def _entering(packets: Iterator[av.Packet]) -> Iterator[av.Packet]:
    """``packets`` with the first one as the decoder must see it (:func:`entered`)."""
    first = next(packets, None)
    if first is not None:
        yield entered(first)
        yield from packets
