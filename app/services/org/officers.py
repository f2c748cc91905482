"""Squads (中队) and officers (民警): the people cases are assigned to."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Officer, Squad
from app.services.common import audit
from app.services.common.clock import DEFAULT_TZ, known_zone
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError
from app.services.common.rows import get_or_raise
from app.services.common.versioning import check_version, conflict_guard
from app.services.org.dto import OfficerDTO, OfficerInput, SquadDTO, SquadInput

_SQUAD_CODE = re.compile(r"^[\w\u4e00-\u9fff]{1,16}$")


def squad_dto(s: Squad, officer_count: int = 0) -> SquadDTO:
    return SquadDTO(s.id, s.code, s.name, s.version, officer_count, s.tz)


def squad_zone(session: Session, actor: Actor) -> str:
    """The zone of the actor's squad — the zone of multi-case views and new cases. Without a
    squad of their own: the only squad's zone when there is one squad, else ``DEFAULT_TZ``."""
    if actor.squad_id is not None:
        tz = session.scalar(select(Squad.tz).where(Squad.id == actor.squad_id))
    else:
        both = session.scalars(select(Squad.tz).limit(2)).all()
        tz = both[0] if len(both) == 1 else None
    return tz if tz and known_zone(tz) else DEFAULT_TZ


def officer_dto(o: Officer) -> OfficerDTO:
    return OfficerDTO(o.id, o.badge_no, o.name, o.squad_id, o.squad.name if o.squad else "",
                      o.rank or "", o.phone or "", bool(o.active), o.version)


def list_squads(session: Session, actor: Actor) -> list[SquadDTO]:
    require(actor, Perm.CASE_READ)
    counts = dict(session.execute(select(Officer.squad_id, func.count())
                                  .group_by(Officer.squad_id)).all())
    return [squad_dto(s, counts.get(s.id, 0))
            for s in session.scalars(select(Squad).order_by(Squad.code))]


def list_officers(session: Session, actor: Actor, *, squad_id: int | None = None,
                  active_only: bool = True) -> list[OfficerDTO]:
    require(actor, Perm.CASE_READ)
    stmt = select(Officer).order_by(Officer.squad_id, Officer.badge_no)
    if squad_id is not None:
        stmt = stmt.where(Officer.squad_id == squad_id)
    if active_only:
        stmt = stmt.where(Officer.active.is_(True))
    return [officer_dto(o) for o in session.scalars(stmt)]


def _validate_squad(session: Session, data: SquadInput, squad_id: int | None) -> None:
    errors: dict[str, str] = {}
    code = data.code.strip()
    if not code:
        errors["code"] = _("The squad code is required.")
    elif not _SQUAD_CODE.match(code):
        errors["code"] = _("The squad code may hold only letters, digits and Chinese characters.")
    elif session.scalar(select(Squad.id).where(Squad.code == code, Squad.id != (squad_id or 0))):
        errors["code"] = _("The squad code {code} is already in use.", code=code)
    if not data.name.strip():
        errors["name"] = _("The squad name is required.")
    if not known_zone(data.tz.strip()):
        errors["tz"] = _("Unknown time zone “{tz}”: give an IANA zone name such as "
                         "Asia/Shanghai or Asia/Urumqi.", tz=data.tz.strip())
    if errors:
        raise ValidationError(errors)


def create_squad(session: Session, actor: Actor, data: SquadInput) -> SquadDTO:
    require(actor, Perm.SETTINGS)
    _validate_squad(session, data, None)
    squad = Squad(code=data.code.strip(), name=data.name.strip(), tz=data.tz.strip())
    session.add(squad)
    session.flush()
    audit.record(session, actor, "squad.create", entity_type="squad", entity_id=squad.id,
                 payload={"code": squad.code, "name": squad.name, "tz": squad.tz})
    return squad_dto(squad)


def update_squad(session: Session, actor: Actor, squad_id: int, data: SquadInput, *,
                 expected_version: int | None = None) -> SquadDTO:
    require(actor, Perm.SETTINGS)
    squad = get_or_raise(session, Squad, squad_id, _("Squad {ref} does not exist.", ref=squad_id))
    mine = {"code": data.code.strip(), "name": data.name.strip(), "tz": data.tz.strip()}
    check_version(squad, expected_version, "squad", mine)
    _validate_squad(session, data, squad_id)
    before = {"code": squad.code, "name": squad.name, "tz": squad.tz}
    squad.code, squad.name, squad.tz = mine["code"], mine["name"], mine["tz"]
    with conflict_guard("squad", squad_id, mine, obj=squad):
        session.flush()
    audit.record(session, actor, "squad.update", entity_type="squad", entity_id=squad.id,
                 payload={"before": before, "after": mine})
    return squad_dto(squad)


def _validate_officer(session: Session, data: OfficerInput, officer_id: int | None) -> None:
    errors: dict[str, str] = {}
    badge = data.badge_no.strip()
    if not badge:
        errors["badge_no"] = _("The badge number is required.")
    elif session.scalar(select(Officer.id).where(Officer.badge_no == badge,
                                                 Officer.id != (officer_id or 0))):
        errors["badge_no"] = _("The badge number {badge} is already in use.", badge=badge)
    if not data.name.strip():
        errors["name"] = _("The officer's name is required.")
    if data.squad_id is not None and session.get(Squad, data.squad_id) is None:
        errors["squad_id"] = _("Squad {ref} does not exist.", ref=data.squad_id)
    if errors:
        raise ValidationError(errors)


def _officer_values(data: OfficerInput) -> dict[str, object]:
    return {"badge_no": data.badge_no.strip(), "name": data.name.strip(), "squad_id": data.squad_id,
            "rank": data.rank.strip() or None, "phone": data.phone.strip() or None,
            "active": data.active}


def create_officer(session: Session, actor: Actor, data: OfficerInput) -> OfficerDTO:
    require(actor, Perm.SETTINGS)
    _validate_officer(session, data, None)
    officer = Officer(**_officer_values(data))
    session.add(officer)
    session.flush()
    audit.record(session, actor, "officer.create", entity_type="officer", entity_id=officer.id,
                 payload={"badge_no": officer.badge_no, "name": officer.name,
                          "squad_id": officer.squad_id})
    return officer_dto(officer)


def update_officer(session: Session, actor: Actor, officer_id: int, data: OfficerInput, *,
                   expected_version: int | None = None) -> OfficerDTO:
    require(actor, Perm.SETTINGS)
    officer = get_or_raise(session, Officer, officer_id,
                           _("Officer {ref} does not exist.", ref=officer_id))
    values = _officer_values(data)
    check_version(officer, expected_version, "officer", values)
    _validate_officer(session, data, officer_id)
    before = {k: getattr(officer, k) for k in values}
    for k, v in values.items():
        setattr(officer, k, v)
    with conflict_guard("officer", officer_id, values, obj=officer):
        session.flush()
    audit.record(session, actor, "officer.update", entity_type="officer", entity_id=officer.id,
                 payload={"before": before, "after": values})
    return officer_dto(officer)
