"""Anonymized training packages: no real name/plate in the zip, ROI blurred, import read-only."""

from __future__ import annotations

import json
import shutil
import zipfile

import cv2
import numpy as np
import pytest
from sqlalchemy import func, select

from app.config import resolve_paths
from app.i18n import _
from app.models import Case, EvidenceItem, Observation, Vehicle
from app.models.db import open_database, unit_of_work
from app.models.enums import Role
from app.services.common.context import Perm, require
from app.services.common.errors import PermissionDenied, WorkflowError
from app.services.training import package_export as training_package
from app.services.training import package_import, replay
from app.services.training.package_format import PackageError
from tests.conftest import make_actor
from tests.helpers.case_a import (
    PLATE,
    SUSPECT_NAME,
    SUSPECT_PHONE,
    VICTIM_ID,
    VICTIM_NAME,
    build_closed_case_a,
)
from tests.helpers.cases import squad_row
from tests.helpers.evidence import add_evidence
from tests.helpers.packages import minimal_body
from tests.media import make_clip

TRAINER = make_actor(Role.TRAINER)
ROI = (40, 60, 120, 80)


@pytest.fixture
def case_a(paths, session_factory, tmp_path):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    clip = make_clip("h264_mp4", frames=60, size=(320, 240))
    ev_id, _ = add_evidence(session_factory, paths, case_id, tmp_path, clip.read_bytes(),
                            name="天桥街原始录像.mp4")
    with unit_of_work(session_factory) as s:
        trike = s.scalar(select(Vehicle.id).where(Vehicle.case_id == case_id))
        for frame, note in ((10, f"三轮车，车牌{PLATE}"), (30, f"{SUSPECT_NAME}驾驶")):
            s.add(Observation(case_id=case_id, evidence_id=ev_id, frame_index=frame,
                              pts_s=frame / 25, roi_x=ROI[0], roi_y=ROI[1], roi_w=ROI[2],
                              roi_h=ROI[3], note=note, tags="plate", vehicle_id=trike))
    return case_id


def _export(paths, session_factory, case_id, tmp_path):
    with unit_of_work(session_factory) as s:
        return training_package.export_package(s, TRAINER, paths, case_id,
                                               tmp_path / "pkg" / "case-a.zip")


def test_package_holds_no_real_name_id_phone_or_plate(paths, session_factory, case_a, tmp_path):
    info = _export(paths, session_factory, case_a, tmp_path)
    assert info.frames == 2
    raw = (tmp_path / "pkg" / "case-a.zip").read_bytes()
    for secret in (VICTIM_NAME, SUSPECT_NAME, PLATE, VICTIM_ID, SUSPECT_PHONE, "王队长", "天桥街原始录像"):
        for form in (secret.encode("utf-8"), json.dumps(secret).strip('"').encode("ascii")):
            assert form not in raw, secret
    with zipfile.ZipFile(tmp_path / "pkg" / "case-a.zip") as zf:
        body = json.loads(zf.read("case.json"))
        frame = cv2.imdecode(np.frombuffer(zf.read("frames/001.jpg"), np.uint8), cv2.IMREAD_COLOR)
    names = {p["role"]: p["name"] for p in body["persons"]}
    assert names["victim"] and names["victim"] in body["case"]["narrative"]  # consistent alias
    assert body["vehicles"][0]["plate"] in body["observations"][0]["note"]
    x, y, w, h = ROI
    region = frame[y + 8:y + h - 8, x + 8:x + w - 8].astype(float)
    assert region.std(axis=(0, 1)).max() < 25  # detail inside the ROI is gone


def test_import_elsewhere_as_read_only_training_case(paths, session_factory, case_a, tmp_path):
    _export(paths, session_factory, case_a, tmp_path)
    other = resolve_paths(tmp_path / "other").ensure()
    engine, factory = open_database(other.db_url)
    try:
        with unit_of_work(factory) as s:
            info = package_import.import_package(s, TRAINER, other, tmp_path / "pkg" / "case-a.zip")
        with unit_of_work(factory) as s:
            case = s.get(Case, info.case_id)
            assert case.is_training and case.status == "closed"
            with pytest.raises(PermissionDenied):
                require(make_actor(Role.ADMIN), Perm.CASE_EDIT, case)
            assert s.scalar(select(func.count(EvidenceItem.id))) == 2
            rp = replay.build_replay(s, TRAINER, info.case_id)
            with pytest.raises(WorkflowError):
                package_import.import_package(s, TRAINER, other, tmp_path / "pkg" / "case-a.zip")
        kinds = [st.kind for st in rp.steps]
        ident = kinds.index("identification")
        victim = lambda st: next(p for p in st.state.persons if p.role == "victim")  # noqa: E731
        assert victim(rp.steps[ident - 1]).name is None and victim(rp.steps[ident]).name
        assert sum(len(st.frames) for st in rp.steps) == 2
    finally:
        engine.dispose()


@pytest.mark.parametrize("damage", ["flip", "truncate", "foreign"])
def test_damaged_or_foreign_package_imports_nothing(paths, session_factory, case_a, tmp_path,
                                                     damage):
    _export(paths, session_factory, case_a, tmp_path)
    src = tmp_path / "pkg" / "case-a.zip"
    bad = tmp_path / "bad.zip"
    raw = bytearray(src.read_bytes())
    if damage == "flip":
        at = raw.find(b'"narrative"') + 20
        raw[at] ^= 0x20
        bad.write_bytes(bytes(raw))
    elif damage == "truncate":
        bad.write_bytes(bytes(raw[: len(raw) // 2]))
    else:
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("readme.txt", "hello")
    other = resolve_paths(tmp_path / "other").ensure()
    engine, factory = open_database(other.db_url)
    try:
        with pytest.raises(PackageError), unit_of_work(factory) as s:
            package_import.import_package(s, TRAINER, other, bad)
        with factory() as s:
            assert s.scalar(select(func.count(Case.id))) == 0
        assert not [p for p in other.evidence_dir.rglob("*") if p.is_file()]
    finally:
        engine.dispose()


def test_only_closed_cases_and_only_trainers_or_admins(paths, session_factory, case_a, tmp_path):
    with unit_of_work(session_factory) as s:
        with pytest.raises(PermissionDenied):
            training_package.export_package(s, make_actor(Role.REVIEWER), paths, case_a,
                                            tmp_path / "x.zip")
        s.get(Case, case_a).status = "solved"
        s.flush()
        with pytest.raises(PermissionDenied):
            training_package.export_package(s, TRAINER, paths, case_a, tmp_path / "x.zip")
    shutil.rmtree(tmp_path / "x.zip", ignore_errors=True)


def test_pseudonyms_are_consistent_across_spellings():
    from app.services.casefile.pseudonyms import Pseudonymizer

    p = Pseudonymizer()
    alias = p.add(PLATE, "plate")
    name = p.add(VICTIM_NAME, "name")
    text = p.scrub(f"{VICTIM_NAME}被撞，车牌湘B·7K392，另见湘A-88888；电话{SUSPECT_PHONE}，"
                   f"身份证{VICTIM_ID}")
    assert text.count(alias) == 1 and name in text
    for secret in (VICTIM_NAME, "7K392", "88888", SUSPECT_PHONE, VICTIM_ID):
        assert secret not in text
    assert p.scrub(PLATE) == alias and p.scrub(VICTIM_NAME) == name


def test_cli_training_export_and_import(cli_admin, paths, db_backend, case_a, tmp_path, capsys):
    from app.cli import main as cli

    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    out = tmp_path / "cli.zip"
    assert cli(["--data-dir", str(paths.data_dir), "training-export", str(case_a), str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["frames"] == 2
    other = tmp_path / "elsewhere"
    assert cli(["--data-dir", str(other), "users", "add", "admin", "--role", "admin",
                "--password", "demo1234", "--no-change"]) == 0  # first admin: no sign-in yet
    capsys.readouterr()
    assert cli(["--data-dir", str(other), "training-import", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["case_id"] == 1
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert cli(["--data-dir", str(other), "training-import", str(bad)]) == 1
    assert "损坏或不是教学包" in capsys.readouterr().err
    assert cli(["--data-dir", str(other), "verify", "--strict"]) == 0


# ------------------------------------------------- case.json shape rules (mutation tests)


def _shape_error(body, frames=None) -> str:
    with pytest.raises(PackageError) as err:
        package_import._check_shape(body, frames or {})
    return str(err.value)


def test_value_bounds_are_inclusive():
    check = package_import._check_values
    deep: object = 1
    for _i in range(7):
        deep = [deep]
    check(deep)  # seven levels below the top
    for fine in ("x" * 1_000_000, [0] * 100_000, 2**31 - 1, -(2**31 - 1), 999_999_999_999.9,
                 -5.5, True, None, {"a": [{"b": "c"}]}):
        check(fine)
    for bad, why in (([deep], "nested too deeply"), ("x" * 1_000_001, "text too long"),
                     ([0] * 100_001, "too many rows"), (2**31, "number out of range"),
                     (-(2**31), "number out of range"), (1e12, "impossible number"),
                     (-1e12, "impossible number"), (float("nan"), "impossible number"),
                     ({"k": {"k": [[[[[[1]]]]]]}}, "nested too deeply")):
        with pytest.raises(AssertionError, match=why):
            check(bad)


def test_ids_must_be_positive_bounded_integers():
    valid = package_import._valid_id
    assert [valid(v) for v in (1, 2**31 - 1)] == [True, True]
    assert not any(valid(v) for v in (0, -1, 2**31, True, "1", 1.0, None))


def test_case_json_shape_rules():
    body = minimal_body()
    package_import._check_shape(body, {})
    title = minimal_body(title="标" * 200)
    package_import._check_shape(title, {})
    assert "title" in _shape_error(minimal_body(title="标" * 201))
    assert "title" in _shape_error(minimal_body(title=""))
    assert "AssertionError" in _shape_error(minimal_body(title=5))
    assert "'questions'" in _shape_error({k: v for k, v in body.items() if k != "questions"})
    for key in package_import._LISTS:
        assert key in _shape_error(body | {key: [1]})
    assert "persons ids" in _shape_error(body | {"persons": [{"id": 1}, {"id": 1}]})
    assert "vehicles ids" in _shape_error(body | {"vehicles": [{"id": True}]})
    role = {"id": 1, "role": "r" * 201}
    assert "persons.role" in _shape_error(body | {"persons": [role]})
    package_import._check_shape(body | {"persons": [role | {"role": "r" * 200}]}, {})
    assert "inquiries.team" in _shape_error(body | {"inquiries": [
        {"id": 1, "team": 3, "objective": "o"}]})
    late = body["events"][0] | {"occurred_at": "2023-11-28T06:02:00"}
    assert "naive" in _shape_error(body | {"events": [late]})
    assert "AssertionError" in _shape_error(body | {"events": [body["events"][0] | {"kind": 1}]})
    assert "AssertionError" in _shape_error(body | {"events": [body["events"][0] | {"title": 1}]})
    obs = {"id": 1, "frame_file": "frames/001.jpg"}
    package_import._check_shape(body | {"observations": [obs]}, {"frames/001.jpg": b""})
    assert "AssertionError" in _shape_error(body | {"observations": [obs]})
    question = {"before_event_id": 2, "question": "？"}
    assert "AssertionError" in _shape_error(body | {"questions": [question]})
    package_import._check_shape(body | {"questions": [question | {"before_event_id": 1}]}, {})
    assert _shape_error({}) == _("The training package is damaged: case.json is incomplete "
                                 "({error}).", error="'case'")


def test_time_and_roi_helpers():
    assert package_import._dt(None) is None
    assert package_import._dt("2023-11-28T06:02:00+08:00").utcoffset().total_seconds() == 28800
    with pytest.raises(ValueError, match="naive time 2023-11-28T06:02:00"):
        package_import._dt("2023-11-28T06:02:00")
    assert package_import._roi(None) == package_import._roi([]) == dict.fromkeys(
        ("roi_x", "roi_y", "roi_w", "roi_h"))
    assert package_import._roi([1.9, 2, 3, 4]) == {"roi_x": 1, "roi_y": 2, "roi_w": 3, "roi_h": 4}
