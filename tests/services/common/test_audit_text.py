"""The audit log and the chain of custody read in the reader's language: codes and parameters are
stored, words are made when read (sentences, names, fields, the case's zone named)."""

from __future__ import annotations

from sqlalchemy import select

from app.i18n import set_language
from app.models import Case, CustodyEvent
from app.models.db import unit_of_work
from app.services.common import audit, audit_log, audit_text
from app.services.common.context import SYSTEM
from app.services.evidence import clips, custody
from tests.helpers.evidence import case_with_vehicles
from tests.media import make_clip


def test_custody_detail_is_stored_as_a_code_and_read_in_the_readers_language(
        session_factory, paths):
    ids = case_with_vehicles(session_factory)
    set_language("en")  # the importing officer runs the English UI
    try:
        ev = clips.import_clip(session_factory, paths, SYSTEM, ids["case"],
                               make_clip("h264_mp4", frames=30)).evidence
        with unit_of_work(session_factory) as s:
            custody.record_export(s, SYSTEM, ev.id, "/tmp/out/a.png", frame_index=3)
    finally:
        set_language("zh_CN")
    with session_factory() as s:
        stored = s.scalars(select(CustodyEvent.detail)).all()
        log = custody.custody_log(s, SYSTEM, ev.id)
    assert all(d.startswith('{"code"') for d in stored)       # no language frozen in the row
    assert log[0].detail.startswith("已导入 ") and "字节" in log[0].detail
    assert log[1].detail == "已导出至 /tmp/out/a.png"
    set_language("en")
    try:
        with session_factory() as s:
            assert custody.custody_log(s, SYSTEM, ev.id)[0].detail.startswith("Imported ")
    finally:
        set_language("zh_CN")


def test_audit_rows_read_as_sentences_with_names_fields_and_the_zone(session_factory):
    ids = case_with_vehicles(session_factory)
    with unit_of_work(session_factory) as s:
        audit.record(s, SYSTEM, "case.status", entity_type="case", entity_id=ids["case"],
                     case_id=ids["case"], payload={"from": "investigating", "to": "solved",
                                                   "reason": "嫌疑人到案"})
        audit.record(s, SYSTEM, "vehicle.update", entity_type="vehicle", entity_id=ids["trike"],
                     case_id=ids["case"], payload={"changes": {"colour": ["不详", "白色"]}})
        s.get(Case, ids["case"]).tz = "Asia/Shanghai"
    with session_factory() as s:
        rows = audit_log.list_entries(s, SYSTEM, audit_log.AuditFilter(case_id=ids["case"]),
                                      newest_first=False)
        lines = audit_text.describe(s, rows)
    status, vehicle = lines[-2], lines[-1]
    assert status.action == "变更案件状态" and status.record == "案件 石峰-2023-0117"
    assert ("原状态", "侦查中") in status.fields and ("新状态", "已破案") in status.fields
    assert ("原因", "嫌疑人到案") in status.fields
    assert status.zone == "北京时间" and status.time == audit_text.local_time(
        rows[-2].at, "Asia/Shanghai")
    assert vehicle.record == "车辆 #{}（案件 石峰-2023-0117）".format(ids["trike"])
    assert ("颜色", "不详 → 白色") in vehicle.fields
    assert status.sentence.startswith(status.time + "（北京时间）：")
    assert "{" not in status.sentence and "case.status" not in status.sentence
