"""The three-way merge rules (pure Python: base / mine / theirs of one input dataclass)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app.services.casefile.dto import CaseInput, PersonInput
from app.ui.widgets.merge_plan import Source, plan_merge, same

BASE = CaseInput(case_no="石峰-2023-0117", title="肇事逃逸", weather="阴", road="长江路",
                 lat=27.8312345, occurred_at=datetime(2023, 11, 27, 22, 6, 31, tzinfo=UTC))


def test_each_side_keeps_its_own_fields_and_conflicts_default_to_mine():
    mine = replace(BASE, weather="小雨", road="长江路北段")
    theirs = replace(BASE, title="肇事逃逸致一人死亡", road="长江路南段")
    plan = plan_merge(BASE, mine, theirs)
    assert {r.name: r.source for r in plan.rows} == {
        "title": Source.THEIRS, "road": Source.CONFLICT, "weather": Source.MINE}
    assert [r.name for r in plan.conflicts] == ["road"] and plan.theirs_changed
    merged = plan.result()
    assert (merged.title, merged.road, merged.weather) == ("肇事逃逸致一人死亡", "长江路北段", "小雨")
    assert plan.result({"road": "theirs"}).road == "长江路南段"
    over = plan.overwrite()  # mine on every changed field, their title change undone
    assert (over.title, over.road, over.weather) == ("肇事逃逸", "长江路北段", "小雨")


def test_the_same_change_on_both_sides_is_no_conflict():
    plan = plan_merge(BASE, replace(BASE, weather="雨"), replace(BASE, weather="雨"))
    assert [(r.name, r.source) for r in plan.rows] == [("weather", Source.SAME)]
    assert plan.conflicts == () and plan.result().weather == "雨"


def test_form_rounding_is_not_mistaken_for_an_edit():
    # the form shows lat to 6 decimals and times to the minute: "shown" differs from the DB row
    shown = replace(BASE, lat=27.831235, occurred_at=BASE.occurred_at.replace(second=0))
    mine = replace(shown, weather="晴")
    theirs = replace(BASE, road="解放路")
    plan = plan_merge(BASE, mine, theirs, shown)
    assert {r.name for r in plan.rows} == {"weather", "road"}
    merged = plan.result()
    assert merged.lat == 27.8312345 and merged.occurred_at.second == 31  # DB values untouched
    assert not plan_merge(BASE, shown, BASE, shown).rows  # nothing changed at all


def test_empty_and_none_are_alike_and_lists_equal_tuples():
    assert same(None, "") and same([1, 2], (1, 2)) and not same(0, None)
    base = PersonInput(role="witness", name=None)
    plan = plan_merge(base, replace(base, name=""), replace(base, phone="139"))
    assert [(r.name, r.source) for r in plan.rows] == [("phone", Source.THEIRS)]
    assert plan.result().name is None


def test_only_mine_changed_means_they_changed_nothing_here():
    plan = plan_merge(BASE, replace(BASE, weather="晴"), BASE)
    assert not plan.theirs_changed and plan.result().weather == "晴"
