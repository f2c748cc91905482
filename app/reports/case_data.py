"""Everything a case report shows, gathered read-only into frozen dataclasses.

This module is the one place that knows where report data comes from: the case-file service
(``cases.get_case``), evidence, custody, observations and routes services. The PDF layout only
ever sees the dataclasses below.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from app.reports.investigation_data import InvestigationInfo, collect_investigation
from app.reports.recordings import RecordingSpan, recording_spans
from app.services.casefile import cases, comments
from app.services.casefile.access import load_case
from app.services.casefile.dto import AttributeChangeDTO, PersonDTO, VehicleDTO
from app.services.casefile.history import user_names
from app.services.common.context import Actor, Perm, require
from app.services.evidence import clips as evidence
from app.services.evidence import custody, observations
from app.services.evidence.routes import case_routes

_Info = TypeVar("_Info", "PersonInfo", "VehicleInfo")
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
class PersonInfo(PersonDTO):
    """A person of the case with the history of their identifying details."""

    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class VehicleInfo(VehicleDTO):
    """A vehicle of the case with the history of its description."""

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
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class ApprovalInfo:
    """A reviewer's recorded word on the case (approval of closing, or a comment)."""

    at: datetime
    by: str
    kind: str   # approve_close / comment
    text: str


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
    recordings: tuple[RecordingSpan, ...] = ()  # of a joined export (() for one recording)


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
    observation_count: int = 0
    investigation: InvestigationInfo | None = None  # canvass, tasks, other evidence, story
    approvals: tuple[ApprovalInfo, ...] = ()


@dataclass(frozen=True)
class CaseHeading:
    id: int
    case_no: str
    title: str


def case_heading(session: Session, actor: Actor, case_ref: str | int) -> CaseHeading:
    """Number and title of a case (for dialogs that offer to export it)."""
    case = load_case(session, actor, case_ref)
    return CaseHeading(case.id, case.case_no, case.title)


def _changes(rows: list[AttributeChangeDTO]) -> tuple[Change, ...]:
    return tuple(Change(r.field, r.old_value, r.new_value, r.known_at or r.changed_at,
                        r.changed_by_name, r.reason or "") for r in rows)


def _with_history(cls: type[_Info], dto: PersonDTO | VehicleDTO,
                  rows: list[AttributeChangeDTO]) -> _Info:
    """The report row for a service DTO: its fields as they are, plus its change history."""
    return cls(**{f.name: getattr(dto, f.name) for f in fields(dto)}, history=_changes(rows))


def collect_case_report(session: Session, actor: Actor, case_ref: str | int, *,
                        max_key_frames: int = 40, with_frames: bool = True) -> CaseReportData:
    """Gather a case file for a report (read-only; permission ``report.export_pdf``, and
    ``evidence.export`` on the case when its key frames go into the report)."""
    case = load_case(session, actor, case_ref, Perm.EXPORT_PDF)
    if with_frames:
        require(actor, Perm.EVIDENCE_EXPORT, case)
    d = cases.get_case(session, actor, case.id)
    by_entity: dict[tuple[str, int], list[AttributeChangeDTO]] = {}
    for ch in d.changes:
        by_entity.setdefault((ch.entity_type, ch.entity_id), []).append(ch)
    info = CaseInfo(
        id=d.id, case_no=d.case_no, title=d.title, status=d.status, tz=d.tz,
        occurred_at=d.occurred_at, reported_at=d.reported_at, solved_at=d.solved_at,
        closed_at=d.closed_at, address=d.address or "", district=d.district or "",
        road=d.road or "", direction_of_travel=d.direction_of_travel or "", light=d.light or "",
        weather=d.weather or "", casualty_summary=d.casualty_summary or "",
        narrative=d.narrative or "", lead_officer=d.lead_officer_name, squad=d.squad_name,
        squad_id=d.squad_id, is_training=d.is_training)
    persons = tuple(_with_history(PersonInfo, p, by_entity.get(("person", p.id), []))
                    for p in d.persons)
    vehicles = tuple(_with_history(VehicleInfo, v, by_entity.get(("vehicle", v.id), []))
                     for v in sorted(d.vehicles, key=lambda v: (v.role, v.id)))
    meetings = tuple(MeetingInfo(m.id, m.held_at, m.location or "", m.chair or "",
                                 "\n".join(m.attendees), m.decisions or "") for m in d.meetings)
    inquiries = tuple(InquiryInfo(i.id, i.team, i.objective or "", "\n".join(i.members),
                                  i.status, i.findings or "", i.meeting_id) for i in d.inquiries)
    teams = {i.id: i.team for i in d.inquiries}
    events = tuple(EventInfo(
        id=e.id, occurred_at=e.occurred_at, kind=e.kind, title=e.title, detail=e.detail or "",
        location=e.location or "",
        team=teams.get(e.inquiry_id, "") if e.inquiry_id is not None else "",
        basis_ids=tuple(sorted(e.basis_ids)), observation_ids=tuple(sorted(e.observation_ids)))
        for e in d.events)
    items = evidence.list_evidence(session, actor, d.id)
    key_frames, observation_count = (_key_frames(session, actor, d.id, items, max_key_frames)
                                     if with_frames else ((), 0))
    status_changes = tuple(StatusChangeInfo(s.changed_at, s.from_status, s.to_status,
                                            s.changed_by_name, s.reason or "")
                           for s in d.status_history)
    return CaseReportData(
        case=info, case_history=_changes(by_entity.get(("case", d.id), [])),
        status_changes=status_changes, persons=persons, vehicles=vehicles, meetings=meetings,
        inquiries=inquiries, events=events, key_frames=key_frames,
        route=_route(session, actor, d.id), evidence=_evidence(session, actor, items),
        generated_by=actor.display_name or actor.username,
        observation_count=observation_count,
        investigation=collect_investigation(session, actor, d.id),
        approvals=tuple(ApprovalInfo(c.at, c.user_name, c.kind, c.text)
                        for c in comments.list_comments(session, actor, d.id)))


def _key_frames(session: Session, actor: Actor, case_id: int, items: list,
                limit: int) -> tuple[tuple[KeyFrame, ...], int]:
    """Observations tagged "key" (else all), in corrected-time order, at most ``limit``;
    returns them and the case's total number of observations."""
    rows = observations.list_observations(session, actor, case_id)
    tagged = [o for o in rows if KEY_TAG in o.tags]
    by_id = {e.id: e for e in items}
    frames = tuple(KeyFrame(
        observation_id=o.id, evidence_id=o.evidence_id, sha256=o.evidence_sha256,
        ext=by_id[o.evidence_id].ext, camera=o.camera_label, frame_index=o.frame_index,
        pts_s=o.pts_s, wall_time=o.wall_time, roi=o.roi,
        filters_json=o.filters_json or by_id[o.evidence_id].filters_json or "", note=o.note,
        vehicle_id=o.vehicle_id) for o in (tagged or rows)[:limit])
    return frames, len(rows)


def _route(session: Session, actor: Actor, case_id: int) -> tuple[RouteStop, ...]:
    """Sightings of the case's vehicles across cameras (from the routes service)."""
    return tuple(RouteStop(
        vehicle_id=r.vehicle_id, vehicle=r.vehicle_label, wall_time=p.wall_time,
        camera=p.camera_label, observation_id=p.observation_id, leg_distance_m=p.leg_distance_m,
        elapsed_s=p.elapsed_s, speed_kmh=p.speed_kmh, flag=p.message, lat=p.lat, lon=p.lon)
        for r in case_routes(session, actor, case_id) for p in r.points)


def _evidence(session: Session, actor: Actor, items: list) -> tuple[EvidenceInfo, ...]:
    logs = {e.id: custody.custody_log(session, actor, e.id) for e in items}
    names = user_names(session, (c.user_id for log in logs.values() for c in log))
    return tuple(EvidenceInfo(
        id=e.id, sha256=e.sha256, ext=e.ext, original_name=e.original_name, size=e.size,
        camera=e.camera_label, acquisition=e.acquisition, imported_at=e.imported_at,
        start_time=e.start_time, duration_s=e.duration_s, recordings=recording_spans(e),
        custody=tuple(CustodyInfo(c.at, c.action, names.get(c.user_id, ""), c.detail or "")
                      for c in logs[e.id])) for e in items)
