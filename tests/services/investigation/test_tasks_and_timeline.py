"""Search/canvass tasks from inferences, the merged timeline and searching everything."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.models import CustodyEvent, Observation
from app.models.db import unit_of_work
from app.models.enums import CustodyAction
from app.services.casefile import search, timeline
from app.services.casefile.dto import CaseFilter, EventInput
from app.services.casefile.record_search import search_all, search_case
from app.services.common import coded_text
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from app.services.investigation import canvass, merged_timeline, tasks
from tests.helpers.cases import run
from tests.helpers.investigation import T0, case_with_vehicles, inference, make_camera, sighting

AREA = ((27.8630, 113.1585), (27.8630, 113.1610), (27.8610, 113.1610), (27.8610, 113.1585))


def test_task_from_inference_runs_to_a_result_and_a_found_event(session_factory):
    ids = case_with_vehicles(session_factory)
    inf = inference(session_factory, ids["case"])
    draft = run(session_factory, tasks.draft_from_inference, inf)
    assert draft.trigger_event_id == inf and draft.kind == "grid_search"
    assert "电动车可能已损坏" in draft.title
    with pytest.raises(ValidationError) as err:           # neither an area nor an address
        run(session_factory, tasks.create_task, ids["case"], draft)
    assert "address" in err.value.errors
    task = run(session_factory, tasks.create_task, ids["case"],
               tasks.TaskInput(**{**draft.__dict__, "area": AREA, "status": "in_progress"}))
    assert task.area == AREA and task.started_at is not None and task.trigger_title
    with pytest.raises(ValidationError) as err:           # done needs a result
        run(session_factory, tasks.update_task, task.id,
            tasks.TaskInput(**{**task.as_input().__dict__, "status": "done"}),
            expected_version=task.version)
    assert "result" in err.value.errors
    with unit_of_work(session_factory) as s:
        found = timeline.add_event(s, SYSTEM, ids["case"], EventInput(
            occurred_at=T0 + timedelta(hours=4), kind="search", title="找到电动车及驾驶人"))
    done = run(session_factory, tasks.update_task, task.id, tasks.TaskInput(
        **{**task.as_input().__dict__, "status": "done", "result": "找到电动车，前轮变形",
           "found_event_id": found.id}), expected_version=task.version)
    assert done.finished_at is not None and done.found_title == "找到电动车及驾驶人"
    not_inference = run(session_factory, timeline.list_events, ids["case"])[0].id
    with pytest.raises(ValidationError):
        run(session_factory, tasks.draft_from_inference, not_inference)


def test_merged_timeline_orders_events_marks_tasks_and_canvass(session_factory):
    ids = case_with_vehicles(session_factory)
    cam = make_camera(session_factory, "SF-TQ-012", 27.8655, 113.1590)
    inf = inference(session_factory, ids["case"])
    sighting(session_factory, ids["case"], cam, ids["ebike"], "c" * 64, 20, "推车步行")
    entry = run(session_factory, canvass.add_camera, ids["case"], cam)
    run(session_factory, canvass.set_status, entry.id, "reviewed", at=T0 + timedelta(hours=2))
    run(session_factory, tasks.create_task, ids["case"], tasks.TaskInput(
        kind="canvass", title="摸排养猪场", address="报亭路", trigger_event_id=inf))
    rows = run(session_factory, merged_timeline.merged_timeline, ids["case"])
    sources = [r.source for r in rows]
    assert sources[:4] == ["mark", "canvass", "event", "event"]
    assert "task" in sources
    assert rows == sorted(rows, key=lambda r: r.at)
    assert "SF-TQ-012" in rows[1].title and "已查看" in rows[1].title


def test_search_everything_finds_two_character_terms(session_factory):
    ids = case_with_vehicles(session_factory)
    other = case_with_vehicles(session_factory, case_no="石峰-2020-0093")
    cam = make_camera(session_factory, "SF-KK-031", 27.85, 113.12)
    with unit_of_work(session_factory) as s:
        timeline.add_event(s, SYSTEM, ids["case"], EventInput(
            occurred_at=T0 + timedelta(hours=7), kind="sighting", title="视频：三轮车被驶往湘潭方向"))
        timeline.add_event(s, SYSTEM, ids["case"], EventInput(
            occurred_at=T0 + timedelta(hours=10), kind="arrest", title="在一麻将馆内将周某抓获"))
    sighting(session_factory, other["case"], cam, other["trike"], "d" * 64, 3, "保险杠碎片掉落")
    run(session_factory, tasks.create_task, other["case"], tasks.TaskInput(
        kind="canvass", title="走访修理厂", address="响石路", status="done",
        result="修理厂承认为其更换前保险杠"))

    def found(text):
        return {c.id for c in run(session_factory, search.list_cases, CaseFilter(text=text)).items}

    assert found("湘潭") == {ids["case"]}
    assert found("麻将") == {ids["case"]}
    assert found("保险杠") == {other["case"]}            # a mark note and a task result
    assert found("湘潭 麻将") == {ids["case"]}
    assert found("湘潭 保险杠") == set()
    hits = run(session_factory, search_case, ids["case"], "湘潭")
    assert [h.source for h in hits] == ["event"] and "湘潭" in hits[0].text
    across = run(session_factory, search_all, "保险杠")
    assert {h.source for h in across} == {"mark", "task"}
    assert {h.case_no for h in across} == {"石峰-2020-0093"}


def test_custody_milestones_read_in_words_not_codes(session_factory):
    """Custody details are stored as codes + parameters; the merged timeline renders them."""
    ids = case_with_vehicles(session_factory)
    cam = make_camera(session_factory, "SF-TQ-012", 27.8655, 113.1590)
    obs = sighting(session_factory, ids["case"], cam, ids["ebike"], "d" * 64, 20, "推车步行")
    with unit_of_work(session_factory) as s:
        ev_id = s.get(Observation, obs).evidence_id
        s.add(CustodyEvent(evidence_id=ev_id, at=T0, action=CustodyAction.IMPORT.value,
                           detail=coded_text.encode("imported", name="cam.mp4", size=99660)))
    rows = run(session_factory, merged_timeline.merged_timeline, ids["case"])
    custody = [r for r in rows if r.source == "custody"]
    assert custody and custody[0].detail == "已导入 cam.mp4（99660 字节）"
