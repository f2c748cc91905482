"""Demuxing that starts at a byte position, so transport and program streams (and DAV) are
entered exactly where the index says, without the demuxer's timestamp bisection.

:class:`PositionedDemuxer` keeps one demuxer open on the file and moves it with a byte seek
(``AVSEEK_FLAG_BYTE``: the MPEG-TS demuxer drops its half-read PES buffers when it notices the
jump, the program stream and DAV demuxers resynchronise on the next start code / chunk), so a
random seek costs no re-open and no re-probe. Should a demuxer refuse byte seeks, each seek
falls back to a fresh demuxer over :class:`SpliceFile`: the file's head (stream tables) spliced
onto the file from the keyframe's packet on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
from av.container import InputContainer

from app.i18n import _
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex
from app.video.tracks import demuxed, has_video, main_video

# the decoder is set up from the whole file: the demuxer only has to find the stream
PROBES = [{"probesize": str(size), "analyzeduration": "0", "fpsprobesize": "0"}
          for size in (32, 4096, 1 << 17, 1 << 21)]


class SpliceFile:
    """Read-only file object: ``prefix`` bytes of the head, then the file from ``start`` on."""

    def __init__(self, path: Path, prefix: int, start: int) -> None:
        self._f = open(path, "rb")
        self._head = self._f.read(prefix) if start > prefix else b""
        self._start = start if start > prefix else 0
        self._size = len(self._head) + self._f.seek(0, 2) - self._start
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        n = self._size - self._pos if n is None or n < 0 else min(n, self._size - self._pos)
        out = b""
        if self._pos < len(self._head):
            out = self._head[self._pos:self._pos + n]
        rest = n - len(out)
        if rest > 0:
            self._f.seek(self._start + self._pos + len(out) - len(self._head))
            out += self._f.read(rest)
        self._pos += len(out)
        return out

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self._size}[whence]
        self._pos = max(0, min(self._size, base + offset))
        return self._pos

    def tell(self) -> int:
        return self._pos

    def file_pos(self, view_pos: int) -> int:
        """Position in the real file of view offset ``view_pos``."""
        if view_pos < len(self._head):
            return view_pos
        return view_pos - len(self._head) + self._start

    def close(self) -> None:
        self._f.close()


def _open_probing(path: Path, source: str | SpliceFile, fmt: str,
                  level: list[int], index: FrameIndex | None = None) -> InputContainer:
    """A demuxer on ``source`` that has found the video stream (a fuller probe when the quick
    one finds none). ``level[0]`` is the first probe size tried; it is raised to the one that
    found the video, so later opens of the same file succeed at once."""
    for n in range(level[0], len(PROBES)):
        if isinstance(source, SpliceFile):
            source.seek(0)
        container = av.open(source, "r", format=fmt, options=PROBES[n],
                            buffer_size=1 << 18, metadata_errors="ignore")
        if has_video(container, index):
            level[0] = n
            return container
        container.close()
    raise VideoError(_("no video frames could be read; the file is damaged or incomplete"), path)


class PositionedDemuxer:
    """Video packets of a byte-addressed stream from any keyframe on (one open demuxer)."""

    def __init__(self, path: Path, index: FrameIndex) -> None:
        self.path, self.index = path, index
        self._level = [0]
        self._container: InputContainer | None = None
        self._byte_seek = index.container != "matroska"   # it finds no block after one

    def close(self) -> None:
        if self._container is not None:
            self._container.close()
            self._container = None

    def packets_from(self, slot: int) -> Iterator[av.Packet]:
        """Video packets from keyframe ``slot`` on, each carrying its timeline pts from the
        index, then an empty packet (end of stream: the decoder hands out what it holds).

        Demuxing enters one positioned packet before the keyframe (a PES may begin mid-frame);
        packets are trusted from the packet positioned at ``key_sync`` on and numbered in order
        from there (frames split out of one PES carry no position of their own)."""
        enter = int(self.index.key_seek[slot])
        if enter <= self.index.prefix:
            # the first GOP: no packet before it to enter by (a byte seek onto an AVI chunk
            # header would skip that chunk), so the demuxer starts where it always does
            with _open_probing(self.path, str(self.path), self.index.container,
                               self._level, self.index) as container:
                yield from self._numbered(container, slot, None)
            return
        if self._byte_seek:
            try:
                if self._container is None:
                    self._container = _open_probing(self.path, str(self.path),
                                                    self.index.container, self._level,
                                                    self.index)
                self._container.seek(enter, unsupported_byte_offset=True)  # type: ignore[call-arg]  # PyAV's stub omits it
            except (av.error.FFmpegError, TypeError):
                self.close()
                self._byte_seek = False
            else:
                yield from self._numbered(self._container, slot, None)
                return
        view = SpliceFile(self.path, self.index.prefix, enter)
        try:
            with _open_probing(self.path, view, self.index.container, self._level,
                               self.index) as container:
                yield from self._numbered(container, slot, view)
        finally:
            view.close()

    def _numbered(self, container: InputContainer, slot: int,
                  view: SpliceFile | None) -> Iterator[av.Packet]:
        index = self.index
        pos, key, sync = index.pkt_pos, int(index.key_pkt[slot]), int(index.key_sync[slot])
        n = -1
        for packet in demuxed(container, main_video(container, index)):
            if packet.size == 0:
                continue
            where = packet.pos if packet.pos is not None and packet.pos >= 0 else None
            if where is not None and view is not None:
                where = view.file_pos(where)
            if n < 0 and where != sync:
                continue
            n = index.row_after(n, where)       # (resynchronised on a position if need be)
            if not 0 <= n < pos.size:
                break
            if n < key:                # the tail of the previous GOP
                continue
            packet.pts = int(index.pkt_pts[n])
            packet.dts = None
            yield packet
        yield av.Packet()
