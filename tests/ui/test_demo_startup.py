"""``casedesk --demo``: Case A before the window, the slow demo steps behind it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

import app.demo
from app.config import resolve_paths
from app.demo import DemoReport, seed_demo, split_steps
from app.models import Case, User
from app.models.db import open_database
from app.services.common.context import SYSTEM
from app.ui.demo_startup import DemoFootage

FEW = 6  # generated cases: enough to see per-case progress, cheap on a loaded machine


@pytest.fixture
def key_cases_only(tmp_path, monkeypatch):
    """A data dir with the foreground steps done (the state the window opens on); the "cases"
    step generates only ``FEW`` cases here (the full set: tests/services/casefile/test_demo_cases.py)."""
    from app.demo import generated

    every = generated.specs()
    monkeypatch.setattr(generated, "specs", lambda: every[:FEW])
    paths = resolve_paths(tmp_path / "data").ensure()
    engine, factory = open_database(paths.db_url)
    report = seed_demo(paths, factory, steps=["app.demo.key_cases"])
    yield paths, engine, factory, report
    engine.dispose()


def test_the_window_needs_only_the_key_cases_and_progress_is_weighted(key_cases_only):
    paths, _engine, factory, report = key_cases_only
    fore, back = split_steps()
    assert fore[0] == "app.demo.key_cases" and "app.demo.footage" in back
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 2
    assert report.selected_case_id is not None and report.created["cases"] == 2
    seen: list[tuple[int, int, str]] = []
    seed_demo(paths, factory, steps=["app.demo.users", "app.demo.cases"],
              progress=lambda d, t, s: seen.append((d, t, s)))
    done = [d for d, _t, _s in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1] == 600  # users 1 + cases 5
    assert len({d for d, _t, s in seen if s == "app.demo.cases"}) == FEW  # per case, not per step
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 2 + FEW


def _window(qtbot, paths, engine, factory, tmp_path):
    from app.ui.main_window import AppContext, MainWindow
    from app.ui.settings import Settings

    window = MainWindow(AppContext(paths=paths, engine=engine, sessions=factory, actor=SYSTEM,
                                   settings=Settings(tmp_path / "ui.ini")))
    qtbot.addWidget(window)
    return window


def test_background_steps_report_progress_in_the_status_bar(qtbot, key_cases_only, tmp_path,
                                                            monkeypatch):
    paths, engine, factory, _report = key_cases_only
    monkeypatch.setattr(app.demo, "BACKGROUND_STEPS", {"app.demo.users", "app.demo.cases"})
    window = _window(qtbot, paths, engine, factory, tmp_path)
    footage = DemoFootage(window, paths, factory)
    values: list[int] = []
    footage.handle.progressed.connect(lambda d, _t, _s: values.append(d))
    with qtbot.waitSignal(footage.finished, timeout=60_000) as finished:
        pass
    assert finished.args == [True] and values and values == sorted(values)
    assert "演示监控录像已就绪" in window.statusBar().currentMessage() or \
        "footage ready" in window.statusBar().currentMessage()
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 4
        assert s.scalar(select(func.count()).select_from(Case)) == 2 + FEW


def test_closing_cancels_between_two_units(qtbot, key_cases_only, tmp_path, monkeypatch):
    paths, engine, factory, _report = key_cases_only
    monkeypatch.setattr(app.demo, "BACKGROUND_STEPS", {"app.demo.cases"})
    window = _window(qtbot, paths, engine, factory, tmp_path)
    footage = DemoFootage(window, paths, factory)
    footage.stop()
    assert footage.handle.was_cancelled and not footage.is_running()
    with factory() as s:
        left = s.scalar(select(func.count()).select_from(Case))
    assert 2 <= left < 2 + FEW  # whole cases only; the next --demo start seeds the rest
    report = seed_demo(paths, factory, steps=["app.demo.cases"], report=DemoReport())
    assert report.created["cases"] == 2 + FEW - left
