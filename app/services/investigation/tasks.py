"""Search and canvass tasks: a grid search of an area drawn on the map or a canvass of an
address, assigned to an officer, with a status and a result, linked to the inference that
triggered it and to the timeline event recording what it found.

``area`` is a WGS-84 polygon ((lat, lon), ...). Status moves planned → assigned → in progress →
done (or cancelled); finishing asks for a result in words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Officer, SearchTask, TimelineEvent
from app.models.enums import EventKind, TaskKind, TaskStatus
from app.services.casefile.access import load_case
from app.services.common import audit
from app.services.common.context import Actor, Perm
from app.services.common.errors import ConflictError, ValidationError
from app.services.common.rows import flush_or_conflict, get_or_raise

Point = tuple[float, float]
_FIELDS = ("kind", "title", "area", "address", "assignee_id", "status", "result", "inquiry_id",
           "trigger_event_id", "found_event_id", "started_at", "finished_at")


@dataclass(frozen=True)
class TaskInput:
    kind: str
    title: str
    area: tuple[Point, ...] = ()
    address: str = ""
    assignee_id: int | None = None
    status: str = TaskStatus.PLANNED.value
    result: str = ""
    inquiry_id: int | None = None
    trigger_event_id: int | None = None
    found_event_id: int | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True)
class TaskDTO(TaskInput):
    id: int = 0
    case_id: int = 0
    assignee_name: str = ""
    trigger_title: str = ""
    found_title: str = ""
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    version: int = 1

    def as_input(self) -> TaskInput:
        return TaskInput(**{f: getattr(self, f) for f in _FIELDS})


def _area(row: SearchTask) -> tuple[Point, ...]:
    try:
        return tuple((float(a), float(b)) for a, b in json.loads(row.area_json or "[]"))
    except (ValueError, TypeError):
        return ()


def task_dto(session: Session, row: SearchTask) -> TaskDTO:
    def title(event_id: int | None) -> str:
        ev = session.get(TimelineEvent, event_id) if event_id else None
        return ev.title if ev else ""
    officer = session.get(Officer, row.assignee_id) if row.assignee_id else None
    return TaskDTO(kind=row.kind, title=row.title, area=_area(row), address=row.address or "",
                   assignee_id=row.assignee_id, status=row.status, result=row.result or "",
                   inquiry_id=row.inquiry_id, trigger_event_id=row.trigger_event_id,
                   found_event_id=row.found_event_id, started_at=row.started_at,
                   finished_at=row.finished_at, id=row.id, case_id=row.case_id,
                   assignee_name=officer.name if officer else "",
                   trigger_title=title(row.trigger_event_id), found_title=title(row.found_event_id),
                   created_at=row.created_at, version=row.version)


def _validate(session: Session, case_id: int, data: TaskInput) -> dict:
    errors: dict[str, str] = {}
    if data.kind not in TaskKind._value2member_map_:
        errors["kind"] = _("Choose grid search or canvass.")
    if data.status not in TaskStatus._value2member_map_:
        errors["status"] = _("Unknown task status: {status}.", status=data.status)
    if not data.title.strip():
        errors["title"] = _("The task needs a short title.")
    if data.kind == TaskKind.GRID_SEARCH.value and data.area and len(data.area) < 3:
        errors["area"] = _("An area needs at least three corners.")
    if any(not (-90 <= la <= 90 and -180 <= lo <= 180) for la, lo in data.area):
        errors["area"] = _("Latitude must be between -90 and 90.")
    if not data.area and not data.address.strip():
        errors["address"] = _("Draw the area on the map or give an address.")
    if data.status == TaskStatus.DONE.value and not data.result.strip():
        errors["result"] = _("Say what the task found (or that it found nothing).")
    for key, ref in (("trigger_event_id", data.trigger_event_id),
                     ("found_event_id", data.found_event_id)):
        ev = session.get(TimelineEvent, ref) if ref else None
        if ref and (ev is None or ev.case_id != case_id):
            errors[key] = _("The linked timeline event does not belong to this case.")
    if data.trigger_event_id:
        ev = session.get(TimelineEvent, data.trigger_event_id)
        if ev is not None and ev.kind != EventKind.INFERENCE.value \
                and "trigger_event_id" not in errors:
            errors["trigger_event_id"] = _("A task is triggered by an inference.")
    if data.assignee_id and session.get(Officer, data.assignee_id) is None:
        errors["assignee_id"] = _("Unknown officer.")
    for stamp in (data.started_at, data.finished_at):
        if stamp is not None and stamp.tzinfo is None:
            errors["started_at"] = _("The start time needs a time zone.")
    if errors:
        raise ValidationError(errors)
    return {"kind": data.kind, "title": data.title.strip(),
            "area_json": json.dumps([list(p) for p in data.area]) if data.area else "",
            "address": data.address.strip(), "assignee_id": data.assignee_id,
            "status": data.status, "result": data.result.strip(), "inquiry_id": data.inquiry_id,
            "trigger_event_id": data.trigger_event_id, "found_event_id": data.found_event_id,
            "started_at": data.started_at, "finished_at": data.finished_at}


def _stamp(values: dict, now: datetime) -> None:
    if values["status"] in (TaskStatus.IN_PROGRESS.value, TaskStatus.DONE.value):
        values["started_at"] = values["started_at"] or now
    if values["status"] in (TaskStatus.DONE.value, TaskStatus.CANCELLED.value):
        values["finished_at"] = values["finished_at"] or now


def create_task(session: Session, actor: Actor, case_id: int, data: TaskInput) -> TaskDTO:
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    values = _validate(session, case.id, data)
    _stamp(values, datetime.now(UTC))
    row = SearchTask(case_id=case.id, created_by_id=actor.user_id, **values)
    session.add(row)
    session.flush()
    audit.record(session, actor, "task.create", entity_type="search_task", entity_id=row.id,
                 case_id=case.id, payload={"kind": row.kind, "title": row.title,
                                           "trigger_event_id": row.trigger_event_id})
    return task_dto(session, row)


def update_task(session: Session, actor: Actor, task_id: int, data: TaskInput, *,
                expected_version: int | None) -> TaskDTO:
    row = get_or_raise(session, SearchTask, task_id, _("Task {id} not found.", id=task_id))
    case = load_case(session, actor, row.case_id, Perm.CASE_EDIT)
    message = _("Someone else changed this task; reload it.")
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(message, "search_task", task_id)
    values = _validate(session, case.id, data)
    _stamp(values, datetime.now(UTC))
    changes = {k: [str(getattr(row, k)), str(v)] for k, v in values.items() if getattr(row, k) != v}
    for k, v in values.items():
        setattr(row, k, v)
    flush_or_conflict(session, message, "search_task", task_id)
    if changes:
        audit.record(session, actor, "task.update", entity_type="search_task", entity_id=row.id,
                     case_id=case.id, payload={"changes": changes})
    return task_dto(session, row)


def list_tasks(session: Session, actor: Actor, case_id: int) -> list[TaskDTO]:
    case = load_case(session, actor, case_id)
    rows = session.scalars(select(SearchTask).where(SearchTask.case_id == case.id)
                           .order_by(SearchTask.created_at, SearchTask.id)).all()
    return [task_dto(session, r) for r in rows]


def draft_from_inference(session: Session, actor: Actor, event_id: int, *,
                         kind: str | None = None) -> TaskInput:
    """A task prefilled from an inference: its line of inquiry, its place, a title from it."""
    ev = get_or_raise(session, TimelineEvent, event_id, _("Event {id} not found.", id=event_id))
    load_case(session, actor, ev.case_id)
    if ev.kind != EventKind.INFERENCE.value:
        raise ValidationError({"trigger_event_id": _("A task is triggered by an inference.")})
    text = f"{ev.title} {ev.detail}"
    guess = TaskKind.CANVASS.value if any(w in text for w in ("摸排", "走访", "户", "场")) \
        else TaskKind.GRID_SEARCH.value
    title = ev.title.split("：", 1)[-1]
    return TaskInput(kind=kind or guess, title=_("Follow up: {title}", title=title)[:200],
                     address=ev.location or "", inquiry_id=ev.inquiry_id, trigger_event_id=ev.id)
