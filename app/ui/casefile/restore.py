"""Undo of "delete case": re-create the case file from its last snapshot through the services.

Everything goes through the ordinary services in ONE transaction (validated, audited, all or
nothing): the case, its persons, vehicles, meetings, lines of inquiry and timeline (links
re-mapped to the new ids), then the status, walked along legal transitions with a reason saying
it is a restore. The old attribute and status history stay in the audit log; the new file
starts its own.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from app.models.enums import CASE_TRANSITIONS, CaseStatus
from app.services.casefile.dto import (
    CaseDetail,
    EventInput,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.services.common.context import Actor
from app.ui.casefile.store import CaseStore

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")  # an input dataclass


def _input(cls: type[D], dto: object, **override: object) -> D:
    names = [f.name for f in dataclasses.fields(cls)]
    values = {n: getattr(dto, n) for n in names}
    values.update(override)
    return cls(**values)


def _new_id(new_ids: dict[int, int], old_id: int | None) -> int | None:
    """The re-created record's id for an old one (None when there was none)."""
    return None if old_id is None else new_ids.get(old_id)


def status_path(start: str, goal: str) -> list[str]:
    """The shortest legal sequence of statuses after ``start`` that ends in ``goal``."""
    if start == goal:
        return []
    prev: dict[CaseStatus, CaseStatus | None] = {CaseStatus(start): None}
    queue = deque([CaseStatus(start)])
    while queue:
        here = queue.popleft()
        for nxt in sorted(CASE_TRANSITIONS[here]):
            if nxt not in prev:
                prev[nxt] = here
                if nxt.value == goal:
                    path: list[str] = []
                    node: CaseStatus | None = nxt
                    while node is not None and node != CaseStatus(start):
                        path.append(node.value)
                        node = prev[node]
                    return list(reversed(path))
                queue.append(nxt)
    return []


def restore_case(store: CaseStore, snap: CaseDetail, reason: str = "") -> CaseDetail:
    """Re-create ``snap`` (a CaseDetail taken before deletion) in ONE transaction: either the
    whole file comes back or nothing does. Returns the new detail."""
    reason = reason or QCoreApplication.translate("CaseRestore", "Undo of delete: case restored")
    detail = store.run(_recreate, snap, reason)
    store.case_created.emit(detail.id)
    return detail


def _recreate(session: Session, actor: Actor, snap: CaseDetail, reason: str) -> CaseDetail:
    from app.services.casefile import cases, inquiries, persons, timeline, vehicles

    cid = cases.create_case(session, actor, cases.case_input(snap)).id
    person_ids = {p.id: persons.add_person(session, actor, cid, _input(PersonInput, p)).id
                  for p in snap.persons}
    vehicle_ids = {v.id: vehicles.add_vehicle(session, actor, cid, _input(VehicleInput, v)).id
                   for v in snap.vehicles}
    meeting_ids = {m.id: inquiries.add_meeting(session, actor, cid, _input(MeetingInput, m)).id
                   for m in snap.meetings}
    inquiry_ids = {i.id: inquiries.add_inquiry(session, actor, cid, _input(
        InquiryInput, i, meeting_id=_new_id(meeting_ids, i.meeting_id))).id
        for i in snap.inquiries}
    event_ids: dict[int, int] = {}
    pending = list(snap.events)
    while pending:  # an event's basis must exist first
        ready = [e for e in pending if all(b in event_ids for b in e.basis_ids)] or pending[:1]
        for e in ready:
            data = _input(
                EventInput, e, inquiry_id=_new_id(inquiry_ids, e.inquiry_id),
                meeting_id=_new_id(meeting_ids, e.meeting_id),
                person_ids=tuple(person_ids[p] for p in e.person_ids if p in person_ids),
                vehicle_ids=tuple(vehicle_ids[v] for v in e.vehicle_ids if v in vehicle_ids),
                basis_ids=tuple(event_ids[b] for b in e.basis_ids if b in event_ids))
            event_ids[e.id] = timeline.add_event(session, actor, cid, data).id
            pending.remove(e)
    for status in status_path(CaseStatus.REPORTED.value, snap.status):  # new cases: reported
        cases.change_status(session, actor, cid, status, reason=reason)
    return cases.get_case(session, actor, cid)
