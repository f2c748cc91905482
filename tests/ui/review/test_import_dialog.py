"""The import dialog: many files, duplicates offered as the existing item, bad files named,
cancel leaves nothing; the camera dialog records a clock offset."""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import func, select

from app.models import EvidenceItem
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import cameras
from app.ui.review.camera_dialog import CameraDialog
from tests.media import make_clip


def _rows(factory) -> int:
    with unit_of_work(factory) as s:
        return s.scalar(select(func.count()).select_from(EvidenceItem))


def test_many_files_with_duplicate_and_corrupt(qtbot, review_world, tmp_path, import_dialog):
    w = review_world
    corrupt = tmp_path / "损坏的录像.mp4"
    corrupt.write_bytes(os.urandom(20000))
    new = make_clip("mpeg4_avi", frames=40, fps=25, gop=20)
    dlg = import_dialog
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (w["clip_a"], corrupt, new)])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    dlg.dropEvent(drop)  # drag-and-drop adds the files
    assert dlg.file_paths() == [str(w["clip_a"]), str(corrupt), str(new)]
    dlg.camera.setCurrentIndex(1)
    dlg.acquisition.setCurrentIndex(dlg.acquisition.findData("owner_sent"))
    dlg.note.setText("店主微信发送")
    with qtbot.waitSignal(dlg.imported, timeout=30000) as sig:
        dlg.start()
    statuses = [o.status for o in dlg.outcomes]
    assert statuses == ["duplicate", "failed", "imported"]
    assert dlg.outcomes[0].evidence_id == w["ev_a"].id
    assert corrupt.name in dlg.outcomes[1].message
    assert sig.args[0] == [dlg.outcomes[2].evidence_id]
    assert _rows(w["factory"]) == 3
    with unit_of_work(w["factory"]) as s:
        row = s.get(EvidenceItem, dlg.outcomes[2].evidence_id)
        assert row.acquisition == "owner_sent" and row.acquisition_note == "店主微信发送"
        assert row.camera_id is not None
    opened = []
    dlg.open_requested.connect(opened.append)
    dlg._on_double_click(dlg.files.item(0))
    assert opened == [w["ev_a"].id]


def test_cancel_leaves_nothing_behind(qtbot, review_world, import_dialog):
    w = review_world
    before = sorted(p for p in w["paths"].evidence_dir.rglob("*") if p.is_file())
    dlg = import_dialog
    dlg.add_files([str(make_clip("h264_mp4", frames=300, fps=25, gop=50, size=(640, 480)))])
    handle = dlg.start()
    handle.cancel()
    assert handle.wait(20000)
    qtbot.waitUntil(lambda: handle.done)
    after = sorted(p for p in w["paths"].evidence_dir.rglob("*") if p.is_file())
    assert after == before and _rows(w["factory"]) == 2
    if dlg.outcomes:
        assert dlg.outcomes[0].status == "cancelled"


def test_camera_dialog_adds_offset(qtbot, review_world):
    dlg = CameraDialog(review_world["factory"], SYSTEM)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 2
    dlg.table.selectRow(0)
    assert dlg.edits["code"].text() == "CAM-A"
    dlg.offset_value.setValue(183.0)
    dlg.offset_method.setText("DVR 时钟与标准时间同框拍照")
    dlg.add_offset()
    with unit_of_work(review_world["factory"]) as s:
        cam = cameras.find_camera(s, SYSTEM, "CAM-A")
    assert 183.0 in [o.offset_s for o in cam.offsets]
    dlg.new()
    dlg.edits["code"].setText("CAM-A")
    dlg.edits["name"].setText("重复")
    dlg.save()
    assert "已存在" in dlg.error.text()


def test_a_second_batch_in_the_same_dialog(qtbot, review_world, import_dialog):
    w = review_world
    dlg = import_dialog
    dlg.add_files([str(make_clip("h264_mp4", frames=20, fps=25, gop=10))])
    with qtbot.waitSignal(dlg.imported, timeout=30000):
        dlg.start()
    assert [o.status for o in dlg.outcomes] == ["imported"] and dlg.import_button.isEnabled()
    assert dlg.start() is None                      # the finished batch is not imported again
    second = make_clip("h264_mp4", frames=24, fps=25, gop=12)
    dlg.add_files([str(second)])
    assert dlg.file_paths() == [str(second)]        # a new batch, the old results cleared
    with qtbot.waitSignal(dlg.imported, timeout=30000) as sig:
        dlg.start()
    assert [o.status for o in dlg.outcomes] == ["imported"] and len(sig.args[0]) == 1
    assert _rows(w["factory"]) == 4


def test_a_dashcam_file_imports_with_a_note_and_an_unnamed_codec_is_refused(
        qtbot, review_world, tmp_path, import_dialog):
    """The notes column says what the engine warns of (a second camera not shown); a file
    whose codec is not named fails with plain words, before anything is stored."""
    import subprocess

    from tests.format_encoders import ffmpeg_encode, x264

    front, rear = tmp_path / "front.mp4", tmp_path / "rear.mp4"
    ffmpeg_encode(front, 30, (320, 240), 25, x264(25))
    ffmpeg_encode(rear, 30, (160, 128), 25, x264(25), start=500)
    dashcam = tmp_path / "行车记录仪_前后.mkv"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(front), "-i", str(rear), "-map", "0",
                    "-map", "1", "-c", "copy", str(dashcam)], check=True)
    unnamed = tmp_path / "h265_无编码标记.avi"
    ffmpeg_encode(unnamed, 30, (160, 120), 25, ["-c:v", "libx265", "-x265-params",
                                                 "log-level=error"])
    w = review_world
    before = _rows(w["factory"])
    dlg = import_dialog
    dlg.add_files([str(dashcam), str(unnamed)])
    with qtbot.waitSignal(dlg.imported, timeout=30000):
        dlg.start()
    imported, failed = dlg.outcomes
    assert imported.status == "imported" and "2 路视频" in imported.message
    assert "160×128" in imported.message
    assert failed.status == "failed" and "未注明视频编码" in failed.message
    assert _rows(w["factory"]) == before + 1
