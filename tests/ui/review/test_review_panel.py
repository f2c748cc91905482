"""Drive the review bench with keys and the mouse: stepping, observations with ROI, snapshot
sidecar, synchronised clips, verification failure."""

from __future__ import annotations

import json
import os

import cv2
import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.models import CustodyEvent
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import items, observations
from tests.media import frame_index_of
from tests.ui.review.conftest import FPS


def _image_array(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    ptr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    return ptr[:, : img.width() * 3].reshape(img.height(), img.width(), 3)[:, :, ::-1].copy()


def _key(qtbot, panel, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(panel.clip_view.frame_view, key, modifier)


def _wait_frame(qtbot, panel, index):
    qtbot.waitUntil(lambda: panel.player.shown_index == index == panel.player.index, timeout=10000)


def test_step_by_keys_shows_exact_frames(qtbot, panel):
    view = panel.clip_view
    for _ in range(3):
        _key(qtbot, panel, Qt.Key.Key_Right)
    _wait_frame(qtbot, panel, 3)
    assert frame_index_of(_image_array(view.displayed_image())) == 3
    assert "3 / 149" in view.readout.text()
    _key(qtbot, panel, Qt.Key.Key_Left)
    _wait_frame(qtbot, panel, 2)
    assert frame_index_of(_image_array(view.displayed_image())) == 2
    _key(qtbot, panel, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # one second
    _wait_frame(qtbot, panel, 2 + FPS)
    assert frame_index_of(panel.player.raw_frame) == 2 + FPS
    _key(qtbot, panel, Qt.Key.Key_End)
    _wait_frame(qtbot, panel, 149)
    assert frame_index_of(_image_array(view.displayed_image())) == 149
    _key(qtbot, panel, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    _wait_frame(qtbot, panel, 149 - FPS)
    # the read-out always shows the corrected time (file start + pts + offset)
    wall = panel.player.wall_time(149 - FPS)
    assert wall.astimezone(panel.shown.zone).strftime("%H:%M:%S") in view.readout.text()


def test_play_pause_and_shuttle(qtbot, panel):
    _key(qtbot, panel, Qt.Key.Key_L)
    assert panel.player.playing() and panel.player.direction == 1
    qtbot.waitUntil(lambda: panel.player.shown_index >= 3, timeout=10000)
    _key(qtbot, panel, Qt.Key.Key_L)
    assert panel.player.speed == 2.0
    _key(qtbot, panel, Qt.Key.Key_K)
    assert not panel.player.playing()
    _key(qtbot, panel, Qt.Key.Key_Space)
    assert panel.player.playing()
    _key(qtbot, panel, Qt.Key.Key_Space)
    assert not panel.player.playing()


def test_observation_with_roi_drawn_on_the_image(qtbot, panel, review_world):
    for _ in range(5):
        _key(qtbot, panel, Qt.Key.Key_Right)
    _wait_frame(qtbot, panel, 5)
    _key(qtbot, panel, Qt.Key.Key_R)
    fv = panel.clip_view.frame_view
    assert fv.roi_mode()
    a = fv.mapFromScene(QPointF(40, 60))
    b = fv.mapFromScene(QPointF(140, 160))
    qtbot.mousePress(fv.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(fv.viewport(), pos=QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(fv.viewport(), pos=b)
    qtbot.mouseRelease(fv.viewport(), Qt.MouseButton.LeftButton, pos=b)
    roi = fv.pending_roi()
    assert roi is not None and abs(roi.x() - 40) <= 2 and abs(roi.width() - 100) <= 3
    _key(qtbot, panel, Qt.Key.Key_M)
    dlg = panel.active_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.note.setPlainText("蓝色三轮车由北向南")
    dlg.vehicle.setCurrentIndex(dlg.vehicle.findData(review_world["ids"]["trike"]))
    dlg.tag_boxes["direction"].setChecked(True)
    dlg.accept()
    qtbot.waitUntil(lambda: panel.obs_model.rowCount() == 1, timeout=5000)
    with unit_of_work(review_world["factory"]) as s:
        [o] = observations.list_observations(s, SYSTEM, review_world["ids"]["case"])
    assert o.frame_index == 5 and o.note == "蓝色三轮车由北向南"
    assert o.roi[0] == roi.x() and o.roi[2] == roi.width()
    assert set(o.tags) == {"vehicle", "direction"} and o.vehicle_id == review_world["ids"]["trike"]
    assert o.wall_time == panel.player.wall_time(5)
    assert panel.clip_view.timeline.markers[0][0] == 5
    assert len(fv._overlays) == 1  # the ROI is drawn on its frame
    assert not fv.roi_mode()
    # double-click in the table jumps back to the frame
    _key(qtbot, panel, Qt.Key.Key_Home)
    _wait_frame(qtbot, panel, 0)
    panel.marks.jump_to_observation(0)
    _wait_frame(qtbot, panel, 5)


def test_snapshot_with_caption_and_sidecar(qtbot, panel, review_world, tmp_path):
    for _ in range(7):
        _key(qtbot, panel, Qt.Key.Key_Right)
    _wait_frame(qtbot, panel, 7)
    handle = panel.exports.export_snapshot(tmp_path / "snap.png")
    assert handle.wait(20000) and handle.error is None, handle.error
    res = handle.result
    meta = json.loads(res.sidecar.read_text("utf-8"))
    ev = panel.player.evidence  # the earliest clip on corrected time opens first: CAM-B
    assert ev.id == review_world["ev_b"].id
    assert meta["file_sha256"] == ev.sha256 and meta["frame_index"] == 7
    assert meta["case_no"] == "石峰-2023-0117" and meta["camera"].startswith("CAM-B")
    assert meta["corrected_time"] == ev.wall_time(meta["pts"]).isoformat()
    assert ev.sha256 in meta["caption"] and "石峰-2023-0117" in meta["caption"]
    assert frame_index_of(cv2.imread(str(res.png))) == 7
    cap = QImage(str(res.captioned))
    assert cap.height() > cv2.imread(str(res.png)).shape[0]  # caption band added
    with unit_of_work(review_world["factory"]) as s:
        actions = s.scalars(select(CustodyEvent.action).where(
            CustodyEvent.evidence_id == ev.id)).all()
    assert "export" in actions and "view" in actions and "verify" in actions


def test_sync_two_clips_on_corrected_time(qtbot, panel, review_world):
    a, b = review_world["ev_a"], review_world["ev_b"]
    panel.clips.sync_evidence([a.id, b.id])
    grid = panel.sync_grid
    qtbot.waitUntil(lambda: len(grid.tiles) == 2 and not panel.is_busy(), timeout=15000)
    assert panel.stack.currentWidget() is grid
    assert not grid.tiles[0].has_footage  # the grid starts where B starts: A has nothing yet
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10000)
    ta, tb = grid.tiles
    assert ta.has_footage and tb.has_footage
    wa, wb = ta.player.wall_time(ta.player.shown_index), tb.player.wall_time(tb.player.shown_index)
    assert abs((wa - wb).total_seconds()) < 1.0 / FPS
    assert wa.replace(microsecond=0) == wb.replace(microsecond=0)  # the same wall-clock second
    # B's footage starts 2 s earlier on true time: it is 50 frames ahead of A
    assert tb.player.shown_index - ta.player.shown_index == 2 * FPS
    assert frame_index_of(tb.player.raw_frame) == tb.player.shown_index
    # B's file ends 2 s before A's on true time: at A's 5.5 s, B has no footage
    grid.seek_wall(a.wall_time(5.5))
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10000)
    assert ta.has_footage and not tb.has_footage
    assert tb.view._message.isVisible()
    panel.open_evidence(a.id)  # back to one clip: the grid's players and files are closed
    qtbot.waitUntil(lambda: panel.player is not None and not panel.is_busy(), timeout=15000)
    assert grid.tiles == [] and panel.stack.currentWidget() is panel.clip_view


def test_hash_mismatch_is_shown_loudly_and_blocks(qtbot, panel, review_world):
    ev = review_world["ev_a"]
    stored = items.evidence_path(review_world["paths"], ev)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[-100] ^= 0x55
    stored.write_bytes(bytes(data))
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.clips.verified is not None and not panel.is_busy(), timeout=15000)
    assert not panel.clips.verified.ok
    assert panel.player is None
    assert panel.clip_view.banner.isVisible() and "已被改动" in panel.clip_view.banner.text()
    box = panel.findChild(QMessageBox, "VerifyFailedBox")
    assert box is not None and box.isVisible()
    box.close()
    panel.clips.sync_evidence([review_world["ev_a"].id, review_world["ev_b"].id])  # not in a grid either
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=15000)
    assert panel.sync_grid.tiles == [] and "已被改动" in panel.clip_view.banner.text()
    with unit_of_work(review_world["factory"]) as s:
        assert "verify_failed" in s.scalars(select(CustodyEvent.action).where(
            CustodyEvent.evidence_id == ev.id)).all()


def test_no_frame_is_shown_before_the_hash_is_verified(qtbot, panel, review_world, monkeypatch):
    import threading

    from app.ui.review import media_tasks

    gate = threading.Event()
    real = media_tasks.verify

    def slow_verify(*args, **kw):
        gate.wait(20)
        return real(*args, **kw)

    monkeypatch.setattr(media_tasks, "verify", slow_verify)
    panel.close_clip()
    ev = review_world["ev_b"]
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.clips._held is not None, timeout=15000)  # opened, not yet verified
    assert panel.player is None and panel.clip_view.player is None
    assert panel.clip_view.banner.text() == panel.tr("Verifying SHA-256…")  # 正在校验 SHA-256…
    gate.set()
    qtbot.waitUntil(lambda: panel.player is not None, timeout=15000)
    assert panel.clips.verified.ok and panel.player.evidence.id == ev.id


def test_a_slow_frame_says_it_is_decoding(qtbot, panel, monkeypatch):
    """A step into a GOP nothing has decoded yet takes a while: after 150 ms the read-out says
    which frame is on its way (the key was heard), and the note goes when the frame shows."""
    import time

    source = panel.player.source
    read = source.read

    def slow(index):
        if index == 7:
            time.sleep(0.6)
        return read(index)
    monkeypatch.setattr(source, "read", slow)
    view = panel.clip_view
    note = view.tr("decoding frame {i}…")
    panel.player.seek(7)
    assert note.format(i=7) not in view.readout.text()       # not at once: most frames are fast
    qtbot.waitUntil(lambda: view.readout.text().startswith(note.format(i=7)), timeout=5000)
    _wait_frame(qtbot, panel, 7)
    assert note.format(i=7) not in view.readout.text()
    panel.player.seek(8)                                     # a fast one never says it
    _wait_frame(qtbot, panel, 8)
    qtbot.wait(300)
    assert note.format(i=8) not in view.readout.text()
