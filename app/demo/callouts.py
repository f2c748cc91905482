"""Demo step "callouts": five years (2020–2024) of the squad's call-out log (出警记录).

About 3,600 scenes: mostly property-damage and injury accidents at rush hours on the district's
roads, a few fatal ones, and one hit-and-run call-out per demo case (linked to it, attended by
its lead officer). The veteran 刘建国 attends the most scenes, as in STORY.md.
Deterministic (fixed seed) and idempotent: nothing is added once demo call-outs exist.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import DemoReport
from app.demo.generated import ROADS
from app.demo.helpers import TZ, ensure_org
from app.models import CallOut, Case, Officer
from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.context import SYSTEM

SEED = 4000
MARKER = "演示出警记录"
FIRST, LAST = date(2020, 1, 1), date(2024, 12, 31)
PER_DAY = 2.0  # mean ordinary scenes a day
KINDS = (("property_damage", 68), ("injury", 28), ("fatal", 4))
# officer name → relative share of scenes attended
WEIGHTS = {"刘建国": 5, "陈志强": 3, "王磊": 3, "李娜": 2, "赵勇": 2, "黄海涛": 2, "彭丽": 1}
HOURS = [1, 1, 1, 1, 1, 2, 3, 6, 8, 6, 4, 4, 5, 4, 4, 5, 6, 8, 8, 6, 4, 3, 2, 1]
SPOTS = ("路口", "路段", "公交站旁", "人行横道", "加油站出口", "小区门口", "学校门口")
DETAILS = {
    "property_damage": ("两车刮擦", "追尾", "车辆撞击护栏", "倒车碰撞停放车辆"),
    "injury": ("电动车与小车相撞致人受伤", "行人被撞受伤", "摩托车侧翻驾驶人受伤"),
    "fatal": ("货车与电动车相撞致1人死亡", "行人被撞致死亡"),
}


def _poisson(rng: random.Random, mean: float) -> int:
    n, p, limit = 0, 1.0, pow(2.718281828459045, -mean)
    while True:
        p *= rng.random()
        if p < limit:
            return n
        n += 1


def _team(rng: random.Random, names: list[str], lead: str | None = None) -> list[str]:
    size = rng.choice((1, 2, 2, 2, 3))
    team = [lead] if lead else []
    while len(team) < size:
        pick = rng.choices(names, weights=[WEIGHTS.get(n, 1) for n in names])[0]
        if pick not in team:
            team.append(pick)
    return team


def _ordinary(rng: random.Random, names: list[str]) -> list[tuple]:
    """(when, kind, road, spot, detail, officer names) for every ordinary scene."""
    rows = []
    day = FIRST
    while day <= LAST:
        for _n in range(_poisson(rng, PER_DAY)):
            hour = rng.choices(range(24), weights=HOURS)[0]
            when = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=TZ)
            kind = rng.choices([k for k, _w in KINDS], weights=[w for _k, w in KINDS])[0]
            road = rng.choice(ROADS)[0]
            rows.append((when, kind, road, rng.choice(SPOTS), rng.choice(DETAILS[kind]),
                         _team(rng, names)))
        day += timedelta(days=1)
    return rows


def seed(paths: AppPaths, session_factory: sessionmaker[Session], report: DemoReport) -> None:
    with unit_of_work(session_factory) as session:
        org, _created = ensure_org(session)
        if session.scalar(select(func.count()).select_from(CallOut)
                          .where(CallOut.notes.like(f"{MARKER}%"))):
            return
        officers = {o.name: o for o in session.scalars(
            select(Officer).where(Officer.id.in_(org.officer_ids.values())))}
        names = sorted(officers)
        rng = random.Random(SEED)
        rows = []
        for when, kind, road, spot, detail, team in _ordinary(rng, names):
            co = CallOut(occurred_at=when, kind=kind, district="石峰区", road=road,
                         address=f"株洲市石峰区{road}{spot}", squad_id=org.squad_id,
                         notes=f"{MARKER}：{detail}")
            co.officers = [officers[n] for n in team]
            rows.append(co)
        cases = session.scalars(select(Case).where(Case.squad_id == org.squad_id,
                                                   Case.is_training.is_(False),
                                                   Case.occurred_at.is_not(None))
                                .order_by(Case.id)).all()
        lead_names = {o.id: o.name for o in officers.values()}
        for case in cases:
            if case.occurred_at is None:  # selected with a time; narrows the type
                continue
            lead = lead_names.get(case.lead_officer_id) if case.lead_officer_id else None
            co = CallOut(occurred_at=case.occurred_at + timedelta(minutes=rng.randrange(8, 25)),
                         kind="hit_and_run", district=case.district or "石峰区",
                         road=case.road, address=case.address, squad_id=org.squad_id,
                         case_id=case.id, notes=f"{MARKER}：肇事逃逸，立案 {case.case_no}")
            co.officers = [officers[n] for n in _team(rng, names, lead)]
            rows.append(co)
        session.add_all(rows)
        session.flush()
        audit.record(session, SYSTEM, "callout.demo_seed", entity_type="callout",
                     payload={"count": len(rows), "linked_cases": len(cases)})
        report.add("callouts", len(rows))
