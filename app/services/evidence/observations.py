"""Observations: a mark on one frame of one evidence file (ROI, note, tags, links).

The corrected wall time is computed here from the evidence start time, the frame's pts and the
clock offset in force, and refreshed whenever an offset or the evidence's start time changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Case, EvidenceItem, Inquiry, Observation, Person, Vehicle
from app.services.casefile.access import load_case
from app.services.casefile.vehicles import vehicle_label
from app.services.common import audit
from app.services.common.code_labels import label
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ConflictError, ValidationError
from app.services.common.rows import flush_or_conflict, get_or_raise
from app.services.evidence.items import load_item
from app.services.evidence.items import to_dto as evidence_dto
from app.services.evidence.picture_sizes import decode as decode_sizes
from app.services.evidence.picture_sizes import size_at

TAGS = ("vehicle", "person", "plate", "direction", "key")  # codes; the UI translates them
# "key": a key frame — the PDF case summary shows key frames (all observations when none is).


@dataclass(frozen=True)
class ObservationInput:
    evidence_id: int
    frame_index: int
    pts_s: float
    roi: tuple[int, int, int, int] | None = None  # x, y, w, h in image pixels
    note: str = ""
    tags: tuple[str, ...] = ()
    vehicle_id: int | None = None
    person_id: int | None = None
    inquiry_id: int | None = None
    filters_json: str = ""


@dataclass(frozen=True)
class ObservationDTO:
    id: int
    case_id: int
    evidence_id: int
    frame_index: int
    pts_s: float
    wall_time: datetime | None
    roi: tuple[int, int, int, int] | None
    note: str
    tags: tuple[str, ...]
    vehicle_id: int | None
    person_id: int | None
    inquiry_id: int | None
    filters_json: str
    evidence_sha256: str
    camera_id: int | None
    camera_label: str
    created_by_id: int | None
    created_at: datetime
    version: int


def _to_dto(o: Observation, ev: EvidenceItem) -> ObservationDTO:
    roi = ((o.roi_x, o.roi_y, o.roi_w, o.roi_h)
           if o.roi_x is not None and o.roi_y is not None and o.roi_w and o.roi_h is not None
           else None)
    e = evidence_dto(ev)
    return ObservationDTO(
        id=o.id, case_id=o.case_id, evidence_id=o.evidence_id, frame_index=o.frame_index,
        pts_s=o.pts_s, wall_time=o.wall_time, roi=roi, note=o.note or "",
        tags=tuple(t for t in (o.tags or "").split(",") if t), vehicle_id=o.vehicle_id,
        person_id=o.person_id, inquiry_id=o.inquiry_id, filters_json=o.filters_json or "",
        evidence_sha256=ev.sha256, camera_id=ev.camera_id, camera_label=e.camera_label,
        created_by_id=o.created_by_id, created_at=o.created_at, version=o.version,
    )


Linked = TypeVar("Linked", Vehicle, Person, Inquiry)


def _case_of(session: Session, model: type[Linked], row_id: int) -> int | None:
    row = session.get(model, row_id)
    return row.case_id if row is not None else None


def _validate(session: Session, case_id: int, ev: EvidenceItem, data: ObservationInput) -> None:
    errors: dict[str, str] = {}
    if data.frame_index < 0 or (ev.frame_count and data.frame_index >= ev.frame_count):
        errors["frame_index"] = _("Frame {index} is outside this clip (0–{last}).",
                                  index=data.frame_index, last=(ev.frame_count or 1) - 1)
    if data.roi is not None:
        x, y, w, h = data.roi
        width, height = size_at(decode_sizes(ev.sizes_json), data.frame_index, ev.width,
                                ev.height)
        if w <= 0 or h <= 0 or x < 0 or y < 0 or (
                width and height and (x + w > width or y + h > height)):
            errors["roi"] = _("The marked rectangle must lie inside the image.")
    unknown = [t for t in data.tags if t not in TAGS]
    if unknown:
        errors["tags"] = _("Unknown tag: {tag}.", tag=", ".join(unknown))
    for fld, model, value in (("vehicle_id", Vehicle, data.vehicle_id),
                              ("person_id", Person, data.person_id),
                              ("inquiry_id", Inquiry, data.inquiry_id)):
        if value is not None:
            row = session.get(model, value)
            if not isinstance(row, Vehicle | Person | Inquiry) or row.case_id != case_id:
                errors[fld] = _("The linked record does not belong to this case.")
    if errors:
        raise ValidationError(errors)


def _apply(o: Observation, ev: EvidenceItem, data: ObservationInput) -> None:
    wall = evidence_dto(ev).wall_time(float(data.pts_s))  # may lazy-load: before any change
    o.evidence_id = ev.id
    o.frame_index = int(data.frame_index)
    o.pts_s = float(data.pts_s)
    o.wall_time = wall
    o.roi_x, o.roi_y, o.roi_w, o.roi_h = data.roi if data.roi else (None, None, None, None)
    o.note = data.note.strip()
    o.tags = ",".join(dict.fromkeys(data.tags))
    o.vehicle_id, o.person_id, o.inquiry_id = data.vehicle_id, data.person_id, data.inquiry_id
    o.filters_json = data.filters_json


def _snapshot(o: Observation) -> dict:
    return {"frame_index": o.frame_index, "roi": [o.roi_x, o.roi_y, o.roi_w, o.roi_h],
            "note": o.note, "tags": o.tags, "vehicle_id": o.vehicle_id, "person_id": o.person_id,
            "inquiry_id": o.inquiry_id}


def add_observation(session: Session, actor: Actor, data: ObservationInput) -> ObservationDTO:
    ev = load_item(session, data.evidence_id)
    require(actor, Perm.CASE_EDIT, session.get(Case, ev.case_id))
    _validate(session, ev.case_id, ev, data)
    o = Observation(case_id=ev.case_id, created_by_id=actor.user_id)
    _apply(o, ev, data)
    session.add(o)
    session.flush()
    audit.record(session, actor, "observation.create", entity_type="observation", entity_id=o.id,
                 case_id=o.case_id, payload={**_snapshot(o), "evidence_sha256": ev.sha256})
    return _to_dto(o, ev)


def update_observation(session: Session, actor: Actor, observation_id: int, data: ObservationInput,
                       expected_version: int) -> ObservationDTO:
    o = _load(session, observation_id)
    require(actor, Perm.CASE_EDIT, session.get(Case, o.case_id))
    ev = load_item(session, data.evidence_id)
    if ev.case_id != o.case_id:
        raise ValidationError({"evidence_id": _("The linked record does not belong to this case.")})
    if o.version != expected_version:
        raise ConflictError(_("Someone else changed this observation; reload it."), "observation",
                            observation_id, mine=data.__dict__, theirs=_snapshot(o))
    _validate(session, o.case_id, ev, data)
    before = _snapshot(o)
    _apply(o, ev, data)
    flush_or_conflict(session, _("Someone else changed this observation; reload it."),
                      "observation", observation_id)
    audit.record(session, actor, "observation.update", entity_type="observation", entity_id=o.id,
                 case_id=o.case_id, payload={"before": before, "after": _snapshot(o)})
    return _to_dto(o, ev)


def delete_observation(session: Session, actor: Actor, observation_id: int) -> None:
    o = _load(session, observation_id)
    require(actor, Perm.CASE_EDIT, session.get(Case, o.case_id))
    snap, case_id = _snapshot(o), o.case_id
    session.delete(o)
    session.flush()
    audit.record(session, actor, "observation.delete", entity_type="observation",
                 entity_id=observation_id, case_id=case_id, payload=snap)


def _load(session: Session, observation_id: int) -> Observation:
    return get_or_raise(session, Observation, observation_id,
                        _("Observation {id} not found.", id=observation_id))


def get_observation(session: Session, actor: Actor, observation_id: int) -> ObservationDTO:
    o = _load(session, observation_id)
    require(actor, Perm.CASE_READ, session.get(Case, o.case_id))
    return _to_dto(o, o.evidence)


def list_observations(session: Session, actor: Actor, case_id: int, *,
                      evidence_id: int | None = None,
                      vehicle_id: int | None = None) -> list[ObservationDTO]:
    """Observations of a case ordered by corrected time (unknown times last)."""
    load_case(session, actor, case_id)
    q = select(Observation).where(Observation.case_id == case_id)
    if evidence_id is not None:
        q = q.where(Observation.evidence_id == evidence_id)
    if vehicle_id is not None:
        q = q.where(Observation.vehicle_id == vehicle_id)
    rows = session.scalars(q.order_by(Observation.wall_time.is_(None), Observation.wall_time,
                                      Observation.id)).all()
    return [_to_dto(o, o.evidence) for o in rows]


@dataclass(frozen=True)
class CaseLinks:
    """What an observation can be linked to: (id, label) pairs of the case's records."""

    vehicles: tuple[tuple[int, str], ...]
    persons: tuple[tuple[int, str], ...]
    inquiries: tuple[tuple[int, str], ...]


def case_links(session: Session, actor: Actor, case_id: int) -> CaseLinks:
    load_case(session, actor, case_id)
    vehicles = session.scalars(select(Vehicle).where(Vehicle.case_id == case_id)
                               .order_by(Vehicle.id)).all()
    persons = session.scalars(select(Person).where(Person.case_id == case_id)
                              .order_by(Person.id)).all()
    inquiries = session.scalars(select(Inquiry).where(Inquiry.case_id == case_id)
                                .order_by(Inquiry.id)).all()
    return CaseLinks(
        tuple((v.id, vehicle_label(v)) for v in vehicles),
        tuple((p.id, p.name or (p.description[:20] if p.description else label("person_role", p.role)))
              for p in persons),
        tuple((i.id, f"{i.team}：{i.objective[:24]}") for i in inquiries),
    )


__all__ = ["TAGS", "CaseLinks", "case_links", "ObservationDTO", "ObservationInput", "add_observation", "delete_observation",
           "get_observation", "list_observations", "update_observation"]
