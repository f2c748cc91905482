"""Key frames for reports: read from the evidence store, verified, enhanced, ROI drawn.

A missing, altered or undecodable evidence file never stops a report: the frame comes back
as ``RenderedFrame(placeholder=True, warning=...)`` and the layout draws a marked placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from app.i18n import _
from app.reports.case_data import KeyFrame
from app.services.evidence.store import hash_file, store_path
from app.video.filters import FilterChain
from app.video.source import VideoSource, open_video

ROI_COLOUR = (0, 0, 255)  # BGR red
MAX_WIDTH = 960


@dataclass(frozen=True)
class RenderedFrame:
    observation_id: int
    jpeg: bytes           # empty for a placeholder
    width: int
    height: int
    placeholder: bool
    warning: str = ""     # plain-words problem for the user ("" when all is well)
    enhancement: str = ""  # the filters applied, described ("" = original frame)


def apply_filters(frame: np.ndarray, filters_json: str) -> tuple[np.ndarray, str]:
    """Apply the enhancement saved on the observation; returns (frame, description or "")."""
    if not filters_json.strip():
        return frame, ""
    chain = FilterChain.from_json(filters_json)
    if not chain:
        return frame, ""
    return chain.apply(frame), chain.describe()


def draw_roi(frame: np.ndarray, roi: tuple[int, int, int, int] | None) -> np.ndarray:
    if roi is None:
        return frame
    x, y, w, h = roi
    out = frame.copy()
    thick = max(2, round(max(frame.shape[:2]) / 320))
    cv2.rectangle(out, (x, y), (x + w, y + h), ROI_COLOUR, thick)
    return out


def encode_jpeg(frame: np.ndarray, max_width: int = MAX_WIDTH, quality: int = 85) -> bytes:
    h, w = frame.shape[:2]
    if w > max_width:
        frame = cv2.resize(frame, (max_width, round(h * max_width / w)),
                           interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return buf.tobytes()


class FrameRenderer:
    """Renders key frames; each evidence file is hash-verified and opened once per renderer.

    Use as a context manager (closes the decoders).
    """

    def __init__(self, evidence_dir: Path, index_dir: Path | None = None):
        self.evidence_dir = Path(evidence_dir)
        self.index_dir = index_dir
        self._verified: dict[tuple[str, str], str] = {}  # (sha, ext) → problem ("" = ok)
        self._videos: dict[Path, VideoSource] = {}

    def __enter__(self) -> FrameRenderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for video in self._videos.values():
            video.close()
        self._videos.clear()

    def _read(self, path: Path, index: int) -> np.ndarray:
        if path not in self._videos:
            self._videos[path] = open_video(path, cache_bytes=64 << 20, index_dir=self.index_dir)
        return self._videos[path].read(index)

    def _check(self, kf: KeyFrame) -> tuple[Path, str]:
        path = store_path(self.evidence_dir, kf.sha256, kf.ext)
        key = (kf.sha256, kf.ext)
        if key not in self._verified:
            if not path.is_file():
                problem = _("Evidence file is missing from the store: {name}", name=path.name)
            elif hash_file(path) != kf.sha256:
                problem = _("Evidence file does not match its SHA-256 (altered or corrupt): "
                            "{name}", name=path.name)
            else:
                problem = ""
            self._verified[key] = problem
        return path, self._verified[key]

    def render(self, kf: KeyFrame) -> RenderedFrame:
        path, problem = self._check(kf)
        if problem:
            return RenderedFrame(kf.observation_id, b"", 0, 0, True, problem)
        try:
            frame = self._read(path, kf.frame_index)
        except Exception as exc:  # noqa: BLE001 - any decoder failure becomes a placeholder
            return RenderedFrame(kf.observation_id, b"", 0, 0, True,
                                 _("Frame {index} of {name} could not be decoded: {error}",
                                   index=kf.frame_index, name=path.name, error=exc))
        warning = ""
        raw_shape = frame.shape
        try:
            frame, enhancement = apply_filters(frame, kf.filters_json)
        except Exception as exc:  # noqa: BLE001 - show the raw frame rather than nothing
            enhancement = ""
            warning = _("Saved enhancement could not be applied to observation {id}: {error}",
                        id=kf.observation_id, error=exc)
        # A crop/zoom filter changes the geometry: the crop itself then shows the region.
        if frame.shape == raw_shape:
            frame = draw_roi(frame, kf.roi)
        jpeg = encode_jpeg(frame)
        h, w = frame.shape[:2]
        scale = min(1.0, MAX_WIDTH / w)
        return RenderedFrame(kf.observation_id, jpeg, round(w * scale), round(h * scale), False,
                             warning, enhancement)
