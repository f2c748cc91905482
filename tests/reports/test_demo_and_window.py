"""The demo's call-out step, and the reports' place in the main window."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from app.config import resolve_paths
from app.demo import DEMO_STEPS, DemoReport
from app.demo import callouts as demo_callouts
from app.models import CallOut, Officer, callout_officer
from app.models.db import open_database
from app.services.common.context import SYSTEM


def _log(factory) -> list[tuple]:
    with factory() as s:
        return [tuple(r) for r in s.execute(select(
            CallOut.occurred_at, CallOut.kind, CallOut.road, CallOut.case_id)
            .order_by(CallOut.id)).all()]


def test_demo_callouts_are_plausible_linked_deterministic_and_idempotent(
        session_factory, paths, case_a, tmp_path):
    assert "app.demo.callouts" in DEMO_STEPS
    report = DemoReport()
    demo_callouts.seed(paths, session_factory, report)
    first = _log(session_factory)
    assert 3000 <= len(first) <= 4500 and report.created["callouts"] == len(first)
    kinds = Counter(k for _t, k, _r, _c in first)
    assert kinds["property_damage"] > kinds["injury"] > kinds["fatal"] > 0
    assert [c for _t, k, _r, c in first if k == "hit_and_run"] == [case_a["case_id"]]
    assert {t.year for t, *_ in first} == {2020, 2021, 2022, 2023, 2024}
    with session_factory() as s:
        per_officer = Counter(dict(s.execute(
            select(Officer.name, func.count()).join(
                callout_officer, callout_officer.c.officer_id == Officer.id)
            .group_by(Officer.name)).all()))
    assert len(per_officer) == 7 and per_officer.most_common(1)[0][0] == "刘建国"  # the veteran

    demo_callouts.seed(paths, session_factory, DemoReport())  # idempotent
    assert _log(session_factory) == first

    other = resolve_paths(tmp_path / "other").ensure()
    engine, factory = open_database(other.db_url)
    demo_callouts.seed(other, factory, DemoReport())
    assert [r[:3] for r in _log(factory)] == [r[:3] for r in first if r[1] != "hit_and_run"]
    engine.dispose()


def test_main_window_has_stats_view_and_pdf_action(qtbot, db, paths, tmp_path):
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow
    from app.ui.reports.stats_view import StatsView
    from app.ui.settings import Settings

    engine, factory = db
    window = MainWindow(AppContext(paths=paths, engine=engine, sessions=factory, actor=SYSTEM,
                                   settings=Settings(tmp_path / "w.ini")))
    qtbot.addWidget(window)
    assert "stats" in window.view_names()
    view = window.show_view("stats")
    assert isinstance(view, StatsView)
    qtbot.waitUntil(lambda: view.result is not None, timeout=10000)
    names = [a.objectName() for a in window.menu("file").actions()]
    assert "action_export_pdf" in names
