"""The PDF's person and vehicle tables come from the field declaration: same rows, same words."""

from __future__ import annotations

from app.i18n import language, set_language
from app.reports.case_data import PersonInfo, VehicleInfo
from app.reports.pdf_sections import _person_rows, _plate
from app.reports.record_rows import record_rows
from app.services.casefile.dto import PersonInput, VehicleInput
from tests.helpers.cases import cst

TZ = "Asia/Shanghai"


def _zh(fn):
    before = language()
    set_language("zh_CN")
    try:
        return fn()
    finally:
        set_language(before)


def test_person_rows_in_declared_order_with_merged_rows():
    p = PersonInfo(id=1, case_id=1, version=1, role="suspect", name="王某", identified=True,
                   identified_at=cst(2023, 12, 1, 9), gender="男", age=42,
                   id_number="430203198101011234", phone="13800000001", address="石峰区",
                   description="穿深色外套")
    rows = _zh(lambda: record_rows(PersonInput, p, TZ, _person_rows(TZ)))
    assert rows == [("身份确认", "2023-12-01 09:00"), ("性别 / 年龄", "男 / 42"),
                    ("身份证号", "430203198101011234"), ("电话", "13800000001"),
                    ("地址", "石峰区"), ("体貌特征", "穿深色外套")]


def test_vehicle_rows_use_the_short_label_and_one_plate_row():
    v = VehicleInfo(id=1, case_id=1, version=1, role="suspect", kind="tricycle_motor",
                    colour="蓝色", plate=None, unlicensed=True, make_model="宗申",
                    features="车斗加装", damage="左前灯破损")
    shown = {"plate": lambda x: ("号牌", _plate(x)), "unlicensed": None}
    rows = _zh(lambda: record_rows(VehicleInput, v, TZ, shown))
    assert [r[0] for r in rows] == ["类型", "颜色", "号牌", "品牌型号", "特征", "损坏情况"]
    assert rows[1:] == [("颜色", "蓝色"), ("号牌", "无牌"), ("品牌型号", "宗申"),
                        ("特征", "车斗加装"), ("损坏情况", "左前灯破损")]
