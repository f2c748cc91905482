"""Frame view: non-square pixels shown at their true shape, ROI in image pixels either way."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from app.ui.review.frame_view import FrameView
from app.video import open_video
from tests.media import make_clip


@pytest.mark.parametrize("par", [1.0, 12 / 11])
def test_roi_maps_to_image_pixels_at_any_pixel_aspect(qtbot, par):
    view = FrameView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    frame = np.zeros((576, 704, 3), np.uint8)
    frame[100:180, 100:200] = 255
    view.set_frame(frame)
    view.set_pixel_aspect(par)
    assert view.scene().sceneRect().width() == pytest.approx(704 * par)
    assert view.scene().sceneRect().height() == pytest.approx(576)
    a, b = view.image_to_view(QPointF(100, 100)), view.image_to_view(QPointF(200, 180))
    with qtbot.waitSignal(view.roi_drawn) as sig:
        view.set_roi_mode(True)
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(view.viewport(), pos=b)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    roi = sig.args[0]
    assert abs(roi.x() - 100) <= 2 and abs(roi.y() - 100) <= 2
    assert abs(roi.width() - 100) <= 3 and abs(roi.height() - 80) <= 3


def test_pixel_aspect_read_from_the_stream(tmp_path):
    out = tmp_path / "d1.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=704x576:rate=25", "-t", "0.4", "-vf", "setsar=12/11",
                    "-c:v", "libx264", "-preset", "ultrafast", str(out)], check=True)
    def pixel_aspect(path) -> float:
        with open_video(path) as source:
            return source.pixel_aspect

    assert pixel_aspect(out) == pytest.approx(12 / 11)
    assert pixel_aspect(make_clip("h264_mp4", frames=30, fps=25, gop=25)) == 1.0
