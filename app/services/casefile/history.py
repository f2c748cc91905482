"""Attribute history and optimistic locking, shared by the case-file services.

Every edited field of a case, person, vehicle or inquiry leaves an ``AttributeChange`` row
(old → new, who, when, why, and ``known_at`` — when the investigation learned the fact), so the
file keeps what was believed before, not only the latest value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import AttributeChange, Inquiry, Meeting, Person, TimelineEvent, User, Vehicle
from app.models.types import utcnow
from app.services.casefile.access import load_case
from app.services.casefile.dto import AttributeChangeDTO, ChangeNote
from app.services.common import audit
from app.services.common.context import Actor, Perm
from app.services.common.errors import NotFoundError, ValidationError
from app.services.common.versioning import (
    Row,
    as_text,
    check_version,
    conflict_guard,
    entity_label,
)

# Links, not facts: changed like any field but kept out of the attribute history (audited).
UNTRACKED = frozenset({"meeting_id"})
# Codes that classify a new record rather than state a fact about it: no "first value" row.
NOT_INITIAL = frozenset({"role", "kind"}) | UNTRACKED


# The case's child records edited through the shared CRUD below.
R = TypeVar("R", Person, Vehicle, Inquiry, Meeting, TimelineEvent)


def apply_changes(session: Session, actor: Actor, obj: Row, values: Mapping[str, object], *,
                  entity: str, case_id: int, note: ChangeNote | None = None) -> dict[str, tuple]:
    """Set ``values`` on ``obj``; one AttributeChange row per field that really changed.

    Returns ``{field: (old, new)}`` of the changes (empty when nothing changed).
    """
    note = note or ChangeNote()
    now = utcnow()
    known = note.known_at or now
    if known.tzinfo is None:
        raise ValidationError({"known_at": _("The time must include a time zone.")})
    changed: dict[str, tuple] = {}
    for name, new in values.items():
        old = getattr(obj, name)
        if old == new:
            continue
        setattr(obj, name, new)
        changed[name] = (old, new)
        if obj.id is not None and name not in UNTRACKED:
            session.add(AttributeChange(
                case_id=case_id, entity_type=entity, entity_id=obj.id, field=name,
                old_value=as_text(old), new_value=as_text(new), changed_at=now, known_at=known,
                changed_by_id=actor.user_id, reason=note.reason, event_id=note.event_id))
    return changed


def record_initial(session: Session, actor: Actor, obj: Row, fields: Iterable[str], *,
                   entity: str, case_id: int, note: ChangeNote | None = None) -> None:
    """History rows for a new record's non-empty facts (old = None), e.g. a plate seen first."""
    note = note or ChangeNote()
    now = utcnow()
    for name in fields:
        value = getattr(obj, name)
        if value in (None, "", False) or name in NOT_INITIAL:
            continue
        session.add(AttributeChange(
            case_id=case_id, entity_type=entity, entity_id=obj.id, field=name, old_value=None,
            new_value=as_text(value), changed_at=now, known_at=note.known_at or now,
            changed_by_id=actor.user_id, reason=note.reason, event_id=note.event_id))


def user_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    names: dict[int | None, str] = {None: _("system")}
    if wanted:
        names.update(session.execute(select(User.id, User.display_name)
                                     .where(User.id.in_(wanted))).all())
    return names


def change_dtos(session: Session, rows: list[AttributeChange]) -> tuple[AttributeChangeDTO, ...]:
    names = user_names(session, (r.changed_by_id for r in rows))
    return tuple(AttributeChangeDTO(
        r.id, r.case_id, r.entity_type, r.entity_id, r.field, r.old_value, r.new_value,
        r.changed_at, r.known_at, r.changed_by_id, names.get(r.changed_by_id, str(r.changed_by_id)),
        r.reason, r.event_id) for r in rows)


def list_changes(session: Session, actor: Actor, case_id: int, *, entity: str | None = None,
                 entity_id: int | None = None, field: str | None = None,
                 ) -> tuple[AttributeChangeDTO, ...]:
    """The attribute history of a case (optionally one record / one field), oldest first."""
    load_case(session, actor, case_id, Perm.CASE_READ)
    stmt = select(AttributeChange).where(AttributeChange.case_id == case_id)
    if entity is not None:
        stmt = stmt.where(AttributeChange.entity_type == entity)
    if entity_id is not None:
        stmt = stmt.where(AttributeChange.entity_id == entity_id)
    if field is not None:
        stmt = stmt.where(AttributeChange.field == field)
    rows = list(session.scalars(stmt.order_by(AttributeChange.known_at, AttributeChange.id)))
    return change_dtos(session, rows)


def value_known_at(changes: Iterable[AttributeChangeDTO], entity: str, entity_id: int,
                   field: str, at: datetime) -> tuple[bool, str | None]:
    """What the file said about one field at time ``at``: (had a value then?, value).

    For a trainer's "as it was known then" view: the last change known by ``at`` wins; before
    the first change the field holds that change's ``old_value``.
    """
    relevant = sorted((c for c in changes if c.entity_type == entity and c.entity_id == entity_id
                       and c.field == field), key=lambda c: (c.known_at, c.id))
    if not relevant:
        return False, None
    known = [c for c in relevant if c.known_at <= at]
    return (True, known[-1].new_value) if known else (True, relevant[0].old_value)


# ------------------------------------------------------------- record editing (shared CRUD)


def _load_child(session: Session, actor: Actor, model: type[R], obj_id: int, entity: str) -> R:
    obj = session.get(model, obj_id)
    if obj is None:
        raise NotFoundError(_("This {entity} no longer exists (id {ref}).",
                              entity=entity_label(entity), ref=obj_id))
    load_case(session, actor, obj.case_id, Perm.CASE_EDIT)
    return obj


def create_record(session: Session, actor: Actor, case_id: int, model: type[R],
                  values: Mapping[str, object], *, entity: str, note: ChangeNote | None = None,
                  track: bool = True) -> R:
    """Add a child row of a case (person, vehicle, ...), audit it; history of its first facts."""
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    obj = model(case_id=case.id, **values)
    session.add(obj)
    session.flush()
    if track:
        record_initial(session, actor, obj, values, entity=entity, case_id=case.id, note=note)
    audit.record(session, actor, f"{entity}.create", entity_type=entity, entity_id=obj.id,
                 case_id=case.id, payload={k: as_text(v) for k, v in values.items()}
                 | {"reason": (note or ChangeNote()).reason})
    return obj


def update_record(session: Session, actor: Actor, model: type[R], obj_id: int,
                  values: Mapping[str, object], *, entity: str, expected_version: int | None,
                  note: ChangeNote | None = None, track: bool = True) -> R:
    """Change a child row: version check, validation, history per changed field, audit."""
    obj = _load_child(session, actor, model, obj_id, entity)
    check_version(obj, expected_version, entity, values)
    if track:
        changes = apply_changes(session, actor, obj, values, entity=entity, case_id=obj.case_id,
                                note=note)
    else:
        changes = {k: (getattr(obj, k), v) for k, v in values.items() if getattr(obj, k) != v}
        for k, (_old, v) in changes.items():
            setattr(obj, k, v)
    with conflict_guard(entity, obj.id, values, obj=obj):
        session.flush()
    if changes:
        audit.record(session, actor, f"{entity}.update", entity_type=entity, entity_id=obj.id,
                     case_id=obj.case_id,
                     payload={"changes": {k: [as_text(o), as_text(n)] for k, (o, n) in
                                          changes.items()},
                              "reason": (note or ChangeNote()).reason})
    return obj


def delete_record(session: Session, actor: Actor, model: type[R], obj_id: int, *, entity: str,
                  expected_version: int | None, reason: str = "",
                  summary: Mapping[str, object] | None = None) -> int:
    """Delete a child row (audited with what it held); returns its case id."""
    obj = _load_child(session, actor, model, obj_id, entity)
    check_version(obj, expected_version, entity, {})
    case_id = obj.case_id
    session.delete(obj)
    with conflict_guard(entity, obj_id, obj=obj):
        session.flush()
    audit.record(session, actor, f"{entity}.delete", entity_type=entity, entity_id=obj_id,
                 case_id=case_id, payload={"reason": reason, "was": {
                     k: as_text(v) for k, v in (summary or {}).items()}})
    return case_id
