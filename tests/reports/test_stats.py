"""Statistics against figures worked out by hand on a small squad.

Cases (local time, Asia/Shanghai):            lead  reported      solved        hours
  c1 三轮 天桥街                               A     2023-01-10    2023-01-11    24
  c2 小车 建设路                               A     2023-02-05    2023-04-02    1344
  c3 (unsolved, investigating)                B     2023-03-20    —             —
  c4                                          B     2022-12-30    2023-01-02    72
  c5 (closed)                                 A     2023-05-01    2023-05-01    6
  c6                                          B     2022-11-01    2023-03-01    2880
  training case (never counted), and one case of another squad.
Call-outs: co1 2023-01-10 hit-and-run → c1 (A, B); co2 2023-02-01 injury (A);
           co3 2023-03-05 property damage (A, B); co4 2023-06-01 fatal (A).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.models import CallOut, Case, Vehicle
from app.models.db import unit_of_work
from app.models.enums import Role
from app.reports.stats import StatsFilter, squad_statistics
from app.services.common.context import SYSTEM
from app.services.common.errors import PermissionDenied, ValidationError
from tests.conftest import make_actor
from tests.helpers.squads import add_squads

TZ = ZoneInfo("Asia/Shanghai")
Q1 = dict(date_from=date(2023, 1, 1), date_to=date(2023, 3, 31))


def t(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def squad_db(session_factory) -> dict:
    with unit_of_work(session_factory) as s:
        sq, other, a, b = add_squads(s, "石峰大队事故中队")

        def case(no, lead, occurred, solved=None, status="solved", **kw):
            c = Case(case_no=no, title=no, occurred_at=occurred,
                     reported_at=occurred + timedelta(hours=1), solved_at=solved, status=status,
                     lead_officer_id=lead.id, squad_id=kw.pop("squad", sq.id), **kw)
            s.add(c)
            s.flush()
            return c

        c1 = case("c1", a, t(2023, 1, 10, 7), t(2023, 1, 11, 7), district="石峰区", road="天桥街")
        c2 = case("c2", a, t(2023, 2, 5, 11), t(2023, 4, 2, 11), district="石峰区", road="建设路")
        case("c3", b, t(2023, 3, 20, 6), None, status="investigating", district="石峰区",
             road="天桥街")
        case("c4", b, t(2022, 12, 30, 20), t(2023, 1, 2, 20))
        case("c5", a, t(2023, 5, 1, 9), None, status="closed", closed_at=t(2023, 5, 1, 15))
        case("c6", b, t(2022, 11, 1, 8), t(2023, 3, 1, 8))
        case("train", a, t(2023, 1, 15, 8), None, status="reported", is_training=True)
        case("other", a, t(2023, 1, 20, 8), None, status="reported", squad=other.id)
        s.add_all([Vehicle(case_id=c1.id, role="suspect_1", kind="three_wheel_motorcycle"),
                   Vehicle(case_id=c1.id, role="suspect_2", kind="two_wheel_ebike"),
                   Vehicle(case_id=c2.id, role="suspect_1", kind="car")])

        def callout(when, kind, officers, case_id=None):
            co = CallOut(occurred_at=when, kind=kind, squad_id=sq.id, case_id=case_id,
                         district="石峰区", road="天桥街")
            co.officers = officers
            s.add(co)

        callout(t(2023, 1, 10, 7, 10), "hit_and_run", [a, b], c1.id)
        callout(t(2023, 2, 1, 9), "injury", [a])
        callout(t(2023, 3, 5, 14), "property_damage", [a, b])
        callout(t(2023, 6, 1, 22), "fatal", [a])
        return {"squad": sq.id, "a": a.id, "b": b.id}


def _stats(session_factory, **kw):
    with unit_of_work(session_factory) as s:
        return squad_statistics(s, SYSTEM, StatsFilter(**kw))


def _row(table, column, value) -> dict:
    rows = table[table[column] == value].to_dict(orient="records")
    assert len(rows) == 1, rows
    return rows[0]


def test_cohort_and_period_clearance_and_median(squad_db, session_factory):
    r = _stats(session_factory, squad_id=squad_db["squad"], **Q1)
    assert r.summary["cases"] == 3                    # c1, c2, c3 reported in Q1
    assert r.summary["solved"] == 2                   # c1, c2 solved by now
    assert r.summary["cohort_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert r.summary["solved_in_period"] == 3         # c1, c4, c6 solved in Q1
    assert r.summary["period_rate"] == pytest.approx(1.0)
    assert r.summary["median_hours_to_solve"] == pytest.approx((24 + 1344) / 2)
    q1 = _row(r.tables["clearance"], "期间", "2023Q1")
    assert (q1["报案数"], q1["其中已破案"], q1["期间破案数"]) == (3, 2, 3)
    buckets = dict(zip(*r.tables["time_to_solve"].to_dict(orient="list").values(), strict=True))
    assert buckets["24小时内"] == 0 and buckets["1–3天"] == 1 and buckets["30–90天"] == 1


def test_whole_history_and_quarters(squad_db, session_factory):
    r = _stats(session_factory, squad_id=squad_db["squad"])
    assert r.summary["cases"] == 6 and r.summary["solved"] == 5   # closed c5 counts as solved
    assert r.summary["median_hours_to_solve"] == pytest.approx(72)  # 6, 24, 72, 1344, 2880
    table = r.tables["clearance"].set_index("期间")
    assert table.loc["2023Q2", "期间破案数"] == 2                   # c2 (Apr 2) and c5
    assert table.loc["2022Q4", "报案数"] == 2 and table.loc["2022Q4", "期间破案数"] == 0


def test_per_officer_counts(squad_db, session_factory):
    r = _stats(session_factory, squad_id=squad_db["squad"], **Q1)
    officers = r.tables["officers"]
    a, b = _row(officers, "警号", "A1"), _row(officers, "警号", "B2")
    assert (a["出警数"], a["逃逸类出警"], a["主办案件"], a["已破案"]) == (3, 1, 2, 2)
    assert (b["出警数"], b["逃逸类出警"], b["主办案件"], b["已破案"]) == (2, 1, 1, 0)
    assert a["破案率"] == 1.0 and b["破案率"] == 0.0
    assert r.summary["callouts"] == 3 and r.summary["hit_and_run_callouts"] == 1


def test_officer_filter(squad_db, session_factory):
    r = _stats(session_factory, officer_id=squad_db["b"], **Q1)
    assert r.summary["cases"] == 1 and r.summary["solved"] == 0
    assert r.summary["solved_in_period"] == 2          # c4 and c6, both led by B
    assert r.summary["callouts"] == 2
    assert list(r.tables["officers"]["警号"]) == ["B2"]


def test_months_vehicle_kinds_places_and_heatmap(squad_db, session_factory):
    r = _stats(session_factory, squad_id=squad_db["squad"], **Q1)
    status = r.tables["cases_by_status"].set_index("月份")
    assert status.loc["2023-03", "侦查中"] == 1 and status.loc["2023-01", "合计"] == 1
    kinds = r.tables["cases_by_vehicle"].set_index("月份")
    assert kinds.loc["2023-01", "三轮摩托车"] == 1          # suspect_1 decides the kind
    assert kinds.loc["2023-03", "不明"] == 1
    roads = r.tables["roads"]
    tq = _row(roads, "道路", "天桥街")
    assert (tq["案件数"], tq["已破案"], tq["出警数"]) == (2, 1, 3)
    heat = r.tables["hour_heatmap"].set_index("星期")
    # co1 (Tue 07h) + unlinked cases c2 (Sun 11h) and c3 (Mon 06h)
    assert heat.loc["周二", "07"] == 1 and heat.loc["周日", "11"] == 1 and heat.loc["周一", "06"] == 1
    assert int(heat.to_numpy().sum()) == 3


def test_other_squads_and_training_cases_are_not_counted(squad_db, session_factory):
    r = _stats(session_factory, **Q1)   # no squad filter: the other squad's case counts
    assert r.summary["cases"] == 4
    r = _stats(session_factory, squad_id=squad_db["squad"], date_from=date(2023, 1, 15),
               date_to=date(2023, 1, 15))
    assert r.summary["cases"] == 0 and r.summary["cohort_rate"] is None


def test_empty_database_and_bad_filters(session_factory):
    r = _stats(session_factory)
    assert r.summary["cases"] == 0 and r.summary["median_hours_to_solve"] is None
    assert all(len(t.columns) for t in r.tables.values())
    with pytest.raises(ValidationError):
        _stats(session_factory, date_from=date(2023, 2, 1), date_to=date(2023, 1, 1))
    with pytest.raises(ValidationError):
        _stats(session_factory, freq="W")


def test_statistics_need_permission(session_factory, monkeypatch):
    from app.services.common import context
    trainer = make_actor(Role.TRAINER)
    with unit_of_work(session_factory) as s:
        squad_statistics(s, trainer)  # every role may see the figures today ...
    monkeypatch.setitem(context.ROLE_PERMS, Role.TRAINER, frozenset())
    with pytest.raises(PermissionDenied), unit_of_work(session_factory) as s:
        squad_statistics(s, trainer)  # ... and the check is enforced in the service
