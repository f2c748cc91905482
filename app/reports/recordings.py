"""The recordings of a joined DVR export, as the evidence dialog and the PDF list them: where
each starts — by the camera's clock and corrected — and which frames of the file it holds.

A file of one recording lists none (its start is the file's start)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.services.evidence.items import EvidenceDTO
from app.services.evidence.segments import camera_time


@dataclass(frozen=True)
class RecordingSpan:
    number: int                   # 1, 2, … in the file's order
    first_frame: int
    last_frame: int | None        # None when the file's frame count is unknown
    camera_start: datetime | None  # by the camera's clock (None without a start time)
    start: datetime | None        # corrected (+ the clock offset in force)


def recording_spans(ev: EvidenceDTO) -> tuple[RecordingSpan, ...]:
    """The recordings of ``ev`` when it holds more than one; () otherwise."""
    recs = ev.recordings
    if len(recs) < 2:
        return ()
    out = []
    for k, rec in enumerate(recs):
        if k + 1 < len(recs):
            last: int | None = recs[k + 1].frame - 1
        else:
            last = ev.frame_count - 1 if ev.frame_count else None
        out.append(RecordingSpan(k + 1, rec.frame, last,
                                 camera_time(ev.start_time, recs, rec.pts_s),
                                 ev.wall_time(rec.pts_s)))
    return tuple(out)


def frame_range(span: RecordingSpan) -> str:
    """``0–57`` (``57–…`` when the end is unknown)."""
    return f"{span.first_frame}–{'…' if span.last_frame is None else span.last_frame}"
