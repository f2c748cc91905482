"""Video of a stream the file did not announce: a recording from another source joined into a
transport or program stream under another PID or stream id.

FFmpeg announces a stream that begins past the start of the file only when it meets it, and
PyAV cannot hand out the packets of such a stream (:func:`app.video.tracks.demuxed`), so the
engine shows the stream it knows. Where the shown stream's packets leave a stretch of the file
unexplained, the start of that stretch is read for the packet headers of other video streams,
and the officer is told what the file holds that is not shown. Streams the file announced are
named by :func:`app.video.tracks.streams_note` instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from app.i18n import _
from app.video.frame_index import Row

GAP = 32 << 10           # unexplained bytes between two shown packets worth a look
LOOK = 1 << 20           # bytes read at the start of such a stretch
BUDGET = 32 << 20        # bytes read in all (a recorder that pads to a constant rate)
_PES_VIDEO = re.compile(rb"\x00\x00\x01([\xe0-\xef])")


def _ts_video_pids(data: bytes) -> set[int]:
    """PIDs of the transport stream packets in ``data`` that start a video PES."""
    for size, lead in ((188, 0), (192, 4)):
        sync = next((o for o in range(lead, min(len(data), size + lead))
                     if data[o:o + 1] == b"\x47" and data[o + size:o + size + 1] == b"\x47"
                     and data[o + 2 * size:o + 2 * size + 1] == b"\x47"), None)
        if sync is None:
            continue
        count = (len(data) - sync + lead) // size
        table = np.frombuffer(data, np.uint8, count * size, sync - lead).reshape(count, size)
        packets = table[:, lead:]
        packets = packets[(packets[:, 0] == 0x47) & (packets[:, 1] & 0x40 != 0)]  # PES starts
        adaptation = np.where(packets[:, 3] & 0x20 != 0, packets[:, 4].astype(int) + 1, 0)
        at = 4 + adaptation
        ok = at + 4 <= size - lead
        rows, at = np.flatnonzero(ok), at[ok]
        head = packets[rows[:, None], at[:, None] + np.arange(4)]
        video = (head[:, 0] == 0) & (head[:, 1] == 0) & (head[:, 2] == 1) & (head[:, 3] >> 4 == 0xE)
        pids = (packets[rows[video], 1].astype(int) & 0x1F) << 8 | packets[rows[video], 2]
        return set(pids.tolist())
    return set()


def _ps_video_ids(data: bytes) -> set[int]:
    """Stream ids (0xE0–0xEF) of the program stream video PES headers in ``data``."""
    return {0x100 | m[0] for m in _PES_VIDEO.findall(data)}    # (FFmpeg's ids: 0x1E0…)


def _stretches(rows: list[Row], sizes: list[int], file_size: int
               ) -> list[tuple[int, int, int]]:
    """``(last row before, byte offset, length)`` of each stretch no shown packet explains,
    the longest first (rows without a position of their own come before it)."""
    known = [(n, r[3], s) for n, (r, s) in enumerate(zip(rows, sizes, strict=True)) if r[3] >= 0]
    if not known:
        return []
    ends = [(0, 0, 0)] + known          # (row, position, size) of the packet before
    nexts = [(n, pos) for n, pos, _s in known] + [(len(rows), file_size)]
    out = [(m - 1, pos + size, nxt - pos - size)
           for (_n, pos, size), (m, nxt) in zip(ends, nexts, strict=True)
           if nxt - pos > 2 * size + GAP]
    return sorted(out, key=lambda s: -s[2])


def unshown_note(path: Path, fmt: str, rows: list[Row], sizes: list[int], shown: set[int],
                 file_size: int) -> list[str]:
    """Warnings naming video the file holds under a stream id it did not announce (``shown``:
    the ids of the video streams it did)."""
    reader = {"mpegts": _ts_video_pids, "mpeg": _ps_video_ids}.get(fmt)
    if reader is None:
        return []
    found: dict[int, set[int]] = {}
    budget = BUDGET
    with open(path, "rb") as f:
        for row, at, length in _stretches(rows, sizes, file_size):
            f.seek(at)
            data = f.read(min(length, LOOK, budget))
            budget -= len(data)
            others = reader(data) - shown
            if others:
                found[max(0, row)] = others
    label, mask = ("PID", 0x1FFF) if fmt == "mpegts" else (_("stream"), 0xFF)
    return [_("the file also holds video of another stream ({streams}) after frame {n}: a "
              "recording from another source joined in, which is not shown; ask for it as a "
              "file of its own", streams=", ".join(f"{label} 0x{s & mask:X}" for s in sorted(ids)),
              n=row) for row, ids in sorted(found.items())]
