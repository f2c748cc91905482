"""Case list and search: Chinese substrings (2 characters), filters, sorting, paging, roles."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.models.enums import Role
from app.services.casefile import cases, persons, search, vehicles
from app.services.casefile.dto import CaseFilter, PersonInput, VehicleInput
from app.services.common.errors import ValidationError
from tests.helpers.cases import cst, make_squad, make_user, new_case, run, walk


@pytest.fixture
def three_cases(session_factory):
    squad_id, officer_id = make_squad(session_factory)
    a = new_case(session_factory, squad_id, officer_id, title="天桥街肇事逃逸案", narrative="")
    run(session_factory, vehicles.add_vehicle, a.id, VehicleInput(
        role="suspect_1", kind="three_wheel_motorcycle", colour="蓝色", unlicensed=True,
        features="蓝色三轮摩托车，车斗内有数个桶"))
    run(session_factory, persons.add_person, a.id, PersonInput(
        role="suspect", name="周某", identified=True))
    b = new_case(session_factory, squad_id, None, case_no="石峰-2020-0093", title="杉木塘逃逸案",
                 narrative="行人被撞伤", occurred_at=cst(2020, 10, 7, 19, 40),
                 reported_at=cst(2020, 10, 7, 19, 52), road="杉木塘路")
    run(session_factory, vehicles.add_vehicle, b.id, VehicleInput(
        role="suspect_1", kind="car", colour="白色", plate="湘B5K327"))
    c = new_case(session_factory, squad_id, officer_id, case_no="石峰-2024-0042",
                 title="响石路电动车逃逸案 100%_真实", narrative="", road="响石路",
                 occurred_at=cst(2024, 3, 2, 21), reported_at=cst(2024, 3, 2, 21, 30))
    run(session_factory, vehicles.add_vehicle, c.id, VehicleInput(
        role="suspect_1", kind="two_wheel_ebike"))
    return {"a": a.id, "b": b.id, "c": c.id, "squad": squad_id, "officer": officer_id}


def _ids(factory, actor=None, **filt) -> set[int]:
    kw = {"actor": actor} if actor else {}
    return {c.id for c in run(factory, search.list_cases, CaseFilter(**filt), **kw).items}


def test_two_character_chinese_terms_match_substrings(session_factory, three_cases):
    ids = three_cases
    assert _ids(session_factory, text="三轮") == {ids["a"]}          # vehicle features/kind
    assert _ids(session_factory, text="桶") == {ids["a"]}
    assert _ids(session_factory, text="逃逸") == {ids["a"], ids["b"], ids["c"]}
    assert _ids(session_factory, text="周某") == {ids["a"]}           # person name
    assert _ids(session_factory, text="电动车") == {ids["c"]}         # kind word, not in text
    assert _ids(session_factory, text="无牌") == {ids["a"]}
    assert _ids(session_factory, text="湘b5k") == {ids["b"]}          # plate, any letter case
    assert _ids(session_factory, text="2020-00") == {ids["b"]}       # case number part
    assert _ids(session_factory, text="三轮 周某") == {ids["a"]}      # all terms must match
    assert _ids(session_factory, text="三轮 杉木塘") == set()
    assert _ids(session_factory, text="100%") == {ids["c"]}          # wildcards are literal
    assert _ids(session_factory, text="%") == {ids["c"]}
    assert _ids(session_factory, text="_") == {ids["c"]}


def test_search_text_follows_edits_and_deletions(session_factory, three_cases):
    ids = three_cases
    detail = run(session_factory, cases.get_case, ids["b"])
    car = detail.vehicles[0]
    run(session_factory, vehicles.update_vehicle, car.id, replace(
        vehicles.vehicle_input(car), features="拆除号牌，改喷灰色"), expected_version=car.version)
    assert _ids(session_factory, text="改喷") == {ids["b"]}
    run(session_factory, vehicles.delete_vehicle, car.id)
    assert _ids(session_factory, text="改喷") == set()
    run(session_factory, cases.update_case, ids["b"], replace(
        cases.case_input(detail), narrative="重新梳理后调整侦查方向"),
        expected_version=detail.version)
    assert _ids(session_factory, text="梳理") == {ids["b"]}


def test_filters_sorting_paging_and_list_columns(session_factory, three_cases):
    ids = three_cases
    run(session_factory, cases.change_status, ids["c"], "investigating")
    assert _ids(session_factory, statuses=("investigating",)) == {ids["c"]}
    assert _ids(session_factory, statuses=("reported", "investigating")) == set(
        ids[k] for k in "abc")
    assert _ids(session_factory, date_from=cst(2021, 1, 1)) == {ids["a"], ids["c"]}
    assert _ids(session_factory, date_from=cst(2023, 1, 1), date_to=cst(2024, 1, 1)) == {ids["a"]}
    assert _ids(session_factory, officer_id=ids["officer"]) == {ids["a"], ids["c"]}
    assert _ids(session_factory, squad_id=ids["squad"] + 99) == set()

    page = run(session_factory, search.list_cases, CaseFilter())
    assert [c.id for c in page.items] == [ids["c"], ids["a"], ids["b"]]  # newest first
    asc = run(session_factory, search.list_cases, CaseFilter(sort="case_no", descending=False))
    assert [c.case_no for c in asc.items] == sorted(c.case_no for c in asc.items)
    paged = run(session_factory, search.list_cases, CaseFilter(limit=2, offset=1))
    assert paged.total == 3 and [c.id for c in paged.items] == [ids["a"], ids["b"]]

    row = next(c for c in page.items if c.id == ids["a"])
    assert row.vehicle_kinds == ("three_wheel_motorcycle",)
    assert (row.vehicle_count, row.person_count, row.inquiry_count) == (1, 1, 0)
    assert row.lead_officer_name == "刘建国" and row.squad_name == "石峰大队事故中队"
    assert row == run(session_factory, search.case_summary, ids["a"])


def test_bad_filter_values_are_validation_errors(session_factory, three_cases):
    with pytest.raises(ValidationError) as err:
        run(session_factory, search.list_cases, CaseFilter(sort="nonsense"))
    assert "nonsense" in err.value.errors["sort"]
    with pytest.raises(ValidationError):
        run(session_factory, search.list_cases, CaseFilter(statuses=("archived",)))


def test_trainer_lists_only_closed_cases(session_factory, three_cases):
    ids = three_cases
    walk(session_factory, ids["b"], ("investigating", "suspect_identified", "solved", "closed"))
    trainer = make_user(session_factory, Role.TRAINER)
    assert _ids(session_factory, actor=trainer) == {ids["b"]}
    reviewer = make_user(session_factory, Role.REVIEWER)
    assert _ids(session_factory, actor=reviewer) == {ids["a"], ids["b"], ids["c"]}


def test_lazy_list_ids_then_rows_in_order(session_factory, three_cases):
    ids = three_cases
    order = run(session_factory, search.case_ids, CaseFilter())
    assert order == (ids["c"], ids["a"], ids["b"])
    assert run(session_factory, search.case_ids, CaseFilter(text="逃逸", limit=1, offset=1)) == (
        ids["a"],)
    by_officer = run(session_factory, search.case_ids, CaseFilter(sort="lead_officer"))
    assert by_officer[-1] == ids["b"]                          # no lead officer: last
    rows = run(session_factory, search.summaries, [ids["b"], 999_999, ids["c"]])
    assert [r.id for r in rows] == [ids["b"], ids["c"]]          # unknown ids skipped
    full = {c.id: c for c in run(session_factory, search.list_cases, CaseFilter()).items}
    assert rows == [full[ids["b"]], full[ids["c"]]]
    assert rows[0].occurred_at == cst(2020, 10, 7, 19, 40)     # aware, same instant
