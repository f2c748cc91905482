"""Stored corrected times of sightings, recomputed after a clock offset or start time changes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import EvidenceItem, Observation
from app.services.evidence.items import to_dto as evidence_dto


def refresh_wall_times(session: Session, *, camera_id: int | None = None,
                       evidence_id: int | None = None) -> int:
    """Recompute stored corrected times after an offset/start-time change; returns rows changed.

    Bookkeeping of a change already audited by the caller, so it writes no audit row itself.
    """
    q = select(Observation).join(EvidenceItem, Observation.evidence_id == EvidenceItem.id)
    if camera_id is not None:
        q = q.where(EvidenceItem.camera_id == camera_id)
    if evidence_id is not None:
        q = q.where(EvidenceItem.id == evidence_id)
    changed = 0
    session.expire_all()
    for o in session.scalars(q).all():
        new = evidence_dto(o.evidence).wall_time(o.pts_s)
        if new != o.wall_time:
            o.wall_time = new
            changed += 1
    session.flush()
    return changed
