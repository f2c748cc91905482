"""The review bench follows its case's evidence list: a clip imported elsewhere (another
workstation, the demo footage finishing behind the window) appears within one poll, and the
open clip, its frame and its selection stay."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from tests.helpers.databases import DB_BACKENDS, database
from tests.helpers.evidence import T0
from tests.media import make_clip


@pytest.fixture(params=DB_BACKENDS)
def db(request, paths):
    """Both backends here (see tests/ui/review/conftest.py): a squad's workstations share one server."""
    yield from database(request, paths)


def _import_elsewhere(review_world) -> int:
    w = review_world
    clip = make_clip("h264_mp4", frames=40, fps=25, gop=20)
    return evidence.import_clip(w["factory"], w["paths"], SYSTEM, w["ids"]["case"], clip,
                                start_time=T0 + timedelta(seconds=30)).evidence.id


def test_a_clip_imported_elsewhere_appears_and_the_open_clip_stays(qtbot, panel, review_world):
    open_id, before = panel.open_evidence_id(), len(panel.evidence_items)
    panel.player.seek(7)
    qtbot.waitUntil(lambda: panel.player.shown_index == 7, timeout=10000)
    panel.watch.watcher.stop()
    panel.watch.watcher.deleteLater()
    new_id = _import_elsewhere(review_world)
    assert panel.watch.on_changes({review_world["ids"]["case"]})
    assert len(panel.evidence_items) == before + 1 == panel.evidence_table.rowCount()
    assert new_id in {e.id for e in panel.evidence_items}
    assert panel.open_evidence_id() == open_id and panel.player.shown_index == 7
    row = next(r for r, e in enumerate(panel.evidence_items) if e.id == open_id)
    assert {i.row() for i in panel.evidence_table.selectedItems()} == {row}
    assert str(before + 1) in panel.case_box.currentText()  # the picker's count follows


def test_unrelated_or_own_changes_do_not_reload(panel, review_world):
    panel.watch.watcher.stop()
    reloads = []
    panel.reload = lambda: reloads.append(1)  # type: ignore[method-assign]
    case_id = review_world["ids"]["case"]
    assert not panel.watch.on_changes({case_id + 1000})   # another case
    assert not panel.watch.on_changes(set())               # users, cameras, settings
    assert not panel.watch.on_changes({case_id})           # e.g. this bench's own marks
    assert reloads == []


def test_the_poll_itself_brings_the_clip_in(qtbot, panel, review_world):
    before = len(panel.evidence_items)
    _import_elsewhere(review_world)
    qtbot.waitUntil(lambda: len(panel.evidence_items) == before + 1, timeout=15000)
