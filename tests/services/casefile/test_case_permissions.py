"""Roles: who may change a case file; every change leaves an audit row."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.models import AttributeChange, EvidenceItem, Inquiry, Meeting, Person, TimelineEvent
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.casefile import cases, inquiries, persons, timeline, vehicles
from app.services.casefile.dto import (
    EventInput,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.services.common.audit import iter_chain_problems
from app.services.common.errors import PermissionDenied, WorkflowError
from tests.helpers.cases import (
    audit_count,
    case_input,
    cst,
    make_squad,
    make_user,
    new_case,
    run,
    walk,
)


@pytest.mark.parametrize("role", [Role.TRAINER, Role.REVIEWER])
def test_trainers_and_reviewers_may_not_edit(session_factory, role):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    actor = make_user(session_factory, role, squad_id)
    before = audit_count(session_factory)
    attempts = [
        (cases.create_case, (case_input(squad_id, case_no="石峰-2023-0200"),), {}),
        (cases.update_case, (case.id, replace(cases.case_input(case), title="改")),
         {"expected_version": case.version}),
        (cases.change_status, (case.id, "investigating"), {}),
        (cases.delete_case, (case.id,), {}),
        (persons.add_person, (case.id, PersonInput(role="witness", description="路人")), {}),
        (vehicles.add_vehicle, (case.id, VehicleInput(role="suspect_1", kind="car")), {}),
        (inquiries.add_inquiry, (case.id, InquiryInput("第一组", "查视频")), {}),
    ]
    for fn, args, kw in attempts:
        with pytest.raises(PermissionDenied):
            run(session_factory, fn, *args, actor=actor, **kw)
    assert audit_count(session_factory) == before
    assert run(session_factory, cases.get_case, case.id).title == case.title


def test_trainer_reads_closed_cases_only(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    trainer = make_user(session_factory, Role.TRAINER)
    with pytest.raises(PermissionDenied) as err:
        run(session_factory, cases.get_case, case.id, actor=trainer)
    assert "已结案" in str(err.value)
    walk(session_factory, case.id, ("investigating", "suspect_identified", "solved", "closed"))
    assert run(session_factory, cases.get_case, case.id, actor=trainer).status == "closed"


def test_officers_change_only_their_own_squads_cases(session_factory):
    squad_id, _ = make_squad(session_factory)
    other_squad, _ = make_squad(session_factory, "荷塘", "荷塘大队事故中队")
    mine = make_user(session_factory, Role.OFFICER, squad_id, "王磊")
    stranger = make_user(session_factory, Role.OFFICER, other_squad, "外队民警")
    case = new_case(session_factory, None, actor=mine)           # squad defaults to the actor's
    assert case.squad_id == squad_id
    with pytest.raises(PermissionDenied):
        run(session_factory, cases.change_status, case.id, "investigating", actor=stranger)
    with pytest.raises(PermissionDenied):
        new_case(session_factory, squad_id, case_no="石峰-2023-0300", actor=stranger)
    assert run(session_factory, cases.get_case, case.id, actor=stranger).status == "reported"
    run(session_factory, cases.change_status, case.id, "investigating", actor=mine)
    with pytest.raises(PermissionDenied):     # nor hand it to another squad
        run(session_factory, cases.update_case, case.id, replace(
            cases.case_input(case), squad_id=other_squad, case_no="荷塘-2023-0117"),
            expected_version=None, actor=mine)
    with pytest.raises(PermissionDenied):     # officers may not delete cases at all
        run(session_factory, cases.delete_case, case.id, actor=mine)


def test_every_change_is_audited_and_the_chain_holds(session_factory):
    squad_id, _ = make_squad(session_factory)
    officer = make_user(session_factory, Role.OFFICER, squad_id, "赵勇")
    case = new_case(session_factory, squad_id, actor=officer)
    p = run(session_factory, persons.add_person, case.id,
            PersonInput(role="victim", description="老人"), actor=officer)
    run(session_factory, persons.update_person, p.id, replace(
        persons.person_input(p), name="刘某某", identified=True), expected_version=p.version,
        actor=officer)
    v = run(session_factory, vehicles.add_vehicle, case.id,
            VehicleInput(role="suspect_1", kind="car"), actor=officer)
    m = run(session_factory, inquiries.add_meeting, case.id,
            MeetingInput(cst(2023, 11, 28, 8), decisions="兵分四路"), actor=officer)
    i = run(session_factory, inquiries.add_inquiry, case.id,
            InquiryInput("第一组", "查视频", meeting_id=m.id), actor=officer)
    e = run(session_factory, timeline.add_event, case.id, EventInput(
        cst(2023, 11, 28, 9), "observation", "视频发现三轮车", inquiry_id=i.id,
        vehicle_ids=(v.id,)), actor=officer)
    run(session_factory, cases.update_case, case.id, replace(
        cases.case_input(case), weather="阴"), expected_version=case.version, actor=officer)
    run(session_factory, cases.change_status, case.id, "investigating", actor=officer)
    run(session_factory, vehicles.delete_vehicle, v.id, actor=officer)
    for action in ("case.create", "person.create", "person.update", "vehicle.create",
                   "meeting.create", "inquiry.create", "event.create", "case.update",
                   "case.status", "vehicle.delete"):
        assert audit_count(session_factory, action) == 1, action
    with unit_of_work(session_factory) as session:
        assert list(iter_chain_problems(session)) == []
    assert e.vehicle_ids == (v.id,)


def test_case_with_evidence_cannot_be_deleted_but_empty_case_can(session_factory):
    squad_id, _ = make_squad(session_factory)
    keep = new_case(session_factory, squad_id)
    gone = new_case(session_factory, squad_id, case_no="石峰-2023-0999")
    with unit_of_work(session_factory) as session:
        session.add(EvidenceItem(case_id=keep.id, sha256="a" * 64, ext="mp4", size=1,
                                 original_name="clip.mp4"))
    with pytest.raises(WorkflowError) as err:
        run(session_factory, cases.delete_case, keep.id, reason="误建")
    assert "证据" in str(err.value)
    p = run(session_factory, persons.add_person, gone.id, PersonInput(role="victim", name="甲",
                                                                      identified=True))
    m = run(session_factory, inquiries.add_meeting, gone.id,
            MeetingInput(cst(2023, 11, 28, 8), decisions="部署"))
    i = run(session_factory, inquiries.add_inquiry, gone.id,
            InquiryInput("第一组", "查视频", meeting_id=m.id))
    e = run(session_factory, timeline.add_event, gone.id, EventInput(
        cst(2023, 11, 28, 9), "sighting", "目击", person_ids=(p.id,), inquiry_id=i.id))
    run(session_factory, timeline.add_event, gone.id, EventInput(
        cst(2023, 11, 28, 10), "inference", "推断", basis_ids=(e.id,)))
    run(session_factory, cases.delete_case, gone.id, expected_version=gone.version, reason="误建")
    with unit_of_work(session_factory) as session:   # the whole file went, nothing dangling
        for model in (Person, Inquiry, Meeting, TimelineEvent, AttributeChange):
            assert session.scalar(select(func.count()).select_from(model)
                                  .where(model.case_id == gone.id)) == 0
    assert audit_count(session_factory, "case.delete") == 1
    assert run(session_factory, cases.get_case, keep.id).id == keep.id


def test_trainer_reads_the_file_anonymized(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    run(session_factory, persons.add_person, case.id,
        PersonInput(role="victim", name="王秀英", id_number="430204194901011234",
                    phone="13907331234", identified=True))
    run(session_factory, vehicles.add_vehicle, case.id,
        VehicleInput(role="suspect_1", kind="car", colour="白", plate="湘B·12345"))
    walk(session_factory, case.id, ("investigating", "suspect_identified", "solved", "closed"))
    trainer = make_user(session_factory, Role.TRAINER)
    seen = run(session_factory, cases.get_case, case.id, actor=trainer)
    text = repr(seen)
    for secret in ("王秀英", "430204194901011234", "13907331234", "12345"):
        assert secret not in text
    assert seen.persons[0].name and seen.vehicles[0].plate  # pseudonyms, not blanks
    assert run(session_factory, cases.get_case, case.id).persons[0].name == "王秀英"
