"""Everything a case report shows, gathered read-only into frozen dataclasses.

This module is the one place that knows where report data comes from. Until the case-file,
evidence and route services publish their DTOs it reads the ORM models directly (read-only);
the PDF layout only ever sees the dataclasses below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.i18n import _
from app.models import (
    AttributeChange,
    Case,
    CaseStatusChange,
    CustodyEvent,
    EvidenceItem,
    Inquiry,
    Meeting,
    Observation,
    Officer,
    Person,
    Squad,
    TimelineEvent,
    User,
    Vehicle,
)
from app.services.context import Actor, Perm, require
from app.services.errors import NotFoundError
from app.services.routes import case_routes

KEY_TAG = "key"  # observations tagged "key" are the report's key frames (else: all of them)


@dataclass(frozen=True)
class Change:
    field: str
    old: str | None
    new: str | None
    known_at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class CaseInfo:
    id: int
    case_no: str
    title: str
    status: str
    tz: str
    occurred_at: datetime | None
    reported_at: datetime | None
    solved_at: datetime | None
    closed_at: datetime | None
    address: str
    district: str
    road: str
    direction_of_travel: str
    light: str
    weather: str
    casualty_summary: str
    narrative: str
    lead_officer: str
    squad: str
    squad_id: int | None
    is_training: bool


@dataclass(frozen=True)
class PersonInfo:
    id: int
    role: str
    name: str | None
    gender: str
    age: int | None
    id_number: str | None
    phone: str | None
    address: str
    description: str
    identified: bool
    identified_at: datetime | None
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class VehicleInfo:
    id: int
    role: str
    kind: str
    colour: str
    plate: str | None
    unlicensed: bool
    make_model: str
    features: str
    damage: str
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class InquiryInfo:
    id: int
    team: str
    objective: str
    members: str
    status: str
    findings: str
    meeting_id: int | None


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    held_at: datetime
    location: str
    chair: str
    attendees: str
    decisions: str


@dataclass(frozen=True)
class EventInfo:
    id: int
    occurred_at: datetime
    kind: str
    title: str
    detail: str
    location: str
    team: str
    basis_ids: tuple[int, ...]
    observation_ids: tuple[int, ...]


@dataclass(frozen=True)
class KeyFrame:
    observation_id: int
    evidence_id: int
    sha256: str
    ext: str
    camera: str
    frame_index: int
    pts_s: float
    wall_time: datetime | None
    roi: tuple[int, int, int, int] | None
    filters_json: str
    note: str
    vehicle_id: int | None


@dataclass(frozen=True)
class RouteStop:
    """One sighting of a vehicle (corrected wall-clock order) and the leg that led to it."""

    vehicle_id: int
    vehicle: str
    wall_time: datetime | None
    camera: str
    observation_id: int
    leg_distance_m: float | None
    elapsed_s: float | None
    speed_kmh: float | None
    flag: str  # plain-words warning for an implausible leg ("" when fine)


@dataclass(frozen=True)
class CustodyInfo:
    at: datetime
    action: str
    by: str
    detail: str


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    sha256: str
    ext: str
    original_name: str
    size: int
    camera: str
    acquisition: str
    imported_at: datetime
    start_time: datetime | None
    duration_s: float | None
    custody: tuple[CustodyInfo, ...] = ()


@dataclass(frozen=True)
class StatusChangeInfo:
    at: datetime
    from_status: str | None
    to_status: str
    by: str
    reason: str


@dataclass(frozen=True)
class CaseReportData:
    case: CaseInfo
    case_history: tuple[Change, ...] = ()
    status_changes: tuple[StatusChangeInfo, ...] = ()
    persons: tuple[PersonInfo, ...] = ()
    vehicles: tuple[VehicleInfo, ...] = ()
    meetings: tuple[MeetingInfo, ...] = ()
    inquiries: tuple[InquiryInfo, ...] = ()
    events: tuple[EventInfo, ...] = ()
    key_frames: tuple[KeyFrame, ...] = ()
    route: tuple[RouteStop, ...] = ()
    evidence: tuple[EvidenceInfo, ...] = ()
    generated_by: str = ""
    observation_count: int = 0  # all observations of the case (key_frames may be fewer)


def find_case(session: Session, ref: str | int) -> Case:
    """A case by database id or by case number (``石峰-2023-0117``)."""
    case = None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        case = session.get(Case, int(ref))
    if case is None:
        case = session.scalar(select(Case).where(Case.case_no == str(ref)))
    if case is None:
        raise NotFoundError(_("No case {ref} was found.", ref=ref))
    return case


@dataclass(frozen=True)
class CaseHeading:
    id: int
    case_no: str
    title: str


def case_heading(session: Session, actor: Actor, case_ref: str | int) -> CaseHeading:
    """Number and title of a case (for dialogs that offer to export it)."""
    case = find_case(session, case_ref)
    require(actor, Perm.CASE_READ, case)
    return CaseHeading(case.id, case.case_no, case.title)


def _user_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.display_name)).all())


def _changes(rows: list[AttributeChange], users: dict[int, str]) -> tuple[Change, ...]:
    return tuple(Change(r.field, r.old_value, r.new_value, r.known_at or r.changed_at,
                        users.get(r.changed_by_id, ""), r.reason or "") for r in rows)


def _camera_label(ev: EvidenceItem) -> str:
    cam = ev.camera
    return f"{cam.code} {cam.name}".strip() if cam is not None else ""


def _key_observations(session: Session, case_id: int,
                      limit: int) -> tuple[list[Observation], int]:
    """Observations tagged "key" (else all), in corrected-time order, at most ``limit``;
    returns them and the case's total number of observations."""
    rows = session.scalars(
        select(Observation).where(Observation.case_id == case_id)
        .options(selectinload(Observation.evidence).selectinload(EvidenceItem.camera))
        .order_by(Observation.wall_time, Observation.id)).all()
    tagged = [o for o in rows if KEY_TAG in {t.strip() for t in (o.tags or "").split(",")}]
    return (tagged or list(rows))[:limit], len(rows)


def collect_case_report(session: Session, actor: Actor, case_ref: str | int, *,
                        max_key_frames: int = 40) -> CaseReportData:
    """Gather a case file for a report (read-only; permission ``report.export_pdf``)."""
    case = find_case(session, case_ref)
    require(actor, Perm.EXPORT_PDF, case)
    users = _user_names(session)
    lead = session.get(Officer, case.lead_officer_id) if case.lead_officer_id else None
    squad = session.get(Squad, case.squad_id) if case.squad_id else None
    changes = session.scalars(select(AttributeChange).where(AttributeChange.case_id == case.id)
                              .order_by(AttributeChange.known_at, AttributeChange.id)).all()
    by_entity: dict[tuple[str, int], list[AttributeChange]] = {}
    for ch in changes:
        by_entity.setdefault((ch.entity_type, ch.entity_id), []).append(ch)

    info = CaseInfo(
        id=case.id, case_no=case.case_no, title=case.title, status=case.status, tz=case.tz,
        occurred_at=case.occurred_at, reported_at=case.reported_at, solved_at=case.solved_at,
        closed_at=case.closed_at, address=case.address or "", district=case.district or "",
        road=case.road or "", direction_of_travel=case.direction_of_travel or "",
        light=case.light or "", weather=case.weather or "",
        casualty_summary=case.casualty_summary or "", narrative=case.narrative or "",
        lead_officer=f"{lead.name}（{lead.badge_no}）" if lead else "",
        squad=squad.name if squad else "", squad_id=case.squad_id, is_training=case.is_training)

    persons = tuple(PersonInfo(
        id=p.id, role=p.role, name=p.name, gender=p.gender or "", age=p.age,
        id_number=p.id_number, phone=p.phone, address=p.address or "",
        description=p.description or "", identified=p.identified, identified_at=p.identified_at,
        history=_changes(by_entity.get(("person", p.id), []), users))
        for p in session.scalars(select(Person).where(Person.case_id == case.id)
                                 .order_by(Person.id)))
    vehicles = tuple(VehicleInfo(
        id=v.id, role=v.role, kind=v.kind, colour=v.colour or "", plate=v.plate,
        unlicensed=v.unlicensed, make_model=v.make_model or "", features=v.features or "",
        damage=v.damage or "", history=_changes(by_entity.get(("vehicle", v.id), []), users))
        for v in session.scalars(select(Vehicle).where(Vehicle.case_id == case.id)
                                 .order_by(Vehicle.role, Vehicle.id)))
    meetings = tuple(MeetingInfo(m.id, m.held_at, m.location or "", m.chair or "",
                                 m.attendees or "", m.decisions or "")
                     for m in session.scalars(select(Meeting).where(Meeting.case_id == case.id)
                                              .order_by(Meeting.held_at, Meeting.id)))
    inquiry_rows = session.scalars(select(Inquiry).where(Inquiry.case_id == case.id)
                                   .order_by(Inquiry.id)).all()
    inquiries = tuple(InquiryInfo(i.id, i.team, i.objective or "", i.members or "", i.status,
                                  i.findings or "", i.meeting_id) for i in inquiry_rows)
    teams = {i.id: i.team for i in inquiry_rows}
    events = tuple(EventInfo(
        id=e.id, occurred_at=e.occurred_at, kind=e.kind, title=e.title, detail=e.detail or "",
        location=e.location or "", team=teams.get(e.inquiry_id, ""),
        basis_ids=tuple(sorted(b.id for b in e.basis)),
        observation_ids=tuple(sorted(o.id for o in e.observations)))
        for e in session.scalars(select(TimelineEvent).where(TimelineEvent.case_id == case.id)
                                 .options(selectinload(TimelineEvent.basis),
                                          selectinload(TimelineEvent.observations))
                                 .order_by(TimelineEvent.occurred_at, TimelineEvent.id)))

    key_obs, observation_count = _key_observations(session, case.id, max_key_frames)
    key_frames = tuple(KeyFrame(
        observation_id=o.id, evidence_id=o.evidence_id, sha256=o.evidence.sha256,
        ext=o.evidence.ext, camera=_camera_label(o.evidence), frame_index=o.frame_index,
        pts_s=o.pts_s, wall_time=o.wall_time,
        roi=(o.roi_x, o.roi_y, o.roi_w, o.roi_h) if None not in (
            o.roi_x, o.roi_y, o.roi_w, o.roi_h) else None,
        filters_json=o.filters_json or o.evidence.filters_json or "", note=o.note or "",
        vehicle_id=o.vehicle_id) for o in key_obs)
    route = _route(session, actor, case.id)
    evidence = _evidence(session, case.id, users)
    status_changes = tuple(StatusChangeInfo(s.changed_at, s.from_status, s.to_status,
                                            users.get(s.changed_by_id, ""), s.reason or "")
                           for s in session.scalars(select(CaseStatusChange)
                                                    .where(CaseStatusChange.case_id == case.id)
                                                    .order_by(CaseStatusChange.id)))
    return CaseReportData(
        case=info, case_history=_changes(by_entity.get(("case", case.id), []), users),
        status_changes=status_changes, persons=persons, vehicles=vehicles, meetings=meetings,
        inquiries=inquiries, events=events, key_frames=key_frames, route=route,
        evidence=evidence, generated_by=actor.display_name or actor.username,
        observation_count=observation_count)


def _route(session: Session, actor: Actor, case_id: int) -> tuple[RouteStop, ...]:
    """Sightings of the case's vehicles across cameras (from the routes service)."""
    return tuple(RouteStop(
        vehicle_id=r.vehicle_id, vehicle=r.vehicle_label, wall_time=p.wall_time,
        camera=p.camera_label, observation_id=p.observation_id, leg_distance_m=p.leg_distance_m,
        elapsed_s=p.elapsed_s, speed_kmh=p.speed_kmh, flag=p.message)
        for r in case_routes(session, actor, case_id) for p in r.points)


def _evidence(session: Session, case_id: int, users: dict[int, str]) -> tuple[EvidenceInfo, ...]:
    items = session.scalars(select(EvidenceItem).where(EvidenceItem.case_id == case_id)
                            .options(selectinload(EvidenceItem.camera))
                            .order_by(EvidenceItem.imported_at, EvidenceItem.id)).all()
    custody: dict[int, list[CustodyInfo]] = {}
    if items:
        for c in session.scalars(select(CustodyEvent)
                                 .where(CustodyEvent.evidence_id.in_([e.id for e in items]))
                                 .order_by(CustodyEvent.at, CustodyEvent.id)):
            custody.setdefault(c.evidence_id, []).append(
                CustodyInfo(c.at, c.action, users.get(c.user_id, ""), c.detail or ""))
    return tuple(EvidenceInfo(
        id=e.id, sha256=e.sha256, ext=e.ext, original_name=e.original_name, size=e.size,
        camera=_camera_label(e), acquisition=e.acquisition, imported_at=e.imported_at,
        start_time=e.start_time, duration_s=e.duration_s,
        custody=tuple(custody.get(e.id, []))) for e in items)
