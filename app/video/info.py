"""VideoInfo: what ``probe`` reports about a file (frozen, JSON round-trip)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from app.video.index import FrameIndex


@dataclass(frozen=True)
class VideoInfo:
    """Probe result: container, codec, geometry, exact frame count, keyframes, start time."""

    path: str
    container: str
    codec: str
    width: int
    height: int
    pix_fmt: str
    fps: float
    frame_count: int
    duration: float
    start_time: datetime | None
    keyframes: tuple[int, ...]
    truncated: bool
    warnings: tuple[str, ...]
    timestamps: str          # "container" (pts from the file) or "derived" (raw stream: i / fps)
    bit_rate: int
    file_size: int
    sample_aspect: float = 1.0  # pixel width / height; display width = width * sample_aspect
    rotation: int = 0           # counter-clockwise degrees to show the stored frames upright
    segments: tuple[int, ...] = (0,)   # first frame of each recording joined into the file
    # camera clock (ISO, no zone; "" unknown) at each recording's start, when the file writes
    # one (Dahua DAV)
    segment_clocks: tuple[str, ...] = ()
    # pts (seconds from the first frame) of each recording's first frame
    segment_seconds: tuple[float, ...] = (0.0,)
    # (first frame, width, height) of each run of one picture size, stored orientation, when
    # the size changes mid-file; () when every frame is width × height
    sizes: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def from_index(cls, path: Path, index: FrameIndex) -> VideoInfo:
        return cls(path=str(path), container=index.container, codec=index.codec,
                   width=index.width, height=index.height, pix_fmt=index.pix_fmt,
                   fps=round(float(index.fps), 6), frame_count=index.frame_count,
                   duration=duration_of(index),
                   start_time=datetime.fromisoformat(index.start_time) if index.start_time else None,
                   keyframes=tuple(int(k) for k in index.key_index), truncated=index.truncated,
                   warnings=tuple(index.warnings),
                   timestamps="container" if index.mode == "pts" else "derived",
                   bit_rate=index.bit_rate, file_size=index.file_size,
                   sample_aspect=index.sample_aspect, rotation=index.rotation,
                   segments=tuple(index.segment_starts),
                   segment_clocks=tuple(index.segment_clock),
                   segment_seconds=tuple(float(index.seconds[s]) if s < len(index.seconds)
                                         else 0.0 for s in index.segment_starts),
                   sizes=tuple((int(n), int(w), int(h)) for n, w, h in index.size_runs))

    def to_json(self) -> dict:
        data = asdict(self)
        data["start_time"] = self.start_time.isoformat() if self.start_time else None
        data["keyframes"] = list(self.keyframes)
        data["warnings"] = list(self.warnings)
        data["segments"] = list(self.segments)
        data["segment_clocks"] = list(self.segment_clocks)
        data["segment_seconds"] = list(self.segment_seconds)
        data["sizes"] = [list(r) for r in self.sizes]
        return data

    @classmethod
    def from_json(cls, data: dict) -> VideoInfo:
        data = dict(data)
        start = data.get("start_time")
        data["start_time"] = datetime.fromisoformat(start) if start else None
        data["keyframes"] = tuple(data.get("keyframes", ()))
        data["warnings"] = tuple(data.get("warnings", ()))
        data["segments"] = tuple(data.get("segments", (0,)))
        data["segment_clocks"] = tuple(data.get("segment_clocks", ()))
        data["segment_seconds"] = tuple(data.get("segment_seconds", (0.0,)))
        data["sizes"] = tuple(tuple(r) for r in data.get("sizes", ()))
        return cls(**data)


def duration_of(index: FrameIndex) -> float:
    """Seconds from the first frame to the end of the last one."""
    if index.frame_count == 0:
        return 0.0
    last = float(index.seconds[-1])
    step = float(index.seconds[-1] - index.seconds[-2]) if index.frame_count > 1 else 0.0
    return round(last + (1.0 / index.fps if index.fps else step), 6)
