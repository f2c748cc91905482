"""Crafted training packages: zip bombs, forged members, broken JSON, identities — each is
refused with PackageError before anything is written; a tampered clip is never packaged."""

from __future__ import annotations

import json
import os
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.config import resolve_paths
from app.i18n import _
from app.models import (
    AttributeChange,
    Case,
    CaseStatusChange,
    EvidenceItem,
    Inquiry,
    Meeting,
    Observation,
    Person,
    TimelineEvent,
    TrainingQuestion,
    Vehicle,
)
from app.models.db import open_database, unit_of_work
from app.models.enums import Role
from app.services.admin import backup_manifest
from app.services.evidence.integrity_gate import EvidenceAltered
from app.services.training import package_export, package_identities, package_import
from app.services.training.package_format import CASE_JSON, MANIFEST, PackageError, read_package
from tests.conftest import make_actor
from tests.helpers.case_a import build_closed_case_a
from tests.helpers.cases import squad_row
from tests.helpers.evidence import add_evidence
from tests.helpers.packages import minimal_body, write_package
from tests.media import make_clip

TRAINER = make_actor(Role.TRAINER)
EXAMPLES = int(os.environ.get("CASEDESK_FUZZ_EXAMPLES", "150"))  # bench/mutation.sh: fewer


@pytest.fixture
def other(tmp_path):
    paths = resolve_paths(tmp_path / "other").ensure()
    engine, factory = open_database(paths.db_url)
    yield paths, factory
    engine.dispose()


def _import(other, pkg):
    paths, factory = other
    with unit_of_work(factory) as s:
        return package_import.import_package(s, TRAINER, paths, pkg)


def _refused(other, pkg, match=None):
    paths, factory = other
    with pytest.raises(PackageError, match=match):
        _import(other, pkg)
    with factory() as s:
        assert s.scalar(select(func.count(Case.id))) == 0
    assert not [p for p in paths.evidence_dir.rglob("*.jpg")]


def test_a_sound_crafted_package_imports(other, tmp_path):
    info = _import(other, write_package(tmp_path / "ok.zip", minimal_body()))
    assert info.case_id and info.events == 1


def test_zip_bomb_is_refused_before_unpacking(other, tmp_path):
    bomb = tmp_path / "bomb.zip"
    manifest = {"format": "casedesk-training", "version": 2}
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest))
        with zf.open("frames/001.jpg", "w") as fh:
            block = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros → a few hundred KB
                fh.write(block)
    assert bomb.stat().st_size < 2 << 20
    started = time.monotonic()
    _refused(other, bomb, "压缩|解压")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("case", ["bad_json", "bad_utf8", "null_role", "huge_id", "duplicate",
                                  "deep", "nan", "not_object"])
def test_crafted_case_json_is_a_plain_error(other, tmp_path, case):
    body = minimal_body()
    raw: dict | bytes = body
    if case == "bad_json":
        raw = b'{"case": '
    elif case == "bad_utf8":
        raw = b'{"case": {"title": "\xff\xfe"}}'
    elif case == "null_role":
        body["persons"][0]["role"] = None
    elif case == "huge_id":
        body["persons"][0]["id"] = 10**30
    elif case == "deep":
        raw = b"[" * 100_000 + b"]" * 100_000
    elif case == "nan":
        raw = json.dumps(body).replace('"name": "\\u4eba\\u5458A"', '"age": NaN').encode()
    elif case == "not_object":
        raw = b"[1, 2]"
    pkg = write_package(tmp_path / "x.zip", raw)
    if case == "duplicate":
        with zipfile.ZipFile(pkg, "a") as zf, pytest.warns(UserWarning):
            zf.writestr(CASE_JSON, b"{}")
    _refused(other, pkg)


def test_member_altered_with_manifest_hash_updated_is_caught(other, tmp_path):
    pkg = write_package(tmp_path / "forged.zip", minimal_body(), sign=False)
    _refused(other, pkg, "签名")


@pytest.mark.parametrize("where", ["name", "narrative_phone", "narrative_name", "plate"])
def test_package_with_identities_is_refused(other, tmp_path, where):
    body = minimal_body()
    if where == "name":
        body["persons"][0]["name"] = "李桂英"
    elif where == "narrative_phone":
        body["case"]["narrative"] = "报警人电话13807331234"
    elif where == "narrative_name":
        body["case"]["narrative"] = "证人王建华看到三轮车"
    else:
        body["vehicles"] = [{"id": 1, "role": "suspect", "kind": "tricycle", "plate": "湘B12345"}]
    _refused(other, write_package(tmp_path / "id.zip", body), "身份信息")


def test_training_export_refuses_frames_of_a_tampered_clip(paths, session_factory, tmp_path):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    clip = make_clip("h264_mp4", frames=30, size=(160, 120))
    ev_id, stored = add_evidence(session_factory, paths, case_id, tmp_path, clip.read_bytes())
    from app.models import Observation

    with unit_of_work(session_factory) as s:
        s.add(Observation(case_id=case_id, evidence_id=ev_id, frame_index=3, pts_s=0.12,
                          note="三轮车"))
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF
    stored.write_bytes(bytes(data))
    with pytest.raises(EvidenceAltered, match="已被改动"), unit_of_work(session_factory) as s:
        package_export.export_package(s, TRAINER, paths, case_id, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()


# --------------------------------------------------------------- property tests


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=4096))
def test_any_bytes_read_as_a_package_raise_only_package_error(tmp_path, blob):
    path = tmp_path / "fuzz.zip"
    path.write_bytes(blob)
    with pytest.raises(PackageError):
        read_package(path)


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=20)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_packages_raise_only_package_error(tmp_path, data):
    """A valid package with one member replaced, truncated or flipped: imported or refused with
    PackageError, nothing else."""
    body = minimal_body()
    key = data.draw(st.sampled_from(sorted(body)))
    body[key] = data.draw(_json)
    pkg = write_package(tmp_path / "m.zip", body, sign=data.draw(st.booleans()))
    raw = bytearray(pkg.read_bytes())
    for _i in range(data.draw(st.integers(0, 3))):
        raw[data.draw(st.integers(0, len(raw) - 1))] ^= data.draw(st.integers(1, 255))
    pkg.write_bytes(bytes(raw[: data.draw(st.integers(1, len(raw)))]))
    try:
        body, frames, _digest = read_package(pkg)
        package_import._check_shape(body, frames)
        package_identities.check_no_identities(body)
    except PackageError:
        pass


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=2048), _json.map(lambda v: json.dumps(v).encode()),
                 st.dictionaries(st.sampled_from(["format", "version", "created_at", "db_file",
                                                  "db_sha256", "evidence", "signature",
                                                  "schema_revision", "audit_anchor"]),
                                 _json, max_size=9).map(lambda d: json.dumps(
                                     {"format": "casedesk-backup", "version": 2, **d}).encode())))
def test_backup_manifest_parsing_raises_only_backup_error(tmp_path, text):
    try:
        backup_manifest.parse(text, tmp_path)
    except backup_manifest.BackupError:
        pass


def _signed(fields: dict) -> bytes:
    from app.services.common.signing import workstation_key

    body = {"format": "casedesk-backup", "version": 2, **fields}
    key = workstation_key()
    return json.dumps(body | {"signature": {
        "public_key": key.public_hex,
        "signature": key.sign(backup_manifest._message(body))}}).encode()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({}, optional={
    "created_at": st.one_of(_json, st.just("2024-01-01T00:00:00+00:00")),
    "db_file": st.one_of(_json, st.just("casedesk.sqlite3"), st.just("../x.sqlite3")),
    "db_sha256": st.one_of(_json, st.just("a" * 64)),
    "schema_revision": _json,
    "evidence": st.one_of(_json, st.lists(st.fixed_dictionaries(
        {"path": st.one_of(_json, st.just("evidence/aa/" + "a" * 64 + ".mp4")),
         "sha256": st.one_of(_json, st.just("a" * 64)), "size": _json}), max_size=3)),
    "audit_anchor": _json}))
def test_signed_backup_manifests_raise_only_backup_error(tmp_path, fields):
    """Correctly signed but arbitrary manifests reach every field check."""
    try:
        m = backup_manifest.parse(_signed(fields), tmp_path)
    except backup_manifest.BackupError:
        return
    assert m.raw["db_file"] == "casedesk.sqlite3" and all(
        e.path.startswith("evidence/") for e in m.entries)


def _rich_body() -> dict:
    """Every table of case.json, with package ids that are not the importing database's."""
    t = "2023-11-28T06:%02d:00+08:00"
    return {"case": {"title": "训练：天桥街", "road": "天桥", "status": "closed",
                     "solved_at": t % 40, "closed_at": t % 50},
            "persons": [{"id": 70, "role": "victim", "name": "人员A", "age": 61},
                        {"id": 90, "role": "suspect", "name": "人员B", "identified": 1}],
            "vehicles": [{"id": 50, "role": "suspect_1", "kind": "two_wheel_ebike",
                          "plate": "湘·训01"}],
            "meetings": [{"id": 30, "held_at": t % 10, "attendees": ["甲组", "乙组"]}],
            "inquiries": [{"id": 20, "meeting_id": 30, "team": "一组", "objective": "走访"},
                          {"id": 21, "team": "二组", "objective": "查监控", "status": "open"}],
            "observations": [{"id": 80, "frame_file": "frames/001.jpg", "roi": [1, 2, 3, 4],
                              "note": "车辆出现", "tags": ["plate", "face"], "vehicle_id": 50,
                              "person_id": 90, "inquiry_id": 21, "wall_time": t % 3},
                             {"id": 81, "frame_file": "frames/002.jpg"}],
            "events": [{"id": 11, "occurred_at": t % 2, "kind": "incident", "title": "事故发生",
                        "person_ids": [70, 999], "vehicle_ids": [50], "observation_ids": [80],
                        "inquiry_id": 21, "meeting_id": 30},
                       {"id": 12, "occurred_at": t % 20, "kind": "inference", "title": "推断",
                        "basis_ids": [11]}],
            "changes": [{"entity_type": "vehicle", "entity_id": 50, "field": "colour",
                         "old": None, "new": "蓝色", "known_at": t % 15, "event_id": 12},
                        {"entity_type": "case", "entity_id": 1, "field": "road", "old": "x",
                         "new": "天桥", "known_at": t % 16, "reason": "核实"},
                        {"entity_type": "person", "entity_id": 999, "field": "age",
                         "known_at": t % 17},
                        {"entity_type": "camera", "entity_id": 1, "field": "x",
                         "known_at": t % 18}],
            "status_history": [{"from": None, "to": "open", "at": t % 5},
                               {"from": "open", "to": "closed", "at": t % 50, "reason": "结案"}],
            "questions": [{"before_event_id": 12, "question": "下一步？"}]}


def test_every_table_of_a_package_is_imported_with_its_links(other, tmp_path):
    frames = {"frames/001.jpg": b"jpeg one", "frames/002.jpg": b"jpeg two"}
    pkg = write_package(tmp_path / "rich.zip", _rich_body(), extra=frames)
    info = _import(other, pkg)
    assert (info.frames, info.events, info.title) == (2, 2, "训练：天桥街")
    paths, factory = other
    with factory() as s:
        case = s.get(Case, info.case_id)
        assert case.case_no == f"训练-{info.sha256[:8]}" and case.training_package_sha256 == \
            info.sha256 and case.status == "closed" and case.search_text == "训练：天桥街"
        assert (case.road, case.solved_at.minute, case.closed_at.minute) == ("天桥", 40, 50)
        persons = {p.role: p for p in s.scalars(select(Person))}
        assert persons["victim"].age == 61 and persons["suspect"].identified is True
        vehicle = s.scalar(select(Vehicle))
        meeting = s.scalar(select(Meeting))
        assert meeting.attendees == "甲组\n乙组"
        inq = {i.team: i for i in s.scalars(select(Inquiry))}
        assert (inq["一组"].meeting_id, inq["一组"].status) == (meeting.id, "done")
        assert (inq["二组"].meeting_id, inq["二组"].status) == (None, "open")
        evs = {e.original_name: e for e in s.scalars(select(EvidenceItem))}
        assert sorted(evs) == ["001.jpg", "002.jpg"]
        one = evs["001.jpg"]
        assert (one.media_kind, one.frame_count, one.acquisition, one.size, one.ext) == (
            "image", 1, "other", 8, "jpg")
        assert one.acquisition_note == _("Training package frame") and one.imported_by_id is None
        obs = {o.evidence_id: o for o in s.scalars(select(Observation))}
        o = obs[one.id]
        assert (o.roi_x, o.roi_y, o.roi_w, o.roi_h, o.note, o.tags) == (1, 2, 3, 4, "车辆出现",
                                                                        "plate,face")
        assert (o.vehicle_id, o.person_id, o.inquiry_id) == (vehicle.id, persons["suspect"].id,
                                                             inq["二组"].id)
        assert (o.frame_index, o.pts_s, o.wall_time.minute) == (0, 0.0, 3)
        bare = obs[evs["002.jpg"].id]
        assert (bare.roi_x, bare.note, bare.tags, bare.wall_time, bare.vehicle_id) == (
            None, "", "", None, None)
        events = {e.title: e for e in s.scalars(select(TimelineEvent))}
        first, second = events["事故发生"], events["推断"]
        assert [p.id for p in first.persons] == [persons["victim"].id]
        assert [v.id for v in first.vehicles] == [vehicle.id]
        assert [x.id for x in first.observations] == [o.id] and second.basis == [first]
        assert (first.inquiry_id, first.meeting_id) == (inq["二组"].id, meeting.id)
        changes = {c.field: c for c in s.scalars(select(AttributeChange))}
        assert sorted(changes) == ["colour", "road"]  # unknown targets are dropped
        colour, road = changes["colour"], changes["road"]
        assert (colour.entity_type, colour.entity_id, colour.old_value, colour.new_value,
                colour.event_id, colour.reason) == ("vehicle", vehicle.id, None, "蓝色",
                                                    second.id, "")
        assert colour.known_at == colour.changed_at and colour.known_at.minute == 15
        assert (road.entity_id, road.old_value, road.reason) == (case.id, "x", "核实")
        history = s.scalars(select(CaseStatusChange).order_by(CaseStatusChange.id)).all()
        assert [(h.from_status, h.to_status, h.reason, h.changed_at.minute) for h in history] == [
            (None, "open", "", 5), ("open", "closed", "结案", 50)]
        q = s.scalar(select(TrainingQuestion))
        assert (q.question, q.answer, q.before_event_id, q.case_id) == (
            "下一步？", "", second.id, case.id)
        assert {p.case_id for p in persons.values()} == {case.id} == {vehicle.case_id}
