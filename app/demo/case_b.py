"""Case B of STORY.md: 杉木塘, 2020-10-07 — re-sorting, a new direction, a plate removed."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from app.demo import CASE_B_NO
from app.demo.helpers import Org, Timeline, cst
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


def seed(session: Session, org: Org) -> int:
    """Create Case B (closed) with its file; returns the case id."""
    case = cases.create_case(session, S, CaseInput(
        case_no=CASE_B_NO, title="杉木塘机动车肇事逃逸致行人重伤案",
        occurred_at=cst(2020, 10, 7, 19, 40), reported_at=cst(2020, 10, 7, 19, 52),
        address="株洲市石峰区杉木塘路与响石路交叉口以北约200米", district="石峰区", road="杉木塘路",
        direction_of_travel="由南向北", light="夜间，有路灯", weather="晴",
        casualty_summary="1人重伤（患有重病的行人）",
        narrative=("2020年10月7日19时40分许，一名身患重病的行人在杉木塘路被一辆机动车撞伤，肇事车辆逃逸。"
                   "前两周工作未发现嫌疑车辆，家属十分焦急。办案民警重新梳理前期工作、调整侦查方向后，"
                   "嫌疑车辆浮出水面：驾驶人已拆除号牌并改变车辆外观。民警摸清其活动规律后将人车抓获。"),
        lead_officer_id=org.officer("刘建国"), squad_id=org.squad_id), at=cst(2020, 10, 7, 19, 52))
    cid = case.id
    tl = Timeline(session, cid)
    victim = persons.add_person(session, S, cid, PersonInput(
        role="victim", name="何某某", gender="女", age=63, identified=True,
        description="患有重病，事发时独自步行", address="株洲市石峰区杉木塘社区"),
        ChangeNote("现场", cst(2020, 10, 7, 20, 0)))
    car = vehicles.add_vehicle(session, S, cid, VehicleInput(
        role="suspect_1", kind="car", colour="白色", make_model="不详（疑为小型轿车）",
        features="目击者称车速较快，未看清号牌"), ChangeNote("目击者描述", cst(2020, 10, 7, 20, 5)))
    cases.change_status(session, S, cid, "investigating", reason="立案侦查",
                        at=cst(2020, 10, 7, 20, 30))
    tl.add("crash", cst(2020, 10, 7, 19, 40), "accident", "行人被机动车撞伤，肇事车辆逃逸",
           location="杉木塘路", persons=(victim.id,), vehicles=(car.id,))
    tl.add("scene", cst(2020, 10, 7, 20, 10), "scene", "现场勘查，提取车辆前部塑料碎片",
           location="杉木塘路")
    m1 = inquiries.add_meeting(session, S, cid, MeetingInput(
        held_at=cst(2020, 10, 8, 9, 0), location="事故中队会议室", chair="陈志强",
        attendees=("陈志强", "王磊", "赵勇"), decisions="沿逃逸方向查视频；排查白色小型轿车。"))
    first = [inquiries.add_inquiry(session, S, cid, InquiryInput(
        team, objective, members, "active", meeting_id=m1.id), ChangeNote("", cst(2020, 10, 8, 9)))
        for team, objective, members in (
            ("第一组", "沿逃逸方向调取沿线视频", ("王磊",)),
            ("第二组", "排查辖区白色小型轿车", ("赵勇",)))]
    tl.add("weeks", cst(2020, 10, 21, 17, 0), "other", "两周排查未发现嫌疑车辆，家属焦急",
           inquiry=first[1].id)
    for inq in first:
        inquiries.update_inquiry(session, S, inq.id, replace(
            inquiries.inquiry_input(inq), status="dropped",
            findings="两周工作未发现嫌疑车辆，经重新梳理后调整方向。"),
            expected_version=inq.version, note=ChangeNote("调整侦查方向", cst(2020, 10, 21, 18)))

    m2 = inquiries.add_meeting(session, S, cid, MeetingInput(
        held_at=cst(2020, 10, 21, 18, 0), location="事故中队会议室", chair="刘建国",
        attendees=("刘建国", "陈志强", "王磊", "赵勇", "彭丽"),
        decisions="重新梳理全部前期工作，调整侦查方向：从现场碎片比对车型，扩大时间窗口查视频。"))
    tl.add("resort", cst(2020, 10, 21, 18, 0), "meeting", "重新梳理前期工作，调整侦查方向",
           meeting=m2.id)
    t3 = inquiries.add_inquiry(session, S, cid, InquiryInput(
        "第三组", "根据现场碎片比对车型，扩大时间窗口重查视频", ("刘建国", "彭丽"), "active",
        meeting_id=m2.id), ChangeNote("", cst(2020, 10, 21, 18)))
    t4 = inquiries.add_inquiry(session, S, cid, InquiryInput(
        "第四组", "摸清嫌疑人活动规律，择机抓获", ("陈志强", "赵勇"), "open", meeting_id=m2.id),
        ChangeNote("", cst(2020, 10, 21, 18)))
    tl.add("surface", cst(2020, 10, 23, 15, 0), "sighting", "嫌疑车辆浮出水面：湘B5K327",
           "碎片比对为某型号轿车前保险杠，扩大时间窗口后在视频中发现该车。", inquiry=t3.id,
           vehicles=(car.id,), basis=("scene", "resort"))
    car = vehicles.update_vehicle(session, S, car.id, replace(
        vehicles.vehicle_input(car), plate="湘B5K327", make_model="大众朗逸"),
        expected_version=car.version,
        note=ChangeNote("重新梳理后发现嫌疑车辆", cst(2020, 10, 23, 15, 0), tl.ids["surface"]))
    tl.add("altered", cst(2020, 10, 24, 10, 0), "observation",
           "视频：该车案发后已拆除号牌，车身改为灰色", inquiry=t3.id, vehicles=(car.id,))
    car = vehicles.update_vehicle(session, S, car.id, replace(
        vehicles.vehicle_input(car), plate=None, unlicensed=True, colour="灰色（原为白色，已改色）",
        features="号牌已被拆除（原号牌湘B5K327）；车身改喷灰色，更换前保险杠"),
        expected_version=car.version,
        note=ChangeNote("驾驶人拆除号牌、改变车辆外观", cst(2020, 10, 24, 10, 0), tl.ids["altered"]))
    inquiries.update_inquiry(session, S, t3.id, replace(
        inquiries.inquiry_input(t3), status="done", findings="锁定嫌疑车辆，发现其拆牌改色。"),
        expected_version=t3.version, note=ChangeNote("", cst(2020, 10, 24, 10)))
    suspect = persons.add_person(session, S, cid, PersonInput(
        role="suspect", name="易某", gender="男", age=37, identified=True,
        description="嫌疑车辆车主"), ChangeNote("车辆登记信息", cst(2020, 10, 24, 11, 0)))
    cases.change_status(session, S, cid, "suspect_identified", reason="锁定嫌疑人易某及车辆",
                        at=cst(2020, 10, 24, 11, 0))
    tl.add("pattern", cst(2020, 10, 25, 20, 0), "inference",
           "研判嫌疑人活动规律：每日傍晚驾车往返于清水塘一带", inquiry=t4.id,
           persons=(suspect.id,), basis=("altered",))
    tl.add("arrest", cst(2020, 10, 26, 18, 10), "arrest", "在清水塘路段将嫌疑人易某及车辆一并查获",
           inquiry=t4.id, persons=(suspect.id,), vehicles=(car.id,), basis=("pattern",))
    tl.add("confession", cst(2020, 10, 26, 21, 0), "confession", "易某供认肇事后拆牌改色逃避侦查",
           persons=(suspect.id,))
    t4 = inquiries.update_inquiry(session, S, t4.id, replace(
        inquiries.inquiry_input(t4), status="done", findings="掌握活动规律后将人车抓获。"),
        expected_version=t4.version, note=ChangeNote("", cst(2020, 10, 26, 18, 10)))
    cases.change_status(session, S, cid, "solved", reason="嫌疑人到案供述",
                        at=cst(2020, 10, 26, 21, 0))
    comments.approve_closing(session, S, cid, "证据链完整，同意结案")
    cases.change_status(session, S, cid, "closed", reason="移送起诉，结案",
                        at=cst(2020, 12, 18, 10, 0))
    return cid
