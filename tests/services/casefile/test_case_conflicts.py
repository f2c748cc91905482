"""Optimistic locking: two people editing the same record — the second gets ConflictError."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.models import Case
from app.models.db import unit_of_work
from app.services.casefile import cases, persons
from app.services.casefile.dto import PersonInput
from app.services.common.context import SYSTEM
from app.services.common.errors import ConflictError
from tests.helpers.cases import make_squad, new_case, run


def test_second_editor_of_a_case_gets_conflict_and_nothing_is_lost(session_factory):
    squad_id, _ = make_squad(session_factory)
    loaded = new_case(session_factory, squad_id)          # both officers open version 1
    form = cases.case_input(loaded)
    first = run(session_factory, cases.update_case, loaded.id,
                replace(form, title="第一位民警的标题"), expected_version=loaded.version)
    assert first.version == loaded.version + 1
    with pytest.raises(ConflictError) as err:
        run(session_factory, cases.update_case, loaded.id,
            replace(form, title="第二位民警的标题", weather="小雨"), expected_version=loaded.version)
    conflict = err.value
    assert conflict.entity == "case" and conflict.entity_id == loaded.id
    assert conflict.mine["title"] == "第二位民警的标题"
    assert conflict.theirs["title"] == "第一位民警的标题"
    assert "已被他人修改" in str(conflict)
    now = run(session_factory, cases.get_case, loaded.id)
    assert (now.title, now.weather, now.version) == ("第一位民警的标题", "", first.version)


def test_lost_race_at_flush_is_a_conflict_too(session_factory):
    """Session 1 holds the row in memory while session 2 commits (StaleDataError path)."""
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    with pytest.raises(ConflictError) as err:
        with unit_of_work(session_factory) as s1:
            held = s1.get(Case, case.id)                    # s1 holds version 1 in memory
            assert held.version == 1
            run(session_factory, cases.update_case, case.id,
                replace(cases.case_input(case), title="并发修改"), expected_version=case.version)
            cases.update_case(s1, SYSTEM, case.id, replace(
                cases.case_input(case), title="迟到的修改"), expected_version=None)
    assert err.value.mine["title"] == "迟到的修改"
    assert err.value.theirs["title"] == "并发修改" and err.value.theirs["version"] == "2"
    assert run(session_factory, cases.get_case, case.id).title == "并发修改"


def test_person_conflict_and_child_edits_do_not_bump_the_case(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    p = run(session_factory, persons.add_person, case.id,
            PersonInput(role="witness", description="骑车路过的男子"))
    run(session_factory, persons.update_person, p.id,
        replace(persons.person_input(p), phone="13800000000"), expected_version=p.version)
    with pytest.raises(ConflictError) as err:
        run(session_factory, persons.update_person, p.id,
            replace(persons.person_input(p), age=40), expected_version=p.version)
    assert err.value.entity == "person"
    # Adding/editing persons keeps the case's own version: the facts form still saves.
    after = run(session_factory, cases.get_case, case.id)
    assert after.version == case.version
    run(session_factory, cases.update_case, case.id, replace(cases.case_input(case), light="黎明"),
        expected_version=case.version)
