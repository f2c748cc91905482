"""Case A (Tianqiao Street, 2023-11-28) built directly on the models (no service involved).

:func:`build_case_a` — solved, with a real clip in the store, cameras, marks and a reasoning chain
(the report tests); :func:`build_closed_case_a` — compact and closed, with identities that become
known over time (training packages, replay, anonymization).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.models import (
    AttributeChange,
    Camera,
    Case,
    CaseStatusChange,
    CustodyEvent,
    EvidenceItem,
    Inquiry,
    Meeting,
    Observation,
    Officer,
    Person,
    Squad,
    TimelineEvent,
    Vehicle,
)
from app.models.db import unit_of_work
from app.services.evidence.store import copy_into_store

T0 = datetime(2023, 11, 27, 22, 2, tzinfo=UTC)  # 2023-11-28 06:02 Asia/Shanghai


def build_case_a(factory, evidence_dir: Path, clip: Path, n_observations: int = 3) -> dict:
    stored = copy_into_store(clip, evidence_dir)
    sha, size = stored.sha256, stored.size
    with unit_of_work(factory) as s:
        squad = Squad(code="石峰", name="石峰大队事故中队")
        s.add(squad)
        s.flush()
        lead = Officer(badge_no="430201", name="白警官", squad_id=squad.id, rank="一级警长")
        s.add(lead)
        s.flush()
        case = Case(
            case_no="石峰-2023-0117", title="天桥街无牌三轮摩托车肇事逃逸案", occurred_at=T0,
            reported_at=T0 + timedelta(minutes=9), address="天桥街北段", district="石峰区",
            road="天桥街", direction_of_travel="北向南", light="夜间，路灯昏暗", weather="阴冷",
            casualty_summary="老年行人一名，送医后死亡",
            narrative="无牌蓝色三轮摩托车由北向南行驶，撞倒路边步行的老人后驶离；"
                      "随后一辆两轮电动车二次碾压，骑车人推车离开现场。",
            status="solved", lead_officer_id=lead.id, squad_id=squad.id,
            solved_at=T0 + timedelta(hours=12))
        s.add(case)
        s.flush()
        victim = Person(case_id=case.id, role="victim", name=None, description="老年男性，身份不明")
        suspect = Person(case_id=case.id, role="suspect", name="周某某", gender="男", age=52,
                         phone="13800000000", address="石峰区某养猪场", identified=True,
                         identified_at=T0 + timedelta(hours=10))
        trike = Vehicle(case_id=case.id, role="suspect_1", kind="three_wheel_motorcycle",
                        colour="蓝色", plate=None, unlicensed=True, features="车斗内有数个桶")
        ebike = Vehicle(case_id=case.id, role="suspect_2", kind="two_wheel_ebike", colour="黑色",
                        plate="湘B12345", damage="前叉变形")
        s.add_all([victim, suspect, trike, ebike])
        s.flush()
        s.add(AttributeChange(case_id=case.id, entity_type="person", entity_id=suspect.id,
                              field="name", old_value=None, new_value="周某某",
                              known_at=T0 + timedelta(hours=10), reason="麻将馆内查获"))
        meeting = Meeting(case_id=case.id, held_at=T0 + timedelta(hours=1), location="中队会议室",
                          chair="白警官", attendees="白警官\n李警官",
                          decisions="分四组开展工作")
        s.add(meeting)
        s.flush()
        teams = [("第一组", "查明两轮电动车去向"), ("第二组", "追踪三轮车"),
                 ("第三组", "倒查三轮车来源"), ("第四组", "查明死者身份")]
        inquiries = [Inquiry(case_id=case.id, meeting_id=meeting.id, team=t, objective=o,
                             status="done", findings="报亭路水电段涵洞" if i == 2 else "")
                     for i, (t, o) in enumerate(teams)]
        s.add_all(inquiries)
        cam = Camera(code="SF-TQ-003", name="天桥街与建设路口", owner_kind="city_management",
                     address="天桥街北口")
        s.add(cam)
        s.flush()
        ev = EvidenceItem(case_id=case.id, sha256=sha, ext=clip.suffix.lstrip("."), size=size,
                          original_name="天桥街北口_0600.mp4", camera_id=cam.id,
                          acquisition="dvr_seizure", start_time=T0 - timedelta(minutes=1),
                          fps=25.0, frame_count=50, duration_s=2.0)
        s.add(ev)
        s.flush()
        s.add(CustodyEvent(evidence_id=ev.id, action="import", detail="现场调取 DVR"))
        observations = []
        for i in range(n_observations):
            frame = (i * 7) % 50
            observations.append(Observation(
                case_id=case.id, evidence_id=ev.id, frame_index=frame, pts_s=frame / 25,
                wall_time=T0 + timedelta(seconds=frame / 25), roi_x=10 + 4 * frame, roi_y=115,
                roi_w=60, roi_h=60, note=f"蓝色三轮车经过（第{i + 1}处）", tags="key",
                vehicle_id=trike.id, inquiry_id=inquiries[1].id))
        s.add_all(observations)
        s.flush()
        seen = TimelineEvent(case_id=case.id, occurred_at=T0 + timedelta(hours=2),
                             kind="observation", title="视频组发现三轮车载一男一女，车斗有数个桶",
                             inquiry_id=inquiries[1].id)
        seen.observations = observations[:1]
        s.add(seen)
        s.flush()
        infer = TimelineEvent(case_id=case.id, occurred_at=T0 + timedelta(hours=3),
                              kind="inference", title="驾驶人可能是附近运潲水的养猪户")
        infer.basis = [seen]
        s.add(infer)
        s.flush()
        act = TimelineEvent(case_id=case.id, occurred_at=T0 + timedelta(hours=4),
                            kind="canvass", title="摸排走访附近养猪场")
        act.basis = [infer]
        s.add(act)
        s.flush()
        return {"case_id": case.id, "case_no": case.case_no, "sha256": sha,
                "evidence_id": ev.id, "squad_id": squad.id, "officer_id": lead.id,
                "observation_ids": [o.id for o in observations]}


def t(h: int, m: int = 0, day: int = 28) -> datetime:
    """A Beijing-time instant of 2023-11-<day> as aware UTC."""
    return datetime(2023, 11, day, h, m, tzinfo=UTC) - timedelta(hours=8)


VICTIM_NAME = "李桂英"
VICTIM_ID = "430204194803120026"
SUSPECT_NAME = "周建国"
SUSPECT_PHONE = "13907330001"
PLATE = "湘B7K392"


def build_closed_case_a(factory, squad_id: int | None = None) -> int:
    """A compact Case A (STORY.md), closed, with facts that become known over time (no
    evidence): what training packages, replay and anonymization are checked on."""
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
