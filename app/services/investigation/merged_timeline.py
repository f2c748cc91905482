"""One timeline of a case: timeline events (facts, inferences, actions), CCTV sightings (marks
with a corrected time), search and canvass tasks, statements and photos when they were taken,
evidence-request letters handed over, canvass milestones and custody milestones (imports,
exports, failed verifications) — in time order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Camera, CaseCamera, CustodyEvent, EvidenceItem, EvidenceRequest
from app.models.enums import CoverageStatus, CustodyAction
from app.services.casefile.access import load_case
from app.services.casefile.timeline import list_events
from app.services.common import coded_text
from app.services.common.code_labels import label
from app.services.common.context import Actor
from app.services.evidence.attachments import AttachmentDTO, list_attachments
from app.services.evidence.observations import list_observations
from app.services.investigation.tasks import list_tasks

MILESTONES = (CustodyAction.IMPORT.value, CustodyAction.EXPORT.value,
              CustodyAction.VERIFY_FAILED.value)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    source: str     # event / mark / task / evidence / request / canvass / custody
    kind: str       # event kind, task status, evidence kind, custody action, coverage status
    title: str
    detail: str = ""
    ref_id: int = 0


def _titled(a: AttachmentDTO) -> str:
    what = a.detail.description or a.detail.person or a.evidence.original_name
    return f"{label('evidence_kind', a.kind)}：{what}"


def _task_entries(session: Session, actor: Actor, case_id: int) -> list[TimelineEntry]:
    out = []
    for t in list_tasks(session, actor, case_id):
        if t.started_at is None or t.created_at <= t.started_at:  # else: recorded afterwards
            out.append(TimelineEntry(t.created_at, "task", "planned",
                                     _("Task set: {title}", title=t.title), t.address, t.id))
        if t.started_at:
            out.append(TimelineEntry(t.started_at, "task", "in_progress",
                                     _("Task started: {title}", title=t.title),
                                     t.assignee_name, t.id))
        if t.finished_at:
            out.append(TimelineEntry(t.finished_at, "task", t.status,
                                     _("Task finished: {title}", title=t.title), t.result, t.id))
    return out


def _canvass_entries(session: Session, case_id: int) -> list[TimelineEntry]:
    out = []
    rows = session.execute(select(CaseCamera, Camera).join(Camera, Camera.id == CaseCamera.camera_id)
                           .where(CaseCamera.case_id == case_id)).all()
    for entry, cam in rows:
        if entry.status != CoverageStatus.TO_ASK.value:
            out.append(TimelineEntry(entry.status_at, "canvass", entry.status,
                                     f"{cam.code} {cam.name}：{label('coverage', entry.status)}",
                                     entry.note or "", entry.id))
    for req, cam in session.execute(select(EvidenceRequest, Camera)
                                    .join(Camera, Camera.id == EvidenceRequest.camera_id)
                                    .where(EvidenceRequest.case_id == case_id)).all():
        if req.handed_over_at:
            out.append(TimelineEntry(req.handed_over_at, "request", "handed_over",
                                     _("Evidence request {no} handed to {who} ({camera})",
                                       no=req.doc_no, who=req.handed_to or cam.owner_unit,
                                       camera=cam.code), "", req.id))
    return out


def _custody_entries(session: Session, case_id: int) -> list[TimelineEntry]:
    rows = session.execute(select(CustodyEvent, EvidenceItem.original_name)
                           .join(EvidenceItem, EvidenceItem.id == CustodyEvent.evidence_id)
                           .where(EvidenceItem.case_id == case_id,
                                  CustodyEvent.action.in_(MILESTONES))).all()
    return [TimelineEntry(c.at, "custody", c.action, f"{label('custody', c.action)}：{name}",
                          coded_text.render(c.detail), c.evidence_id) for c, name in rows]


def merged_timeline(session: Session, actor: Actor, case_id: int, *,
                    custody: bool = True) -> list[TimelineEntry]:
    """Everything dated in a case, oldest first (ties: events, marks, then the rest)."""
    case = load_case(session, actor, case_id)
    out = [TimelineEntry(e.occurred_at, "event", e.kind, e.title, e.detail, e.id)
           for e in list_events(session, actor, case.id)]
    out += [TimelineEntry(o.wall_time, "mark", "sighting", f"{o.camera_label}：{o.note}",
                          f"#{o.frame_index}", o.id)
            for o in list_observations(session, actor, case.id) if o.wall_time is not None]
    out += _task_entries(session, actor, case.id)
    out += [TimelineEntry(a.detail.taken_at, "evidence", a.kind,
                          _titled(a),
                          a.detail.text[:200] or a.detail.place, a.evidence.id)
            for a in list_attachments(session, actor, case.id) if a.detail.taken_at]
    out += _canvass_entries(session, case.id)
    if custody:
        out += _custody_entries(session, case.id)
    rank = {"event": 0, "mark": 1}
    return sorted(out, key=lambda e: (e.at, rank.get(e.source, 2), e.ref_id))
