"""Case A (Tianqiao Street, 2023-11-28) as minimal ORM rows plus a real clip in the store.

Built directly on the models so the report tests do not depend on other services' progress.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.models import (
    AttributeChange,
    Camera,
    Case,
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

T0 = datetime(2023, 11, 27, 22, 2, tzinfo=UTC)  # 2023-11-28 06:02 Asia/Shanghai


def store_file(evidence_dir: Path, src: Path) -> tuple[str, int]:
    data = src.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    dest = Path(evidence_dir) / sha[:2] / f"{sha}{src.suffix}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists():
        shutil.copyfile(src, dest)
        os.chmod(dest, stat.S_IRUSR | stat.S_IRGRP)
    return sha, len(data)


def build_case_a(factory, evidence_dir: Path, clip: Path, n_observations: int = 3) -> dict:
    sha, size = store_file(evidence_dir, clip)
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
