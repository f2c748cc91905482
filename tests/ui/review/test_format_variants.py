"""The review bench opens every real-footage variant (issue 11) and steps through it exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from tests.formats import NAMES, make_variant
from tests.media import frame_index_of


@pytest.mark.parametrize("name", NAMES)
def test_review_bench_opens_variant(qtbot, panel, review_world, name):
    v = make_variant(name, frames=60)
    ev = evidence.import_clip(review_world["factory"], review_world["paths"], SYSTEM,
                              review_world["ids"]["case"], v.path).evidence
    panel.reload()
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.shown_index == 0
                    and panel.player.source is not None
                    and panel.player.source.frame_count == 60, timeout=20000)
    shown = []
    for _ in range(3):
        qtbot.keyClick(panel.clip_view.frame_view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.player.shown_index == 3 == panel.player.index, timeout=10000)
    shown.append(frame_index_of(panel.player.raw_frame))
    qtbot.keyClick(panel.clip_view.frame_view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: panel.player.shown_index == 2 == panel.player.index, timeout=10000)
    shown.append(frame_index_of(panel.player.raw_frame))
    assert shown == [v.codes[3], v.codes[2]]
    if v.rotation:
        assert panel.player.raw_frame.shape[:2] == (240, 320)
