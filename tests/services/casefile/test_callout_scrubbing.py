"""Whatever a trainer sees of a call-out (the call-out log, the replay) goes through the one case
scrubber: names of the case's persons, their phones, addresses and the attending officers are
withheld; others still read the call-out as written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.models import CallOut, Officer
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.casefile import callout_view
from app.services.common.errors import PermissionDenied
from app.services.org import callouts
from app.services.training import replay
from tests.conftest import make_actor
from tests.helpers.case_a import SUSPECT_NAME, SUSPECT_PHONE, build_closed_case_a
from tests.helpers.cases import squad_row

TRAINER = make_actor(Role.TRAINER)
OFFICER_NAME = "张立新"
NOTES = (f"报警人称{SUSPECT_NAME}驾三轮车逃逸，电话{SUSPECT_PHONE}；"
         f"民警{OFFICER_NAME}到场，现场在天元区长江北路88号。")
SECRETS = (SUSPECT_NAME, SUSPECT_PHONE, OFFICER_NAME, "长江北路88号")


@pytest.fixture
def callout_of_case_a(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with unit_of_work(session_factory) as s:
        officer = Officer(badge_no="430777", name=OFFICER_NAME)
        s.add(officer)
        callout = CallOut(occurred_at=datetime(2023, 11, 10, 22, 5, tzinfo=UTC),
                          kind="hit_and_run", address="天元区长江北路88号", notes=NOTES,
                          case_id=case_id, officers=[officer])
        s.add(callout)
        s.flush()
        return case_id, callout.id


def test_trainer_reads_the_callout_log_scrubbed(session_factory, callout_of_case_a):
    _case_id, callout_id = callout_of_case_a
    with session_factory() as s:
        listed = callout_view.list_callouts(s, TRAINER)
        one = callout_view.get_callout(s, TRAINER, callout_id)
    assert [c.id for c in listed] == [callout_id]
    for view in (repr(listed), repr(one)):
        for secret in SECRETS:
            assert secret not in view, secret
    assert one.notes.startswith("报警人称") and "民警" in one.notes  # the rest is still there


def test_others_read_the_callout_as_written(session_factory, callout_of_case_a):
    _case_id, callout_id = callout_of_case_a
    with session_factory() as s:
        one = callout_view.get_callout(s, make_actor(Role.REVIEWER), callout_id)
        listed = callout_view.list_callouts(s, make_actor(Role.ADMIN))
    assert one.notes == NOTES and one.officer_names == (OFFICER_NAME,)
    assert listed[0].notes == NOTES


def test_the_raw_callout_service_refuses_trainers(session_factory, callout_of_case_a):
    _case_id, callout_id = callout_of_case_a
    with session_factory() as s:
        with pytest.raises(PermissionDenied):
            callouts.list_callouts(s, TRAINER)
        with pytest.raises(PermissionDenied):
            callouts.get_callout(s, TRAINER, callout_id)
        assert callouts.count_callouts(s, TRAINER) == 1


def test_replay_withholds_the_callout_officers_and_notes(session_factory, callout_of_case_a):
    case_id, _callout_id = callout_of_case_a
    with session_factory() as s:
        r = replay.build_replay(s, TRAINER, case_id)
    step = next(st for st in r.steps if st.kind == "callout")
    assert step.detail.startswith("报警人称")
    for secret in SECRETS:
        assert secret not in repr(r), secret
