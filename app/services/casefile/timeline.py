"""Timeline events and the reasoning chain: observation → inference → action.

An event may be linked to persons, vehicles, a line of inquiry and a meeting. An inference rests on
earlier events and/or video observations (``basis_ids`` / ``observation_ids``); an action rests on
the inference that led to it. Nothing may rest on something that happened later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import (
    Inquiry,
    Meeting,
    Observation,
    Person,
    TimelineEvent,
    Vehicle,
    event_basis,
)
from app.models.enums import EventKind
from app.services.casefile import fields
from app.services.casefile.access import load_case
from app.services.casefile.dto import EventDTO, EventInput
from app.services.casefile.history import create_record, delete_record, update_record
from app.services.common import audit
from app.services.common.context import Actor, Perm
from app.services.common.errors import ValidationError, WorkflowError

# Kinds that are reasoning and must say what they rest on.
NEEDS_BASIS = frozenset({EventKind.INFERENCE.value})


def event_dto(e: TimelineEvent) -> EventDTO:
    return EventDTO(id=e.id, case_id=e.case_id, version=e.version,
                    **fields.from_row(EventInput, e),
                    person_ids=tuple(sorted(p.id for p in e.persons)),
                    vehicle_ids=tuple(sorted(v.id for v in e.vehicles)),
                    basis_ids=tuple(sorted(b.id for b in e.basis)),
                    observation_ids=tuple(sorted(o.id for o in e.observations)))


def event_input(dto: EventDTO) -> EventInput:
    """The form values of an existing event (edit with ``dataclasses.replace``)."""
    return fields.input_of(EventInput, dto)


L = TypeVar("L", Person, Vehicle, Observation, TimelineEvent)


@dataclass(frozen=True)
class _Links:
    """What an event is linked to (validated to belong to its case)."""

    persons: list[Person] = field(default_factory=list)
    vehicles: list[Vehicle] = field(default_factory=list)
    basis: list[TimelineEvent] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)


def _of_case(session: Session, model: type[L], ids: tuple[int, ...], case_id: int) -> list[L]:
    if not ids:
        return []
    rows = list(session.scalars(select(model).where(model.id.in_(set(ids)),
                                                    model.case_id == case_id)))
    return rows if len(rows) == len(set(ids)) else []


def _ancestors(session: Session, start: set[int]) -> set[int]:
    """Every event the ``start`` events rest on, transitively."""
    seen: set[int] = set()
    todo = set(start)
    while todo:
        seen |= todo
        todo = set(session.scalars(select(event_basis.c.basis_event_id)
                                   .where(event_basis.c.event_id.in_(todo)))) - seen
    return seen


def _validate(session: Session, case_id: int, data: EventInput,
              event_id: int | None) -> tuple[dict[str, object], _Links]:
    errors: dict[str, str] = {}
    if data.occurred_at is None or data.occurred_at.tzinfo is None:
        errors["occurred_at"] = _("Enter the date and time (with time zone) of the event.")
    if data.kind not in EventKind._value2member_map_:
        errors["kind"] = _("Choose the kind of event.")
    if not data.title.strip():
        errors["title"] = _("The event needs a short title.")
    def linked(key: str, model: type[L], ids: tuple[int, ...], message: str) -> list[L]:
        rows = _of_case(session, model, ids, case_id)
        if len(rows) != len(set(ids)):
            errors[key] = message
        return rows

    persons = linked("person_ids", Person, data.person_ids,
                     _("A linked person does not belong to this case."))
    vehicles = linked("vehicle_ids", Vehicle, data.vehicle_ids,
                      _("A linked vehicle does not belong to this case."))
    observations = linked("observation_ids", Observation, data.observation_ids,
                          _("A linked observation does not belong to this case."))
    basis = linked("basis_ids", TimelineEvent, data.basis_ids,
                   _("An event this rests on does not belong to this case."))
    if "basis_ids" not in errors:
        if event_id is not None and event_id in _ancestors(session, set(data.basis_ids)):
            errors["basis_ids"] = _("An event cannot rest on itself, directly or through others.")
        elif "occurred_at" not in errors and any(b.occurred_at > data.occurred_at for b in basis):
            errors["basis_ids"] = _("An event can only rest on what happened before it.")
    if data.kind in NEEDS_BASIS and not data.basis_ids and not data.observation_ids:
        errors["basis_ids"] = _("An inference must rest on at least one observation or event.")
    inquiry = session.get(Inquiry, data.inquiry_id) if data.inquiry_id is not None else None
    meeting = session.get(Meeting, data.meeting_id) if data.meeting_id is not None else None
    for key, ref, row_case in (("inquiry_id", data.inquiry_id, inquiry and inquiry.case_id),
                               ("meeting_id", data.meeting_id, meeting and meeting.case_id)):
        if ref is not None and row_case != case_id:
            errors[key] = _("The linked line of inquiry or meeting does not belong to this case.")
    if errors:
        raise ValidationError(errors)
    return fields.cleaned(data), _Links(persons, vehicles, basis, observations)


def _set_links(event: TimelineEvent, links: _Links) -> None:
    event.persons = links.persons
    event.vehicles = links.vehicles
    event.basis = links.basis
    event.observations = links.observations


def _link_payload(data: EventInput) -> dict[str, list[int]]:
    return {"person_ids": sorted(data.person_ids), "vehicle_ids": sorted(data.vehicle_ids),
            "basis_ids": sorted(data.basis_ids), "observation_ids": sorted(data.observation_ids)}


def add_event(session: Session, actor: Actor, case_id: int, data: EventInput) -> EventDTO:
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    values, links = _validate(session, case.id, data, None)
    event = create_record(session, actor, case.id, TimelineEvent,
                          values | {"created_by_id": actor.user_id}, entity="event", track=False)
    _set_links(event, links)
    session.flush()
    return event_dto(event)


def update_event(session: Session, actor: Actor, event_id: int, data: EventInput, *,
                 expected_version: int | None) -> EventDTO:
    current = session.get(TimelineEvent, event_id)
    case_id = current.case_id if current is not None else 0
    values, links = _validate(session, case_id, data, event_id) if current else ({}, _Links())
    event = update_record(session, actor, TimelineEvent, event_id, values, entity="event",
                          expected_version=expected_version, track=False)
    before = _link_payload(event_input(event_dto(event)))
    _set_links(event, links)
    session.flush()
    after = _link_payload(data)
    if before != after:
        audit.record(session, actor, "event.relink", entity_type="event", entity_id=event.id,
                     case_id=event.case_id, payload={"before": before, "after": after})
    return event_dto(event)


def delete_event(session: Session, actor: Actor, event_id: int, *,
                 expected_version: int | None = None, reason: str = "") -> None:
    """Delete an event; refused while other events rest on it (the reasoning would break)."""
    event = session.get(TimelineEvent, event_id)
    if event is not None:
        dependents = list(session.scalars(
            select(TimelineEvent.title).join(event_basis, event_basis.c.event_id == TimelineEvent.id)
            .where(event_basis.c.basis_event_id == event_id)))
        if dependents:
            raise WorkflowError(_("Other events rest on this one ({titles}); unlink them first.",
                                  titles="、".join(dependents)))
    summary = {"kind": event.kind, "title": event.title, "occurred_at": event.occurred_at} \
        if event else {}
    delete_record(session, actor, TimelineEvent, event_id, entity="event",
                  expected_version=expected_version, reason=reason, summary=summary)


def list_events(session: Session, actor: Actor, case_id: int, *,
                inquiry_id: int | None = None) -> list[EventDTO]:
    """The timeline of a case (optionally one line of inquiry), in time order."""
    load_case(session, actor, case_id)
    stmt = select(TimelineEvent).where(TimelineEvent.case_id == case_id)
    if inquiry_id is not None:
        stmt = stmt.where(TimelineEvent.inquiry_id == inquiry_id)
    stmt = stmt.order_by(TimelineEvent.occurred_at, TimelineEvent.id)
    return [event_dto(e) for e in session.scalars(stmt)]


def reasoning_chain(session: Session, actor: Actor, event_id: int) -> list[EventDTO]:
    """The event and everything it rests on (transitively), in time order."""
    event = session.get(TimelineEvent, event_id)
    if event is None:
        return []
    load_case(session, actor, event.case_id)
    ids = _ancestors(session, {event_id})
    rows = session.scalars(select(TimelineEvent).where(TimelineEvent.id.in_(ids))
                           .order_by(TimelineEvent.occurred_at, TimelineEvent.id))
    return [event_dto(e) for e in rows]
