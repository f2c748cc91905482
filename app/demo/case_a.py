"""Case A of STORY.md: 天桥街, 2023-11-28 — the three-wheeler, the e-bike and the pig farmer."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from app.demo import CASE_A_NO
from app.demo.helpers import Org, Timeline, cst
from app.services.casefile import cases, inquiries, persons, vehicles
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
TEAMS = (  # team, objective, members
    ("第一组", "查明两轮电动车及其驾驶人去向", ("陈志强", "赵勇")),
    ("第二组", "追踪无牌蓝色三轮摩托车的行驶轨迹", ("王磊", "黄海涛")),
    ("第三组", "从现场倒查三轮摩托车的来源（来时路线）", ("刘建国", "彭丽")),
    ("第四组", "查明死者身份", ("李娜",)),
)


def seed(session: Session, org: Org) -> int:
    """Create Case A with its full file; returns the case id."""
    case = cases.create_case(session, S, CaseInput(
        case_no=CASE_A_NO, title="天桥街无牌三轮摩托车肇事逃逸致行人死亡案",
        occurred_at=cst(2023, 11, 28, 6, 2), reported_at=cst(2023, 11, 28, 6, 11),
        address="株洲市石峰区天桥街（近建设北路口）路东侧", district="石峰区", road="天桥街",
        lat=27.8716, lon=113.1385, direction_of_travel="由北向南", light="夜间（天未亮），路灯昏暗",
        weather="阴，气温约4摄氏度", casualty_summary="1人死亡（老年男性，送医后经抢救无效死亡）",
        narrative=("2023年11月28日6时许，一辆无牌蓝色三轮摩托车沿天桥街由北向南行驶，将在路边行走的一名"
                   "老年男性撞倒后未停车施救，驶离现场。随后一辆两轮电动车对倒地的伤者造成二次碾压，"
                   "其驾驶人推车离开现场。现场仅留有一摊血迹，无其他痕迹物证；伤者身上无身份证件。"),
        lead_officer_id=org.officer("刘建国"), squad_id=org.squad_id), at=cst(2023, 11, 28, 6, 11))
    cid = case.id
    tl = Timeline(session, cid)
    t = cst(2023, 11, 28, 6, 20)
    victim = persons.add_person(session, S, cid, PersonInput(
        role="victim", gender="男", description="老年男性，约75-80岁，身穿深蓝色棉衣、黑色裤子，身上无身份证件",
        address=""), ChangeNote("现场勘查", t))
    v1 = vehicles.add_vehicle(session, S, cid, VehicleInput(
        role="suspect_1", kind="three_wheel_motorcycle", colour="蓝色", unlicensed=True,
        features="无牌；车厢为敞开式货斗", damage="不详"), ChangeNote("目击者描述", t))
    v2 = vehicles.add_vehicle(session, S, cid, VehicleInput(
        role="suspect_2", kind="two_wheel_ebike", colour="不详",
        features="二次碾压伤者后驾驶人推车离开"), ChangeNote("目击者描述", t))
    cases.change_status(session, S, cid, "investigating", reason="立为交通肇事逃逸案件侦查",
                        at=cst(2023, 11, 28, 6, 40))

    tl.add("crash", cst(2023, 11, 28, 6, 2), "accident", "三轮摩托车撞倒路边行人后逃逸",
           "无牌蓝色三轮摩托车由北向南行驶，撞倒在路边行走的老年男性，未停车施救即驶离。",
           location="天桥街", persons=(victim.id,), vehicles=(v1.id,))
    tl.add("runover", cst(2023, 11, 28, 6, 3), "accident", "两轮电动车二次碾压倒地伤者",
           "电动车碾压伤者后，驾驶人推车离开现场。", location="天桥街",
           persons=(victim.id,), vehicles=(v2.id,))
    tl.add("call", cst(2023, 11, 28, 6, 11), "callout", "接110转警：天桥街有人被撞倒在地",
           location="天桥街")
    tl.add("scene", cst(2023, 11, 28, 6, 25), "scene", "现场勘查：仅有一摊血迹，无其他痕迹物证",
           "现场未提取到车辆碎片、刹车痕等痕迹；伤者已由120送往医院。", location="天桥街")
    tl.add("death", cst(2023, 11, 28, 7, 35), "other", "伤者经抢救无效死亡，身份不明",
           "死者身上无身份证件、手机等可识别身份的物品。", persons=(victim.id,))

    meeting = inquiries.add_meeting(session, S, cid, MeetingInput(
        held_at=cst(2023, 11, 28, 8, 0), location="石峰大队事故中队会议室", chair="刘建国",
        attendees=("刘建国", "陈志强", "王磊", "李娜", "赵勇", "黄海涛", "彭丽"),
        decisions=("兵分四路：一组查电动车去向；二组追踪三轮车；三组从现场倒查三轮车来源；"
                   "四组查明死者身份。视频组对周边监控一帧帧查看。")))
    tl.add("meeting", cst(2023, 11, 28, 8, 0), "meeting", "案情分析会：兵分四路",
           meeting=meeting.id)
    team = {}
    for name, objective, members in TEAMS:
        team[name] = inquiries.add_inquiry(session, S, cid, InquiryInput(
            name, objective, members, "active", meeting_id=meeting.id),
            ChangeNote("案情分析会部署", cst(2023, 11, 28, 8, 0)))
    t1, t2, t3, t4 = (team[n].id for n, _o, _m in TEAMS)

    # Team 1: the e-bike pushed ~1 km, then gone ⇒ damaged ⇒ grid search, found 4 h later.
    tl.add("ebike_seen", cst(2023, 11, 28, 8, 40), "observation",
           "视频：电动车驾驶人推车步行约1公里后从监控中消失",
           "沿天桥街向南的监控显示驾驶人一直推车行走，未骑行。", inquiry=t1, vehicles=(v2.id,))
    tl.add("ebike_infer", cst(2023, 11, 28, 8, 50), "inference", "推断：电动车可能已损坏，就近停放",
           "一直推车而不骑行，说明车辆可能在碾压时受损。", inquiry=t1, basis=("ebike_seen",))
    tl.add("grid", cst(2023, 11, 28, 9, 0), "action", "在电动车消失区域开展地毯式搜查",
           inquiry=t1, basis=("ebike_infer",))
    rider = persons.add_person(session, S, cid, PersonInput(
        role="suspect", name="谭某", gender="男", age=42, identified=True,
        description="两轮电动车驾驶人"), ChangeNote("搜查找到", cst(2023, 11, 28, 10, 5)))
    tl.add("ebike_found", cst(2023, 11, 28, 10, 5), "search", "找到电动车及其驾驶人谭某（案发后约4小时）",
           "电动车前轮变形，与推断一致。", inquiry=t1, persons=(rider.id,), vehicles=(v2.id,),
           basis=("grid",))
    v2 = vehicles.update_vehicle(session, S, v2.id, replace(
        vehicles.vehicle_input(v2), colour="白色", make_model="雅迪两轮电动车",
        damage="前轮变形，前挡泥板破裂"), expected_version=v2.version,
        note=ChangeNote("搜查找到车辆", cst(2023, 11, 28, 10, 5), tl.ids["ebike_found"]))

    # Teams 2 and 3: two people and buckets on the tricycle, the culvert ⇒ a pig farmer.
    tl.add("buckets", cst(2023, 11, 28, 9, 30), "observation",
           "视频：三轮车上坐有一男一女，车斗内有数个桶", inquiry=t2, vehicles=(v1.id,))
    driver = persons.add_person(session, S, cid, PersonInput(
        role="suspect", gender="男", description="三轮摩托车驾驶人，中年男性"),
        ChangeNote("视频发现", cst(2023, 11, 28, 9, 30)))
    persons.add_person(session, S, cid, PersonInput(
        role="witness", gender="女", description="三轮摩托车上同乘的女子"),
        ChangeNote("视频发现", cst(2023, 11, 28, 9, 30)))
    v1 = vehicles.update_vehicle(session, S, v1.id, replace(
        vehicles.vehicle_input(v1), features="无牌；敞开式货斗，车斗内装有数个桶（疑为潲水桶）"),
        expected_version=v1.version, note=ChangeNote("视频发现", cst(2023, 11, 28, 9, 30),
                                                     tl.ids["buckets"]))
    tl.add("culvert", cst(2023, 11, 28, 10, 20), "observation",
           "视频：案发前三轮车经过报亭路水电段涵洞", inquiry=t3, vehicles=(v1.id,),
           location="报亭路水电段涵洞")
    tl.add("pigfarm_infer", cst(2023, 11, 28, 10, 40), "inference",
           "推断：驾驶人可能是附近拉潲水的养猪户", inquiry=t3, basis=("buckets", "culvert"))
    tl.add("canvass", cst(2023, 11, 28, 11, 0), "canvass", "摸排走访涵洞附近养猪场",
           inquiry=t3, basis=("pigfarm_infer",))
    tl.add("pigfarm", cst(2023, 11, 28, 12, 30), "canvass", "找到养猪场，但未发现涉案三轮车",
           "养猪场主周某不在场，其家人称周某早上拉潲水出门。", inquiry=t3, basis=("canvass",))
    tl.add("xiangtan", cst(2023, 11, 28, 13, 20), "sighting", "视频：三轮车被驶往湘潭方向",
           inquiry=t2, vehicles=(v1.id,))
    tl.add("hide_infer", cst(2023, 11, 28, 13, 40), "inference", "推断：嫌疑人将三轮车驶往湘潭藏匿",
           inquiry=t2, basis=("xiangtan", "pigfarm"))

    # Team 4: the victim identified.
    tl.add("victim_id", cst(2023, 11, 28, 14, 20), "identification", "查明死者身份：刘某某，78岁",
           "经走访附近社区、比对失踪人员报案确认。", inquiry=t4, persons=(victim.id,))
    persons.update_person(session, S, victim.id, replace(
        persons.person_input(victim), name="刘某某", age=78, identified=True, identified_at=None,
        address="株洲市石峰区天桥街附近社区"), expected_version=victim.version,
        note=ChangeNote("第四组查明身份", cst(2023, 11, 28, 14, 20), tl.ids["victim_id"]))

    tl.add("suspect_id", cst(2023, 11, 28, 15, 0), "identification", "锁定三轮车驾驶人为养猪户周某",
           inquiry=t3, persons=(driver.id,), basis=("pigfarm", "hide_infer"))
    driver = persons.update_person(session, S, driver.id, replace(
        persons.person_input(driver), name="周某", age=51, identified=True, identified_at=None,
        address="株洲市石峰区报亭路附近养猪场"), expected_version=driver.version,
        note=ChangeNote("摸排确认", cst(2023, 11, 28, 15, 0), tl.ids["suspect_id"]))
    cases.change_status(session, S, cid, "suspect_identified", reason="锁定嫌疑人周某",
                        at=cst(2023, 11, 28, 15, 0))
    tl.add("arrest", cst(2023, 11, 28, 16, 0), "arrest", "在一麻将馆内将周某抓获",
           persons=(driver.id,), basis=("suspect_id",))
    tl.add("interview", cst(2023, 11, 28, 16, 20), "interview", "对周某进行讯问",
           persons=(driver.id,))
    tl.add("confession", cst(2023, 11, 28, 18, 30), "confession", "周某如实供述肇事逃逸经过",
           "经2个多小时讯问，周某供认驾驶无牌三轮摩托车撞人后逃逸，并将车辆藏于湘潭。"
           "从案发到嫌疑人供述约12小时。", persons=(driver.id,), vehicles=(v1.id,))
    vehicles.update_vehicle(session, S, v1.id, replace(
        vehicles.vehicle_input(v1), make_model="宗申三轮摩托车", damage="前挡风及车头右侧有撞击痕迹"),
        expected_version=v1.version, note=ChangeNote("嫌疑人供述后在湘潭查获车辆",
                                                     cst(2023, 11, 28, 19, 30)))
    cases.change_status(session, S, cid, "solved", reason="嫌疑人周某到案并如实供述",
                        at=cst(2023, 11, 28, 18, 30))

    findings = {
        t1: "10时05分在电动车消失区域找到电动车及驾驶人谭某，车辆前轮变形。",
        t2: "三轮车案发后被驶往湘潭方向藏匿；嫌疑人供述后在湘潭查获。",
        t3: "三轮车案发前经过报亭路水电段涵洞；摸排找到周某的养猪场。",
        t4: "死者为刘某某，78岁，住天桥街附近社区。",
    }
    for inq in (team[n] for n, _o, _m in TEAMS):
        inquiries.update_inquiry(session, S, inq.id, replace(
            inquiries.inquiry_input(inq), status="done", findings=findings[inq.id]),
            expected_version=inq.version, note=ChangeNote("工作组完成任务", cst(2023, 11, 28, 18, 30)))
    return cid
