"""Activity scans stored with the evidence item: the ROI, the parameters and the result
(segments, scores, which stretches were decoded and which only triaged), newest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.scan import EvidenceScan
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.evidence.items import load_item

if TYPE_CHECKING:  # the engine loads on first use
    from app.video.triage import TriageResult


@dataclass(frozen=True)
class StoredScan:
    """A stored scan; ``result`` is an :class:`app.video.triage.TriageResult`."""

    id: int
    evidence_id: int
    method: str
    roi: object
    params: dict
    scanned_at: datetime
    result: TriageResult


def save_scan(session: Session, actor: Actor, evidence_id: int,
              result: TriageResult) -> StoredScan:
    """Store ``result`` (a TriageResult) with the evidence item and audit it."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, session.get(Case, ev.case_id))
    row = EvidenceScan(evidence_id=ev.id, method=result.method,
                       roi_json=json.dumps(result.params.get("roi")),
                       params_json=json.dumps(result.params, sort_keys=True),
                       result_json=json.dumps(result.to_json()),
                       segments=len(result.segments), frames_decoded=result.frames_decoded,
                       wall_s=float(result.wall_s), scanned_by_id=actor.user_id)
    session.add(row)
    session.flush()
    audit.record(session, actor, "evidence.scan", entity_type="evidence", entity_id=ev.id,
                 case_id=ev.case_id, payload={"scan_id": row.id, "method": row.method,
                                              "segments": row.segments,
                                              "params": result.params})
    return _to_stored(row, result)


def latest_scan(session: Session, actor: Actor, evidence_id: int) -> StoredScan | None:
    """The newest stored scan of the clip, or None."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, session.get(Case, ev.case_id))
    row = session.scalars(select(EvidenceScan).where(EvidenceScan.evidence_id == evidence_id)
                          .order_by(EvidenceScan.id.desc()).limit(1)).first()
    if row is None:
        return None
    from app.video.triage import TriageResult

    return _to_stored(row, TriageResult.from_json(json.loads(row.result_json)))


def scanned_ids(session: Session, evidence_ids: list[int]) -> set[int]:
    """Which of ``evidence_ids`` have a stored scan."""
    if not evidence_ids:
        return set()
    return set(session.scalars(select(EvidenceScan.evidence_id)
                               .where(EvidenceScan.evidence_id.in_(evidence_ids))).all())


def _to_stored(row: EvidenceScan, result: TriageResult) -> StoredScan:
    return StoredScan(id=row.id, evidence_id=row.evidence_id, method=row.method,
                      roi=json.loads(row.roi_json or "null"),
                      params=json.loads(row.params_json or "{}"), scanned_at=row.scanned_at,
                      result=result)
