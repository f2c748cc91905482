"""Suggested clock offsets from a clip's time profile and an officer's reference.

Offsets follow the case's convention: true time = stored camera time + offset, where the stored
camera time of a frame is the evidence start time + pts. When the picture's clock and the stored
start time disagree, the difference is folded in, so the suggestion always fits the stored start.
A suggestion is only a proposal: nothing here writes to the case.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from app.timeread.profile import TimeProfile

PHOTO_READ_S = 0.5   # each display of a photographed pair shows whole seconds


@dataclass(frozen=True)
class OffsetSuggestion:
    offset_s: float
    uncertainty_s: float
    method: str                 # "photo" or "camera"
    frames: tuple[int, ...]     # frames of this clip the suggestion rests on
    at_pts_s: float             # where the camera clock was taken from the profile

    def to_json(self) -> dict:
        return {"offset_s": self.offset_s, "uncertainty_s": self.uncertainty_s,
                "method": self.method, "frames": list(self.frames), "at_pts_s": self.at_pts_s}


def _naive(t: datetime) -> datetime:
    return t.replace(tzinfo=None)


def _stored_vs_picture(profile: TimeProfile, start_time: datetime | None, pts_s: float) -> float:
    """(picture clock − stored camera time) at ``pts_s``, 0 when no start time is stored."""
    clock = profile.clock_at(pts_s)
    if start_time is None or clock is None:
        return 0.0
    return (clock - _naive(start_time)).total_seconds() - pts_s


def from_photo(profile: TimeProfile, dvr_shown: datetime, standard: datetime,
               start_time: datetime | None) -> OffsetSuggestion | None:
    """From a photo of the DVR screen beside a standard clock (both as local wall times).

    The camera's drift between the footage and the photo is taken out when the profile measured
    one; its uncertainty grows with the hours in between.
    """
    seg = profile.main
    if seg is None:
        return None
    first, last = profile.readings[seg.first], profile.readings[seg.last]
    at = (first.pts_s + last.pts_s) / 2
    offset = (_naive(standard) - _naive(dvr_shown)).total_seconds()
    clock = profile.clock_at(at)
    unc = math.hypot(PHOTO_READ_S, PHOTO_READ_S) + (profile.start_uncertainty_s or 0.0)
    drift = profile.drift_s_per_h
    if drift is not None and clock is not None:
        hours = (_naive(dvr_shown) - clock).total_seconds() / 3600.0
        offset += drift * hours  # a fast clock had gained less at the time of the footage
        unc += abs(hours) * 0.2
    offset += _stored_vs_picture(profile, start_time, at)
    return OffsetSuggestion(round(offset, 2), round(unc, 2), "photo", profile.pinned_frames(), at)


def from_camera(profile: TimeProfile, event_pts_s: float, event_true: datetime,
                reference_uncertainty_s: float, start_time: datetime | None,
                event_frame: int) -> OffsetSuggestion | None:
    """From an event this clip and a reference camera both saw: ``event_true`` is the corrected
    time of the event in the reference clip, ``event_pts_s`` where this clip shows it."""
    clock = profile.clock_at(event_pts_s)
    if clock is None:
        return None
    offset = (_naive(event_true) - clock).total_seconds()
    offset += _stored_vs_picture(profile, start_time, event_pts_s)
    frame_s = 1.0 / profile.nominal_fps
    unc = reference_uncertainty_s + (profile.start_uncertainty_s or 0.0) + 2 * frame_s
    frames = tuple(sorted({event_frame, *profile.pinned_frames(3)}))
    return OffsetSuggestion(round(offset, 2), round(unc, 2), "camera", frames, event_pts_s)
