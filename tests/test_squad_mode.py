"""Squad mode: several workstations (each its own engine) on one database — SQLite and, with
CASEDESK_TEST_PG_URL set, PostgreSQL (the ``db`` fixture runs every test on both)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.config import resolve_paths
from app.models import Case
from app.models.db import (
    current_revision,
    head_revision,
    make_engine,
    make_session_factory,
    unit_of_work,
)
from app.services.casefile import cases, persons, search, vehicles
from app.services.casefile.dto import CaseFilter, PersonInput, VehicleInput
from app.services.common import changes
from app.services.common.context import SYSTEM
from app.services.common.errors import ConflictError
from app.services.evidence import clips as evidence
from app.services.evidence import custody
from bench.squad_load_bench import run_load
from tests.helpers.cases import make_squad, new_case, run
from tests.media import make_clip


@pytest.fixture
def workstations(db):
    """Two more workstations on the same database: (factory A, factory B), own engines."""
    url = db[0].url.render_as_string(hide_password=False)
    engines = [make_engine(url), make_engine(url)]
    yield tuple(make_session_factory(e) for e in engines)
    for e in engines:
        e.dispose()


def test_both_engines_are_migrated_to_head(db):
    assert current_revision(db[0]) == head_revision()


def test_second_workstation_gets_the_conflict_with_both_sides_and_nothing_is_lost(workstations):
    a, b = workstations
    squad_id, _ = make_squad(a)
    opened = new_case(a, squad_id)
    seen_by_a = run(a, cases.get_case, opened.id)          # both officers open version 1
    seen_by_b = run(b, cases.get_case, opened.id)
    saved = run(a, cases.update_case, opened.id, replace(
        cases.case_input(seen_by_a), title="天桥街三轮摩托车肇事逃逸案（已查明车型）"),
        expected_version=seen_by_a.version)
    mine = replace(cases.case_input(seen_by_b), weather="小雨", light="路灯照明")
    with pytest.raises(ConflictError) as err:
        run(b, cases.update_case, opened.id, mine, expected_version=seen_by_b.version)
    conflict = err.value
    assert (conflict.entity, conflict.entity_id) == ("case", opened.id)
    assert conflict.mine["weather"] == "小雨" and conflict.mine["title"] == seen_by_b.title
    assert conflict.theirs["title"] == "天桥街三轮摩托车肇事逃逸案（已查明车型）"
    assert conflict.theirs["version"] == str(saved.version)
    assert "已被他人修改" in str(conflict)
    # Nothing silently overwritten: A's title stands and B's refused save changed nothing.
    now = run(b, cases.get_case, opened.id)
    assert (now.title, now.weather, now.version) == (saved.title, "", saved.version)
    # B merges (their title + my weather/light) on the version they saved: both changes kept.
    merged = run(b, cases.update_case, opened.id, replace(mine, title=conflict.theirs["title"]),
                 expected_version=int(conflict.theirs["version"]))
    assert (merged.title, merged.weather, merged.light) == (saved.title, "小雨", "路灯照明")
    assert merged.version == saved.version + 1


def test_race_lost_inside_an_open_transaction_is_a_conflict_on_both_engines(workstations):
    """B already holds the row (version 1) in its session when A commits: B's UPDATE matches no
    row at flush and becomes a ConflictError carrying A's saved values."""
    a, b = workstations
    squad_id, _ = make_squad(a)
    opened = new_case(a, squad_id)
    with pytest.raises(ConflictError) as err:
        with unit_of_work(b) as s:
            held = s.get(Case, opened.id)
            assert held.version == 1
            run(a, cases.update_case, opened.id, replace(cases.case_input(opened),
                road="建设北路"), expected_version=1)
            cases.update_case(s, SYSTEM, opened.id, replace(cases.case_input(opened),
                              road="天桥街辅路"), expected_version=1)
    assert err.value.mine["road"] == "天桥街辅路"
    assert err.value.theirs["road"] == "建设北路" and err.value.theirs["version"] == "2"
    assert run(b, cases.get_case, opened.id).road == "建设北路"


def test_change_counter_tells_the_other_workstation_which_case_changed(workstations):
    a, b = workstations
    squad_id, _ = make_squad(a)
    first = new_case(a, squad_id)
    other = new_case(a, squad_id, case_no="石峰-2023-0118", title="建设路电动车刮擦逃逸案")
    with b() as s:
        before = changes.change_state(s)
    assert before.last_case_id == other.id
    run(a, cases.update_case, first.id, replace(cases.case_input(first), road="天桥街辅路"),
        expected_version=first.version)
    with b() as s:
        after = changes.change_state(s)
        changed = changes.changed_case_ids(s, before.counter)
    assert after.counter == before.counter + 1
    assert after.last_case_id == first.id
    assert changed == {first.id}
    with b() as s:
        assert changes.changed_case_ids(s, after.counter) == set()


CASES = (  # case_no, title, road, narrative, persons, vehicles
    ("石峰-2023-0117", "天桥街无牌三轮摩托车肇事逃逸案", "天桥街",
     "一辆无牌蓝色三轮摩托车由北向南行驶，撞倒路边老人后逃逸。",
     [PersonInput(role="victim", name="王秀英", age=76)],
     [VehicleInput(role="suspect_1", kind="three_wheel_motorcycle", colour="蓝色",
                   unlicensed=True, features="车厢后挡板有白色喷漆“收废品”")]),
    ("石峰-2023-0118", "建设北路电动车刮擦逃逸案", "建设北路",
     "夜间一辆两轮电动车刮倒行人后驶离。",
     [PersonInput(role="witness", name="李强", phone="13800000000")],
     [VehicleInput(role="suspect_1", kind="two_wheel_ebike", colour="黑色")]),
    ("石峰-2023-0119", "红旗路轿车碰撞三轮车逃逸案", "红旗路",
     "一辆白色轿车与三轮车相撞后逃逸，车牌湘B·12345。",
     [],
     [VehicleInput(role="suspect_1", kind="car", colour="白色", plate="湘B·12345"),
      VehicleInput(role="victim", kind="three_wheel_motorcycle", colour="红色")]),
)
QUERIES = {  # text -> indexes into CASES (same on every engine)
    "三轮": {0, 2}, "蓝色 三轮": {0}, "无牌": {0}, "收废品": {0}, "王秀英": {0}, "电动车": {1},
    "电瓶车": {1}, "目击者": {1}, "湘b·12345": {2}, "湘B": {2}, "E-BIKE": {1}, "逃逸": {0, 1, 2},
    "天桥 老人": {0}, "100%": set(), "a_b": set(), "不存在的词": set(),
}


def test_chinese_search_gives_the_same_results_on_both_engines(db, session_factory):
    squad_id, _ = make_squad(session_factory)
    ids = []
    for case_no, title, road, narrative, people, cars in CASES:
        case = new_case(session_factory, squad_id, case_no=case_no, title=title, road=road,
                        narrative=narrative)
        for p in people:
            run(session_factory, persons.add_person, case.id, p)
        for v in cars:
            run(session_factory, vehicles.add_vehicle, case.id, v)
        ids.append(case.id)
    for text, expected in QUERIES.items():
        page = run(session_factory, search.list_cases, CaseFilter(text=text, sort="id", descending=False))
        assert [c.id for c in page.items] == sorted(ids[i] for i in expected), text
        found = run(session_factory, search.case_ids, CaseFilter(text=text, sort="case_no",
                                                                  descending=False))
        assert list(found) == [ids[i] for i in sorted(expected)], text


def test_shared_evidence_store_imported_on_one_workstation_verifies_on_the_other(
        db, workstations, tmp_path):
    """Two workstations with their own data dirs share one evidence folder (a mounted share)."""
    a, b = workstations
    url = db[0].url.render_as_string(hide_password=False)
    share = tmp_path / "share" / "evidence"
    paths_a = resolve_paths(tmp_path / "ws-a", url, evidence_dir=share).ensure()
    paths_b = resolve_paths(tmp_path / "ws-b", url, evidence_dir=share).ensure()
    squad_id, _ = make_squad(a)
    case = new_case(a, squad_id)
    imported = evidence.import_clip(a, paths_a, SYSTEM, case.id, make_clip("h264_mp4", frames=30))
    result = custody.verify_evidence(b, paths_b, SYSTEM, imported.evidence.id)
    assert result.ok and result.actual == imported.evidence.sha256
    assert str(result.path).startswith(str(share))


def test_concurrent_writers_lose_nothing_and_the_audit_chain_verifies(db, paths):
    """The load test, bounded: 6 workstations × 3 s creating/editing cases and observations."""
    url = db[0].url.render_as_string(hide_password=False)
    report = run_load(url, paths, make_clip("h264_mp4", frames=50), threads=6, seconds=3)
    assert report.errors == ()
    assert report.ops > 0 and all(n > 0 for n in report.by_op.values()), report.by_op
    assert (report.lost_rows, report.lost_updates, report.audit_mismatch) == (0, 0, {})
    assert report.checksum_threads == report.checksum_db
    assert report.chain_problems == ()
    assert report.ok
