"""Case-wide scan queue: every clip scanned and stored with its evidence item (ROI and
parameters included), two at a time, overall progress, cancel keeps finished results."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, EvidenceScan
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.services.evidence import items, scan_results
from app.services.evidence.scan_queue import CaseScanQueue
from app.video import VideoCancelled
from app.video.triage import scan_triage
from tests.helpers.evidence import case_with_vehicles
from tests.scenes import Event, found, make_scene

EVENTS = [[Event("car", 30, 70)], [Event("tricycle_dark", 20, 100)], [Event("pedestrian", 10, 110)]]


@pytest.fixture
def case_with_clips(session_factory, paths):
    case = case_with_vehicles(session_factory)["case"]
    ids = []
    for n, events in enumerate(EVENTS):
        clip = make_scene(events, frames=125, size=(320, 180), noise=1.5 + n, gop=25 * (n + 1))
        ids.append(evidence.import_clip(session_factory, paths, SYSTEM, case, clip).evidence.id)
    return case, ids


def test_scan_all_clips_stores_results_with_roi_and_parameters(session_factory, paths,
                                                               case_with_clips):
    case, ids = case_with_clips
    seen = []
    queue = CaseScanQueue(session_factory, paths, SYSTEM, case, roi=(0, 40, 320, 140),
                          progress=lambda d, t, text: seen.append((d, t)))
    outcomes = queue.run()
    assert [o.status for o in outcomes] == ["done"] * 3
    assert seen[-1] == (1000, 1000) or max(d for d, _t in seen) == 1000
    with unit_of_work(session_factory) as s:
        for ev_id, events in zip(ids, EVENTS, strict=True):
            stored = scan_results.latest_scan(s, SYSTEM, ev_id)
            assert stored.roi == [0, 40, 320, 140] and stored.params["sensitivity"] == 1.0
            assert stored.method in ("triage", "full")
            assert all(found(e, stored.result.segments) for e in events)
            assert stored.result.decoded    # what was confirmed by decoding is kept
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == "evidence.scan")) == 3
    assert CaseScanQueue(session_factory, paths, SYSTEM, case).run() == []  # all done already


def test_cancel_keeps_finished_results(session_factory, paths, case_with_clips):
    case, ids = case_with_clips
    started = threading.Event()

    def scan(path, **kw):
        if path.name == first_name:
            return scan_triage(path, **kw)          # finishes normally
        started.set()                               # the others run until cancelled
        while not kw["cancel"]():
            threading.Event().wait(0.02)
        raise VideoCancelled(path)

    with unit_of_work(session_factory) as s:
        first_name = items.evidence_path(paths, items.get_evidence(s, SYSTEM, ids[0])).name
    queue = CaseScanQueue(session_factory, paths, SYSTEM, case, scan=scan)

    def cancel_when_second_runs():
        started.wait(20)
        while not _stored(session_factory, ids[0]):
            threading.Event().wait(0.05)
        queue.cancel()

    t = threading.Thread(target=cancel_when_second_runs)
    t.start()
    outcomes = queue.run()
    t.join(10)
    assert [o.status for o in outcomes] == ["done", "cancelled", "cancelled"]
    assert _stored(session_factory, ids[0]) and not _stored(session_factory, ids[1])
    assert not _stored(session_factory, ids[2])


def _stored(factory, evidence_id: int) -> bool:
    with unit_of_work(factory) as s:
        return bool(s.scalar(select(func.count()).select_from(EvidenceScan)
                             .where(EvidenceScan.evidence_id == evidence_id)))
