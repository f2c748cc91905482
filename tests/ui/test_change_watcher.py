"""ChangeWatcher: another workstation's saves reach this one (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import update

from app.models import AuditHead
from app.models.db import make_engine, make_session_factory, unit_of_work
from app.services.casefile import cases
from app.ui.change_watcher import ChangeWatcher
from tests.helpers.cases import make_squad, new_case, run


@pytest.fixture
def other_workstation(db):
    """A second engine on the same database: the colleague's computer."""
    engine = make_engine(db[0].url.render_as_string(hide_password=False))
    yield make_session_factory(engine)
    engine.dispose()


def _poll(qtbot, watcher: ChangeWatcher) -> None:
    handle = watcher.poll_now()
    assert handle is not None
    qtbot.waitUntil(lambda: not watcher.is_polling(), timeout=5000)


def _retitle(factory, case_id: int, title: str) -> None:
    detail = run(factory, cases.get_case, case_id)
    run(factory, cases.update_case, case_id, replace(cases.case_input(detail), title=title),
        expected_version=detail.version)


def test_first_poll_is_the_baseline_then_a_colleagues_save_names_the_case(
        qtbot, session_factory, other_workstation):
    squad_id, _ = make_squad(other_workstation)
    mine = new_case(other_workstation, squad_id)
    other = new_case(other_workstation, squad_id, case_no="石峰-2023-0118")
    watcher = ChangeWatcher(session_factory)
    with qtbot.assertNotEmitted(watcher.changes_detected):
        _poll(qtbot, watcher)
        _poll(qtbot, watcher)  # nothing changed meanwhile: silence
    baseline = watcher.counter
    assert baseline and baseline > 0
    _retitle(other_workstation, other.id, "建设北路电动车刮擦逃逸案")
    with qtbot.waitSignal(watcher.changes_detected, timeout=5000) as sig:
        watcher.poll_now()
    assert sig.args == [{other.id}]
    assert watcher.counter == baseline + 1
    assert mine.id not in sig.args[0]


def test_timer_polls_by_itself_and_reports_changes_without_a_case(
        qtbot, session_factory, other_workstation):
    watcher = ChangeWatcher(session_factory, interval_s=0.1)
    watcher.start()
    assert watcher.is_running() and watcher.interval_s == pytest.approx(0.1)
    qtbot.waitUntil(lambda: watcher.counter is not None, timeout=5000)
    with qtbot.waitSignal(watcher.changes_detected, timeout=5000) as sig:
        make_squad(other_workstation)  # a squad and an officer: data, but no case
    assert sig.args == [set()]
    squad_case = new_case(other_workstation, None, case_no="石峰-2023-0120")
    with qtbot.waitSignal(watcher.changes_detected, timeout=5000,
                          check_params_cb=lambda ids: squad_case.id in ids):
        pass
    watcher.stop()
    assert not watcher.is_running()


def test_counter_going_back_means_reload_everything(qtbot, session_factory, other_workstation):
    squad_id, _ = make_squad(other_workstation)
    new_case(other_workstation, squad_id)
    watcher = ChangeWatcher(session_factory)
    _poll(qtbot, watcher)
    with unit_of_work(other_workstation) as s:  # as if an older backup had been restored
        s.execute(update(AuditHead).values(length=AuditHead.length - 2))
    with qtbot.assertNotEmitted(watcher.changes_detected), \
            qtbot.waitSignal(watcher.everything_changed, timeout=5000):
        watcher.poll_now()


class _FlakySessions:
    """A session factory whose database is unreachable while ``down`` is set."""

    def __init__(self, factory):
        self.factory = factory
        self.down = True

    def __call__(self):
        if self.down:
            raise ConnectionRefusedError("connection to 127.0.0.1:55432 refused")
        return self.factory()


def test_outage_is_reported_once_and_recovery_announced(qtbot, session_factory):
    sessions = _FlakySessions(session_factory)
    watcher = ChangeWatcher(sessions)
    messages: list[str] = []
    watcher.poll_failed.connect(messages.append)
    _poll(qtbot, watcher)
    _poll(qtbot, watcher)
    assert len(messages) == 1 and "refused" in messages[0]
    assert "database" in messages[0] or "数据库" in messages[0]
    assert watcher.counter is None
    sessions.down = False
    with qtbot.waitSignal(watcher.connection_restored, timeout=5000):
        watcher.poll_now()
    assert watcher.counter is not None


def test_no_second_poll_while_one_runs(qtbot, session_factory):
    watcher = ChangeWatcher(session_factory)
    first = watcher.poll_now()
    assert first is not None and watcher.poll_now() is None
    qtbot.waitUntil(lambda: not watcher.is_polling(), timeout=5000)



def test_case_list_in_the_main_window_refreshes_by_itself(qtbot, main_window):
    """End to end: a colleague's save shows up in the open case list with nobody clicking."""
    view = main_window.view("cases")
    assert view.watcher.is_running()
    qtbot.waitUntil(lambda: view.watcher.counter is not None, timeout=10000)
    view.watcher.set_interval(0.2)
    model = view.list.model
    other = next(c for c in model.cases() if c.id != main_window.current_case_id())
    url = main_window.context.engine.url.render_as_string(hide_password=False)
    colleague = make_engine(url)
    try:
        _retitle(make_session_factory(colleague), other.id, "另一台电脑改的标题")
    finally:
        colleague.dispose()
    qtbot.waitUntil(lambda: model.case_at(model.row_of(other.id)).title == "另一台电脑改的标题",
                    timeout=10000)
