"""Small helpers the demo case scripts share: local time, the squad, a timeline builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Officer, Squad
from app.services.casefile import timeline
from app.services.casefile.dto import EventInput
from app.services.common.clock import zone
from app.services.common.context import SYSTEM, Actor
from app.services.org import officers
from app.services.org.dto import OfficerInput, SquadInput

TZ = zone(None)  # the demo squad works in the default zone
SQUAD_CODE = "石峰"
SQUAD_NAME = "石峰大队事故中队"
# badge, name, rank — the squad of STORY.md (names invented; 刘建国 is the "white-haired detective")
OFFICERS = (
    ("430204001", "刘建国", "一级警长"),
    ("430204002", "陈志强", "二级警长"),
    ("430204003", "王磊", "一级警员"),
    ("430204004", "李娜", "一级警员"),
    ("430204005", "赵勇", "二级警员"),
    ("430204006", "黄海涛", "一级警员"),
    ("430204007", "彭丽", "二级警员"),
)


def cst(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """An aware datetime in China Standard Time (the squad's local time)."""
    return datetime(y, mo, d, h, mi, tzinfo=TZ)


@dataclass
class Org:
    squad_id: int
    officer_ids: dict[str, int] = field(default_factory=dict)  # name -> id

    def officer(self, name: str) -> int:
        return self.officer_ids[name]


def ensure_org(session: Session, actor: Actor = SYSTEM) -> tuple[Org, dict[str, int]]:
    """The squad 石峰 and its officers (created once); returns (org, rows created by kind)."""
    created = {"squads": 0, "officers": 0}
    squad = session.scalar(select(Squad).where(Squad.code == SQUAD_CODE))
    if squad is None:
        squad_id = officers.create_squad(session, actor, SquadInput(SQUAD_CODE, SQUAD_NAME)).id
        created["squads"] += 1
    else:
        squad_id = squad.id
    org = Org(squad_id)
    for badge, name, rank in OFFICERS:
        row = session.scalar(select(Officer).where(Officer.badge_no == badge))
        if row is None:
            oid = officers.create_officer(session, actor, OfficerInput(
                badge, name, squad_id, rank, f"0731-2{badge[-6:]}")).id
            created["officers"] += 1
        else:
            oid = row.id
        org.officer_ids[name] = oid
    return org, created


class Timeline:
    """Adds timeline events of one case and remembers them by a short key."""

    def __init__(self, session: Session, case_id: int, actor: Actor = SYSTEM):
        self.session = session
        self.case_id = case_id
        self.actor = actor
        self.ids: dict[str, int] = {}

    def add(self, key: str, when: datetime, kind: str, title: str, detail: str = "", *,
            location: str = "", inquiry: int | None = None, meeting: int | None = None,
            persons: tuple[int, ...] = (), vehicles: tuple[int, ...] = (),
            basis: tuple[str, ...] = ()) -> int:
        dto = timeline.add_event(self.session, self.actor, self.case_id, EventInput(
            occurred_at=when, kind=kind, title=title, detail=detail, location=location,
            inquiry_id=inquiry, meeting_id=meeting, person_ids=persons, vehicle_ids=vehicles,
            basis_ids=tuple(self.ids[b] for b in basis)))
        self.ids[key] = dto.id
        return dto.id
