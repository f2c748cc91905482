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


# Exact findings, one kind of damage each (plain SQL on a SQLite file; PostgreSQL refuses it).
def _damaged(session_factory, system_actor, db, *statements):
    if db[0].dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses the edit itself (append-only audit trigger)")
    _append(session_factory, system_actor, 4)
    with db[0].begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    return _problems(session_factory)


P = audit.ChainProblem


def test_rows_from_before_signing_are_one_warning(session_factory, system_actor, db):
    problems = _damaged(session_factory, system_actor, db,
                        "UPDATE audit_entry SET signature = NULL, key_id = NULL WHERE id <= 2")
    assert problems == [P(None, "2 audit rows from before signing are protected by the hash "
                                "chain only", "warning")]


def test_unsigned_row_after_signed_rows_is_an_error(session_factory, system_actor, db):
    assert _damaged(session_factory, system_actor, db,
                    "UPDATE audit_entry SET signature = NULL WHERE id = 3") == [
        P(3, "audit row 3: not signed, after signed rows (forged or spliced in)")]


def test_row_without_its_key_id_is_unsigned(session_factory, system_actor, db):
    assert _damaged(session_factory, system_actor, db,
                    "UPDATE audit_entry SET key_id = NULL WHERE id = 3") == [
        P(3, "audit row 3: not signed, after signed rows (forged or spliced in)")]


def test_unknown_signer_and_bad_signature_are_named(session_factory, system_actor, db):
    problems = _damaged(session_factory, system_actor, db,
                        "UPDATE audit_entry SET key_id = 'k-forged' WHERE id = 2",
                        "UPDATE audit_entry SET signature = "
                        "(SELECT signature FROM audit_entry WHERE id = 1) WHERE id = 4")
    assert problems == [
        P(2, "audit row 2: signed by key k-forged, which is not registered"),
        P(4, "audit row 4: signature does not match (row rewritten without the key)")]


def test_edited_and_relinked_rows_are_named(session_factory, system_actor, db):
    problems = _damaged(session_factory, system_actor, db,
                        "UPDATE audit_entry SET payload = '{}' WHERE id = 2",
                        "UPDATE audit_entry SET prev_hash = 'ab' WHERE id = 4")
    assert problems[:3] == [
        P(2, "audit row 2: content does not match its hash"),
        P(4, "audit row 4: prev_hash does not match row before"),
        P(4, "audit row 4: content does not match its hash")]
    assert all(p.severity == "error" for p in problems)


def test_missing_head_is_named_with_the_row_count(session_factory, system_actor, db):
    assert _damaged(session_factory, system_actor, db, "DELETE FROM audit_head") == [
        P(None, "audit chain head is missing (4 rows)")]


def test_head_with_a_wrong_length_alone_is_caught(session_factory, system_actor, db):
    problems = _damaged(session_factory, system_actor, db,
                        "UPDATE audit_head SET length = length + 1")
    with session_factory() as s:
        last = s.scalars(text("SELECT row_hash FROM audit_entry ORDER BY id DESC LIMIT 1")).one()
    assert problems == [P(None, f"audit chain head says 5 rows ending {last[:12]}, found 4 "
                                f"ending {last[:12]}")]
