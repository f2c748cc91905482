"""Reading the camera's own clock from the picture (Qt-free).

``read_clip_clock(video)`` finds the burned-in clock (or uses a region the officer drew), reads
it at sparse points pinned to the frames where the second ticks, and returns a
:class:`TimeProfile`: camera-clock start time, real frame rate, jumps and drift. ``suggest``
turns a profile and a reference into a proposed clock offset; ``roi_text`` reads a marked region
(plate, sign) as a suggestion only.
"""

from __future__ import annotations

from app.timeread.ocr import OcrEngine, OcrUnavailable, shared_engine
from app.timeread.parse import ParsedClock, parse_clock
from app.timeread.profile import ClockJump, TimeProfile, build_profile
from app.timeread.region import Box, ClockRegion, FrameSource, find_clock
from app.timeread.roi_text import TextSuggestion, read_region_text
from app.timeread.sampler import Cancel, Cancelled, ClockReader, Progress, Reading, sample_clip
from app.timeread.suggest import OffsetSuggestion, from_camera, from_photo


def read_clip_clock(video: FrameSource, *, roi: Box | None = None,
                    engine: OcrEngine | None = None, max_samples: int = 60,
                    progress: Progress | None = None,
                    cancel: Cancel | None = None) -> TimeProfile:
    """The time profile of ``video`` (``profile.found`` is False when it shows no clock)."""
    engine = engine or shared_engine()
    region = find_clock(video, engine, roi=roi)
    if region is None:
        return build_profile([], video.fps, video.frame_count, None)
    reader = ClockReader(video, region, engine)
    readings = sample_clip(reader, max_samples=max_samples, progress=progress, cancel=cancel)
    return build_profile(readings, video.fps, video.frame_count, region.box)


__all__ = [
    "Cancelled", "ClockJump", "ClockReader", "ClockRegion", "FrameSource", "OcrEngine",
    "OcrUnavailable", "OffsetSuggestion", "ParsedClock", "Reading", "TimeProfile",
    "build_profile", "find_clock", "from_camera", "from_photo", "parse_clock", "read_clip_clock",
    "read_region_text", "sample_clip", "shared_engine", "TextSuggestion",
]
