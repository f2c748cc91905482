"""Import of an anonymized training package as a read-only training case (``Case.is_training``).

Everything is checked before anything is written (manifest, hashes, the shape of ``case.json``);
rows go into the caller's transaction, so a failure imports nothing. Frames enter the evidence
store like any evidence (content address, read-only) so ``verify`` covers them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import AppPaths
from app.i18n import _
from app.models import (
    AttributeChange,
    Case,
    CaseStatusChange,
    EvidenceItem,
    Inquiry,
    Meeting,
    Observation,
    Person,
    TimelineEvent,
    TrainingQuestion,
    Vehicle,
)
from app.models.enums import CaseStatus
from app.services.casefile import fields
from app.services.casefile.dto import (
    CaseInput,
    EventInput,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import WorkflowError
from app.services.evidence.store import StoredFile, copy_into_store, discard
from app.services.training.package_format import PackageError, PackageInfo, read_package
from app.services.training.package_identities import check_no_identities

# The rows a package creates, by kind, keyed by their id in the package.
_Row = Person | Vehicle | Meeting | Inquiry | Observation | TimelineEvent
T = TypeVar("T", Person, Vehicle, Observation, TimelineEvent)


def _dt(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"naive time {value}")
    return parsed


_LISTS = ("persons", "vehicles", "meetings", "inquiries", "events", "changes", "observations",
          "status_history", "questions")
_MAX_ID = 2**31 - 1
_MAX_TEXT = 1_000_000
_MAX_ROWS = 100_000


def _valid_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_ID


def _check_values(value: object, depth: int = 0) -> None:
    """Every number bounded, every text bounded, no deep nesting."""
    assert depth < 8, "nested too deeply"
    if isinstance(value, dict):
        for v in value.values():
            _check_values(v, depth + 1)
    elif isinstance(value, list):
        assert len(value) <= _MAX_ROWS, "too many rows"
        for v in value:
            _check_values(v, depth + 1)
    elif isinstance(value, str):
        assert len(value) <= _MAX_TEXT, "text too long"
    elif isinstance(value, float):
        assert value == value and abs(value) < 1e12, "impossible number"
    elif isinstance(value, int) and not isinstance(value, bool):
        assert -_MAX_ID <= value <= _MAX_ID, "number out of range"


def _check_shape(body: dict, frames: dict[str, bytes]) -> None:
    """Raise PackageError unless ``case.json`` has what import needs."""
    try:
        assert isinstance(body["case"], dict) and isinstance(body["case"]["title"], str)
        assert 0 < len(body["case"]["title"]) <= 200, "title"
        for key in _LISTS:
            assert isinstance(body[key], list)
            assert all(isinstance(r, dict) for r in body[key]), key
        _check_values(body)
        for key in ("persons", "vehicles", "meetings", "inquiries", "events", "observations"):
            ids = [r["id"] for r in body[key]]
            assert all(_valid_id(i) for i in ids) and len(set(ids)) == len(ids), f"{key} ids"
        for key, field in (("persons", "role"), ("vehicles", "role"), ("vehicles", "kind"),
                           ("inquiries", "team"), ("inquiries", "objective"),
                           ("changes", "field"), ("changes", "entity_type"),
                           ("status_history", "to"), ("questions", "question")):
            assert all(isinstance(r[field], str) and len(r[field]) <= 200
                       for r in body[key]), f"{key}.{field}"
        event_ids = {e["id"] for e in body["events"]}
        for e in body["events"]:
            _dt(e["occurred_at"])
            assert isinstance(e["kind"], str) and isinstance(e["title"], str)
        for o in body["observations"]:
            assert o["frame_file"] in frames
        for q in body["questions"]:
            assert q["before_event_id"] in event_ids
    except (AssertionError, KeyError, TypeError, ValueError, OverflowError) as exc:
        raise PackageError(_("The training package is damaged: case.json is incomplete "
                             "({error}).", error=str(exc)[:200] or type(exc).__name__)) from exc


def _store_frames(paths: AppPaths, frames: dict[str, bytes]) -> dict[str, StoredFile]:
    stored: dict[str, StoredFile] = {}
    paths.cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.cache_dir) as tmp:
        for name, blob in frames.items():
            src = Path(tmp) / Path(name).name
            src.write_bytes(blob)
            stored[name] = copy_into_store(src, paths.evidence_dir)
    return stored


def import_package(session: Session, actor: Actor, paths: AppPaths, path: Path) -> PackageInfo:
    """Check everything (size limits, signed manifest, member hashes, shape, no identities),
    then write the training case in a savepoint; PackageError (nothing imported) otherwise."""
    require(actor, Perm.TRAINING_BUILD)
    body, frames, digest = read_package(path)
    _check_shape(body, frames)
    check_no_identities(body)
    existing = session.scalar(select(Case.case_no).where(Case.training_package_sha256 == digest))
    if existing is not None:
        raise WorkflowError(_("This package is already imported as training case {no}.",
                              no=existing))
    stored = _store_frames(paths, frames)
    try:
        with session.begin_nested():
            case_id = _write_rows(session, actor, body, stored, digest)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError,
            SQLAlchemyError) as exc:
        for s in stored.values():
            discard(s)
        raise PackageError(_("The training package is damaged: case.json is incomplete "
                             "({error}).", error=str(exc)[:200])) from exc
    except BaseException:
        for s in stored.values():
            discard(s)
        raise
    audit.record(session, actor, "training.import", entity_type="case", entity_id=case_id,
                 case_id=case_id, payload={"package": Path(path).name, "sha256": digest})
    return PackageInfo(str(path), digest, len(frames), len(body["events"]), case_id,
                       body["case"]["title"])


def _write_rows(session: Session, actor: Actor, body: dict, stored: dict[str, StoredFile],
                digest: str) -> int:
    c = body["case"]
    case = Case(case_no=f"训练-{digest[:8]}", is_training=True,
                training_package_sha256=digest, status=CaseStatus.CLOSED.value,
                **fields.imported(CaseInput, c, _dt), solved_at=_dt(c.get("solved_at")),
                closed_at=_dt(c.get("closed_at")), search_text=c["title"].lower())
    session.add(case)
    session.flush()
    ids: dict[str, dict[int, _Row]] = {}

    def add(kind: str, rows: list[dict], build: Callable[[dict], _Row]) -> None:
        ids[kind] = {}
        for r in rows:
            obj = build(r)
            session.add(obj)
            session.flush()
            ids[kind][r["id"]] = obj

    def ref(kind: str, old: int | None) -> int | None:
        obj = ids[kind].get(old) if old is not None else None
        return obj.id if obj is not None else None

    add("person", body["persons"], lambda r: Person(
        case_id=case.id, **fields.imported(PersonInput, r, _dt)))
    add("vehicle", body["vehicles"], lambda r: Vehicle(
        case_id=case.id, **fields.imported(VehicleInput, r, _dt)))
    add("meeting", body["meetings"], lambda r: Meeting(
        case_id=case.id, **fields.imported(MeetingInput, r, _dt)))
    add("inquiry", body["inquiries"], lambda r: Inquiry(
        case_id=case.id, meeting_id=ref("meeting", r.get("meeting_id")),
        **fields.imported(InquiryInput, r | {"status": r.get("status") or "done"}, _dt)))
    evidence: dict[str, EvidenceItem] = {}
    for name, s in stored.items():
        ev = EvidenceItem(case_id=case.id, sha256=s.sha256, ext=s.ext, size=s.size,
                          media_kind="image", original_name=Path(name).name, frame_count=1,
                          acquisition="other", acquisition_note=_("Training package frame"),
                          imported_by_id=actor.user_id)
        session.add(ev)
        evidence[name] = ev
    session.flush()
    add("observation", body["observations"], lambda r: Observation(
        case_id=case.id, evidence_id=evidence[r["frame_file"]].id, frame_index=0, pts_s=0.0,
        wall_time=_dt(r.get("wall_time")), note=r.get("note") or "",
        tags=",".join(r.get("tags") or []), **_roi(r.get("roi")),
        vehicle_id=ref("vehicle", r.get("vehicle_id")), person_id=ref("person", r.get("person_id")),
        inquiry_id=ref("inquiry", r.get("inquiry_id"))))
    add("event", body["events"], lambda r: TimelineEvent(
        case_id=case.id, **fields.imported(EventInput, r, _dt),
        inquiry_id=ref("inquiry", r.get("inquiry_id")),
        meeting_id=ref("meeting", r.get("meeting_id"))))
    def linked(kind: str, cls: type[T], old_ids: list[int]) -> list[T]:
        return [row for i in old_ids if isinstance(row := ids[kind].get(i), cls)]

    for r in body["events"]:
        event = ids["event"][r["id"]]
        assert isinstance(event, TimelineEvent)
        event.persons = linked("person", Person, r.get("person_ids", []))
        event.vehicles = linked("vehicle", Vehicle, r.get("vehicle_ids", []))
        event.basis = linked("event", TimelineEvent, r.get("basis_ids", []))
        event.observations = linked("observation", Observation, r.get("observation_ids", []))
    for r in body["changes"]:
        kind = r["entity_type"]
        target = case.id if kind == "case" else ref(kind, r["entity_id"]) if kind in ids else None
        if target is None:
            continue
        session.add(AttributeChange(
            case_id=case.id, entity_type=kind, entity_id=target, field=r["field"],
            old_value=r.get("old"), new_value=r.get("new"), known_at=_dt(r["known_at"]),
            changed_at=_dt(r["known_at"]), reason=r.get("reason") or "",
            event_id=ref("event", r.get("event_id"))))
    for r in body["status_history"]:
        session.add(CaseStatusChange(case_id=case.id, from_status=r.get("from"),
                                     to_status=r["to"], changed_at=_dt(r["at"]),
                                     reason=r.get("reason") or ""))
    for r in body["questions"]:
        session.add(TrainingQuestion(case_id=case.id, question=r["question"],
                                     answer=r.get("answer") or "", created_by_id=actor.user_id,
                                     before_event_id=ref("event", r["before_event_id"])))
    session.flush()
    return case.id


def _roi(roi: list | None) -> dict[str, int | None]:
    if not roi:
        return {"roi_x": None, "roi_y": None, "roi_w": None, "roi_h": None}
    x, y, w, h = (int(v) for v in roi)
    return {"roi_x": x, "roi_y": y, "roi_w": w, "roi_h": h}
