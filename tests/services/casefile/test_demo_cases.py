"""The demo step "cases": Case A and Case B as in STORY.md, ~50 generated cases, idempotent."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from app.demo import CASE_A_NO, CASE_B_NO, DemoReport
from app.demo import cases as demo_cases
from app.demo.generated import specs
from app.models import Base
from app.models.db import unit_of_work
from app.services.casefile import cases, history, search
from app.services.casefile.dto import CaseFilter
from tests.helpers.cases import cst, run


def _row_counts(factory) -> dict[str, int]:
    with unit_of_work(factory) as session:
        return {t.name: session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables}


def test_demo_cases_are_idempotent_and_follow_the_story(paths, session_factory):
    """One seeded DB (seeding is the slow part) checked for everything."""
    first = DemoReport()
    demo_cases.seed(paths, session_factory, first)
    counts = _row_counts(session_factory)
    second = DemoReport()
    demo_cases.seed(paths, session_factory, second)
    assert _row_counts(session_factory) == counts
    assert first.created["cases"] == 2 + len(specs()) and second.created == {}
    assert first.selected_case_id == second.selected_case_id is not None

    a = run(session_factory, cases.get_case, CASE_A_NO)
    assert a.id == first.selected_case_id and a.status == "solved"
    assert a.occurred_at == cst(2023, 11, 28, 6, 2) and a.road == "天桥街"
    assert len(a.inquiries) == 4 and {i.status for i in a.inquiries} == {"done"}
    assert len(a.meetings) == 1 and len(a.meetings[0].inquiry_ids) == 4
    kinds = {v.role: v for v in a.vehicles}
    assert kinds["suspect_1"].kind == "three_wheel_motorcycle" and kinds["suspect_1"].unlicensed
    assert kinds["suspect_1"].colour == "蓝色"
    assert kinds["suspect_2"].kind == "two_wheel_ebike"
    victim = next(p for p in a.persons if p.role == "victim")
    assert victim.identified and victim.identified_at == cst(2023, 11, 28, 14, 20)
    name = run(session_factory, history.list_changes, a.id, entity="person",
               entity_id=victim.id, field="name")
    assert [(c.old_value, c.new_value) for c in name] == [(None, "刘某某")]
    events = {e.title: e for e in a.events}
    found = next(e for t, e in events.items() if t.startswith("找到电动车"))
    assert found.occurred_at - a.occurred_at < cst(2023, 1, 1, 4, 10) - cst(2023, 1, 1)
    arrest = next(e for e in a.events if e.kind == "arrest")
    assert arrest.occurred_at == cst(2023, 11, 28, 16) and "麻将馆" in arrest.title
    assert any(e.kind == "confession" for e in a.events)
    pig = next(e for e in a.events if e.kind == "inference" and "养猪户" in e.title)
    assert len(pig.basis_ids) == 2            # buckets + culvert
    assert any("湘潭" in e.title for e in a.events)
    assert a.solved_at == cst(2023, 11, 28, 18, 30)

    b = run(session_factory, cases.get_case, CASE_B_NO)
    assert b.status == "closed" and b.closed_at is not None
    plate = [c for c in b.changes if c.entity_type == "vehicle" and c.field == "plate"]
    assert [(c.old_value, c.new_value) for c in plate] == [(None, "湘B5K327"), ("湘B5K327", None)]
    assert {i.status for i in b.inquiries} == {"dropped", "done"} and len(b.meetings) == 2

    _check_generated(session_factory)


def _check_generated(session_factory) -> None:
    """The ~50 generated cases spread over years, statuses and vehicle kinds."""
    page = run(session_factory, search.list_cases, CaseFilter())
    assert 50 <= page.total <= 60
    years = Counter(c.occurred_at.year for c in page.items)
    assert set(years) == {2020, 2021, 2022, 2023, 2024}
    statuses = Counter(c.status for c in page.items)
    assert len(statuses) >= 5 and statuses["closed"] >= 10
    assert len({k for c in page.items for k in c.vehicle_kinds}) >= 5
    assert all(c.case_no.startswith("石峰-") and c.lead_officer_name for c in page.items)
    assert specs() == specs()                 # deterministic
    three = run(session_factory, search.list_cases, CaseFilter(text="三轮"))
    assert CASE_A_NO in {c.case_no for c in three.items}
