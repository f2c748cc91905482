"""A recording whose index was never written enters the store as received, linked to the
readable copy of its video; the link is in the signed import entry, so a database tool cannot
drop it, point it elsewhere or rewrite the report unseen."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.models import AuditEntry, EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.admin.verify import verify_data
from app.services.common.errors import ValidationError
from app.services.evidence import clips, custody, rescued
from app.services.evidence.attachments import list_attachments
from app.services.evidence.integrity_gate import EvidenceAltered
from app.services.evidence.items import evidence_path
from app.services.evidence.rescued import (
    RESCUE_DIR,
    import_rescue,
    prepare_rescue,
    register_rescue,
)
from app.services.evidence.store import ImportCancelled
from app.video import open_video
from tests.helpers.cases import case_row, make_user, squad_row
from tests.helpers.evidence import make_camera
from tests.killed_recordings import killed_recording


@pytest.fixture
def officer_case(session_factory):
    squad = squad_row(session_factory)
    return make_user(session_factory, Role.OFFICER, squad_id=squad), case_row(session_factory,
                                                                               squad)


def _items(session_factory, officer, case_id):
    with session_factory() as s:
        return {e.media_kind + ("-copy" if e.derived_from_id else ""): e
                for e in clips.list_evidence(s, officer, case_id)}


def _store_files(paths) -> list:
    return sorted(p for p in paths.evidence_dir.rglob("*") if p.is_file())


def test_the_recording_as_received_is_kept_and_linked_to_its_copy(paths, session_factory,
                                                                  officer_case):
    officer, case_id = officer_case
    camera = make_camera(session_factory, "DASH-01", None, None)
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    seen: list[tuple[int, int]] = []
    scratch: list[bool] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        scratch.append(any((paths.data_dir / RESCUE_DIR).iterdir()))  # on the data disk

    start = datetime(2023, 11, 28, 5, 56, 10, tzinfo=UTC)
    res = import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference,
                        progress=progress, acquisition_note="行车记录仪", camera_id=camera,
                        acquisition="dvr_seizure", start_time=start, notes="碰撞时断电",
                        offset_override_s=-3.5)
    assert not res.duplicate and res.evidence.frame_count == len(k.codes)
    items = _items(session_factory, officer, case_id)
    assert set(items) == {"source", "video", "video-copy"}   # recording, reference, copy
    source, copy, ref = items["source"], items["video-copy"], items["video"]
    assert copy.id == res.evidence.id and copy.derived_from_id == source.id
    assert evidence_path(paths, source).read_bytes() == k.path.read_bytes()
    assert (source.size, source.ext) == (k.path.stat().st_size, "mov")
    assert ref.original_name == k.reference.name and ref.derived_from_id is None
    for item in (source, copy, ref):          # what the officer said describes all three
        assert (item.camera_id, item.acquisition, item.acquisition_note) == (
            camera, "dvr_seizure", "行车记录仪")
    assert source.notes == copy.notes == "碰撞时断电"
    assert (copy.start_time, ref.start_time, source.start_time) == (start, None, None)
    assert (copy.offset_override_s, ref.offset_override_s) == (-3.5, None)  # the copy's clock
    assert source.original_path == copy.original_path == str(k.path.resolve())
    assert source.original_mtime == datetime.fromtimestamp(k.path.stat().st_mtime, UTC)
    assert source.original_name == k.path.name and copy.original_name.endswith(".rescued.h264")
    assert source.imported_by_id == copy.imported_by_id == officer.user_id is not None
    with open_video(evidence_path(paths, copy)) as video:
        assert video.frame_count == len(k.codes)
    assert seen and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and scratch[0]
    assert not any((paths.data_dir / RESCUE_DIR).iterdir())   # the work copy is gone
    with session_factory() as s:
        report = json.loads(s.get(EvidenceItem, copy.id).derivation_json)
        assert report["source_sha256"] == source.sha256 and report["output_sha256"] == copy.sha256
        assert report["reference_sha256"] == ref.sha256
        log = custody.custody_log(s, officer, source.id)
        assert [c.action for c in log] == ["import", "derive"]
        assert k.path.name in log[0].detail and str(source.size) in log[0].detail
        assert "按原样导入" in log[0].detail and "已由其生成可播放的视频副本" in log[1].detail
        assert f"证据 {copy.id}（{copy.original_name}）" in log[1].detail
        kept = json.loads(s.scalars(select(AuditEntry.payload).where(
            AuditEntry.action == "evidence.import", AuditEntry.entity_id == source.id)).one())
        assert kept["original_path"] == str(k.path.resolve()) and kept["kind"] == "source"
        imported = custody.custody_log(s, officer, copy.id)[0].detail
        assert str(source.id) in imported and source.sha256[:16] in imported
        assert k.path.name in imported and str(copy.size) in imported
        derived = s.scalars(select(AuditEntry.payload).where(
            AuditEntry.action == "evidence.derive")).one()
        assert json.loads(derived)["copy_sha256"] == copy.sha256
    with unit_of_work(session_factory) as s:
        assert custody.record_verification(s, officer, paths, copy.id).ok
        custody.check_can_export(s, officer, copy.id)
    with session_factory() as s:
        listed = {a.kind: a for a in list_attachments(s, officer, case_id)}
    assert set(listed) == {"source"} and listed["source"].copies == (copy.id,)
    again = import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference)
    assert again.duplicate and again.evidence.id == copy.id
    assert len(_items(session_factory, officer, case_id)) == 3
    with session_factory() as s:                # nothing logged twice
        assert [c.action for c in custody.custody_log(s, officer, source.id)] == [
            "import", "derive"]


@pytest.mark.parametrize("how", ["no_reference", "cancelled", "not_mp4", "missing", "changed",
                                 "bad_field", "bad_field_alone"])
def test_a_refused_or_cancelled_rescue_leaves_nothing(paths, session_factory, officer_case,
                                                      tmp_path, monkeypatch, how):
    officer, case_id = officer_case
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    src, kwargs = k.path, {}
    if how == "cancelled":
        src, kwargs = killed_recording().path, {"cancel": lambda: True}
    if how == "not_mp4":
        src = tmp_path / "note.mp4"
        src.write_bytes(b"\x00\x01" * 4000)
    if how == "missing":
        src = tmp_path / "gone.mov"
    if how == "changed":                 # written to while it was read (a card still syncing)
        src = tmp_path / "syncing.mov"
        shutil.copyfile(k.path, src)
        kwargs = {"reference": k.reference}
        real = rescued.copy_into_store

        def copy_after_a_write(path, *args, **kw):
            with open(src, "ab") as f:
                f.write(b"\0" * 16)
            return real(path, *args, **kw)
        monkeypatch.setattr(rescued, "copy_into_store", copy_after_a_write)
    if how == "bad_field":               # refused when recorded: the stored files go again
        kwargs = {"acquisition": "found_on_the_street", "reference": k.reference}
    if how == "bad_field_alone":         # the same, a recording that needs no reference
        src, kwargs = killed_recording().path, {"acquisition": "found_on_the_street"}
    error = ImportCancelled if how == "cancelled" else ValidationError
    with pytest.raises(error) as caught:
        import_rescue(session_factory, paths, officer, case_id, src, **kwargs)
    assert src.name in str(caught.value) or how.startswith("bad_field")
    words = {"no_reference": "无法抢救：该录像的视频参数（SPS/PPS）", "cancelled": "已取消",
             "not_mp4": "无法抢救", "missing": "不存在", "changed": "抢救过程中发生了变化",
             "bad_field": "found_on_the_street", "bad_field_alone": "found_on_the_street"}
    assert words[how] in str(caught.value)
    if error is ValidationError:
        assert set(caught.value.errors) == {
            "acquisition" if how.startswith("bad_field") else "file"}
    assert _items(session_factory, officer, case_id) == {}
    assert _store_files(paths) == []
    assert not any((paths.data_dir / RESCUE_DIR).glob("*"))


@pytest.fixture
def rescued_case(paths, session_factory, officer_case):
    officer, case_id = officer_case
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference)
    return officer, _items(session_factory, officer, case_id)


@pytest.mark.parametrize("edit", [
    "UPDATE evidence_item SET derived_from_id=NULL WHERE id={copy}",       # link dropped
    "UPDATE evidence_item SET derived_from_id={ref} WHERE id={copy}",      # pointed elsewhere
    "UPDATE evidence_item SET derivation_json=replace(derivation_json, '\"pictures\"', "
    "'\"pictures\": 0, \"was\"') WHERE id={copy}",                         # report rewritten
    "UPDATE evidence_item SET derivation_json='' WHERE id={copy}",        # report dropped
    "UPDATE evidence_item SET derived_from_id={source}, derivation_json=(SELECT "
    "derivation_json FROM evidence_item WHERE id={copy}) WHERE id={ref}",  # a link invented
])
def test_a_link_edited_with_sqlite3_is_caught(paths, db, session_factory, rescued_case, edit):
    officer, items = rescued_case
    ids = {"copy": items["video-copy"].id, "ref": items["video"].id, "source": items["source"].id}
    with db[0].begin() as conn:        # what the sqlite3 CLI (or psql) would do
        conn.exec_driver_sql(edit.format(**ids))
    victim = ids["ref"] if "WHERE id={ref}" in edit else ids["copy"]
    with unit_of_work(session_factory) as s:
        result = custody.record_verification(s, officer, paths, victim)
        assert not result.ok and "记录已被改动" in result.message
        named = items["video"] if victim == ids["ref"] else items["video-copy"]
        assert named.original_name in result.message
        with pytest.raises(EvidenceAltered):
            custody.check_can_export(s, officer, victim)
        report = verify_data(s, paths.evidence_dir)
    assert any(p.kind == "audit_data" and str(victim) in p.where for p in report.errors)


def test_the_source_cannot_be_deleted_under_its_copy(db, rescued_case):
    _officer, items = rescued_case
    with pytest.raises(IntegrityError), db[0].begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM evidence_item WHERE id={items['source'].id}")


def test_an_intact_store_verifies(paths, session_factory, rescued_case):
    _officer, items = rescued_case              # imported with nothing said: the defaults
    assert (items["source"].acquisition, items["source"].acquisition_note,
            items["source"].notes) == ("other", "", "")
    with session_factory() as s:
        report = verify_data(s, paths.evidence_dir)
    assert report.errors == () and report.evidence_files == 3


def test_a_copy_that_is_not_what_its_recording_gives_is_caught(paths, session_factory,
                                                               officer_case):
    """A copy slipped in under a true-looking signed entry (the services driven by hand): the
    hashes agree with the log; made again from the recording, the copy comes out otherwise."""
    officer, case_id = officer_case
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    other = killed_recording(bframes=3)
    prepared = prepare_rescue(paths, k.path, reference=k.reference)
    slipped = prepare_rescue(paths, other.path).copy
    with unit_of_work(session_factory) as s:
        register_rescue(s, officer, case_id, replace(prepared, copy=slipped))
    with session_factory() as s:
        report = verify_data(s, paths.evidence_dir)
    (problem,) = report.errors
    assert problem.kind == "derivation" and slipped.stored.sha256[:16] in problem.message


def test_a_lost_recording_or_reference_is_named_not_crashed_on(paths, session_factory,
                                                               rescued_case):
    _officer, items = rescued_case
    for item in (items["video"], items["source"]):      # the reference, then the recording
        path = evidence_path(paths, item)
        path.chmod(0o600)
        path.unlink()
        with session_factory() as s:
            report = verify_data(s, paths.evidence_dir)
        kinds = sorted(p.kind for p in report.errors)
        assert kinds.count("evidence_missing") in (1, 2) and "derivation" in kinds
