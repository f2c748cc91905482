"""Everything the investigation view shows for one case, read in one unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.casefile.access import load_case
from app.services.casefile.dto import EventDTO
from app.services.casefile.timeline import list_events
from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import Actor
from app.services.evidence.attachments import AttachmentDTO, list_attachments
from app.services.investigation import canvass, case_map, gaps, merged_timeline, tasks
from app.services.org.officers import list_officers


@dataclass(frozen=True)
class Board:
    case_id: int
    case_no: str
    title: str
    tz: str
    lat: float | None
    lon: float | None
    entries: list[canvass.CanvassEntry]
    gaps: list[gaps.Gap]
    tasks: list[tasks.TaskDTO]
    plan: case_map.CaseMapDTO | None
    attachments: list[AttachmentDTO]
    timeline: list[merged_timeline.TimelineEntry]
    events: list[EventDTO]
    officers: list[tuple[int, str]]


def load_board(session: Session, actor: Actor, case_id: int, *, now: datetime | None = None,
               data_dir: Path | None = None) -> Board:
    case = load_case(session, actor, case_id)
    plan = (case_map.adopt_legacy(session, actor, data_dir, case.id) if data_dir is not None
            else case_map.get_map(session, actor, case.id))
    return Board(
        case.id, case.case_no, case.title, case.tz or DEFAULT_TZ, case.lat, case.lon,
        canvass.list_canvass(session, actor, case.id, now), gaps.vanish_gaps(session, actor, case.id),
        tasks.list_tasks(session, actor, case.id), plan,
        list_attachments(session, actor, case.id),
        merged_timeline.merged_timeline(session, actor, case.id),
        list_events(session, actor, case.id),
        [(o.id, o.name) for o in list_officers(session, actor, squad_id=case.squad_id)])
