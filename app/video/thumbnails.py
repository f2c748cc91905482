"""Timeline thumbnails decoded from keyframes only (fast: one keyframe per thumbnail)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import av
import cv2
import numpy as np

from app.video.decoder import FrameDecoder
from app.video.errors import VideoCancelled
from app.video.persisted import load_or_build
from app.video.pixels import to_bgr, turned

if TYPE_CHECKING:
    from app.video.source import VideoSource


def pick_keyframes(keyframes: list[int], count: int) -> list[int]:
    """``count`` keyframes spread evenly over the clip (fewer if it has fewer keyframes)."""
    if count <= 0 or not keyframes:
        return []
    if count >= len(keyframes):
        return list(keyframes)
    picks = np.linspace(0, len(keyframes) - 1, count).round().astype(int)
    return [keyframes[p] for p in dict.fromkeys(picks.tolist())]


def thumbnails(path_or_source: str | Path | VideoSource, count: int, width: int = 160, *,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> list[tuple[int, np.ndarray]]:
    """``count`` evenly spaced keyframe thumbnails as ``(frame index, BGR array)`` pairs.

    Accepts a path or an open :class:`~app.video.source.VideoSource` (whose index is reused; its
    own decoder and cache are left alone).
    """
    if isinstance(path_or_source, (str, Path)):
        path = Path(path_or_source)
        index = load_or_build(path, None, None)
    else:
        path, index = path_or_source.path, path_or_source.index
    picks = pick_keyframes([int(k) for k in index.key_index], count)
    decoder = FrameDecoder(path, index, threads=1)
    out: list[tuple[int, np.ndarray]] = []
    got: list[av.VideoFrame] = []

    def keep(_i: int, frame: av.VideoFrame) -> None:
        got.append(frame)

    try:
        for n, key in enumerate(picks):
            if cancel is not None and cancel():
                raise VideoCancelled(path)
            got.clear()
            decoder.decode(key, key, keep)
            if got:
                img = to_bgr(got[-1], index.matrix, index.full_range)
                img = turned(img, index.rotation)
                h = max(1, round(img.shape[0] * width / img.shape[1]))
                out.append((key, cv2.resize(img, (width, h), interpolation=cv2.INTER_AREA)))
            if progress is not None:
                progress(n + 1, len(picks))
    finally:
        decoder.close()
    return out
