"""Unit checks of the report anonymizer (kills mutants the end-to-end PDF tests cannot see)."""

from __future__ import annotations

import dataclasses

from app.reports import anonymize as anon


def test_mask_plate_keeps_the_province_only():
    assert anon.mask_plate("湘B12345") == "湘******"
    assert anon.mask_plate(" 湘B1 ") == "湘**"
    assert anon.mask_plate("") == ""
    assert anon.mask_plate("湘") == "湘*"


def test_pseudonyms_are_letters_then_numbered():
    assert anon._pseudonym(0) == "人员A"
    assert anon._pseudonym(25) == "人员Z"
    assert anon._pseudonym(26) == "人员A1"
    assert anon._pseudonym(53) == "人员B2"


def test_scrubber_applies_mapping_then_patterns():
    scrub = anon._scrubber({"刘某某": "人员A", "刘某": "人员B"})
    assert scrub("刘某某和刘某") == "人员A和人员B"
    assert scrub("电话13807331234") == "电话（已隐去）"
    assert scrub("湘B12345") == "湘******"
    assert anon._scrubber({})("电话13807331234") == "电话（已隐去）"
    assert anon._pattern_replacement("plate", "湘B12345") == "湘******"
    assert anon._pattern_replacement("id", "x") == "（已隐去）"


@dataclasses.dataclass(frozen=True)
class _Ch:
    field: str
    old: str | None
    new: str | None


def test_mask_history_only_touches_identifying_fields():
    history = (_Ch("name", "刘某", "刘某某"), _Ch("age", "7", "8"))
    out = anon._mask_history(history, {"name"}, lambda v: v and "X")
    assert out[0] == _Ch("name", "X", "X") and out[1] is history[1]


def _change(field, old, new):
    from datetime import UTC, datetime

    from app.reports.case_data import Change

    return Change(field, old, new, datetime(2023, 11, 28, tzinfo=UTC), "民警", "")


def test_secrets_map_every_identifying_value_exactly():
    from types import SimpleNamespace as NS

    person = NS(name="周建国", id_number="430203195601021234", phone="13907330001",
                address="天元区长江北路88号", history=(
                    _change("name", "周某", "周建国"), _change("phone", "13900000000", None),
                    _change("age", "52", "53"), _change("name", "X", None)))
    other = NS(name="李", id_number=None, phone=" ", address="", history=())
    vehicle = NS(plate="湘B7K392", history=(_change("plate", "湘B12345", "湘B7K392"),
                                            _change("colour", "白色", "蓝色")))
    mapping = anon._secrets(NS(persons=(person, other), vehicles=(vehicle,)))
    assert mapping == {
        "周建国": "人员A", "430203195601021234": "（已隐去）", "13907330001": "（已隐去）",
        "天元区长江北路88号": "（已隐去）", "周某": "人员A", "13900000000": "（已隐去）",
        "湘B7K392": "湘******", "湘B12345": "湘******"}


def test_anonymized_persons_and_vehicles_field_by_field(session_factory):
    from app.models.enums import Role
    from app.reports.case_data import collect_case_report
    from tests.conftest import make_actor
    from tests.helpers.case_a import PLATE, build_closed_case_a
    from tests.helpers.cases import squad_row

    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_id)
    out = anon.anonymize(data)
    victim, suspect = out.persons
    assert (victim.name, victim.id_number, victim.phone, victim.address) == (
        "人员A", "（已隐去）", None, "")
    assert (suspect.name, suspect.id_number, suspect.phone) == ("人员B", None, "（已隐去）")
    assert [(c.field, c.old, c.new) for c in suspect.history if c.field == "name"] == [
        ("name", None, "人员B")]
    (trike,) = out.vehicles
    assert trike.plate == "湘******" and PLATE in repr(data.vehicles)
    assert data.persons[0].name != "人员A"  # the original is untouched


def test_one_character_values_are_hidden_by_field_not_by_mapping(session_factory):
    """Values too short for the text mapping (one character) are still replaced field by
    field: the name by its pseudonym, the rest and the person's history by "(withheld)"."""
    from app.models.enums import Role
    from app.reports.case_data import collect_case_report
    from tests.conftest import make_actor
    from tests.helpers.case_a import build_closed_case_a
    from tests.helpers.cases import squad_row

    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_id)
    victim = data.persons[0]
    short = dataclasses.replace(victim, name="甲", id_number="乙", phone="丙", address="丁",
                                history=(_change("name", "戊", None),))
    out = anon.anonymize(dataclasses.replace(data, persons=(short, *data.persons[1:])))
    p = out.persons[0]
    assert (p.name, p.id_number, p.phone, p.address) == ("人员A", "（已隐去）", "（已隐去）",
                                                        "（已隐去）")
    assert [(c.field, c.old, c.new) for c in p.history] == [("name", "（已隐去）", None)]


def test_every_officer_named_anywhere_is_withheld_from_the_text(session_factory):
    """Lead officer, author, meeting chair and attendees, inquiry members, history and status
    authors: each is collected and withheld wherever the free text names them."""
    from app.models.enums import Role
    from app.reports.case_data import collect_case_report
    from tests.conftest import make_actor
    from tests.helpers.case_a import PLATE, build_closed_case_a
    from tests.helpers.cases import squad_row

    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_id)
    names = ["赵立新", "钱卫东", "孙志强", "周海涛", "吴国平"]
    data = dataclasses.replace(
        data, generated_by=names[1],
        case=dataclasses.replace(data.case, lead_officer=names[0],
                                 narrative="，".join(names) + f"；车牌{PLATE}挂；系统记录"),
        meetings=(dataclasses.replace(data.meetings[0], chair=names[2],
                                      attendees=f"{names[2]}\n{names[3]}"),),
        status_changes=tuple(dataclasses.replace(c, by=names[4]) for c in data.status_changes))
    out = anon.anonymize(data)
    text = out.case.narrative
    assert not [n for n in names if n in text], text
    assert "刘警官" not in repr(out)  # the inquiries' members
    assert "湘******挂" in text and "系统记录" in text  # "system" is no officer
    assert [(c.old, c.new) for c in out.vehicles[0].history if c.field == "plate"] == [
        (None, "湘******")]
