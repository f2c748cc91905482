"""What the demo's investigation around the CCTV is made of (data only, see
``app.demo.investigation``): camera geometry and DVR retention, the cameras of the e-bike's push,
the Xiangtan checkpoint and Case B, their short clips, the canvass, tasks and exhibits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.services.common.clock import zone

TZ = zone(None)  # the demo squad works in the default zone


def at(y: int, mo: int, d: int, h: int, mi: int, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=TZ)


# code -> facing bearing (0 = north), field of view, viewing distance (m), DVR retention (days)
GEOMETRY: dict[str, tuple[float, float, float, int]] = {
    "SF-BT-001": (180, 70, 60, 30), "SF-TQ-007": (170, 80, 45, 15),
    "SF-TQ-003": (175, 60, 90, 90), "SF-TQ-012": (270, 90, 40, 7),
    "SF-TQ-021": (355, 75, 50, 20),
}


@dataclass(frozen=True)
class ExtraCamera:
    code: str
    name: str
    owner_kind: str
    owner_unit: str
    address: str
    lat: float
    lon: float
    facing: str
    facing_deg: float
    fov_deg: float
    retention_days: int
    contact: str
    phone: str


EXTRA_CAMERAS = (
    ExtraCamera("SF-TQ-015", "天桥街南段五金店", "shop", "兴旺五金店", "天桥街南段 88 号",
                27.8640, 113.1594, "朝东", 80, 85, 10, "李老板", "137****6620"),
    ExtraCamera("SF-HP-002", "和平路口公交站", "city_management", "石峰区城管局",
                "天桥街与和平路交叉口公交站", 27.8632, 113.1601, "朝北", 10, 70, 30, "城管值班室",
                "0731-2822****"),
    ExtraCamera("SF-HP-005", "和平路菜市场", "estate", "和平菜市场管理处", "和平路菜市场南门",
                27.8612, 113.1611, "朝北", 350, 80, 15, "周主任", "0731-2836****"),
    ExtraCamera("SF-BT-006", "报亭路养殖场路口", "other", "报亭村村委会", "报亭路与养殖场便道路口",
                27.8862, 113.1520, "朝西", 260, 70, 3, "村委会刘主任", "139****4410"),
    ExtraCamera("SF-KK-031", "株洲大道湘潭方向卡口", "traffic", "石峰交警大队",
                "株洲大道往湘潭方向出城卡口", 27.8290, 113.0910, "西南", 225, 50, 180, "指挥中心",
                "0731-2860****"),
    ExtraCamera("SF-XT-040", "湘潭方向沿线加油站", "shop", "中石化株洲大道加油站",
                "株洲大道湘潭方向加油站", 27.8255, 113.0850, "朝南", 190, 90, 7, "站长",
                "0731-2870****"),
    ExtraCamera("SF-SMT-002", "杉木塘路响石路口", "traffic", "石峰交警大队",
                "杉木塘路与响石路交叉口", 27.8652, 113.1331, "北向南", 180, 60, 90, "值班室",
                "0731-2860****"),
)


@dataclass(frozen=True)
class ExtraClip:
    case_no: str
    camera: str
    passes_at: datetime     # true time the mover is mid-frame
    offset_s: float         # the camera's clock error (true = clock + offset)
    kind: str               # footage_render mover kind
    left_to_right: bool
    vehicle_kind: str       # which of the case's vehicles the mark is tagged with
    note: str
    acquisition: str


CASE_A, CASE_B = "石峰-2023-0117", "石峰-2020-0093"
CLIP_SECONDS = 4.0
MID_S = 2.0
CLIPS = (
    ExtraClip(CASE_A, "SF-TQ-012", at(2023, 11, 28, 6, 13, 30), 412.0, "pusher", True,
              "two_wheel_ebike", "一名男子推着两轮电动车向南步行，疑车辆受损无法骑行（事发点以南约 750 米）",
              "dvr_seizure"),
    ExtraClip(CASE_A, "SF-TQ-015", at(2023, 11, 28, 6, 16, 0), -20.0, "pusher", False,
              "two_wheel_ebike", "推车男子继续向南（约 900 米），仍未骑行", "owner_sent"),
    ExtraClip(CASE_A, "SF-HP-002", at(2023, 11, 28, 6, 17, 30), 0.0, "pusher", True,
              "two_wheel_ebike", "推车男子经和平路口向南（约 1 公里），此后各摄像头均未再出现",
              "platform_export"),
    ExtraClip(CASE_A, "SF-KK-031", at(2023, 11, 28, 8, 47, 10), 0.0, "trike", False,
              "three_wheel_motorcycle", "蓝色无牌三轮摩托车经出城卡口驶往湘潭方向，车斗已空",
              "platform_export"),
    ExtraClip(CASE_B, "SF-SMT-002", at(2020, 10, 7, 19, 40, 40), 0.0, "car", True,
              "car", "一辆浅色小型轿车由南向北驶过路口，前保险杠右侧破损", "platform_export"),
)

# Case A canvass: code -> (status, when, note)
CANVASS = {
    "SF-BT-001": ("reviewed", at(2023, 11, 28, 10, 20), "车上一男一女、车斗有桶"),
    "SF-TQ-007": ("reviewed", at(2023, 11, 28, 10, 10), ""),
    "SF-TQ-003": ("reviewed", at(2023, 11, 28, 8, 40), "距事发点约 150 米"),
    "SF-TQ-021": ("reviewed", at(2023, 11, 28, 10, 45), ""),
    "SF-TQ-012": ("reviewed", at(2023, 11, 28, 8, 40), "三轮车逃离；推车男子经过"),
    "SF-TQ-015": ("reviewed", at(2023, 11, 28, 8, 45), "推车男子经过"),
    "SF-HP-002": ("reviewed", at(2023, 11, 28, 8, 50), "推车男子最后一次出现"),
    "SF-HP-005": ("nothing_relevant", at(2023, 11, 28, 8, 55), "06:15-06:45 未见推车男子"),
    "SF-KK-031": ("reviewed", at(2023, 11, 28, 13, 20), "三轮车驶往湘潭方向"),
    "SF-BT-006": ("to_ask", at(2023, 11, 28, 11, 0), "养殖场路口，DVR 仅保存 3 天"),
    "SF-XT-040": ("asked", at(2023, 11, 28, 14, 0), "已电话联系站长，待上门调取"),
}
REQUESTS = (("SF-BT-001", at(2023, 11, 28, 9, 20), "刘师傅"),
            ("SF-TQ-012", at(2023, 11, 28, 9, 5), "王经理"),
            ("SF-XT-040", at(2023, 11, 28, 14, 30), "加油站站长"))

# Tasks: (kind, title, area or address, assignee, status, result, trigger title, found title,
#         started, finished)
GRID_AREA = ((27.8634, 113.1590), (27.8634, 113.1616), (27.8610, 113.1620), (27.8610, 113.1596))
TASKS = (
    ("grid_search", "和平路口至菜市场一带地毯式搜查电动车", GRID_AREA, "", "陈志强", "done",
     "10时05分在和平路菜市场后巷找到电动车及驾驶人谭某，电动车前轮变形。",
     "推断：电动车可能已损坏，就近停放", "找到电动车及其驾驶人谭某（案发后约4小时）",
     at(2023, 11, 28, 9, 0), at(2023, 11, 28, 10, 5)),
    ("canvass", "摸排报亭路水电段涵洞附近养猪场", (), "报亭路水电段涵洞周边村组", "彭丽", "done",
     "找到周某的养猪场，周某不在场，未发现涉案三轮车。",
     "推断：驾驶人可能是附近拉潲水的养猪户", "找到养猪场，但未发现涉案三轮车",
     at(2023, 11, 28, 11, 0), at(2023, 11, 28, 12, 30)),
    ("canvass", "排查湘潭方向沿线停车场、修理厂", (), "株洲大道湘潭方向沿线", "王磊", "cancelled",
     "周某到案供述车辆藏匿地点，排查取消。", "推断：嫌疑人将三轮车驶往湘潭藏匿", "",
     at(2023, 11, 28, 13, 50), at(2023, 11, 28, 18, 30)),
)
# Inferences resting directly on CCTV marks: inference title -> cameras whose marks it rests on
INFERENCE_MARKS = {
    "推断：电动车可能已损坏，就近停放": ("SF-TQ-012", "SF-TQ-015", "SF-HP-002"),
    "推断：驾驶人可能是附近拉潲水的养猪户": ("SF-BT-001",),
    "推断：嫌疑人将三轮车驶往湘潭藏匿": ("SF-KK-031",),
}
