"""The review bench opens every real-footage variant (issue 11) and steps through it exactly."""

from __future__ import annotations

from datetime import datetime, timedelta

import av
import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.video import open_video
from app.video.pixels import to_bgr
from tests.formats import NAMES, make_variant
from tests.helpers.evidence import case_with_vehicles
from tests.media import frame_index_of
from tests.ui.review.conftest import BenchContext
from tests.video.test_real_footage import SAMPLES


@pytest.fixture
def empty_bench(qtbot, db, paths):
    """A review bench on a case with no clip yet (quicker than ``panel``: nothing to scan)."""
    from app.ui.review.review_panel import ReviewPanel

    engine, factory = db
    ids = case_with_vehicles(factory)
    bench = ReviewPanel(BenchContext(paths, engine, factory, SYSTEM))
    qtbot.addWidget(bench)
    bench.resize(1400, 900)
    bench.show()
    qtbot.waitExposed(bench)
    yield bench, {"factory": factory, "paths": paths, "ids": ids}
    bench.shutdown()


@pytest.mark.parametrize("name", NAMES)
def test_review_bench_opens_variant(qtbot, empty_bench, name):
    panel, world = empty_bench
    v = make_variant(name, frames=60)
    ev = evidence.import_clip(world["factory"], world["paths"], SYSTEM, world["ids"]["case"],
                              v.path).evidence
    panel.reload()
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.shown_index == 0
                    and panel.player.source is not None
                    and panel.player.source.frame_count == v.frame_count, timeout=20000)
    notes = panel.player.source.warnings       # what the engine found stays in sight
    assert panel.clip_view.banner.isVisible() == bool(notes)
    assert all(note in panel.clip_view.banner.text() for note in notes)
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


def test_joined_dav_shows_each_recordings_own_clock(qtbot, panel, review_world):
    """After the recorder's clock was set back between joined recordings, the read-out shows a
    later frame at its own recording's clock (issue 11 item 3)."""
    v = make_variant("dav_joined", frames=60)
    ev = evidence.import_clip(review_world["factory"], review_world["paths"], SYSTEM,
                              review_world["ids"]["case"], v.path).evidence
    panel.reload()
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.id == ev.id
                    and panel.player.shown_index == 0, timeout=20000)
    frame = v.segments[1] + 13
    panel.player.seek(frame)
    qtbot.waitUntil(lambda: panel.player.shown_index == frame, timeout=10000)
    since = (frame - v.segments[1]) / 25
    shown = (datetime.fromisoformat(v.clocks[1]) + timedelta(seconds=since))
    text = shown.strftime("%Y-%m-%d %H:%M:%S.%f")[:23]         # the case's zone = shown zone
    qtbot.waitUntil(lambda: text in panel.clip_view.readout.text(), timeout=5000)
    assert panel.player.wall_time(frame) == shown.replace(tzinfo=panel.shown.zone)


@pytest.mark.skipif(not (SAMPLES / "vtest.avi").exists(), reason="opencv-doc is not installed")
@pytest.mark.parametrize("name", ["vtest.avi", "Megamind.avi"])
def test_review_bench_steps_through_real_footage(qtbot, panel, review_world, name):
    """Footage no one here made (opencv-doc's samples; Megamind.avi packs its B-frames):
    imported, opened and stepped both ways, every frame the one a sequential decode gives."""
    path = SAMPLES / name
    with open_video(path) as video:
        colour = (video.index.matrix, video.index.full_range)
    with av.open(str(path)) as container:
        reference = [to_bgr(f, *colour) for _, f in zip(range(8), container.decode(video=0),
                                                         strict=False)]
    ev = evidence.import_clip(review_world["factory"], review_world["paths"], SYSTEM,
                              review_world["ids"]["case"], path).evidence
    panel.reload()
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.id == ev.id
                    and panel.player.shown_index == 0, timeout=20000)
    for _ in range(5):
        qtbot.keyClick(panel.clip_view.frame_view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.player.shown_index == 5 == panel.player.index, timeout=10000)
    assert np.array_equal(panel.player.raw_frame, reference[5])
    qtbot.keyClick(panel.clip_view.frame_view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: panel.player.shown_index == 4 == panel.player.index, timeout=10000)
    assert np.array_equal(panel.player.raw_frame, reference[4])


def test_the_warning_banner_follows_the_clip(qtbot, empty_bench):
    """A file's notes stay over it while it is open and go with it: the next clip, a clean
    one, shows none."""
    panel, world = empty_bench
    ids = [evidence.import_clip(world["factory"], world["paths"], SYSTEM, world["ids"]["case"],
                                make_variant(name, frames=60).path).evidence.id
           for name in ("ts_h264_opengop_cut", "ts_h264")]
    panel.reload()
    for ev_id, warned in zip(ids, (True, False), strict=True):
        panel.open_evidence(ev_id)
        qtbot.waitUntil(lambda i=ev_id: panel.player is not None
                        and panel.player.evidence.id == i and panel.player.shown_index == 0,
                        timeout=20000)
        assert panel.clip_view.banner.isVisible() == warned
        assert ("第一个关键帧" in panel.clip_view.banner.text()) == warned


def test_stepping_across_a_change_of_picture_size_shows_each_picture_whole(
        qtbot, zh_ui, empty_bench, tmp_path):
    """The recorder fell back to a smaller stream half way: the bench shows each frame at its
    own size, fitted, and the details name both sizes."""
    from app.ui.review.evidence_dialog import EvidenceDialog

    panel, world = empty_bench
    v = make_variant("mkv_h264_resized", frames=60)          # 320×240, then 160×120
    ev = evidence.import_clip(world["factory"], world["paths"], SYSTEM, world["ids"]["case"],
                              v.path).evidence
    panel.reload()
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.shown_index == 0,
                    timeout=20000)
    assert "画面尺寸" in panel.clip_view.banner.text()
    change = v.sizes[1][0]
    panel.player.seek(change - 1)
    qtbot.waitUntil(lambda: panel.player.shown_index == change - 1, timeout=10000)
    view = panel.clip_view.frame_view
    before = view.zoom()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.player.shown_index == change, timeout=10000)
    assert panel.player.raw_frame.shape[:2] == (120, 160)
    assert (view.image().width(), view.image().height()) == (160, 120)
    assert frame_index_of(panel.player.raw_frame) == v.codes[change]
    assert view.zoom() > before * 1.5                         # fitted again, not left small
    view.grab().save(str(tmp_path / "smaller.png"))
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: panel.player.shown_index == change - 1, timeout=10000)
    assert panel.player.raw_frame.shape[:2] == (240, 320)
    dialog = EvidenceDialog(world["factory"], SYSTEM, ev, [])
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(type(panel.clip_view.banner)))
    assert "第 0 帧起 320×240" in text and f"第 {change} 帧起 160×120" in text
