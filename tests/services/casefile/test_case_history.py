"""Attribute history: facts that start unknown and become known keep their old values."""

from __future__ import annotations

from dataclasses import replace

from app.models.enums import Role
from app.services.casefile import cases, history, inquiries, persons, vehicles
from app.services.casefile.dto import ChangeNote, InquiryInput, PersonInput, VehicleInput
from tests.helpers.cases import cst, make_squad, make_user, new_case, run


def test_unknown_victim_identified_keeps_old_value_who_and_when(session_factory):
    squad_id, _ = make_squad(session_factory)
    officer = make_user(session_factory, Role.OFFICER, squad_id, "李娜")
    case = new_case(session_factory, squad_id, actor=officer)
    victim = run(session_factory, persons.add_person, case.id, PersonInput(
        role="victim", gender="男", description="老年男性，约80岁，无身份证件"),
        ChangeNote("现场勘查", cst(2023, 11, 28, 6, 20)), actor=officer)
    assert victim.name is None and not victim.identified and victim.label.startswith("老年男性")

    found = cst(2023, 11, 28, 14, 20)
    after = run(session_factory, persons.update_person, victim.id, replace(
        persons.person_input(victim), name="刘某某", age=78, identified=True),
        expected_version=victim.version, note=ChangeNote("第四组查明身份", found), actor=officer)
    assert after.name == "刘某某" and after.identified and after.identified_at == found
    assert after.version == victim.version + 1

    changes = run(session_factory, history.list_changes, case.id, entity="person",
                  entity_id=victim.id)
    by_field = {c.field: c for c in changes if c.known_at == found}
    assert by_field["name"].old_value is None and by_field["name"].new_value == "刘某某"
    assert by_field["identified"].old_value == "false"
    assert by_field["identified"].new_value == "true"
    assert by_field["age"].new_value == "78"
    assert all(c.changed_by_id == officer.user_id and c.changed_by_name == "李娜"
               and c.reason == "第四组查明身份" for c in by_field.values())
    # The first facts are in the history too, known at the scene.
    first = [c for c in changes if c.known_at == cst(2023, 11, 28, 6, 20)]
    assert {c.field for c in first} == {"description", "gender"}  # role is no "fact"
    # "As known then": unknown before 14:20, the name after.
    assert history.value_known_at(changes, "person", victim.id, "name",
                                  cst(2023, 11, 28, 10)) == (True, None)
    assert history.value_known_at(changes, "person", victim.id, "name",
                                  cst(2023, 11, 28, 15)) == (True, "刘某某")
    detail = run(session_factory, cases.get_case, case.id)
    assert [c.id for c in detail.changes] == [c.id for c in sorted(
        detail.changes, key=lambda c: (c.known_at, c.id))]


def test_saving_unchanged_form_writes_no_history(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    v = run(session_factory, vehicles.add_vehicle, case.id,
            VehicleInput(role="suspect_1", kind="car", colour="白色"))
    before = run(session_factory, history.list_changes, case.id, entity="vehicle")
    again = run(session_factory, vehicles.update_vehicle, v.id, vehicles.vehicle_input(v),
                expected_version=v.version)
    assert again.version == v.version
    assert run(session_factory, history.list_changes, case.id, entity="vehicle") == before


def test_plate_removed_and_repainted_is_vehicle_history(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id, case_no="石峰-2020-0093")
    car = run(session_factory, vehicles.add_vehicle, case.id,
              VehicleInput(role="suspect_1", kind="car", colour="白色"),
              ChangeNote("目击者描述", cst(2020, 10, 7, 20, 5)))
    car = run(session_factory, vehicles.update_vehicle, car.id, replace(
        vehicles.vehicle_input(car), plate="湘b 5k327"), expected_version=car.version,
        note=ChangeNote("嫌疑车辆浮出水面", cst(2020, 10, 23, 15)))
    assert car.plate == "湘B5K327"  # normalised
    car = run(session_factory, vehicles.update_vehicle, car.id, replace(
        vehicles.vehicle_input(car), plate=None, unlicensed=True, colour="灰色"),
        expected_version=car.version, note=ChangeNote("拆牌改色", cst(2020, 10, 24, 10)))
    plate = run(session_factory, history.list_changes, case.id, entity="vehicle",
                entity_id=car.id, field="plate")
    assert [(c.old_value, c.new_value) for c in plate] == [(None, "湘B5K327"), ("湘B5K327", None)]
    colour = run(session_factory, history.list_changes, case.id, field="colour")
    assert [(c.old_value, c.new_value) for c in colour] == [(None, "白色"), ("白色", "灰色")]
    assert colour[-1].reason == "拆牌改色"


def test_inquiry_status_and_case_fields_have_history(session_factory):
    squad_id, officer_id = make_squad(session_factory)
    case = new_case(session_factory, squad_id, officer_id)
    inq = run(session_factory, inquiries.add_inquiry, case.id,
              InquiryInput("第四组", "查明死者身份", ("李娜",), "active"))
    run(session_factory, inquiries.update_inquiry, inq.id, replace(
        inquiries.inquiry_input(inq), status="done", findings="死者为刘某某"),
        expected_version=inq.version)
    status = run(session_factory, history.list_changes, case.id, entity="inquiry", field="status")
    assert [(c.old_value, c.new_value) for c in status] == [(None, "active"), ("active", "done")]

    updated = run(session_factory, cases.update_case, case.id, replace(
        cases.case_input(case), title="天桥街肇事逃逸致人死亡案"), expected_version=case.version,
        note=ChangeNote("死者抢救无效死亡"))
    assert updated.title == "天桥街肇事逃逸致人死亡案"
    title = run(session_factory, history.list_changes, case.id, entity="case", field="title")
    assert title[-1].old_value == "天桥街无牌三轮摩托车肇事逃逸案"
    assert title[-1].reason == "死者抢救无效死亡"
