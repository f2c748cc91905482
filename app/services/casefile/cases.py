"""The case file: create, edit, delete, status workflow and the full detail view."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.i18n import _
from app.models import (
    AttributeChange,
    CallOut,
    Case,
    CaseStatusChange,
    EvidenceItem,
    Inquiry,
    Meeting,
    Officer,
    Person,
    Squad,
    TimelineEvent,
    Vehicle,
    callout_officer,
)
from app.models.enums import CASE_TRANSITIONS, CaseStatus, Role
from app.models.types import utcnow
from app.services.casefile import case_scrubber, fields, pseudonyms
from app.services.casefile.access import load_case
from app.services.casefile.comments import has_close_approval
from app.services.casefile.dto import CaseDetail, CaseInput, ChangeNote, StatusChangeDTO
from app.services.casefile.history import apply_changes, change_dtos, user_names
from app.services.casefile.inquiries import inquiry_dto, meeting_dto
from app.services.casefile.persons import person_dto
from app.services.casefile.search_text import refresh_search_text
from app.services.casefile.timeline import event_dto
from app.services.casefile.vehicles import vehicle_dto
from app.services.common import audit
from app.services.common.clock import DEFAULT_TZ, known_zone
from app.services.common.code_labels import label
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import PermissionDenied, ValidationError, WorkflowError
from app.services.common.limits import MAX_LONG_TEXT, text_errors
from app.services.common.versioning import as_text, check_version, conflict_guard

CASE_NO = re.compile(r"^(?P<squad>[\w\u4e00-\u9fff]+)-(?P<year>\d{4})-(?P<seq>\d{4})$")
# Pausing and going back must say why.
_NEEDS_REASON = frozenset({(CaseStatus.INVESTIGATING, CaseStatus.SUSPENDED),
                           (CaseStatus.SUSPENDED, CaseStatus.INVESTIGATING),
                           (CaseStatus.SUSPECT_IDENTIFIED, CaseStatus.INVESTIGATING)})
# A solved or closed case is evidence before a court: every later edit says why.
SETTLED = frozenset({CaseStatus.SOLVED.value, CaseStatus.CLOSED.value})


def status_label(status: str) -> str:
    return label("status", status)


def case_input(detail: CaseDetail) -> CaseInput:
    """The form values of an existing case (edit with ``dataclasses.replace``)."""
    return fields.input_of(CaseInput, detail)


def _values(session: Session, data: CaseInput, case_id: int | None) -> dict[str, object]:
    errors: dict[str, str] = {}
    case_no = data.case_no.strip()
    squad = session.get(Squad, data.squad_id) if data.squad_id is not None else None
    if data.squad_id is not None and squad is None:
        errors["squad_id"] = _("Squad {ref} does not exist.", ref=data.squad_id)
    m = CASE_NO.match(case_no)
    if not case_no:
        errors["case_no"] = _("The case number is required.")
    elif not m:
        errors["case_no"] = _("The case number must look like <squad code>-<year>-<4 digits>, "
                              "e.g. 石峰-2023-0117.")
    elif squad is not None and m["squad"] != squad.code:
        errors["case_no"] = _("The case number must start with the squad code {code}.",
                              code=squad.code)
    elif not 1990 <= int(m["year"]) <= utcnow().year + 1:
        errors["case_no"] = _("The year in the case number is not plausible.")
    elif session.scalar(select(Case.id).where(Case.case_no == case_no, Case.id != (case_id or 0))):
        errors["case_no"] = _("Case number {case_no} is already in use.", case_no=case_no)
    if not data.title.strip():
        errors["title"] = _("The title is required.")
    errors.update(text_errors(data, _TEXT_LIMITS))
    for key in ("occurred_at", "reported_at"):
        value = getattr(data, key)
        if value is not None and value.tzinfo is None:
            errors[key] = _("The time must include a time zone.")
    if "occurred_at" not in errors and data.occurred_at and \
            data.occurred_at > utcnow() + timedelta(minutes=5):
        errors["occurred_at"] = _("The time of the accident cannot be in the future.")
    if "reported_at" not in errors and data.reported_at and \
            data.reported_at > utcnow() + timedelta(minutes=5):
        errors["reported_at"] = _("The time of the report cannot be in the future.")
    if not errors.keys() & {"occurred_at", "reported_at"} and data.occurred_at and \
            data.reported_at and data.reported_at < data.occurred_at:
        errors["reported_at"] = _("The report cannot come before the accident.")
    data = replace(data, tz=data.tz.strip() or (squad.tz if squad is not None else DEFAULT_TZ))
    if not known_zone(data.tz):
        errors["tz"] = _("Unknown time zone: {tz}", tz=data.tz)
    if data.lat is not None and not -90 <= data.lat <= 90:
        errors["lat"] = _("The latitude must be between -90 and 90.")
    if data.lon is not None and not -180 <= data.lon <= 180:
        errors["lon"] = _("The longitude must be between -180 and 180.")
    officer = session.get(Officer, data.lead_officer_id) if data.lead_officer_id else None
    if data.lead_officer_id is not None and officer is None:
        errors["lead_officer_id"] = _("Officer {ref} does not exist.", ref=data.lead_officer_id)
    elif officer is not None and squad is not None and officer.squad_id not in (None, squad.id):
        errors["lead_officer_id"] = _("{officer} is not an officer of {squad}.",
                                      officer=officer.name, squad=squad.name)
    if errors:
        raise ValidationError(errors)
    return fields.cleaned(data)


def _own_squad_only(actor: Actor, squad_id: int | None) -> None:
    """Officers create cases for, and may not move cases out of, their own squad."""
    if actor.role is Role.OFFICER and actor.squad_id is not None and squad_id != actor.squad_id:
        raise PermissionDenied(_("Officers may only change cases of their own squad."))


def create_case(session: Session, actor: Actor, data: CaseInput, *,
                at: datetime | None = None) -> CaseDetail:
    """A new case in status *reported* since ``at`` (default: its reported_at, else now)."""
    require(actor, Perm.CASE_CREATE)
    if data.squad_id is None and actor.squad_id is not None:
        data = replace(data, squad_id=actor.squad_id)
    _own_squad_only(actor, data.squad_id)
    case = Case(**_values(session, data, None), status=CaseStatus.REPORTED.value)
    session.add(case)
    session.flush()
    session.add(CaseStatusChange(case_id=case.id, from_status=None, to_status=case.status,
                                 changed_at=at or case.reported_at or utcnow(),
                                 changed_by_id=actor.user_id,
                                 reason=_("Case opened")))
    audit.record(session, actor, "case.create", entity_type="case", entity_id=case.id,
                 case_id=case.id, payload={"case_no": case.case_no, "title": case.title})
    refresh_search_text(session, case.id)
    return get_case(session, actor, case.id)


def update_case(session: Session, actor: Actor, case_id: int, data: CaseInput, *,
                expected_version: int | None, note: ChangeNote | None = None) -> CaseDetail:
    """Save the facts form; each changed field goes into the attribute history."""
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    if case.status in SETTLED and (note is None or not note.reason.strip()):
        raise ValidationError({"reason": _("This case is {status}: say why it is changed (the "
                                           "reason is kept in its history).",
                                           status=status_label(case.status))})
    values = _values(session, data, case.id)
    _own_squad_only(actor, data.squad_id)
    check_version(case, expected_version, "case", values)
    changes = apply_changes(session, actor, case, values, entity="case", case_id=case.id,
                            note=note)
    with conflict_guard("case", case.id, values, obj=case):
        session.flush()
    if changes:
        audit.record(session, actor, "case.update", entity_type="case", entity_id=case.id,
                     case_id=case.id, payload={"changes": {
                         k: [as_text(o), as_text(n)] for k, (o, n) in changes.items()}})
        refresh_search_text(session, case.id)
    return get_case(session, actor, case.id)


def delete_case(session: Session, actor: Actor, case_id: int, *,
                expected_version: int | None = None, reason: str = "") -> None:
    """Delete a case and its file; refused while evidence is stored for it."""
    case = load_case(session, actor, case_id, Perm.CASE_DELETE)
    check_version(case, expected_version, "case", {})
    n_evidence = session.scalar(select(func.count()).where(EvidenceItem.case_id == case.id))
    if n_evidence:
        raise WorkflowError(_("Case {case_no} holds {n} evidence files and cannot be deleted.",
                              case_no=case.case_no, n=n_evidence))
    payload = {"case_no": case.case_no, "title": case.title, "status": case.status,
               "reason": reason}
    session.delete(case)
    with conflict_guard("case", case_id, obj=case):
        session.flush()
    audit.record(session, actor, "case.delete", entity_type="case", entity_id=case_id,
                 case_id=case_id, payload=payload)


def change_status(session: Session, actor: Actor, case_id: int, to_status: str, *,
                  reason: str = "", at: datetime | None = None,
                  expected_version: int | None = None) -> CaseDetail:
    """Move the case along the workflow (``CASE_TRANSITIONS``); who/when/why is recorded."""
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    check_version(case, expected_version, "case", {"status": to_status})
    if to_status not in CaseStatus._value2member_map_:
        raise ValidationError({"status": _("Unknown case status: {status}", status=to_status)})
    current, target = CaseStatus(case.status), CaseStatus(to_status)
    if target not in CASE_TRANSITIONS[current]:
        allowed = "、".join(status_label(s) for s in sorted(CASE_TRANSITIONS[current]))
        raise WorkflowError(_("A case cannot go from “{current}” to “{target}”. Allowed next: "
                              "{allowed}.", current=status_label(current),
                              target=status_label(target), allowed=allowed or _("none")))
    if (current, target) in _NEEDS_REASON and not reason.strip():
        raise ValidationError({"reason": _("Say why the case goes to “{target}”.",
                                           target=status_label(target))})
    if target is CaseStatus.CLOSED and not has_close_approval(session, case.id):
        raise WorkflowError(_("A reviewer must approve closing this case before it is closed."))
    when = at or utcnow()
    if when.tzinfo is None:
        raise ValidationError({"at": _("The time must include a time zone.")})
    last = session.scalar(select(func.max(CaseStatusChange.changed_at))
                          .where(CaseStatusChange.case_id == case.id))
    if last is not None and when < last:
        raise ValidationError({"at": _("A status change cannot be dated before the previous one.")})
    case.status = target.value
    if target is CaseStatus.SOLVED:
        case.solved_at = when
    elif target is CaseStatus.CLOSED:
        case.closed_at = when
    session.add(CaseStatusChange(case_id=case.id, from_status=current.value, to_status=target.value,
                                 changed_at=when, changed_by_id=actor.user_id,
                                 reason=reason.strip()))
    with conflict_guard("case", case.id, {"status": to_status}, obj=case):
        session.flush()
    audit.record(session, actor, "case.status", entity_type="case", entity_id=case.id,
                 case_id=case.id, payload={"from": current.value, "to": target.value,
                                           "reason": reason.strip(), "at": when.isoformat()})
    return get_case(session, actor, case.id)


_TEXT_LIMITS = {"title": 200, "address": 200, "district": 64, "road": 100,
                "direction_of_travel": 64, "light": 64, "weather": 64,
                "casualty_summary": 20_000, "narrative": MAX_LONG_TEXT}


Rec = TypeVar("Rec", Person, Vehicle, Inquiry, Meeting, CaseStatusChange, AttributeChange)


def _ordered(session: Session, model: type[Rec], case_id: int,
             *order: InstrumentedAttribute[Any]) -> list[Rec]:
    return list(session.scalars(select(model).where(model.case_id == case_id).order_by(*order)))


def get_case(session: Session, actor: Actor, ref: int | str, *,
             anonymize: bool | None = None) -> CaseDetail:
    """Everything on the case file (by id or case number).

    Anonymization is a permission, not a parameter: a trainer always gets the file anonymized
    (consistent pseudonyms for names, ID numbers, phones, plates and addresses; ``anonymize``
    cannot turn that off); others get it anonymized when they ask. Training cases are
    anonymized already.
    """
    return case_with_scrubber(session, actor, ref, anonymize=anonymize)[0]


def case_with_scrubber(session: Session, actor: Actor, ref: int | str, *,
                       anonymize: bool | None = None) -> tuple[CaseDetail, Scrub]:
    """The case file as :func:`get_case` returns it, plus the scrubber that made it (identity
    when nothing was anonymized) for free text read elsewhere (observation notes, questions)."""
    case = load_case(session, actor, ref, Perm.CASE_READ)
    detail = _detail(session, case)
    if actor.role is Role.TRAINER and not case.is_training:
        anonymize = True
    if not anonymize:
        return detail, _unchanged
    scrub = case_scrubber.for_case(detail).add_officers(_callout_officers(session, case.id))
    return pseudonyms.scrub_strings(detail, scrub), scrub


def _callout_officers(session: Session, case_id: int) -> list[str]:
    """Names of the officers who attended the case's call-outs (the scrubber withholds them)."""
    return list(session.scalars(
        select(Officer.name).join(callout_officer, callout_officer.c.officer_id == Officer.id)
        .join(CallOut, CallOut.id == callout_officer.c.callout_id)
        .where(CallOut.case_id == case_id).order_by(Officer.badge_no)))


Scrub = Callable[[str | None], str | None]


def _unchanged(text: str | None) -> str | None:
    return text


def _detail(session: Session, case: Case) -> CaseDetail:
    officer = session.get(Officer, case.lead_officer_id) if case.lead_officer_id else None
    squad = session.get(Squad, case.squad_id) if case.squad_id else None
    inquiries = _ordered(session, Inquiry, case.id, Inquiry.id)
    events = list(session.scalars(
        select(TimelineEvent).where(TimelineEvent.case_id == case.id)
        .options(*(selectinload(rel) for rel in (TimelineEvent.persons, TimelineEvent.vehicles,
                                                  TimelineEvent.basis,
                                                  TimelineEvent.observations)))
        .order_by(TimelineEvent.occurred_at, TimelineEvent.id)))
    per_inquiry: dict[int, int] = {}
    for e in events:
        if e.inquiry_id is not None:
            per_inquiry[e.inquiry_id] = per_inquiry.get(e.inquiry_id, 0) + 1
    meetings = _ordered(session, Meeting, case.id, Meeting.held_at, Meeting.id)
    statuses = _ordered(session, CaseStatusChange, case.id, CaseStatusChange.changed_at,
                        CaseStatusChange.id)
    names = user_names(session, (s.changed_by_id for s in statuses))
    changes = _ordered(session, AttributeChange, case.id, AttributeChange.known_at,
                       AttributeChange.id)
    return CaseDetail(
        **fields.from_row(CaseInput, case), id=case.id, status=case.status,
        lead_officer_name=officer.name if officer else "", squad_name=squad.name if squad else "",
        solved_at=case.solved_at, closed_at=case.closed_at, is_training=bool(case.is_training),
        created_at=case.created_at, updated_at=case.updated_at, version=case.version,
        next_statuses=tuple(s.value for s in sorted(CASE_TRANSITIONS[CaseStatus(case.status)])),
        persons=tuple(person_dto(p) for p in _ordered(session, Person, case.id, Person.id)),
        vehicles=tuple(vehicle_dto(v) for v in _ordered(session, Vehicle, case.id, Vehicle.id)),
        meetings=tuple(meeting_dto(m, tuple(i.id for i in inquiries if i.meeting_id == m.id))
                       for m in meetings),
        inquiries=tuple(inquiry_dto(i, per_inquiry.get(i.id, 0)) for i in inquiries),
        events=tuple(event_dto(e) for e in events),
        status_history=tuple(StatusChangeDTO(s.id, s.case_id, s.from_status, s.to_status,
                                             s.changed_at, s.changed_by_id,
                                             names.get(s.changed_by_id, ""), s.reason)
                             for s in statuses),
        changes=change_dtos(session, changes),
    )


get_case_detail = get_case  # alias
