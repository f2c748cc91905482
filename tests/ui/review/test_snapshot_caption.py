"""The captioned snapshot: wraps long lines (never cuts the SHA-256), words in the UI language."""

from __future__ import annotations

from types import SimpleNamespace

import cv2
import numpy as np
from PySide6.QtGui import QFont, QImage

from app.ui.review import media_tasks
from app.video import FilterChain

SHA = "0123456789abcdef" * 4


def test_caption_wraps_the_hash_and_speaks_chinese(zh_ui, tmp_path):
    chain = FilterChain([{"type": "brightness_contrast", "brightness": 40, "contrast": 1.2},
                         {"type": "denoise", "strength": 7.0, "method": "nlmeans"}])
    ev = SimpleNamespace(camera_label="CAM-A 天桥街北口", sha256=SHA)
    lines = media_tasks.caption_lines("石峰-2023-0117", ev, 7, 0.28, "2023-11-28 06:00:00",
                                      chain.describe())
    text = "\n".join(lines)
    assert SHA in text and "帧" in text and "增强" in text
    for english in ("brightness", "contrast", "nlmeans", "method", "Frame", "="):
        assert english not in text, english
    assert "亮度 40" in text and "非局部均值" in text
    png = tmp_path / "f.png"
    cv2.imwrite(str(png), np.zeros((240, 320, 3), np.uint8))
    out = tmp_path / "f_caption.png"
    media_tasks._captioned(png, lines, out)
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(12)
    rects = media_tasks.caption_layout(lines, 320, font)
    one_row = rects[1].height()  # "帧 #7 · pts …" fits one row
    assert rects[2].height() >= 2 * one_row        # the hash wrapped onto a second row
    assert QImage(str(out)).height() >= 240 + sum(r.height() for r in rects)
