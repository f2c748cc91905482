"""Domain codes. The database stores the code (the enum value); the UI translates it."""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    REPORTED = "reported"                      # 已报案
    INVESTIGATING = "investigating"            # 侦查中
    SUSPECT_IDENTIFIED = "suspect_identified"  # 已锁定嫌疑人
    SOLVED = "solved"                          # 已破案
    CLOSED = "closed"                          # 已结案
    SUSPENDED = "suspended"                    # 挂起


# Allowed status transitions (from -> {to}); enforced in services.cases.
CASE_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.REPORTED: frozenset({CaseStatus.INVESTIGATING}),
    CaseStatus.INVESTIGATING: frozenset({CaseStatus.SUSPECT_IDENTIFIED, CaseStatus.SUSPENDED}),
    CaseStatus.SUSPECT_IDENTIFIED: frozenset({CaseStatus.SOLVED, CaseStatus.INVESTIGATING}),
    CaseStatus.SOLVED: frozenset({CaseStatus.CLOSED}),
    CaseStatus.SUSPENDED: frozenset({CaseStatus.INVESTIGATING}),
    CaseStatus.CLOSED: frozenset(),
}


class PersonRole(StrEnum):
    VICTIM = "victim"
    SUSPECT = "suspect"
    WITNESS = "witness"
    REPORTING_PARTY = "reporting_party"


class VehicleKind(StrEnum):
    THREE_WHEEL_MOTORCYCLE = "three_wheel_motorcycle"
    TWO_WHEEL_EBIKE = "two_wheel_ebike"
    MOTORCYCLE = "motorcycle"
    CAR = "car"
    SUV = "suv"
    VAN = "van"
    TRUCK = "truck"
    BUS = "bus"
    BICYCLE = "bicycle"
    OTHER = "other"


class VehicleRole(StrEnum):
    SUSPECT_1 = "suspect_1"
    SUSPECT_2 = "suspect_2"
    SUSPECT_3 = "suspect_3"
    VICTIM = "victim"
    WITNESS = "witness"
    OTHER = "other"


class InquiryStatus(StrEnum):
    OPEN = "open"
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"


class EventKind(StrEnum):
    CALLOUT = "callout"              # 接警出警
    ACCIDENT = "accident"            # 事故发生
    SCENE = "scene"                  # 现场勘查
    MEETING = "meeting"              # 案情分析会
    OBSERVATION = "observation"      # 视频/现场观察
    SIGHTING = "sighting"            # 目击/视频发现
    INFERENCE = "inference"          # 研判推断
    ACTION = "action"                # 侦查措施
    SEARCH = "search"                # 搜查
    CANVASS = "canvass"              # 摸排走访
    IDENTIFICATION = "identification"  # 身份确认
    ARREST = "arrest"                # 抓获
    INTERVIEW = "interview"          # 讯问
    CONFESSION = "confession"        # 供述
    OTHER = "other"


class Role(StrEnum):
    OFFICER = "officer"
    REVIEWER = "reviewer"
    TRAINER = "trainer"
    ADMIN = "admin"


class OwnerKind(StrEnum):
    """Who owns a camera (the city integrates cameras of many owners)."""

    POLICE = "police"            # 公安
    CITY_MANAGEMENT = "city_management"  # 城管
    WATER = "water"              # 水利/水电
    EDUCATION = "education"      # 教育
    ESTATE = "estate"            # 小区物业
    SHOP = "shop"                # 商户
    TRAFFIC = "traffic"          # 交警卡口
    OTHER = "other"


class Acquisition(StrEnum):
    DVR_SEIZURE = "dvr_seizure"          # 现场调取 DVR
    OWNER_SENT = "owner_sent"            # 业主提供
    PLATFORM_EXPORT = "platform_export"  # 市视频平台导出
    OTHER = "other"


class CustodyAction(StrEnum):
    IMPORT = "import"
    VIEW = "view"
    EXPORT = "export"
    VERIFY = "verify"
    VERIFY_FAILED = "verify_failed"
    DERIVE = "derive"                # a readable copy was made from it (its video rescued)


class CallOutKind(StrEnum):
    PROPERTY_DAMAGE = "property_damage"  # 财产损失
    INJURY = "injury"                    # 伤人
    FATAL = "fatal"                      # 亡人
    HIT_AND_RUN = "hit_and_run"          # 肇事逃逸


class CoverageStatus(StrEnum):
    """Where a camera stands in a case's canvass (调取进度), in workflow order."""

    TO_ASK = "to_ask"                # 待调取
    ASKED = "asked"                  # 已联系
    COLLECTED = "collected"          # 已调取
    REVIEWED = "reviewed"            # 已查看
    NOTHING_RELEVANT = "nothing_relevant"  # 无有关画面


class TaskKind(StrEnum):
    GRID_SEARCH = "grid_search"      # 地毯式搜查 (an area)
    CANVASS = "canvass"              # 摸排走访 (an address)


class TaskStatus(StrEnum):
    PLANNED = "planned"              # 待执行
    ASSIGNED = "assigned"            # 已分派
    IN_PROGRESS = "in_progress"      # 执行中
    DONE = "done"                    # 已完成
    CANCELLED = "cancelled"          # 已取消


class EvidenceKind(StrEnum):
    """``EvidenceItem.media_kind``: the CCTV video and the other kinds of evidence."""

    VIDEO = "video"                  # 视频
    PHOTO = "photo"                  # 照片
    DOCUMENT = "document"            # 书证/文件
    STATEMENT = "statement"          # 询问笔录/证人证言
    TRACE = "trace"                  # 痕迹物证
    AUDIO = "audio"                  # 录音
    SOURCE = "source"                # 原始文件: a recording kept as received that cannot be
    #                                  played as it is; a readable copy is derived from it
