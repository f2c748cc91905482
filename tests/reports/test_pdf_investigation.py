"""The case summary's investigation sections, read back with pdftotext: the canvass map and
deadlines, the tasks, the non-video evidence with its hash, the merged timeline."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import timedelta

from PIL import Image

from app.models.db import unit_of_work
from app.reports.pdf_export import PdfOptions, export_case_pdf
from app.services.casefile import timeline
from app.services.casefile.dto import EventInput
from app.services.common.context import SYSTEM
from app.services.evidence import attachments
from app.services.evidence.exif import exif_bytes
from app.services.investigation import canvass, tasks
from tests.helpers.investigation import (
    T0,
    case_with_vehicles,
    inference,
    make_camera,
    set_retention,
    sighting,
)


def test_pdf_holds_map_tasks_other_evidence_and_story(session_factory, paths, tmp_path):
    ids = case_with_vehicles(session_factory)
    cid = ids["case"]
    with unit_of_work(session_factory) as s:
        from app.models import Case
        case = s.get(Case, cid)
        case.lat, case.lon = 27.87215, 113.15768
    near = make_camera(session_factory, "SF-HP-002", 27.8632, 113.1601)
    silent = make_camera(session_factory, "SF-HP-005", 27.8612, 113.1611)
    set_retention(session_factory, near, 30)
    inf = inference(session_factory, cid)
    sighting(session_factory, cid, near, ids["ebike"], "e" * 64, 27, "推车男子经和平路口向南")
    with unit_of_work(session_factory) as s:
        canvass.add_camera(s, SYSTEM, cid, near, status="reviewed")
        canvass.add_camera(s, SYSTEM, cid, silent, status="nothing_relevant")
        found = timeline.add_event(s, SYSTEM, cid, EventInput(
            occurred_at=T0 + timedelta(hours=4), kind="search", title="找到电动车及驾驶人谭某"))
        tasks.create_task(s, SYSTEM, cid, tasks.TaskInput(
            kind="grid_search", title="和平路口一带地毯式搜查",
            area=((27.8634, 113.1590), (27.8634, 113.1616), (27.8610, 113.1616)),
            status="done", result="在菜市场后巷找到电动车", trigger_event_id=inf,
            found_event_id=found.id))
    photo = tmp_path / "现场血迹.jpg"
    Image.new("RGB", (60, 40), (110, 10, 10)).save(
        photo, exif=exif_bytes(T0 + timedelta(minutes=40), 27.8722, 113.1577))
    attachments.attach_file(session_factory, paths, SYSTEM, cid, photo, "trace",
                            attachments.DetailInput(description="路面血迹一摊", officer="刘建国"))
    out = tmp_path / "summary.pdf"
    export_case_pdf(session_factory, SYSTEM, cid, out, paths.evidence_dir,
                    PdfOptions(sections=("story", "canvass", "tasks", "other_evidence")))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = text.replace("\n", "")
    assert "调取地图与摄像头调取情况" in text and "SF-HP-005" in text and "无有关画面" in text
    assert "在 SF-HP-002" in flat and "之间消失" in flat                   # the gap
    assert "30 天" in text and "事发现场" in text                          # deadline, map
    assert "和平路口一带地毯式搜查" in flat and "在菜市场后巷找到电动车" in flat
    assert hashlib.sha256(photo.read_bytes()).hexdigest() in flat           # hash of the trace
    assert "路面血迹一摊" in flat and "合并时间线" in text
    assert "推车男子经和平路口向南" in flat                                 # a CCTV mark
