"""Small builders shared by the admin tests: a squad, a case, an evidence file in the store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.models import Case, EvidenceItem, Squad
from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.context import SYSTEM
from app.services.evidence.store import copy_into_store


def make_squad(factory, code: str = "石峰") -> int:
    with unit_of_work(factory) as s:
        squad = Squad(code=code, name=f"{code}大队事故中队")
        s.add(squad)
        s.flush()
        return squad.id


def make_case(factory, squad_id: int | None, status: str = "investigating",
              case_no: str = "石峰-2023-0117") -> int:
    with unit_of_work(factory) as s:
        case = Case(case_no=case_no, title="天桥街肇事逃逸", status=status, squad_id=squad_id,
                    occurred_at=datetime(2023, 11, 27, 22, 5, tzinfo=UTC))
        s.add(case)
        s.flush()
        audit.record(s, SYSTEM, "case.create", entity_type="case", entity_id=case.id,
                     case_id=case.id)
        return case.id


def record_case_updates(factory, case_id: int, count: int, **payload) -> None:
    """``count`` audited "case.update" rows of ``case_id``, one transaction each (payload n=i)."""
    for i in range(count):
        with unit_of_work(factory) as s:
            audit.record(s, SYSTEM, "case.update", entity_type="case", entity_id=case_id,
                         case_id=case_id, payload={"n": i, **payload})


def add_evidence(factory, paths, case_id: int, tmp: Path, content: bytes,
                 name: str = "cam.mp4") -> tuple[int, Path]:
    """Put ``content`` into the store as evidence of ``case_id``; returns (id, stored path)."""
    src = tmp / name
    src.write_bytes(content)
    stored = copy_into_store(src, paths.evidence_dir)
    with unit_of_work(factory) as s:
        ev = EvidenceItem(case_id=case_id, sha256=stored.sha256, ext=stored.ext,
                          size=stored.size, original_name=name)
        s.add(ev)
        s.flush()
        audit.record(s, SYSTEM, "evidence.import", entity_type="evidence", entity_id=ev.id,
                     case_id=case_id)
        return ev.id, stored.path


def t(h: int, m: int = 0, day: int = 28) -> datetime:
    """A Beijing-time instant of 2023-11-<day> as aware UTC."""
    return datetime(2023, 11, day, h, m, tzinfo=UTC) - timedelta(hours=8)


VICTIM_NAME = "李桂英"
VICTIM_ID = "430204194803120026"
SUSPECT_NAME = "周建国"
SUSPECT_PHONE = "13907330001"
PLATE = "湘B7K392"


def build_case_a(factory, squad_id: int | None = None) -> int:
    """A compact Case A (STORY.md), closed, with facts that become known over time."""
    from app.models import (
        AttributeChange,
        CaseStatusChange,
        Inquiry,
        Meeting,
        Person,
        TimelineEvent,
        Vehicle,
    )

    with unit_of_work(factory) as s:
        case = Case(case_no="石峰-2023-0117", title="天桥街肇事逃逸致人死亡案", status="closed",
                    squad_id=squad_id, occurred_at=t(6, 0), solved_at=t(18, 10),
                    closed_at=t(10, 0, day=30), address="天桥街",
                    narrative=f"死者{VICTIM_NAME}，嫌疑人{SUSPECT_NAME}（电话{SUSPECT_PHONE}）")
        s.add(case)
        s.flush()
        victim = Person(case_id=case.id, role="victim", name=VICTIM_NAME, id_number=VICTIM_ID,
                        description="老年女性，约75岁", identified=True, identified_at=t(13, 30))
        suspect = Person(case_id=case.id, role="suspect", name=SUSPECT_NAME, phone=SUSPECT_PHONE,
                         description="男，养猪户", identified=True, identified_at=t(16, 0))
        trike = Vehicle(case_id=case.id, role="suspect_1", kind="three_wheel_motorcycle",
                        colour="蓝", plate=PLATE, unlicensed=False, features="车斗内有数个桶")
        s.add_all([victim, suspect, trike])
        s.flush()
        for ent, eid, field, old, new, known in (
                ("person", victim.id, "name", None, VICTIM_NAME, t(13, 30)),
                ("person", victim.id, "id_number", None, VICTIM_ID, t(13, 30)),
                ("person", suspect.id, "name", None, SUSPECT_NAME, t(16, 0)),
                ("vehicle", trike.id, "plate", None, PLATE, t(17, 0))):
            s.add(AttributeChange(case_id=case.id, entity_type=ent, entity_id=eid, field=field,
                                  old_value=old, new_value=new, known_at=known))
        meeting = Meeting(case_id=case.id, held_at=t(8, 0), chair="王队长",
                          attendees="王队长\n刘警官", decisions="分四组开展工作")
        s.add(meeting)
        s.flush()
        for team, obj in (("第一组", "查明两轮电动车去向"), ("第二组", "追踪三轮车"),
                          ("第三组", "从现场倒查三轮车来源"), ("第四组", "查明死者身份")):
            s.add(Inquiry(case_id=case.id, meeting_id=meeting.id, team=team, objective=obj,
                          members="刘警官", status="done"))
        events = [
            (t(6, 0), "accident", "三轮摩托车撞倒行人后逃逸", None),
            (t(6, 30), "scene", "现场仅有一摊血迹", None),
            (t(8, 0), "meeting", "案情分析会", meeting.id),
            (t(9, 0), "observation", "视频见三轮车车斗有数个桶", None),
            (t(9, 30), "inference", "驾驶人可能是附近拉泔水的养猪户", None),
            (t(10, 0), "canvass", "摸排走访找到养猪场", None),
            (t(13, 30), "identification", f"确认死者身份：{VICTIM_NAME}", None),
            (t(16, 0), "arrest", "在麻将馆找到嫌疑人周某", None),
            (t(18, 10), "confession", "嫌疑人供述", None),
        ]
        for at, kind, title, mid in events:
            s.add(TimelineEvent(case_id=case.id, occurred_at=at, kind=kind, title=title,
                                meeting_id=mid))
        for frm, to, at in (("reported", "investigating", t(6, 20)),
                            ("investigating", "suspect_identified", t(16, 0)),
                            ("suspect_identified", "solved", t(18, 10)),
                            ("solved", "closed", t(10, 0, day=30))):
            s.add(CaseStatusChange(case_id=case.id, from_status=frm, to_status=to, changed_at=at))
        return case.id
