"""The audit chain: verifies clean, detects edits and truncation, survives concurrent writers."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.changes import change_state, changed_case_ids


def _append(factory, actor, n, case_id=None):
    for i in range(n):
        with unit_of_work(factory) as s:
            audit.record(s, actor, "test.event", case_id=case_id, payload={"i": i, "名": "张三"})


def _problems(factory):
    with factory() as s:
        return list(audit.iter_chain_problems(s))


def test_chain_verifies_and_names_edited_row(session_factory, system_actor, db):
    if db[0].dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses the edit itself (append-only audit trigger)")
    _append(session_factory, system_actor, 5)
    assert _problems(session_factory) == []
    with db[0].begin() as conn:
        conn.execute(text("UPDATE audit_entry SET payload = '{}' WHERE id = 3"))
    problems = _problems(session_factory)
    assert problems and problems[0].entry_id == 3


def test_deleting_the_tail_is_detected(session_factory, system_actor, db):
    if db[0].dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses the edit itself (append-only audit trigger)")
    _append(session_factory, system_actor, 4)
    with db[0].begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = 4"))
    problems = _problems(session_factory)
    assert len(problems) == 1 and problems[0].entry_id is None
    assert "found 3" in problems[0].message


def test_concurrent_writers_keep_one_chain(session_factory, system_actor):
    threads = [threading.Thread(target=_append, args=(session_factory, system_actor, 15))
               for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert _problems(session_factory) == []
    with session_factory() as s:
        assert change_state(s).counter == 90


def test_change_counter_reports_touched_cases(session_factory, system_actor):
    with session_factory() as s:
        start = change_state(s).counter
    _append(session_factory, system_actor, 2, case_id=None)
    _append(session_factory, system_actor, 1, case_id=42)
    with session_factory() as s:
        state = change_state(s)
        assert state.counter == start + 3 and state.last_case_id == 42
        assert changed_case_ids(s, start) == {42}
