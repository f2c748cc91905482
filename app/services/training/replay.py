"""Trainer replay of a closed case: its steps in order, and the case file as known at each step.

Steps: call-out, accident, scene, case-analysis meeting with its teams, each observation with its
frame and ROI, each inference and action, identification, arrest — then one final *outcome* step
(status, time to solve), which the UI keeps hidden until the end. At every step the persons and
vehicles are shown **as the investigation knew them then**, from the attribute history
(``AttributeChange.known_at``) and ``Person.identified_at``: before the identification the victim
has no name. A trainer's question attached to a step hides that step until it is revealed.
Trainers see the case anonymized (consistent pseudonyms).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import CallOut, Case, TrainingQuestion
from app.models.enums import CaseStatus, EventKind, Role
from app.services.casefile.access import load_case
from app.services.casefile.cases import Scrub, case_with_scrubber, get_case
from app.services.casefile.dto import AttributeChangeDTO, CaseDetail, InquiryDTO, MeetingDTO
from app.services.casefile.history import value_known_at
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError, WorkflowError
from app.services.common.rows import get_or_raise
from app.services.evidence.observations import ObservationDTO, list_observations

OUTCOME = "outcome"
_SEEN = (EventKind.OBSERVATION, EventKind.SIGHTING)
_ORDER = {k: i for i, k in enumerate(["callout", EventKind.CALLOUT, EventKind.ACCIDENT,
                                      EventKind.SCENE, EventKind.MEETING])}


@dataclass(frozen=True)
class FrameRef:
    """A frame to show: traceable to file hash + frame index + time."""

    observation_id: int
    evidence_id: int
    evidence_sha256: str
    frame_index: int
    pts_s: float
    wall_time: datetime | None
    roi: tuple[int, int, int, int] | None
    note: str
    camera_label: str


@dataclass(frozen=True)
class PersonThen:
    id: int
    role: str
    name: str | None          # None while not identified
    id_number: str | None
    phone: str | None
    description: str
    identified: bool


@dataclass(frozen=True)
class VehicleThen:
    id: int
    role: str
    kind: str
    colour: str
    plate: str | None         # None while unknown
    unlicensed: bool
    features: str


@dataclass(frozen=True)
class TeamThen:
    team: str
    objective: str
    status: str
    findings: str


@dataclass(frozen=True)
class CaseThen:
    """The case file as it stood at ``at``."""

    at: datetime
    status: str
    persons: tuple[PersonThen, ...]
    vehicles: tuple[VehicleThen, ...]
    teams: tuple[TeamThen, ...]


@dataclass(frozen=True)
class Question:
    id: int
    before_event_id: int
    question: str
    answer: str
    version: int


@dataclass(frozen=True)
class ReplayStep:
    index: int
    kind: str                 # EventKind value, "callout", or "outcome"
    at: datetime
    title: str
    detail: str
    location: str
    event_id: int | None
    teams: tuple[TeamThen, ...]    # a meeting's lines of inquiry
    frames: tuple[FrameRef, ...]
    basis: tuple[str, ...]         # titles of what an inference/action rests on
    question: Question | None      # when set, the UI hides this step until revealed
    state: CaseThen


@dataclass(frozen=True)
class Replay:
    case_id: int
    case_no: str
    title: str
    tz: str
    anonymized: bool
    steps: tuple[ReplayStep, ...]  # the last one is the outcome


def _load(session: Session, actor: Actor, case_id: int) -> Case:
    case = load_case(session, actor, case_id, Perm.TRAINING_REPLAY)
    if case.status != CaseStatus.CLOSED.value and not case.is_training:
        raise WorkflowError(_("Only closed cases can be replayed."))
    return case


def replayable_cases(session: Session, actor: Actor) -> list[tuple[int, str, str]]:
    """(id, case number, title) of every closed or training case."""
    require(actor, Perm.TRAINING_REPLAY)
    rows = session.execute(select(Case.id, Case.case_no, Case.title).where(
        (Case.status == CaseStatus.CLOSED.value) | Case.is_training.is_(True))
        .order_by(Case.occurred_at.desc())).all()
    return [(r.id, r.case_no, r.title) for r in rows]


def _then(changes: Iterable[AttributeChangeDTO], entity: str, eid: int, field: str,
          at: datetime, current: str | None) -> str | None:
    """What the file said about a text field at ``at`` (``current`` when it never changed)."""
    has, value = value_known_at(changes, entity, eid, field, at)
    return value if has else current


def _flag_then(changes: Iterable[AttributeChangeDTO], entity: str, eid: int, field: str,
               at: datetime, current: bool) -> bool:
    has, value = value_known_at(changes, entity, eid, field, at)
    return _truthy(value) if has else current


def _truthy(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1", "yes")


def _state(d: CaseDetail, at: datetime, final: bool, scrub: Scrub) -> CaseThen:
    ch = d.changes
    persons = []
    for p in d.persons:
        if final or p.identified_at is None:
            identified = p.identified if final else _flag_then(
                ch, "person", p.id, "identified", at, p.identified)
        else:
            identified = p.identified_at <= at
        name = _then(ch, "person", p.id, "name", at, p.name) if identified else None
        persons.append(PersonThen(
            p.id, p.role, scrub(name or (p.name if identified else None)),
            scrub(_then(ch, "person", p.id, "id_number", at, p.id_number)) if identified else None,
            scrub(_then(ch, "person", p.id, "phone", at, p.phone)) if identified else None,
            scrub(_then(ch, "person", p.id, "description", at, p.description)) or "", identified))
    vehicles = []
    for v in d.vehicles:
        vehicles.append(VehicleThen(
            v.id, v.role, v.kind, _then(ch, "vehicle", v.id, "colour", at, v.colour) or "",
            scrub(_then(ch, "vehicle", v.id, "plate", at, v.plate)),
            _flag_then(ch, "vehicle", v.id, "unlicensed", at, v.unlicensed),
            scrub(_then(ch, "vehicle", v.id, "features", at, v.features)) or ""))
    held = {m.id: m.held_at for m in d.meetings}
    teams = tuple(_team(d, i, at, final, scrub) for i in d.inquiries
                  if final or i.meeting_id is None or held.get(i.meeting_id, at) <= at)
    status = d.status if final else CaseStatus.REPORTED.value
    for s in d.status_history:
        if s.changed_at <= at and not final:
            status = s.to_status
    return CaseThen(at, status, tuple(persons), tuple(vehicles), teams)


def _team(d: CaseDetail, i: InquiryDTO, at: datetime, final: bool, scrub: Scrub) -> TeamThen:
    status = _then(d.changes, "inquiry", i.id, "status", at, i.status if final else "active")
    findings = _then(d.changes, "inquiry", i.id, "findings", at, i.findings if final else "")
    return TeamThen(scrub(i.team) or "", scrub(i.objective) or "", status or "", scrub(findings) or "")


def _frame(o: ObservationDTO, scrub: Scrub) -> FrameRef:
    return FrameRef(o.id, o.evidence_id, o.evidence_sha256, o.frame_index, o.pts_s, o.wall_time,
                    o.roi, scrub(o.note) or "", scrub(o.camera_label) or "")


def build_replay(session: Session, actor: Actor, case_id: int, *,
                 anonymize: bool | None = None) -> Replay:
    """All steps of a closed case with the file as known at each; audited as a replay."""
    case = _load(session, actor, case_id)
    if actor.role is Role.TRAINER and not case.is_training:
        anonymize = True  # a permission, not a parameter: trainers never see identities
    d, scrub = case_with_scrubber(session, actor, case_id, anonymize=bool(anonymize))
    observations = {o.id: o for o in list_observations(session, actor, case_id)}
    questions = {q.before_event_id: Question(q.id, q.before_event_id, scrub(q.question) or "",
                                             scrub(q.answer) or "", q.version)
                 for q in session.scalars(select(TrainingQuestion).where(
                     TrainingQuestion.case_id == case_id).order_by(TrainingQuestion.id))}
    titles = {e.id: e.title for e in d.events}
    raw: list[tuple] = []  # (at, order, title, detail, location, kind, event, teams, frames)
    linked: set[int] = set()
    meeting_events = {e.meeting_id for e in d.events if e.meeting_id is not None}
    for e in d.events:
        linked.update(e.observation_ids)
        raw.append((e.occurred_at, _ORDER.get(e.kind, 9), e.title, e.detail, e.location, e.kind,
                    e, e.meeting_id, tuple(observations[i] for i in e.observation_ids
                                           if i in observations)))
    if not any(e.kind == EventKind.CALLOUT for e in d.events):
        for c in session.scalars(select(CallOut).where(CallOut.case_id == case_id)):
            raw.append((c.occurred_at, 0, _("Call-out to the scene"), c.notes, c.address,
                        "callout", None, None, ()))
    for m in d.meetings:
        if m.id not in meeting_events:
            raw.append((m.held_at, 4, _("Case-analysis meeting"), _meeting_text(m), m.location,
                        EventKind.MEETING.value, None, m.id, ()))
    seen_at = min((e.occurred_at for e in d.events if e.kind in _SEEN), default=d.occurred_at)
    for o in observations.values():
        # Learned during the CCTV review, not when it was filmed: never before the review began.
        at = max(o.wall_time, seen_at) if o.wall_time and seen_at else o.wall_time or seen_at
        if o.id not in linked and at is not None:
            title = (o.note.splitlines() or [""])[0][:60] or _("Observation on CCTV")
            raw.append((at, 5, title, o.note, o.camera_label,
                        EventKind.OBSERVATION.value, None, None, (o,)))
    if not any(e.kind == EventKind.IDENTIFICATION for e in d.events):
        for p in d.persons:
            if p.identified_at is not None:
                raw.append((p.identified_at, 8, _("Identity established"), "", "",
                            EventKind.IDENTIFICATION.value, None, None, ()))
    raw.sort(key=lambda r: (r[0], r[1], r[6].id if r[6] is not None else 0))
    steps = []
    for idx, (at, _o, title, detail, location, kind, ev, meeting_id, obs) in enumerate(raw):
        state = _state(d, at, False, scrub)
        teams = tuple(t for i, t in zip(d.inquiries, _teams_all(d, at, scrub), strict=True)
                      if meeting_id is not None and i.meeting_id == meeting_id)
        steps.append(ReplayStep(
            idx, str(kind), at, scrub(title) or "", scrub(detail) or "", scrub(location) or "",
            ev.id if ev is not None else None, teams, tuple(_frame(o, scrub) for o in obs),
            tuple(scrub(titles.get(b, "")) or "" for b in (ev.basis_ids if ev else ())),
            questions.get(ev.id) if ev is not None else None, state))
    end = d.closed_at or d.solved_at or (raw[-1][0] if raw else case.updated_at)
    if steps and end < steps[-1].at:
        end = steps[-1].at
    steps.append(ReplayStep(len(steps), OUTCOME, end, _("Outcome"), scrub(_outcome_text(d)) or "", "", None,
                            (), (), (), None, _state(d, end, True, scrub)))
    audit.record(session, actor, "training.replay", entity_type="case", entity_id=case_id,
                 case_id=case_id, payload={"anonymized": anonymize, "steps": len(steps)})
    return Replay(d.id, d.case_no if not anonymize else _("Training case"),
                  scrub(d.title) or "", d.tz, bool(anonymize), tuple(steps))


def _teams_all(d: CaseDetail, at: datetime, scrub: Scrub) -> list[TeamThen]:
    return [_team(d, i, at, False, scrub) for i in d.inquiries]


def _meeting_text(m: MeetingDTO) -> str:
    return m.decisions


def _outcome_text(d: CaseDetail) -> str:
    parts = []
    if d.occurred_at and d.solved_at:
        hours = (d.solved_at - d.occurred_at) / timedelta(hours=1)
        parts.append(_("Solved {hours:.1f} hours after the crash.", hours=hours))
    arrests = [e for e in d.events if e.kind in (EventKind.ARREST, EventKind.CONFESSION)]
    if arrests:
        parts.append(arrests[-1].title)
    return "\n".join(parts)


def add_question(session: Session, actor: Actor, case_id: int, before_event_id: int,
                 question: str, answer: str = "") -> Question:
    """Attach a question to the step of ``before_event_id`` (hides it until revealed)."""
    case = _load(session, actor, case_id)
    require(actor, Perm.TRAINING_BUILD, case)
    if not question.strip():
        raise ValidationError({"question": _("Write the question first.")})
    d_events = {e.id for e in get_case(session, actor, case_id).events}
    if before_event_id not in d_events:
        raise ValidationError({"before_event_id": _("Pick a step of this case.")})
    row = TrainingQuestion(case_id=case_id, before_event_id=before_event_id,
                           question=question.strip(), answer=answer.strip(),
                           created_by_id=actor.user_id)
    session.add(row)
    session.flush()
    audit.record(session, actor, "training.question_add", entity_type="training_question",
                 entity_id=row.id, case_id=case_id, payload={"before_event_id": before_event_id})
    return Question(row.id, before_event_id, row.question, row.answer, row.version)


def delete_question(session: Session, actor: Actor, question_id: int) -> None:
    row = get_or_raise(session, TrainingQuestion, question_id,
                       _("This question no longer exists."))
    require(actor, Perm.TRAINING_BUILD, session.get(Case, row.case_id))
    session.delete(row)
    session.flush()
    audit.record(session, actor, "training.question_delete", entity_type="training_question",
                 entity_id=question_id, case_id=row.case_id)
