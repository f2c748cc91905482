"""Index for streams whose frames are placed by counting decoder output (no usable pts):
raw elementary streams (``bytes`` mode, fed from file ranges) and containers that give only
decode timestamps for a reordering codec (``count`` mode, fed from the demuxer)."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from av.video.codeccontext import VideoCodecContext

from app.i18n import _
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex, Row
from app.video.nal import H264_IDR, HEVC_CRA_BLA, HEVC_IDR, HEVC_RASL
from app.video.packet import padded_packet
from app.video.recovery import Refresh, ranked_points
from app.video.unmarked import entered
from app.video.vop import B_VOP, I_VOP, NOT_CODED


def access_points(keys: list[int], types: list[int | None], codec: str,
                  reorders: bool) -> list[tuple[int, int]]:
    """``(packet index, RASL frames skipped when starting there)`` for every exact start."""
    points = []
    for d in keys:
        kind = types[d]
        if codec == "h264":
            if kind == H264_IDR or not reorders or d == keys[0]:
                points.append((d, 0))
        elif codec == "hevc":
            if kind in HEVC_IDR or not reorders:
                points.append((d, 0))
            elif kind in HEVC_CRA_BLA or d == keys[0]:
                n = d + 1
                while n < len(types) and types[n] in HEVC_RASL + (6, 7):
                    n += 1
                points.append((d, sum(1 for t in types[d + 1:n] if t in HEVC_RASL)))
        elif codec == "mpeg4" and kind == I_VOP:
            n, lead = d + 1, 0       # the B-pictures right after an I are shown before it:
            while n < len(types) and types[n] in (B_VOP, NOT_CODED):   # FFmpeg drops them
                lead += types[n] == B_VOP                              # when it starts there
                n += 1
            points.append((d, lead))
        elif not reorders or d == keys[0]:
            points.append((d, 0))
    return points


def presentation_ranks(orders: list) -> np.ndarray:
    """Presentation index of every access unit (decode order) from its picture order key."""
    order = sorted(range(len(orders)), key=lambda n: orders[n])
    rank = np.empty(len(orders), dtype=np.int64)
    rank[order] = np.arange(len(orders))
    return rank


def counted_index(path: Path, mode: str, rows: list[Row], sizes: list[int],
                  types: list[int | None], info: dict[str, Any], fps: float | None, size: int,
                  truncated: bool, warnings: list[str], reorders: bool,
                  orders: list | None = None, coded: list[bool] | None = None,
                  refresh: Refresh | None = None, clock: Fraction | None = None,
                  doubtful: list[bool] | None = None) -> FrameIndex:
    """``coded``: False for a packet that yields no frame (a not-coded MPEG-4 picture); it is
    still fed to the decoder but numbers no frame. ``refresh``: H.264 recovery points.
    ``clock``: the time base of the packets' decode times (count mode), which place frames in
    time. ``doubtful``: packets after damage whose pictures' places are a guess (frames shown
    out of decode order): their GOPs' frames are reported damaged."""
    keys = [n for n, r in enumerate(rows) if r[2]]
    if not keys:
        raise VideoError(_("the video has no keyframe, so no frame can be decoded"), path)
    if not fps:
        fps = 25.0
        warnings.append(_("the stream states no frame rate; 25 fps is assumed"))
    first = keys[0]
    if first > 0:
        rows, sizes, types = rows[first:], sizes[first:], types[first:]
        orders = orders[first:] if orders else orders
        coded = coded[first:] if coded else coded
        doubtful = doubtful[first:] if doubtful else doubtful
        keys = [k - first for k in keys]
    is_frame = np.ones(len(rows), dtype=bool) if coded is None else np.array(coded, dtype=bool)
    if coded is not None:
        types = [t if c else NOT_CODED for t, c in zip(types, coded, strict=True)]
    frame_of = np.cumsum(is_frame) - is_frame       # frame number of each packet's picture
    pos = np.array([r[3] for r in rows], dtype=np.int64)
    sz = np.array(sizes, dtype=np.int64)
    if mode == "bytes" and pos.size > 1 and not np.array_equal(pos[1:], pos[:-1] + sz[:-1]):
        raise VideoError(_("the stream has no timestamps and cannot be indexed exactly"), path)
    ranked = (orders is not None and len(orders) > 0
              and info["codec"] in ("h264", "hevc", "mpeg2video", "mpeg1video")
              and all(o is not None for o in orders))
    rank = presentation_ranks(orders) if ranked and orders else np.zeros(0, dtype=np.int64)
    if ranked:   # frames placed by picture order count: every keyframe is an access point
        entries, shown = ranked_points(keys, rank, refresh, first)
        points = [(d, 0) for d in entries]
    else:
        points = access_points(keys, types, info["codec"], reorders)
    # frames a sequential decode drops at the very start: the first keyframe's leading frames
    # (RASL pictures; the B-frames of an open GOP that an export starts at; the frames before
    # a recovery point's picture is whole)
    drop0 = int(shown[0]) if ranked else points[0][1]
    if ranked:                      # those frames get negative ranks: no frame
        rank, shown = rank - drop0, shown - drop0
    if first + drop0 > 0:
        warnings.append(_("the first {n} frames come before any keyframe and cannot be decoded",
                          n=first + drop0))
    feed = np.array([d for d, _lead in points], dtype=np.int64)
    if not ranked:
        shown = np.array([0] + [frame_of[d] + lead - drop0 for d, lead in points[1:]],
                         dtype=np.int64)
    total = int(is_frame.sum()) - drop0
    if mode == "bytes":
        last = int(feed[-1])
        expected = int(is_frame[last:].sum()) - points[-1][1] if not ranked \
            else int(np.count_nonzero(rank[last:] >= shown[-1]))
        got = _tail_frames(path, info["codec"], pos, sz, int(feed[-1]),
                           bool(info.get("unmarked_keys")))
        if got < expected:
            truncated = True
            warnings.append(_("the end of the stream is damaged or cut off; {n} of {total} "
                              "frames can be shown", n=total - (expected - got), total=total))
            total -= expected - got
    dts = np.array([r[1] if r[1] is not None else -1 for r in rows], dtype=np.int64)
    ticks = np.arange(total, dtype=np.int64)
    return FrameIndex(mode=mode, fps=fps,
                      time_base=1 / Fraction(fps).limit_denominator(100000), ticks=ticks,
                      seconds=_slot_times(dts, is_frame, drop0, total, clock, fps),
                      key_index=shown, key_seek=feed, pkt_pos=pos,
                      pkt_size=sz, pkt_dts=dts,
                      key_lead=np.array([lead for _d, lead in points], dtype=np.int64),
                      pkt_pts=rank, unsure=_unsure(doubtful, keys, rank, feed, shown, total),
                      file_size=size, truncated=truncated,
                      warnings=warnings, **info)


def _unsure(doubtful: list[bool] | None, keys: list[int], rank: np.ndarray, feed: np.ndarray,
            shown: np.ndarray, total: int) -> np.ndarray:
    """[first, last] frames around each doubtful packet: with picture order counts, the frames
    its GOP and the next one's packets (decode order, keyframe to keyframe) are shown as; else
    its GOP and the next by the keyframe fed before it (their leading frames and keyframes are
    placed by counting past the damage too)."""
    spans: list[list[int]] = []
    for d in np.flatnonzero(doubtful) if doubtful else []:
        if rank.size:
            at = max(0, int(np.searchsorted(keys, d, side="right")) - 1)
            end = keys[at + 2] if at + 2 < len(keys) else rank.size
            ranks = rank[keys[at]:end]
            span = [max(0, int(ranks.min())), min(total - 1, int(ranks.max()))]
        else:
            slot = max(0, int(np.searchsorted(feed, d, side="right")) - 1)
            span = [max(0, int(shown[slot])),
                    int(shown[slot + 2]) - 1 if slot + 2 < shown.size else total - 1]
        if not spans or spans[-1] != span:
            spans.append(span)
    return np.array(spans, dtype=np.int64).reshape(-1, 2)


def unsure_by_time(rows: list[Row], doubtful: list[bool]
                   ) -> Callable[[np.ndarray], np.ndarray]:
    """Frames placed by timestamps a demuxer guessed past damage (an AVI with B-frames: FFmpeg
    derives pts from its own packet count): for each doubtful packet, the frames whose times
    its GOP and the next one's packets span. Given the index's ticks, their [first, last]."""
    keys = [n for n, r in enumerate(rows) if r[2]]
    ranges = []
    for d in np.flatnonzero(doubtful):
        slot = max(0, int(np.searchsorted(keys, d, side="right")) - 1)
        start = keys[slot] if keys else 0
        end = keys[slot + 2] if slot + 2 < len(keys) else len(rows)
        times = [r[0] for r in rows[start:end] if r[0] is not None]
        if times:
            ranges.append((min(times), max(times)))

    def spans(ticks: np.ndarray) -> np.ndarray:
        out = [[int(np.searchsorted(ticks, low)), int(np.searchsorted(ticks, high, "right")) - 1]
               for low, high in ranges]
        return np.array(out, dtype=np.int64).reshape(-1, 2)
    return spans


def join_fields(second: list[bool], rows: list[Row], sizes: list[int],
                 types: list[int | None], orders: list) -> tuple[list[Row], list[int],
                                                              list[int | None], list]:
    """Raw streams: a field pair's two packets (contiguous bytes) become one packet."""
    out_rows: list[Row] = []
    out_sizes: list[int] = []
    out_types: list[int | None] = []
    out_orders: list = []
    for n, row in enumerate(rows):
        if second[n] and out_rows:
            out_sizes[-1] += sizes[n]
            continue
        out_rows.append(row)
        out_sizes.append(sizes[n])
        out_types.append(types[n])
        out_orders.append(orders[n] if n < len(orders) else None)
    return out_rows, out_sizes, out_types, out_orders


def frame_rate(rows: list[Row], time_base: Fraction) -> float | None:
    """Frames per second from the decode timestamps of consecutive frames (field-coded
    streams: the container's rate counts fields)."""
    dts = np.array([r[1] for r in rows if r[1] is not None], dtype=np.int64)
    steps = np.diff(dts)
    steps = steps[steps > 0]
    return float(1 / (np.median(steps) * float(time_base))) if steps.size else None


def _slot_times(dts: np.ndarray, is_frame: np.ndarray, drop0: int, total: int,
                clock: Fraction | None, fps: float) -> np.ndarray:
    """Seconds of each frame from the first. A container's decode times (AVI: one slot a
    frame, an empty chunk where the recorder dropped one) give the times frames are shown at,
    in order, B-frames or not; without them, a frame every 1/fps."""
    times = np.sort(dts[is_frame & (dts >= 0)])[drop0:drop0 + total]
    if clock is None or times.size != total or total == 0:
        return np.arange(total, dtype=np.float64) / fps
    return (times - times[0]).astype(np.float64) * float(clock)


def _tail_frames(path: Path, codec: str, pos: np.ndarray, size: np.ndarray, start: int,
                 unmarked: bool = False) -> int:
    """Decode a raw stream from its last access point: how many frames really come out (a
    stream cut off mid-copy ends in a partial packet that yields no frame). ``unmarked``: it
    may be an I-picture that needs telling (:mod:`app.video.unmarked`)."""
    cc = av.CodecContext.create(codec, "r")
    if not isinstance(cc, VideoCodecContext):
        return 0
    out = 0
    with open(path, "rb") as f:
        def feed(n: int | None) -> list[av.VideoFrame]:
            if n is None:
                return cc.decode(None)
            f.seek(int(pos[n]))
            packet = padded_packet(f.read(int(size[n])))
            try:
                return cc.decode(entered(packet) if unmarked and n == start else packet)
            except av.error.FFmpegError:
                return []
        if start > 0:
            feed(0)
            feed(None)
            cc.flush_buffers()
        for n in range(start, pos.size):
            out += len(feed(n))
        try:
            out += len(feed(None))
        except av.error.FFmpegError:
            pass
    return out
