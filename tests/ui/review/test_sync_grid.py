"""The synchronised grid: the same transport, one timeline on corrected time, a way back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.review.conftest import FPS


def _sync(qtbot, panel, review_world):
    a, b = review_world["ev_a"], review_world["ev_b"]
    panel.clips.sync_evidence([a.id, b.id])
    grid = panel.sync_grid
    qtbot.waitUntil(lambda: len(grid.tiles) == 2 and not panel.is_busy(), timeout=15000)
    return grid


def test_timeline_transport_and_escape(qtbot, panel, review_world):
    grid = _sync(qtbot, panel, review_world)
    a, b = review_world["ev_a"], review_world["ev_b"]
    start = min(a.wall_time(0), b.wall_time(0))
    assert grid.timeline.minimum() == 0 and grid.timeline.maximum() > 5000  # both clips
    grid.timeline.setValue(3000)                                  # drag the shared timeline
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10000)
    assert abs((grid.wall - start).total_seconds() - 3.0) < 1e-3
    assert all(t.has_footage for t in grid.tiles)
    panel.grab().save("/tmp/trust/sync_grid.png")
    before = grid.tiles[0].player.shown_index
    next(b for b in grid.findChildren(type(grid.back_button)) if b.text() == "▶|").click()
    qtbot.waitUntil(lambda: grid.tiles[0].player.shown_index == before + 1, timeout=5000)
    assert grid.timeline.value() > 3000                           # the timeline follows
    qtbot.keyClick(grid, Qt.Key.Key_Escape)                       # Esc: back to one clip
    assert panel.stack.currentWidget() is panel.clip_view and grid.tiles == []


def test_back_button_and_double_click_open_a_clip(qtbot, panel, review_world):
    grid = _sync(qtbot, panel, review_world)
    grid.back_button.click()
    assert panel.stack.currentWidget() is panel.clip_view
    grid = _sync(qtbot, panel, review_world)
    grid.timeline.setValue(3000)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10000)
    tile = grid.tiles[1]
    ev_id, index = tile.player.evidence.id, tile.player.index_at_wall(grid.wall)
    qtbot.mouseDClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.id == ev_id
                    and panel.player.shown_index == index and not panel.is_busy(),
                    timeout=15000)
    assert panel.stack.currentWidget() is panel.clip_view
    assert index > 2 * FPS


def test_open_clip_is_the_highlighted_one_and_the_picker_counts_imports(qtbot, panel,
                                                                       review_world):
    from app.services.common.context import SYSTEM
    from app.services.evidence import clips as evidence
    from tests.media import make_clip

    a, b = review_world["ev_a"], review_world["ev_b"]
    panel.evidence_table.selectRow(0)
    other = b.id if panel.evidence_items[0].id == a.id else a.id
    panel.open_evidence(other)                       # e.g. from the route or an observation
    rows = {i.row() for i in panel.evidence_table.selectedItems()}
    assert [panel.evidence_items[r].id for r in rows] == [other]
    assert panel.case_box.currentText().endswith("(2)")
    evidence.import_clip(review_world["factory"], review_world["paths"], SYSTEM,
                         review_world["ids"]["case"], make_clip("h264_mp4", frames=20))
    panel.reload()
    assert panel.case_box.currentText().endswith("(3)")
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=15000)
