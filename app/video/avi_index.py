"""An AVI file's own index of a stream's chunks: OpenDML standard indexes (``indx`` → ``ix##``,
what FFmpeg reads first) or the AVI 1.0 ``idx1``. The n-th entry is the stream's n-th frame, so
a chunk's place in it numbers the frame even where the demuxer lost chunks before it (a zeroed
sector: FFmpeg's AVI demuxer resynchronises and counts on, every later frame one short).

Chunks are named by the position of their data (after the 8-byte chunk header), as FFmpeg's
``packet.pos`` gives it.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np

from app.i18n import _

_KINDS = (b"dc", b"db")                  # compressed / uncompressed video chunks


def _chunks(f: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(fourcc, data position, size) of the chunks between ``start`` and ``end``."""
    pos = start
    while pos + 8 <= end:
        f.seek(pos)
        head = f.read(8)
        if len(head) < 8:
            return
        fourcc, size = head[:4], struct.unpack("<I", head[4:])[0]
        yield fourcc, pos + 8, size
        pos += 8 + size + (size & 1)


def _layout(f: BinaryIO, file_size: int) -> tuple[int, int, list[int]]:
    """(position of the first ``movi`` fourcc, the ``idx1`` chunk's data position or -1, the
    data positions of every ``indx`` chunk) of the first RIFF list."""
    movi, idx1, indx = -1, -1, []
    for fourcc, data, size in _chunks(f, 12, file_size):
        if fourcc == b"LIST":
            f.seek(data)
            kind = f.read(4)
            if kind == b"movi" and movi < 0:
                movi = data
            elif kind == b"hdrl":
                indx += _super_indexes(f, data + 4, data + size)
        elif fourcc == b"idx1":
            idx1 = data
            break
    return movi, idx1, indx


def _super_indexes(f: BinaryIO, start: int, end: int) -> list[int]:
    found = []
    for fourcc, data, size in _chunks(f, start, end):
        if fourcc == b"LIST":
            found += _super_indexes(f, data + 4, data + size)
        elif fourcc == b"indx":
            found.append(data)
    return found


def _odml(f: BinaryIO, indx: int, stream: int) -> list[tuple[int, int]] | None:
    """(data position, size) of stream ``stream``'s chunks from its OpenDML super index."""
    f.seek(indx)
    head = f.read(24)
    if len(head) < 24:
        return None
    longs, _sub, kind, count = struct.unpack("<HBBI", head[:8])
    chunk_id = head[8:12]
    if kind != 0 or longs != 4 or chunk_id[:2] != b"%02d" % stream or chunk_id[2:] not in _KINDS:
        return None
    entries = f.read(16 * count)
    out: list[tuple[int, int]] = []
    for n in range(len(entries) // 16):
        offset, size, _ = struct.unpack_from("<QII", entries, 16 * n)
        f.seek(offset + 8)
        sub = f.read(24)
        if len(sub) < 24 or sub[3] != 1:
            return None                     # not a standard index of chunks: not trusted
        base = struct.unpack_from("<Q", sub, 12)[0]
        rows = f.read(8 * struct.unpack_from("<I", sub, 4)[0])
        for k in range(len(rows) // 8):
            offset, size = struct.unpack_from("<II", rows, 8 * k)
            out.append((base + offset, size & 0x7FFFFFFF))     # (bit 31: not a keyframe)
    return out


def _idx1(f: BinaryIO, idx1: int, movi: int, stream: int) -> list[tuple[int, int]] | None:
    f.seek(idx1 - 4)
    size = struct.unpack("<I", f.read(4))[0]
    data = f.read(size)
    prefix = b"%02d" % stream
    rows = [struct.unpack_from("<4sIII", data, 16 * n) for n in range(len(data) // 16)]
    mine = [(off, size) for cid, _flags, off, size in rows
            if cid[:2] == prefix and cid[2:] in _KINDS]
    if not mine:
        return None
    first = mine[0][0]
    f.seek(movi + first)                    # offsets from the movi fourcc, or from the file
    base = movi if f.read(2) == prefix else 0
    return [(base + off + 8, size) for off, size in mine]


def chunk_numbers(path: Path, stream: int) -> tuple[dict[int, int], list[int]] | None:
    """({data position: number} of every chunk of video stream ``stream`` that the file's
    index lists, the numbers of those that hold data: empty ones are dropped frames), or None
    when the file has no usable index."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if head[:4] != b"RIFF" or head[8:12] != b"AVI ":
                return None
            file_size = f.seek(0, 2)
            movi, idx1, indx = _layout(f, file_size)
            chunks = None
            for at in indx:
                chunks = _odml(f, at, stream)
                if chunks is not None:
                    break
            if chunks is None and idx1 >= 0 and movi >= 0:
                chunks = _idx1(f, idx1, movi, stream)
    except (OSError, struct.error):
        return None
    if not chunks or len({pos for pos, _ in chunks}) != len(chunks):
        return None
    return ({pos: n for n, (pos, _) in enumerate(chunks)},
            [n for n, (_, size) in enumerate(chunks) if size])


@functools.lru_cache(maxsize=16)
def _read_once(path: Path, stream: int, *_file_version: int
               ) -> tuple[dict[int, int], list[int]] | None:
    """:func:`chunk_numbers`, read once per version of the file: the index build and each of
    its decoders (shown frames, prefetch) ask for it (an hour's idx1 takes some 0.1 s)."""
    return chunk_numbers(path, stream)


class Renumbered:
    """Packets of an AVI video stream numbered by the file's index (:func:`chunk_numbers`):
    FFmpeg numbers them by counting, so after a chunk it lost every later one is a frame early
    until the next seek."""

    def __init__(self, numbers: dict[int, int], filled: list[int]) -> None:
        self._numbers = numbers
        self._filled = np.array(filled, dtype=np.int64)
        self._last: int | None = None
        self.lost = 0                       # chunks listed that never came, so far

    @classmethod
    def of(cls, path: Path, stream: int, listed: int) -> Renumbered | None:
        """The numbering of ``path``'s video stream ``stream``, whose index FFmpeg read as
        ``listed`` frames (a count that differs: not the index FFmpeg numbers by, not used)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        found = _read_once(path, stream, stat.st_size, stat.st_mtime_ns, stat.st_ino)
        if found is None or len(found[0]) != listed:
            return None
        return cls(*found)

    def restart(self) -> None:
        """Reading goes on elsewhere (a seek): nothing is judged against what came before."""
        self._last = None

    def retag(self, packet: av.Packet, mark: bool = True) -> bool:
        """Give ``packet`` its number (as dts; pts keeps its distance from dts). When a chunk
        holding data was listed between the previous packet and it and never came, it is
        marked corrupt (``mark``: what is decoded from it on may refer to the lost picture),
        and True is returned."""
        n = self._numbers.get(packet.pos) if packet.pos is not None else None
        if n is None or packet.dts is None:
            return False
        shift = n - int(packet.dts)
        if shift:
            packet.dts = n
            if packet.pts is not None:
                packet.pts = int(packet.pts) + shift
        last, self._last = self._last, n
        if last is None or n <= last + 1:
            return False
        between = np.searchsorted(self._filled, [last + 1, n])
        if between[1] == between[0]:
            return False
        self.lost += int(between[1] - between[0])
        if mark:
            packet.is_corrupt = True
        return True

    def note(self) -> list[str]:
        """What the index build tells of chunks that never came."""
        if not self.lost:
            return []
        return [_("the file is damaged: {n} frames its index lists are gone (their times stay "
                  "empty; every other frame keeps its own time)", n=self.lost)]

    def packets(self, packets: Iterable[av.Packet], mark: bool = True) -> Iterator[av.Packet]:
        """``packets`` (read on from one place), each retagged."""
        self.restart()
        for packet in packets:
            self.retag(packet, mark)
            yield packet
