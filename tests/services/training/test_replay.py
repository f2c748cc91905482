"""Trainer replay: ordered steps, the file as known at each step, questions, outcome last."""

from __future__ import annotations

import pytest

from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common.context import SYSTEM
from app.services.common.errors import PermissionDenied, WorkflowError
from app.services.training import replay
from tests.conftest import make_actor
from tests.helpers.case_a import PLATE, SUSPECT_NAME, VICTIM_NAME, build_closed_case_a
from tests.helpers.cases import case_row, squad_row

TRAINER = make_actor(Role.TRAINER)


def _victim(step):
    return next(p for p in step.state.persons if p.role == "victim")


def _check_victim_identity(rp, real_name: str | None):
    kinds = [s.kind for s in rp.steps]
    ident = kinds.index("identification")
    assert kinds[-1] == replay.OUTCOME
    for step in rp.steps[:ident]:
        assert not _victim(step).identified and _victim(step).name is None
    after = _victim(rp.steps[ident])
    assert after.identified and after.name
    if real_name is not None:
        assert after.name == real_name
    return ident


def test_replay_of_case_a_as_known_then(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with unit_of_work(session_factory) as s:
        rp = replay.build_replay(s, SYSTEM, case_id)
    kinds = [s.kind for s in rp.steps]
    assert kinds[:4] == ["accident", "scene", "meeting", "observation"]
    assert [s.at for s in rp.steps] == sorted(s.at for s in rp.steps)
    _check_victim_identity(rp, VICTIM_NAME)
    meeting = rp.steps[2]
    assert [t.team for t in meeting.teams] == ["第一组", "第二组", "第三组", "第四组"]
    trike = lambda st: st.state.vehicles[0]  # noqa: E731
    arrest = kinds.index("arrest")
    assert trike(rp.steps[arrest]).plate is None          # plate found an hour after arrest
    assert trike(rp.steps[-1]).plate == PLATE
    assert rp.steps[arrest - 1].state.status == "investigating"
    assert rp.steps[-1].state.status == "closed" and "小时" in rp.steps[-1].detail


def test_trainer_sees_pseudonyms_only(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with unit_of_work(session_factory) as s:
        rp = replay.build_replay(s, TRAINER, case_id)
    assert rp.anonymized
    _check_victim_identity(rp, None)
    text = repr(rp)
    for secret in (VICTIM_NAME, SUSPECT_NAME, PLATE, "13907330001", "王队长"):
        assert secret not in text


def test_question_hides_the_next_step(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with unit_of_work(session_factory) as s:
        rp = replay.build_replay(s, SYSTEM, case_id)
        inference = next(st for st in rp.steps if st.kind == "inference")
        q = replay.add_question(s, TRAINER, case_id, inference.event_id, "下一步查什么？", "养猪户")
        rp = replay.build_replay(s, TRAINER, case_id)
    step = next(st for st in rp.steps if st.kind == "inference")
    assert step.question == q and step.question.question == "下一步查什么？"
    assert sum(st.question is not None for st in rp.steps) == 1


def test_open_cases_cannot_be_replayed_and_officers_may_not(session_factory):
    squad = squad_row(session_factory)
    open_id = case_row(session_factory, squad, status="investigating", case_no="石峰-2024-0001")
    closed_id = build_closed_case_a(session_factory, squad)
    with unit_of_work(session_factory) as s:
        with pytest.raises(PermissionDenied):
            replay.build_replay(s, TRAINER, open_id)
        with pytest.raises(WorkflowError):
            replay.build_replay(s, SYSTEM, open_id)
        with pytest.raises(PermissionDenied):
            replay.build_replay(s, make_actor(Role.OFFICER, squad), closed_id)
        assert [r[0] for r in replay.replayable_cases(s, TRAINER)] == [closed_id]


def test_replay_of_demo_case_a_after_approved_closing(paths, session_factory):
    import importlib

    from app.demo import CASE_A_NO, DemoReport
    from app.services.casefile import cases, comments
    from app.services.casefile.access import load_case

    importlib.import_module("app.demo.key_cases").seed(paths, session_factory, DemoReport())
    reviewer = make_actor(Role.REVIEWER)
    with unit_of_work(session_factory) as s:
        case_id = load_case(s, SYSTEM, CASE_A_NO).id
        if cases.get_case(s, SYSTEM, case_id).status == "solved":
            comments.approve_closing(s, reviewer, case_id, "同意结案")
            cases.change_status(s, SYSTEM, case_id, "closed")
    with unit_of_work(session_factory) as s:
        rp = replay.build_replay(s, TRAINER, case_id)
        plain = replay.build_replay(s, SYSTEM, case_id)
    ident = _check_victim_identity(rp, None)
    assert rp.steps[ident].kind == "identification"
    assert _victim(plain.steps[ident]).name != _victim(rp.steps[ident]).name  # pseudonym
    assert [s.kind for s in rp.steps].index("meeting") < ident
    assert any(len(s.teams) == 4 for s in rp.steps)


def test_trainer_outcome_and_short_names_are_scrubbed(session_factory):
    """The outcome text and "周某" (the short form officers write) never name the suspect."""
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with unit_of_work(session_factory) as s:
        rp = replay.build_replay(s, TRAINER, case_id)
    text = repr(rp)
    assert "周某" not in text and SUSPECT_NAME not in text
    arrest = next(st for st in rp.steps if st.kind == "arrest")
    assert arrest.title == "在麻将馆找到嫌疑人" + _suspect(rp.steps[-1]).name
    assert "周某" not in rp.steps[-1].detail


def _suspect(step):
    return next(p for p in step.state.persons if p.role == "suspect")


def test_shared_scrubber_withholds_paths_and_officers():
    from app.services.casefile.case_scrubber import Scrubber

    scrub = Scrubber().add_officers(["王队长"])
    out = scrub(r"王队长从 D:\案件\周建国\cam01.mp4 和 /home/li/x/clip.mp4 导入")
    assert out == "民警A从 cam01.mp4 和 clip.mp4 导入" or out.endswith("clip.mp4 导入")
    assert "王队长" not in out and "周建国" not in out and "/home" not in out
