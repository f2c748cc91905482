"""Fixtures for report tests: a generated CCTV clip and Case A built from the story."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from tests.helpers.case_a import build_case_a


def make_clip(path: Path, frames: int = 50, size: tuple[int, int] = (320, 240)) -> Path:
    """A small H.264 clip whose frames show their own index (dark winter-morning grey)."""
    w, h = size
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        stream.codec_context.time_base = Fraction(1, 25)
        for i in range(frames):
            img = np.full((h, w, 3), 40, np.uint8)
            cv2.rectangle(img, (10 + 4 * i, 120), (60 + 4 * i, 170), (200, 120, 30), -1)
            cv2.putText(img, f"#{i}", (10, 40), cv2.FONT_HERSHEY_SIMPLEX, 1, (255, 255, 255), 2)
            frame = av.VideoFrame.from_ndarray(img, format="bgr24")
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


@pytest.fixture(scope="session")
def clip_path(tmp_path_factory) -> Path:
    return make_clip(tmp_path_factory.mktemp("clips") / "tianqiao.mp4")


@pytest.fixture
def case_a(session_factory, paths, clip_path) -> dict:
    return build_case_a(session_factory, paths.evidence_dir, clip_path)
