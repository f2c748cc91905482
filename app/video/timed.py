"""The index of a stream whose container times every frame (MP4, Matroska, AVI with an
index, FLV, …): the mode most files take."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from app.i18n import _
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex, Row, leading_frames, without_hidden
from app.video.recovery import Refresh


def timed_index(path: Path, rows: list[Row], info: dict[str, Any], fps: float | None,
                time_base: Fraction, size: int, truncated: bool, warnings: list[str],
                shown: list[bool], refresh: Refresh | None, *,
                seek_dts: bool = False) -> FrameIndex:
    """The index of a stream whose container gives every frame its presentation time: frames
    are ranked by it, and keyframes are reached by a timestamp seek. ``seek_dts``: the
    container flagged pictures that are no keyframes (:mod:`app.video.keyframes`), so its
    seek stops at any packet: the keyframe's own decode time lands on it."""
    pts = np.array([r[0] if r[0] is not None else r[1] for r in rows], dtype=np.int64)
    # seek by the keyframe's pts: FFmpeg's mov seek compares presentation times, and seeking
    # to the (earlier) dts of a B-frame stream's keyframe lands one whole GOP too early
    seek = pts.copy()
    if seek_dts:
        seek = np.array([r[1] if r[1] is not None else p for r, p in zip(rows, pts, strict=True)],
                        dtype=np.int64)
    keys = np.array([r[2] for r in rows], dtype=bool)
    if not all(shown):
        pts, seek, keys = without_hidden(pts, seek, keys, np.array(shown, dtype=bool))
    order = np.argsort(pts, kind="stable")
    ticks = pts[order]
    if np.any(np.diff(ticks) == 0):
        warnings.append(_("some frames share a timestamp (the recorder's clock stood still): "
                          "they are shown in the order recorded, at the same time"))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    key_index, key_seek, lead = rank[keys], seek[keys], leading_frames(pts, keys)
    placed = refresh.place(keys, rank) if refresh is not None else None
    if placed is not None:      # recovery points stand for the first frame they show
        key_index, kept = placed
        key_index, key_seek, lead = key_index[kept], key_seek[kept], lead[kept]
    by_index = np.argsort(key_index)
    key_index, key_seek, lead = key_index[by_index], key_seek[by_index], lead[by_index]
    if key_index.size == 0:
        raise VideoError(_("the video has no keyframe, so no frame can be decoded"), path)
    first = int(key_index[0])
    if first > 0:
        warnings.append(_("the first {n} frames come before any keyframe and cannot be decoded",
                          n=first))
        ticks, key_index = ticks[first:], key_index - first
    seconds = (ticks - ticks[0]).astype(np.float64) * float(time_base)
    if not fps:
        steps = np.diff(seconds)
        fps = float(1.0 / np.median(steps)) if steps.size and np.median(steps) > 0 else 25.0
    empty = np.zeros(0, dtype=np.int64)
    return FrameIndex(mode="pts", fps=fps, time_base=Fraction(time_base), ticks=ticks,
                      seconds=seconds, key_index=key_index, key_seek=key_seek, pkt_pos=empty,
                      pkt_size=empty, pkt_dts=empty, key_lead=lead, file_size=size,
                      truncated=truncated, warnings=warnings,
                      in_order=bool(pts.size and np.all(np.diff(pts) > 0)),
                      **info)
