"""Timeline: observation → inference → action, links to persons/vehicles/inquiries."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.models import EvidenceItem, Observation
from app.models.db import unit_of_work
from app.services.casefile import cases, inquiries, persons, timeline, vehicles
from app.services.casefile.dto import EventInput, InquiryInput, PersonInput, VehicleInput
from app.services.common.errors import ValidationError, WorkflowError
from tests.helpers.cases import audit_count, cst, make_squad, new_case, run


@pytest.fixture
def case(session_factory):
    squad_id, _ = make_squad(session_factory)
    return new_case(session_factory, squad_id)


def _add(factory, case_id, when, kind, title, **links):
    return run(factory, timeline.add_event, case_id, EventInput(when, kind, title, **links))


def test_reasoning_chain_and_links(session_factory, case):
    v = run(session_factory, vehicles.add_vehicle, case.id,
            VehicleInput(role="suspect_2", kind="two_wheel_ebike"))
    inq = run(session_factory, inquiries.add_inquiry, case.id,
              InquiryInput("第一组", "查电动车去向", status="active"))
    seen = _add(session_factory, case.id, cst(2023, 11, 28, 8, 40), "observation",
                "推车约1公里后消失", vehicle_ids=(v.id,), inquiry_id=inq.id)
    infer = _add(session_factory, case.id, cst(2023, 11, 28, 8, 50), "inference",
                 "电动车可能已损坏", basis_ids=(seen.id,), inquiry_id=inq.id)
    act = _add(session_factory, case.id, cst(2023, 11, 28, 9), "action", "地毯式搜查",
               basis_ids=(infer.id,), inquiry_id=inq.id)
    chain = run(session_factory, timeline.reasoning_chain, act.id)
    assert [e.id for e in chain] == [seen.id, infer.id, act.id]
    assert infer.basis_ids == (seen.id,) and seen.vehicle_ids == (v.id,)
    detail = run(session_factory, cases.get_case, case.id)
    assert [e.kind for e in detail.events] == ["observation", "inference", "action"]
    assert detail.inquiries[0].event_count == 3
    assert [e.id for e in run(session_factory, timeline.list_events, case.id,
                              inquiry_id=inq.id)] == [seen.id, infer.id, act.id]

    with pytest.raises(WorkflowError) as err:   # the inference rests on it
        run(session_factory, timeline.delete_event, seen.id)
    assert "电动车可能已损坏" in str(err.value)
    run(session_factory, timeline.delete_event, act.id)
    assert len(run(session_factory, cases.get_case, case.id).events) == 2


def test_reasoning_rules(session_factory, case):
    first = _add(session_factory, case.id, cst(2023, 11, 28, 9), "observation", "车斗内有桶")
    later = _add(session_factory, case.id, cst(2023, 11, 28, 11), "observation", "经过涵洞")
    with pytest.raises(ValidationError) as err:
        _add(session_factory, case.id, cst(2023, 11, 28, 10), "inference", "养猪户")
    assert "至少依据" in err.value.errors["basis_ids"]
    with pytest.raises(ValidationError) as err:
        _add(session_factory, case.id, cst(2023, 11, 28, 10), "inference", "养猪户",
             basis_ids=(first.id, later.id))
    assert "之前" in err.value.errors["basis_ids"]
    infer = _add(session_factory, case.id, cst(2023, 11, 28, 11), "inference", "养猪户",
                 basis_ids=(first.id, later.id))
    with pytest.raises(ValidationError) as err:      # a cycle through equal times
        run(session_factory, timeline.update_event, later.id, replace(
            timeline.event_input(later), basis_ids=(infer.id,)), expected_version=later.version)
    assert "自身" in err.value.errors["basis_ids"]


def test_links_must_belong_to_the_case_and_relinks_are_audited(session_factory, case):
    squad_id = case.squad_id
    other = new_case(session_factory, squad_id, case_no="石峰-2023-0500")
    stranger = run(session_factory, persons.add_person, other.id,
                   PersonInput(role="witness", description="外案人员"))
    with pytest.raises(ValidationError) as err:
        _add(session_factory, case.id, cst(2023, 11, 28, 9), "sighting", "目击",
             person_ids=(stranger.id,))
    assert "不属于本案" in err.value.errors["person_ids"]
    mine = run(session_factory, persons.add_person, case.id,
               PersonInput(role="witness", description="晨练老人"))
    ev = _add(session_factory, case.id, cst(2023, 11, 28, 9), "sighting", "目击")
    ev2 = run(session_factory, timeline.update_event, ev.id, replace(
        timeline.event_input(ev), person_ids=(mine.id,), title="晨练老人目击三轮车"),
        expected_version=ev.version)
    assert ev2.person_ids == (mine.id,) and ev2.title == "晨练老人目击三轮车"
    assert audit_count(session_factory, "event.relink") == 1
    assert audit_count(session_factory, "event.update") == 1


def test_inference_may_rest_on_video_observations(session_factory, case):
    with unit_of_work(session_factory) as session:
        item = EvidenceItem(case_id=case.id, sha256="b" * 64, ext="mp4", size=10,
                            original_name="涵洞.mp4")
        session.add(item)
        session.flush()
        obs = Observation(case_id=case.id, evidence_id=item.id, frame_index=1234, pts_s=49.36,
                          note="三轮车经过涵洞")
        session.add(obs)
        session.flush()
        obs_id = obs.id
    infer = _add(session_factory, case.id, cst(2023, 11, 28, 10, 40), "inference",
                 "驾驶人可能是养猪户", observation_ids=(obs_id,))
    assert infer.observation_ids == (obs_id,) and infer.basis_ids == ()
    with pytest.raises(ValidationError) as err:
        _add(session_factory, case.id, cst(2023, 11, 28, 11), "inference", "x",
             observation_ids=(obs_id + 1,))
    assert "不属于本案" in err.value.errors["observation_ids"]
