"""Bad input: plain Chinese messages per field, and nothing saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from app.i18n import set_language
from app.services.casefile import cases, inquiries, persons, search, vehicles
from app.services.casefile.dto import InquiryInput, PersonInput, VehicleInput
from app.services.common.errors import ValidationError
from tests.helpers.cases import audit_count, case_input, cst, make_squad, new_case, run


def _errors(factory, fn, *args, **kw) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        run(factory, fn, *args, **kw)
    return err.value.errors


@pytest.mark.parametrize(("over", "field", "words"), [
    ({"case_no": "  "}, "case_no", "请填写案件编号"),
    ({"case_no": "2023-0117"}, "case_no", "石峰-2023-0117"),
    ({"case_no": "荷塘-2023-0001"}, "case_no", "石峰"),
    ({"case_no": "石峰-1899-0001"}, "case_no", "年份"),
    ({"title": ""}, "title", "案件名称"),
    ({"reported_at": cst(2023, 11, 28, 5)}, "reported_at", "报案时间不能早于事故发生时间"),
    ({"occurred_at": datetime(2023, 11, 28, 6)}, "occurred_at", "时区"),
    ({"occurred_at": cst(2099, 1, 1), "reported_at": None}, "occurred_at", "不能晚于当前"),
    ({"tz": "Mars/Olympus"}, "tz", "Mars/Olympus"),
    ({"lat": 123.0}, "lat", "纬度"),
    ({"lead_officer_id": 999}, "lead_officer_id", "999"),
    ({"reported_at": cst(2099, 1, 1)}, "reported_at", "报案时间不能晚于当前"),
])
def test_case_form_errors_name_the_field_and_save_nothing(session_factory, over, field, words):
    squad_id, _ = make_squad(session_factory)
    before = audit_count(session_factory)
    errors = _errors(session_factory, cases.create_case, case_input(squad_id, **over))
    assert field in errors and words in errors[field], errors
    assert run(session_factory, search.list_cases).total == 0
    assert audit_count(session_factory) == before


def test_lead_officer_must_serve_in_the_case_squad(session_factory):
    squad_id, _ = make_squad(session_factory)
    _other, stranger = make_squad(session_factory, "荷塘", "荷塘大队事故中队")
    errors = _errors(session_factory, cases.create_case, case_input(squad_id, stranger))
    assert errors["lead_officer_id"] == "刘建国 不是石峰大队事故中队的民警。"


def test_duplicate_case_number_is_refused(session_factory):
    squad_id, _ = make_squad(session_factory)
    first = new_case(session_factory, squad_id)
    errors = _errors(session_factory, cases.create_case, case_input(squad_id, title="另一起"))
    assert "已被使用" in errors["case_no"]
    other = new_case(session_factory, squad_id, case_no="石峰-2023-0118")
    errors = _errors(session_factory, cases.update_case, other.id, replace(
        cases.case_input(other), case_no=first.case_no), expected_version=other.version)
    assert "石峰-2023-0117" in errors["case_no"]
    assert run(session_factory, cases.get_case, other.id).case_no == "石峰-2023-0118"


def test_several_errors_at_once_and_english_messages(session_factory):
    squad_id, _ = make_squad(session_factory)
    set_language("en")
    errors = _errors(session_factory, cases.create_case, case_input(
        squad_id, case_no="", title="", reported_at=cst(2023, 11, 28, 5)))
    assert set(errors) == {"case_no", "title", "reported_at"}
    assert errors["case_no"] == "The case number is required."


def test_person_vehicle_inquiry_validation(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    errors = _errors(session_factory, persons.add_person, case.id, PersonInput(role="victim"))
    assert "体貌特征" in errors["description"]
    errors = _errors(session_factory, persons.add_person, case.id, PersonInput(
        role="boss", identified=True, age=200, id_number="12345", phone="call me"))
    assert set(errors) == {"role", "name", "age", "id_number", "phone"}
    errors = _errors(session_factory, vehicles.add_vehicle, case.id, VehicleInput(
        role="suspect_1", kind="spaceship"))
    assert "车辆类型" in errors["kind"]
    errors = _errors(session_factory, vehicles.add_vehicle, case.id, VehicleInput(
        role="suspect_1", kind="car", plate="湘B12345", unlicensed=True))
    assert "无牌" in errors["plate"]
    errors = _errors(session_factory, inquiries.add_inquiry, case.id, InquiryInput(
        "第一组", "查电动车去向", status="done"))
    assert "工作结果" in errors["findings"]
    assert run(session_factory, cases.get_case, case.id).persons == ()
