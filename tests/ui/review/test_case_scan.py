"""'Scan all clips' on the review bench: background queue with progress, results stored and
shown with decoded vs only-triaged stretches on the activity strip."""

from __future__ import annotations

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import scan_results


def test_scan_all_clips_stores_and_shows_coverage(qtbot, panel, review_world):
    control = panel.case_scan
    assert control.action.isEnabled()
    handle = control.start()
    assert handle is not None and not control.action.isEnabled()
    with qtbot.waitSignal(handle.finished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: control.handle is None, timeout=5000)
    assert control.action.isEnabled()
    with unit_of_work(review_world["factory"]) as s:
        for key in ("ev_a", "ev_b"):
            stored = scan_results.latest_scan(s, SYSTEM, review_world[key].id)
            assert stored is not None and stored.result.decoded
    timeline = panel.clip_view.timeline
    qtbot.waitUntil(lambda: bool(timeline.coverage), timeout=5000)
    assert {state for _a, _b, state in timeline.coverage} <= {"decoded", "triaged"}
    assert timeline.coverage[-1][1] == panel.player.frame_count - 1
    timeline.grab().save("/tmp/casedesk-timeline-coverage.png")


def test_cancel_button_cancels(qtbot, panel):
    control = panel.case_scan
    handle = control.start()
    control.cancel()
    with qtbot.waitSignal(handle.finished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: control.handle is None, timeout=5000)
    assert control.action.isEnabled()
