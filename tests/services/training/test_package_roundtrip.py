"""Export → import round trip of a training package: every kind of record arrives with its
values, times and links (not only its count), the trainer's choice of frames is honoured, and
the blur pixelates."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC

import numpy as np
import pytest
from sqlalchemy import select

from app.config import resolve_paths
from app.models import (
    AttributeChange,
    Case,
    CaseStatusChange,
    EvidenceItem,
    Observation,
    TimelineEvent,
    TrainingQuestion,
    Vehicle,
)
from app.models.db import open_database, unit_of_work
from app.models.enums import Role
from app.services.common.errors import ValidationError
from app.services.training import package_export, package_import
from tests.conftest import make_actor
from tests.services.training.test_training_package import case_a  # noqa: F401  (fixture)

TRAINER = make_actor(Role.TRAINER)


def _utc(dt):
    return dt if dt is None or dt.tzinfo else dt.replace(tzinfo=UTC)


@pytest.fixture
def questioned(session_factory, case_a):  # noqa: F811
    """Case A with a trainer's question before its second timeline event."""
    with unit_of_work(session_factory) as s:
        second = s.scalars(select(TimelineEvent).where(TimelineEvent.case_id == case_a)
                           .order_by(TimelineEvent.occurred_at)).all()[1]
        s.add(TrainingQuestion(case_id=case_a, before_event_id=second.id,
                               question="此时应先调哪路监控？", answer="涵洞南侧"))
        trike = s.scalar(select(Vehicle.id).where(Vehicle.case_id == case_a))
        s.add(AttributeChange(case_id=case_a, entity_type="vehicle", entity_id=trike,
                              field="colour", old_value="蓝", new_value="深蓝",
                              known_at=second.occurred_at, reason="比对涵洞录像",
                              event_id=second.id))
    return case_a


def _export(paths, factory, case_id, out, **kw):
    with unit_of_work(factory) as s:
        return package_export.export_package(s, TRAINER, paths, case_id, out, **kw)


def _import_elsewhere(tmp_path, package):
    other = resolve_paths(tmp_path / "other").ensure()
    engine, factory = open_database(other.db_url)
    with unit_of_work(factory) as s:
        info = package_import.import_package(s, TRAINER, other, package)
    return engine, factory, info.case_id


def _snapshot(factory, case_id) -> dict:
    """What a package carries of a case, comparable across databases (ids replaced by what
    they point at)."""
    with factory() as s:
        case = s.get(Case, case_id)
        events = {e.id: (_utc(e.occurred_at), e.title) for e in
                  s.scalars(select(TimelineEvent).where(TimelineEvent.case_id == case_id))}
        return {
            "solved": _utc(case.solved_at), "closed": _utc(case.closed_at),
            "history": sorted((h.from_status or "", h.to_status, _utc(h.changed_at))
                              for h in s.scalars(select(CaseStatusChange)
                                                 .where(CaseStatusChange.case_id == case_id))),
            "changes": sorted((c.entity_type, c.field, _utc(c.known_at), c.old_value is None,
                               c.new_value is None, events.get(c.event_id))
                              for c in s.scalars(select(AttributeChange)
                                                 .where(AttributeChange.case_id == case_id))),
            "questions": [(events[q.before_event_id], len(q.question) > 0, len(q.answer) > 0)
                          for q in s.scalars(select(TrainingQuestion)
                                             .where(TrainingQuestion.case_id == case_id))],
            "observations": sorted((o.roi_x, o.roi_y, o.roi_w, o.roi_h, o.tags)
                                   for o in s.scalars(select(Observation)
                                                      .where(Observation.case_id == case_id))),
        }


def test_round_trip_keeps_times_history_changes_and_questions(paths, session_factory,
                                                              questioned, tmp_path):
    package = tmp_path / "deep" / "er" / "case-a.zip"  # parent folders are made
    _export(paths, session_factory, questioned, package)
    before = _snapshot(session_factory, questioned)
    assert before["solved"] and before["closed"] and before["history"] and before["changes"]
    assert any(not old_none and event for *_x, old_none, _n, event in before["changes"])
    engine, factory, copy_id = _import_elsewhere(tmp_path, package)
    try:
        after = _snapshot(factory, copy_id)
    finally:
        engine.dispose()
    assert after == before


def test_only_the_chosen_frames_are_packaged(paths, session_factory, case_a, tmp_path):  # noqa: F811
    with session_factory() as s:
        marks = s.scalars(select(Observation).where(Observation.case_id == case_a)
                          .order_by(Observation.frame_index)).all()
        keep = marks[-1]
        keep_id, keep_pts = keep.id, keep.pts_s
    info = _export(paths, session_factory, case_a, tmp_path / "one.zip", observation_ids=[keep_id])
    assert info.frames == 1
    engine, factory, copy_id = _import_elsewhere(tmp_path, tmp_path / "one.zip")
    try:
        with factory() as s:
            count = len(s.scalars(select(Observation).where(Observation.case_id == copy_id)).all())
    finally:
        engine.dispose()
    assert count == 1
    with zipfile.ZipFile(tmp_path / "one.zip") as zf:
        assert sorted(n for n in zf.namelist() if n.startswith("frames/")) == ["frames/001.jpg"]
        body = json.loads(zf.read("case.json"))
    assert [o["pts_s"] for o in body["observations"]] == [keep_pts]


def test_an_observation_of_another_case_is_refused(paths, session_factory, case_a, tmp_path):  # noqa: F811
    with pytest.raises(ValidationError):
        _export(paths, session_factory, case_a, tmp_path / "x.zip", observation_ids=[987654])
    assert not (tmp_path / "x.zip").exists()


def test_blur_pixelates_in_blocks_and_leaves_the_rest():
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, (120, 160, 3), dtype=np.uint8)
    out = package_export.blur_regions(image, [(20, 10, 96, 72), (150, 110, 0, 5)])
    inside = out[10:82, 20:116].astype(float)
    assert inside.std() < 0.35 * image[10:82, 20:116].astype(float).std()
    assert np.array_equal(out[:, :20], image[:, :20]) and np.array_equal(out[82:], image[82:])
    assert np.array_equal(out[:, 116:], image[:, 116:])  # the empty ROI changed nothing


def test_no_frame_from_a_record_pointed_at_another_file(paths, db, session_factory, case_a,  # noqa: F811
                                                       tmp_path):
    """The record is pointed (with a database tool) at a planted file under its own hash: the
    store agrees with the record, the signed import entry does not, so nothing is packaged."""
    from app.services.evidence.integrity_gate import EvidenceAltered
    from app.services.evidence.store import copy_into_store

    with session_factory() as s:
        ev = s.scalars(select(EvidenceItem).where(EvidenceItem.case_id == case_a)).first()
        ev_id, stored = ev.id, paths.evidence_dir / ev.sha256[:2] / f"{ev.sha256}.{ev.ext}"
    doctored = tmp_path / "doctored.mp4"
    doctored.write_bytes(stored.read_bytes()[:-1] + b"!")
    planted = copy_into_store(doctored, paths.evidence_dir)
    with db[0].begin() as conn:
        conn.exec_driver_sql(f"UPDATE evidence_item SET sha256='{planted.sha256}' "
                             f"WHERE id={ev_id}")
    with pytest.raises(EvidenceAltered, match="记录已被改动"):
        _export(paths, session_factory, case_a, tmp_path / "swapped.zip")
    assert not (tmp_path / "swapped.zip").exists()
