"""Every declared field of a case, person, vehicle, meeting, line of inquiry and timeline event
round-trips: input → DTO → update → search text → training package export → import. A field added to a declaration is covered without editing
this test (values come from the field's kind; a few fields with validated shapes get their own)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime

import pytest
from sqlalchemy import select

from app.config import resolve_paths
from app.i18n import language, set_language
from app.models import Case, Inquiry, Meeting, Person, TimelineEvent, Vehicle
from app.models.db import open_database, unit_of_work
from app.models.enums import Role
from app.services.casefile import (
    cases,
    fields,
    inquiries,
    persons,
    search,
    search_text,
    timeline,
    vehicles,
)
from app.services.casefile.dto import (
    CaseFilter,
    CaseInput,
    EventInput,
    InquiryInput,
    MeetingInput,
    PersonInput,
    VehicleInput,
)
from app.services.common import code_labels
from app.services.common.clock import DEFAULT_TZ
from app.services.training import package_export, package_import
from tests.conftest import make_actor
from tests.helpers.cases import cst, make_squad, new_case, run, walk

TRAINER = make_actor(Role.TRAINER)
# Fields whose values are validated or depend on each other: (first value, second value).
SHAPED: dict[str, tuple[object, object]] = {
    "plate": ("湘B12345", None), "unlicensed": (False, True),
    "id_number": ("430203195001011234", "43020319600101123X"),
    "phone": ("13800000001", "0731-22222222"),
    "identified": (True, False), "identified_at": (cst(2023, 11, 28, 9), None),
    "meeting_id": (None, None),  # a link: its own tests (test_case_permissions)
}
# Fields of one record type with validated shapes or links (tested in test_timeline_links,
# test_case_permissions): {input class: {field: (first, second)}}.
SHAPED_OF: dict[type, dict[str, tuple[object, object]]] = {
    EventInput: {"kind": ("observation", "action"), "inquiry_id": (None, None),
                 "person_ids": ((), ()), "vehicle_ids": ((), ()), "basis_ids": ((), ()),
                 "observation_ids": ((), ())},
    CaseInput: {"case_no": ("石峰-2023-0117", "石峰-2023-0118"), "tz": (DEFAULT_TZ, "Asia/Urumqi"),
                "squad_id": (None, None), "lead_officer_id": (None, None),
                "lat": (27.87215, 27.9), "lon": (113.15768, 113.2)},
}
SAME = {"meeting_id", "inquiry_id", "squad_id", "lead_officer_id", "person_ids", "vehicle_ids",
        "basis_ids", "observation_ids"}  # links: the same in both samples


def sample(f: fields.Field, n: int, cls: type | None = None) -> object:
    """A valid value of field ``f``; ``n`` = 1 or 2 gives two different values."""
    shaped = SHAPED_OF.get(cls, {}) if cls is not None else {}
    if f.name in shaped:
        return shaped[f.name][n - 1]
    if f.name in SHAPED:
        return SHAPED[f.name][n - 1]
    if f.kind == "combo":
        assert f.codes is not None, f.name
        codes = list(code_labels.labels(f.codes))
        return codes[n] if f.name == "status" else codes[n - 1]  # a line done needs findings
    if f.kind == "check":
        return n == 2
    if f.kind == "int":
        return 20 + n
    if f.kind == "float":
        return 1.5 * n
    if f.kind == "datetime":
        return cst(2023, 11, 28, 8 + n)
    if f.kind == "lines":
        return (f"甲{n}", f"乙{n}")
    return f"{f.name}样本{n}"


def sample_input(cls: type, n: int) -> object:
    return cls(**{f.name: sample(f, n, cls) for f in fields.declared(cls)})


# Links exported as references of the package (not as declared values), per record list.
LINKS = {"inquiries": ("meeting_id",), "events": ("inquiry_id", "meeting_id")}
RECORDS = [  # input class, add, update, dto list on the detail, ORM model
    (PersonInput, persons.add_person, persons.update_person, "persons", Person),
    (VehicleInput, vehicles.add_vehicle, vehicles.update_vehicle, "vehicles", Vehicle),
    (MeetingInput, inquiries.add_meeting, inquiries.update_meeting, "meetings", Meeting),
    (InquiryInput, inquiries.add_inquiry, inquiries.update_inquiry, "inquiries", Inquiry),
    (EventInput, timeline.add_event, timeline.update_event, "events", TimelineEvent),
]


def _assert_fields(cls: type, dto: object, data: object) -> None:
    for f in fields.declared(cls):
        assert getattr(dto, f.name) == getattr(data, f.name), f.name


def _assert_searchable(session_factory, cls: type, case_id: int, data: object) -> None:
    with unit_of_work(session_factory) as s:
        text = s.get(Case, case_id).search_text
    for f in fields.declared(cls):
        word = search_text._search_word(f, getattr(data, f.name)) if f.search else None
        if word:
            assert word.strip().lower() in text, f.name
            if f.kind in ("line", "text"):
                page = run(session_factory, search.list_cases, CaseFilter(text=word))
                assert case_id in [c.id for c in page.items], f.name


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r[3] if isinstance(r, tuple) else "")
def test_every_declared_field_round_trips(paths, session_factory, tmp_path, record):
    cls, add, update, attr, model = record
    assert fields.declared(cls), "no declared fields"
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    first, second = sample_input(cls, 1), sample_input(cls, 2)
    assert all(getattr(first, n) != getattr(second, n) for n in fields.names(cls)
               if n not in SAME)

    dto = run(session_factory, add, case.id, first)
    _assert_fields(cls, dto, first)
    assert fields.input_of(cls, dto) == first
    _assert_searchable(session_factory, cls, case.id, first)

    dto = run(session_factory, update, dto.id, second, expected_version=dto.version)
    _assert_fields(cls, dto, second)
    assert getattr(run(session_factory, cases.get_case, case.id), attr)[0] == dto
    _assert_searchable(session_factory, cls, case.id, second)

    # Training package: exported fields leave (scrubbed ones anonymised) and come back.
    dto = run(session_factory, update, dto.id, first, expected_version=dto.version)
    row, back = _through_package(paths, session_factory, tmp_path, case.id, attr, model, cls)
    _assert_shipped(cls, first, row[0], back, LINKS.get(attr, ()))


def test_every_declared_case_fact_round_trips(paths, session_factory, tmp_path):
    assert fields.declared(CaseInput), "no declared fields"
    squad_id, officer_id = make_squad(session_factory)
    first, second = sample_input(CaseInput, 1), sample_input(CaseInput, 2)
    assert all(getattr(first, n) != getattr(second, n) for n in fields.names(CaseInput)
               if n not in SAME)
    first = replace(first, squad_id=squad_id, lead_officer_id=officer_id)
    second = replace(second, squad_id=squad_id, lead_officer_id=officer_id)

    detail = run(session_factory, cases.create_case, first)
    _assert_fields(CaseInput, detail, first)
    assert cases.case_input(detail) == first
    _assert_searchable(session_factory, CaseInput, detail.id, first)

    detail = run(session_factory, cases.update_case, detail.id, second,
                 expected_version=detail.version)
    _assert_fields(CaseInput, detail, second)
    _assert_searchable(session_factory, CaseInput, detail.id, second)

    detail = run(session_factory, cases.update_case, detail.id, first,
                 expected_version=detail.version)
    row, back = _through_package(paths, session_factory, tmp_path, detail.id, "case", Case,
                                 CaseInput)
    _assert_shipped(CaseInput, first, row, back, ())


def _through_package(paths, session_factory, tmp_path, case_id: int, attr: str, model,
                     cls: type) -> tuple:
    """Close the case, export its training package and import it elsewhere: the package's
    ``attr`` entry and the declared values of the first imported ``model`` row."""
    walk(session_factory, case_id, ("investigating", "suspect_identified", "solved", "closed"))
    out = tmp_path / "pkg.zip"
    with unit_of_work(session_factory) as s:
        package_export.export_package(s, TRAINER, paths, case_id, out)
    with zipfile.ZipFile(out) as zf:
        row = json.loads(zf.read("case.json"))[attr]
    other = resolve_paths(tmp_path / "other").ensure()
    engine, factory = open_database(other.db_url)
    try:
        with unit_of_work(factory) as s:
            info = package_import.import_package(s, TRAINER, other, out)
            copy = s.get(Case, info.case_id) if model is Case else s.scalar(
                select(model).where(model.case_id == info.case_id).order_by(model.id))
            back = fields.from_row(cls, copy)
    finally:
        engine.dispose()
    return row, back


def _assert_shipped(cls: type, value_of: object, row: dict, back: dict,
                    links: tuple[str, ...]) -> None:
    """Exported fields are in the package (scrubbed ones anonymised) and come back."""
    for f in fields.columns(cls):
        value = getattr(value_of, f.name)
        if not f.export:  # not a fact to teach; links travel as references of the package
            assert (f.name in row) == (f.name in links), f.name
            continue
        shipped = row[f.name]
        if isinstance(value, datetime):
            shipped = datetime.fromisoformat(shipped)
        if f.scrub:
            assert (shipped is None) == (value is None), f.name
        else:
            assert shipped == (list(value) if isinstance(value, tuple) else value), f.name
        assert back[f.name] == (tuple(shipped) if isinstance(shipped, list) else shipped), f.name


def test_history_names_a_field_known_only_from_its_declaration(monkeypatch):
    monkeypatch.setattr(fields, "_RECORDS", dict(fields._RECORDS))

    @fields.record("scratch")
    @dataclass(frozen=True)
    class ScratchInput:
        frame_no: str = field(default="", metadata=fields.spec(fields.N_("Plate")))

    before = language()
    set_language("zh_CN")
    try:
        assert "frame_no" not in code_labels.labels("field")
        assert fields.history_label("frame_no", "scratch") == "号牌"
        assert fields.history_label("frame_no") == "号牌"
        assert fields.history_label("unheard_of") == "unheard_of"
    finally:
        set_language(before)


def test_every_declared_label_has_chinese():
    before = language()
    set_language("zh_CN")
    try:
        for cls in (*(r[0] for r in RECORDS), CaseInput):
            for f in fields.declared(cls):
                for text in filter(None, (f.label, f.placeholder)):
                    assert fields.label(replace(f, label=text)) != text, (cls.__name__, text)
    finally:
        set_language(before)
