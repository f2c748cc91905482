"""The camera's own clock read from the picture (OSD): profile an evidence item, store the
profile with every reading (frame-traceable), fill a missing start time, suggest a clock offset
from an officer's reference and record it only when an officer confirms.

Reading is slow (decode + OCR) and touches no database: :func:`read_profile` runs it off any
transaction, :func:`save_profile` stores the result in one short unit of work; :func:`profile_clip`
does both (CLI, worker).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.i18n import _
from app.models import Case, OsdProfile, OsdReading
from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.clock import zone
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError
from app.services.evidence import clips as evidence_svc
from app.services.evidence import clock_offsets, items
from app.services.evidence.wall_times import refresh_wall_times
from app.timeread import (
    OffsetSuggestion,
    Reading,
    TimeProfile,
    build_profile,
    from_camera,
    from_photo,
    read_clip_clock,
)
from app.timeread.region import Box
from app.timeread.sampler import Progress

OSD_METHOD = "OSD reading"
REFERENCE_UNCERTAINTY_S = 1.0  # a measured offset of the reference camera, unless better known


@dataclass(frozen=True)
class OsdProfileDTO:
    evidence_id: int
    created_at: datetime
    created_by_id: int | None
    region: tuple[int, int, int, int] | None
    region_method: str
    start_filled: bool
    profile: TimeProfile

    @property
    def found(self) -> bool:
        return self.profile.found


def _box_text(box: Sequence[float] | None) -> str:
    return ",".join(str(int(v)) for v in box) if box else ""


def _box(text: str) -> tuple[int, int, int, int] | None:
    parts = [int(v) for v in text.split(",") if v.strip()] if text else []
    return tuple(parts) if len(parts) == 4 else None  # type: ignore[return-value]


def _to_dto(row: OsdProfile) -> OsdProfileDTO:
    readings = [Reading(r.frame_index, r.pts_s, r.text,
                        datetime.fromisoformat(r.clock) if r.clock else None, r.confidence,
                        r.pinned) for r in row.readings]
    summary = json.loads(row.summary_json or "{}")
    box = _box(row.region)
    prof = build_profile(readings, summary.get("nominal_fps", 25.0),
                         summary.get("frame_count", 0), box)
    return OsdProfileDTO(row.evidence_id, row.created_at, row.created_by_id, box,
                         row.region_method, row.start_filled, prof)


def _case_tz(session: Session, case_id: int) -> ZoneInfo:
    case = session.get(Case, case_id)
    return zone(case.tz if case is not None else None)


def read_profile(paths: AppPaths, ev: items.EvidenceDTO, *, roi: Box | None = None,
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                 max_samples: int = 60) -> TimeProfile:
    """Read the clock of an evidence file (slow; no database)."""
    from app.video import open_video

    path = items.evidence_path(paths, ev)
    with open_video(path, index_dir=paths.cache_dir / "index") as video:
        return read_clip_clock(video, roi=roi, progress=progress, cancel=cancel,
                               max_samples=max_samples)


def save_profile(session: Session, actor: Actor, evidence_id: int, profile: TimeProfile,
                 region_method: str = "auto") -> OsdProfileDTO:
    """Store ``profile`` for the item (replacing an older one); a clip without a start time
    gets the clock's start, recorded with method "OSD reading"."""
    ev = items.load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, session.get(Case, ev.case_id))
    old = session.scalar(select(OsdProfile).where(OsdProfile.evidence_id == evidence_id))
    if old is not None:
        session.delete(old)
        session.flush()
    row = OsdProfile(
        evidence_id=evidence_id, created_by_id=actor.user_id, found=profile.found,
        region=_box_text(profile.box), region_method=region_method if profile.found else "",
        start_clock=profile.start_clock.isoformat() if profile.start_clock else "",
        start_uncertainty_s=profile.start_uncertainty_s, drift_s_per_h=profile.drift_s_per_h,
        real_fps=profile.real_fps,
        summary_json=json.dumps({"nominal_fps": profile.nominal_fps,
                                 "frame_count": profile.frame_count,
                                 "jumps": [j.__dict__ for j in profile.jumps],
                                 "notes": list(profile.notes)}))
    row.readings = [OsdReading(frame_index=r.frame_index, pts_s=r.pts_s, text=r.text[:200],
                               clock=r.clock.isoformat() if r.clock else "",
                               confidence=r.confidence, pinned=r.pinned, used=u)
                    for r, u in zip(profile.readings, profile.used, strict=True)]
    session.add(row)
    clock = profile.start_clock
    filled = ev.start_time is None and clock is not None
    if ev.start_time is None and clock is not None:
        require(actor, Perm.EVIDENCE_IMPORT, session.get(Case, ev.case_id))
        ev.start_time = clock.replace(tzinfo=_case_tz(session, ev.case_id))
        row.start_filled = True
    session.flush()
    audit.record(session, actor, "evidence.osd", entity_type="evidence", entity_id=evidence_id,
                 case_id=ev.case_id,
                 payload={"found": profile.found, "start_clock": row.start_clock,
                          "start_filled": filled, "method": OSD_METHOD if filled else "",
                          "readings": len(row.readings), "jumps": len(profile.jumps)})
    if filled:
        refresh_wall_times(session, evidence_id=evidence_id)
    session.refresh(row)
    return _to_dto(row)


def get_profile(session: Session, actor: Actor, evidence_id: int) -> OsdProfileDTO | None:
    ev = items.load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, session.get(Case, ev.case_id))
    row = session.scalar(select(OsdProfile).where(OsdProfile.evidence_id == evidence_id))
    return None if row is None else _to_dto(row)


def profile_clip(factory: sessionmaker[Session], paths: AppPaths, actor: Actor, evidence_id: int,
                 *, roi: Box | None = None, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None,
                 max_samples: int = 60) -> OsdProfileDTO:
    """Read and store the clock profile of one evidence item."""
    with unit_of_work(factory) as s:
        ev = items.get_evidence(s, actor, evidence_id)
    prof = read_profile(paths, ev, roi=roi, progress=progress, cancel=cancel,
                        max_samples=max_samples)
    with unit_of_work(factory) as s:
        return save_profile(s, actor, evidence_id, prof, "drawn" if roi else "auto")


def _stored(session: Session, actor: Actor, evidence_id: int
            ) -> tuple[items.EvidenceDTO, OsdProfileDTO]:
    ev = items.get_evidence(session, actor, evidence_id)
    dto = get_profile(session, actor, evidence_id)
    if dto is None or not dto.found:
        raise ValidationError({"osd": _("No clock has been read from this clip yet (or none was "
                                        "found): read the clock from the picture first.")})
    return ev, dto


def suggest_from_photo(session: Session, actor: Actor, evidence_id: int, dvr_shown: datetime,
                       standard: datetime) -> OffsetSuggestion:
    """From a photo of the DVR screen next to a standard clock (two local wall times)."""
    ev, dto = _stored(session, actor, evidence_id)
    sug = from_photo(dto.profile, dvr_shown, standard, _local(session, ev))
    if sug is None:
        raise ValidationError({"osd": _("The clock profile has no usable readings.")})
    return sug


def suggest_from_camera(session: Session, actor: Actor, evidence_id: int, event_frame: int,
                        event_pts_s: float, reference_evidence_id: int,
                        reference_pts_s: float) -> OffsetSuggestion:
    """From an event this clip and a reference clip (camera with a known offset) both show."""
    ev, dto = _stored(session, actor, evidence_id)
    ref = items.get_evidence(session, actor, reference_evidence_id)
    ref_wall = ref.wall_time(reference_pts_s)
    if ref.offset_source == "none" or ref_wall is None:
        raise ValidationError({"reference": _("The reference clip needs a start time and a known "
                                              "clock offset.")})
    true = ref_wall.astimezone(_case_tz(session, ev.case_id))
    sug = from_camera(dto.profile, event_pts_s, true, REFERENCE_UNCERTAINTY_S,
                      _local(session, ev), event_frame)
    if sug is None:
        raise ValidationError({"osd": _("The clock profile has no usable readings.")})
    return sug


def _local(session: Session, ev: items.EvidenceDTO) -> datetime | None:
    """The clip's start by its camera clock in the case's zone (None without a start)."""
    if ev.start_time is None:
        return None
    return ev.start_time.astimezone(_case_tz(session, ev.case_id))


def confirm_suggestion(session: Session, actor: Actor, evidence_id: int,
                       suggestion: OffsetSuggestion) -> items.EvidenceDTO:
    """The officer confirms: record the offset (method "OSD reading", the frames, who)."""
    ev = items.load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_IMPORT, session.get(Case, ev.case_id))
    frames = ", ".join(str(f) for f in suggestion.frames)
    note = _("OSD reading ({method}) ±{unc} s, frames {frames}; confirmed by {who}",
             method=suggestion.method, unc=suggestion.uncertainty_s, frames=frames,
             who=actor.display_name or actor.username)
    audit.record(session, actor, "evidence.osd_confirm", entity_type="evidence",
                 entity_id=evidence_id, case_id=ev.case_id, payload=suggestion.to_json())
    if ev.camera_id is not None:
        if ev.start_time is None:
            raise ValidationError({"start_time": _("The clip has no start time to date the offset.")})
        clock_offsets.add_clock_offset(session, actor, ev.camera_id, suggestion.offset_s, ev.start_time,
                                 OSD_METHOD, note)
        session.refresh(ev)
        return items.to_dto(ev)
    return evidence_svc.update_evidence(session, actor, evidence_id, ev.version,
                                        offset_override_s=suggestion.offset_s)


def missing_start(session: Session, actor: Actor, case_id: int) -> list[int]:
    """Ids of the case's clips that have no start time (they drop out of routes and sync)."""
    rows = evidence_svc.list_evidence(session, actor, case_id)
    return [e.id for e in rows if e.start_time is None and e.media_kind == "video"]


__all__ = ["OSD_METHOD", "OsdProfileDTO", "confirm_suggestion", "get_profile",
           "missing_start", "profile_clip", "read_profile", "save_profile", "suggest_from_camera",
           "suggest_from_photo"]
