"""Demuxing that starts at a byte position: the file's head (stream tables) spliced onto the
file from a keyframe's packet on, so transport and program streams are entered exactly where
the index says, without the demuxer's timestamp bisection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from app.i18n import _
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex

# the decoder is set up from the whole file: the spliced demuxer only has to find the stream
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


def _open(path: Path, index: FrameIndex, slot: int,
          level: list[int]) -> tuple[SpliceFile, av.container.InputContainer]:
    """The spliced view and its demuxer (a fuller probe when the quick one finds no video).
    ``level[0]`` is the first probe size tried; it is raised to the one that found the video,
    so later seeks in the same file open at once."""
    for n in range(level[0], len(PROBES)):
        view = SpliceFile(path, index.prefix, int(index.key_seek[slot]))
        try:
            container = av.open(view, "r", format=index.container, options=PROBES[n],
                                buffer_size=1 << 18, metadata_errors="ignore")
        except av.error.FFmpegError:
            view.close()
            raise
        if container.streams.video:
            level[0] = n
            return view, container
        container.close()
        view.close()
    raise VideoError(_("no video frames could be read; the file is damaged or incomplete"), path)


def packets_from(path: Path, index: FrameIndex, slot: int,
                 level: list[int] | None = None) -> Iterator[av.Packet]:
    """Video packets from keyframe ``slot`` on, each carrying its timeline pts from the index.
    ``level`` (a one-item list kept by the caller) remembers the probe size that worked.

    Demuxing enters one positioned packet before the keyframe (a PES may begin mid-frame);
    packets are trusted from the packet positioned at ``key_sync`` on and numbered in order
    from there (frames split out of one PES carry no position of their own)."""
    pos, key, sync = index.pkt_pos, int(index.key_pkt[slot]), int(index.key_sync[slot])
    n = -1
    view, container = _open(path, index, slot, level if level is not None else [0])
    try:
        with container:
            stream = container.streams.video[0]
            for packet in container.demux(stream):
                if packet.size == 0:
                    continue
                where = view.file_pos(packet.pos) if packet.pos is not None \
                    and packet.pos >= 0 else None
                if n < 0:
                    if where != sync:
                        continue
                    n = int(np.searchsorted(pos, sync))
                elif where is not None and (n + 1 >= pos.size or int(pos[n + 1]) != where):
                    n = int(np.searchsorted(pos, where))    # resynchronise on a position
                    if n >= pos.size or int(pos[n]) != where:
                        return
                else:
                    n += 1
                if n >= pos.size:
                    return
                if n < key:                # the tail of the previous GOP
                    continue
                packet.pts = int(index.pkt_pts[n])
                packet.dts = None
                yield packet
        yield av.Packet()               # end of stream: the decoder hands out what it holds
    finally:
        view.close()
