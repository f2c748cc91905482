"""A recording whose index was never written enters the store as received, linked to the
readable copy of its video; the link is in the signed import entry, so a database tool cannot
drop it, point it elsewhere or rewrite the report unseen."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy.exc import IntegrityError

from app.models import EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.admin.verify import verify_data
from app.services.common.errors import ValidationError
from app.services.evidence import clips, custody
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
from tests.conftest import make_actor
from tests.helpers.cases import case_row, squad_row
from tests.killed_recordings import killed_recording


@pytest.fixture
def officer_case(session_factory):
    squad = squad_row(session_factory)
    return make_actor(Role.OFFICER, squad_id=squad), case_row(session_factory, squad)


def _items(session_factory, officer, case_id):
    with session_factory() as s:
        return {e.media_kind + ("-copy" if e.derived_from_id else ""): e
                for e in clips.list_evidence(s, officer, case_id)}


def _store_files(paths) -> list:
    return sorted(p for p in paths.evidence_dir.rglob("*") if p.is_file())


def test_the_recording_as_received_is_kept_and_linked_to_its_copy(paths, session_factory,
                                                                  officer_case):
    officer, case_id = officer_case
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    seen: list[tuple[int, int]] = []
    res = import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference,
                        progress=lambda d, t: seen.append((d, t)), acquisition_note="行车记录仪")
    assert not res.duplicate and res.evidence.frame_count == len(k.codes)
    items = _items(session_factory, officer, case_id)
    assert set(items) == {"source", "video", "video-copy"}   # recording, reference, copy
    source, copy = items["source"], items["video-copy"]
    assert copy.id == res.evidence.id and copy.derived_from_id == source.id
    assert evidence_path(paths, source).read_bytes() == k.path.read_bytes()
    assert items["video"].original_name == k.reference.name
    assert source.acquisition_note == copy.acquisition_note == "行车记录仪"
    with open_video(evidence_path(paths, copy)) as video:
        assert video.frame_count == len(k.codes)
    assert seen and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)
    assert not any((paths.data_dir / RESCUE_DIR).iterdir())   # the work copy is gone
    with session_factory() as s:
        report = json.loads(s.get(EvidenceItem, copy.id).derivation_json)
        assert report["source_sha256"] == source.sha256 and report["output_sha256"] == copy.sha256
        assert report["reference_sha256"] == items["video"].sha256
        actions = [c.action for c in custody.custody_log(s, officer, source.id)]
        assert actions == ["import", "derive"]
        imported = custody.custody_log(s, officer, copy.id)[0].detail
        assert str(source.id) in imported and source.sha256[:16] in imported
    with unit_of_work(session_factory) as s:
        assert custody.record_verification(s, officer, paths, copy.id).ok
        custody.check_can_export(s, officer, copy.id)
    with session_factory() as s:
        listed = {a.kind: a for a in list_attachments(s, officer, case_id)}
    assert set(listed) == {"source"} and listed["source"].copies == (copy.id,)
    again = import_rescue(session_factory, paths, officer, case_id, k.path, reference=k.reference)
    assert again.duplicate and again.evidence.id == copy.id
    assert len(_items(session_factory, officer, case_id)) == 3


@pytest.mark.parametrize("how", ["no_reference", "cancelled", "not_mp4"])
def test_a_refused_or_cancelled_rescue_leaves_nothing(paths, session_factory, officer_case,
                                                      tmp_path, how):
    officer, case_id = officer_case
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    src, kwargs = k.path, {}
    if how == "cancelled":
        src, kwargs = killed_recording().path, {"cancel": lambda: True}
    if how == "not_mp4":
        src = tmp_path / "note.mp4"
        src.write_bytes(b"\x00\x01" * 4000)
    error = ImportCancelled if how == "cancelled" else ValidationError
    with pytest.raises(error) as caught:
        import_rescue(session_factory, paths, officer, case_id, src, **kwargs)
    if how == "no_reference":
        assert "SPS/PPS" in str(caught.value) and k.path.name in str(caught.value)
    assert _items(session_factory, officer, case_id) == {}
    assert _store_files(paths) == []
    assert not any((paths.data_dir / RESCUE_DIR).iterdir())


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
        with pytest.raises(EvidenceAltered):
            custody.check_can_export(s, officer, victim)
        report = verify_data(s, paths.evidence_dir)
    assert any(p.kind == "audit_data" and str(victim) in p.where for p in report.errors)


def test_the_source_cannot_be_deleted_under_its_copy(db, rescued_case):
    _officer, items = rescued_case
    with pytest.raises(IntegrityError), db[0].begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM evidence_item WHERE id={items['source'].id}")


def test_an_intact_store_verifies(paths, session_factory, rescued_case):
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
