"""~50 plausible hit-and-run cases across 2020–2024 (deterministic) so lists and figures have
substance. Roads are those of 株洲市石峰区; statuses follow the workflow with realistic dates."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.demo import CASE_A_NO, CASE_B_NO
from app.demo.helpers import OFFICERS, Org, Timeline, cst
from app.services.casefile import cases, comments, inquiries, persons, vehicles
from app.services.casefile.dto import (
    CaseInput,
    ChangeNote,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.services.common.context import SYSTEM

S = SYSTEM
SEED = 20231128
COUNT = 52
ROADS = (  # road, typical address detail, lat, lon
    ("田心大道", "与时代路交叉口", 27.8879, 113.1540), ("响石路", "响石岭社区路段", 27.8627, 113.1408),
    ("北二环", "石峰大桥北引桥下", 27.8802, 113.1271), ("建设北路", "株洲北站以南", 27.8703, 113.1443),
    ("红旗北路", "清水塘路口以北", 27.8594, 113.1389), ("杉木塘路", "杉木塘社区路段", 27.8650, 113.1330),
    ("清霞路", "清霞小区门口", 27.8911, 113.1602), ("铜塘湾路", "铜塘湾菜市场旁", 27.8765, 113.1082),
    ("学林路", "株洲市二中附近", 27.8722, 113.1511), ("湘氮路", "原湘氮厂区外", 27.8832, 113.1155),
    ("石峰大道", "云田路口", 27.8958, 113.1336), ("九方路", "九方中心路段", 27.8687, 113.1472),
    ("报亭路", "水电段涵洞附近", 27.8745, 113.1360), ("龙头铺路", "龙头铺集镇路段", 27.9251, 113.1720),
)
KINDS = (("three_wheel_motorcycle", 15, "三轮摩托车"), ("two_wheel_ebike", 20, "电动车"),
         ("car", 25, "小轿车"), ("truck", 10, "货车"), ("van", 10, "面包车"),
         ("motorcycle", 12, "摩托车"), ("suv", 8, "越野车"))
COLOURS = ("白色", "黑色", "银色", "红色", "蓝色", "灰色", "绿色")
SURNAMES = "张王李赵黄吴罗谢邓彭曾唐胡欧阳易"
OUTCOMES = (("致行人受伤", "1人轻伤"), ("致行人重伤", "1人重伤"), ("致1人死亡", "1人死亡"),
            ("致电动车驾驶人受伤", "1人轻伤，电动车受损"), ("致财产损失", "无人员伤亡，护栏及停放车辆受损"))
INQUIRY_TEMPLATES = ("调取沿线视频追踪肇事车辆轨迹", "走访现场周边目击者", "排查辖区同型号车辆及修理厂",
                     "查明受害人身份及事发前行程", "研判嫌疑人活动规律，择机抓获")
STATUS_WEIGHTS = {  # year -> (status, weight) — older cases are mostly closed
    2020: (("closed", 70), ("solved", 10), ("suspended", 20)),
    2021: (("closed", 65), ("solved", 15), ("suspended", 20)),
    2022: (("closed", 55), ("solved", 25), ("suspended", 15), ("investigating", 5)),
    2023: (("closed", 30), ("solved", 35), ("suspended", 10), ("investigating", 15),
           ("suspect_identified", 10)),
    2024: (("closed", 5), ("solved", 25), ("suspended", 10), ("investigating", 35),
           ("suspect_identified", 15), ("reported", 10)),
}
PATHS = {"reported": (), "investigating": ("investigating",),
         "suspended": ("investigating", "suspended"),
         "suspect_identified": ("investigating", "suspect_identified"),
         "solved": ("investigating", "suspect_identified", "solved"),
         "closed": ("investigating", "suspect_identified", "solved", "closed")}


@dataclass(frozen=True)
class Spec:
    case_no: str
    occurred_at: datetime
    status: str
    road: int
    kind: int
    colour: str
    outcome: int
    lead: str
    rng_seed: int


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def specs() -> list[Spec]:
    """The generated cases (same every run)."""
    rng = random.Random(SEED)
    taken = {CASE_A_NO, CASE_B_NO}
    out: list[Spec] = []
    seq = {y: rng.randint(5, 20) for y in STATUS_WEIGHTS}
    for _i in range(COUNT):
        year = rng.choice(tuple(STATUS_WEIGHTS))
        day = rng.randint(0, 364)
        hour = rng.choice((5, 6, 6, 7, 12, 17, 18, 19, 20, 21, 22, 23, 1, 2))
        when = cst(year, 1, 1, hour, rng.randint(0, 59)) + timedelta(days=day)
        seq[year] += rng.randint(3, 25)
        case_no = f"石峰-{year}-{seq[year]:04d}"
        if case_no in taken:
            seq[year] += 1
            case_no = f"石峰-{year}-{seq[year]:04d}"
        taken.add(case_no)
        kind = rng.choices(range(len(KINDS)), weights=[k[1] for k in KINDS])[0]
        out.append(Spec(case_no, when, _weighted(rng, STATUS_WEIGHTS[year]),
                        rng.randrange(len(ROADS)), kind, rng.choice(COLOURS),
                        rng.randrange(len(OUTCOMES)), rng.choice(OFFICERS)[1], rng.randrange(10**9)))
    return out


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(("某", "某某"))


def seed_one(session: Session, org: Org, spec: Spec) -> int:
    """Create one generated case walking the workflow to its status; returns its id."""
    rng = random.Random(spec.rng_seed)
    road, spot, lat, lon = ROADS[spec.road]
    kind, _w, kind_word = KINDS[spec.kind]
    outcome, casualty = OUTCOMES[spec.outcome]
    t0 = spec.occurred_at
    reported = t0 + timedelta(minutes=rng.randint(3, 40))
    unlicensed = kind in ("three_wheel_motorcycle", "two_wheel_ebike") and rng.random() < 0.6
    desc = f"{spec.colour}{'无牌' if unlicensed else ''}{kind_word}"
    case = cases.create_case(session, S, CaseInput(
        case_no=spec.case_no, title=f"{road}{desc}肇事逃逸{outcome}案", occurred_at=t0,
        reported_at=reported, address=f"株洲市石峰区{road}{spot}", district="石峰区", road=road,
        lat=round(lat + rng.uniform(-0.002, 0.002), 5), lon=round(lon + rng.uniform(-0.002, 0.002), 5),
        direction_of_travel=rng.choice(("由北向南", "由南向北", "由东向西", "由西向东")),
        light="白天" if 7 <= t0.hour < 18 else rng.choice(("夜间有路灯", "夜间无路灯", "黎明")),
        weather=rng.choice(("晴", "阴", "小雨", "雨", "雾")), casualty_summary=casualty,
        narrative=(f"{t0:%Y年%m月%d日%H时}许，一辆{desc}在{road}{spot}发生事故{outcome}，"
                   "肇事后驶离现场，未报警、未施救。"),
        lead_officer_id=org.officer(spec.lead), squad_id=org.squad_id), at=reported)
    cid = case.id
    tl = Timeline(session, cid)
    victim_named = rng.random() < 0.8
    victim = persons.add_person(session, S, cid, PersonInput(
        role="victim", name=_name(rng) if victim_named else None, gender=rng.choice("男女"),
        age=rng.randint(8, 86), identified=victim_named,
        description="" if victim_named else "身份不明，随身无证件"), ChangeNote("", reported))
    vehicle = vehicles.add_vehicle(session, S, cid, VehicleInput(
        role="suspect_1", kind=kind, colour=spec.colour, unlicensed=unlicensed,
        plate=None if unlicensed or rng.random() < 0.5 else f"湘B{rng.randint(10000, 99999)}",
        features=rng.choice(("", "车身有明显划痕", "后视镜缺失", "车斗内装有杂物"))),
        ChangeNote("", reported))
    tl.add("crash", t0, "accident", f"{desc}肇事后逃逸", location=road, persons=(victim.id,),
           vehicles=(vehicle.id,))
    tl.add("scene", reported + timedelta(minutes=15), "scene", "现场勘查", location=road)
    path = PATHS[spec.status]
    if not path:
        return cid
    t = reported + timedelta(minutes=rng.randint(20, 90))
    meeting = inquiries.add_meeting(session, S, cid, MeetingInput(
        held_at=t + timedelta(hours=2), chair=spec.lead, attendees=(spec.lead, "陈志强"),
        decisions="部署视频追踪与走访排查。"))
    done = spec.status in ("solved", "closed")
    for objective in rng.sample(INQUIRY_TEMPLATES[:4], rng.randint(1, 3)):
        status = "done" if done else ("dropped" if spec.status == "suspended" else "active")
        inquiries.add_inquiry(session, S, cid, InquiryInput(
            f"第{rng.choice('一二三四')}组", objective, (spec.lead,), status,
            "已完成" if status in ("done", "dropped") else "", meeting.id),
            ChangeNote("", t + timedelta(hours=2)))
    for status in path:
        if status == "suspect_identified":
            t += timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 12))
            persons.add_person(session, S, cid, PersonInput(
                role="suspect", name=_name(rng), gender="男", age=rng.randint(20, 65),
                identified=True, description=f"{desc}驾驶人"), ChangeNote("", t))
        elif status == "solved":
            t += timedelta(hours=rng.randint(2, 72))
            tl.add("arrest", t, "arrest", "嫌疑人到案并供述")
        elif status == "suspended":
            t += timedelta(days=rng.randint(30, 120))
        elif status == "closed":
            t += timedelta(days=rng.randint(30, 90))
            comments.approve_closing(session, S, cid)
        reason = "线索中断，暂时挂起" if status == "suspended" else ""
        cases.change_status(session, S, cid, status, reason=reason, at=t)
    return cid
