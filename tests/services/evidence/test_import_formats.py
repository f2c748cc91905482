"""Import accepts every format the engine reads, refuses what only looks like video by name, and
passes the engine's warnings on (issue 11, issue 12 item 9)."""

from __future__ import annotations

import subprocess

import cv2
import numpy as np
import pytest

from app.services.common.errors import ValidationError
from app.services.evidence import clips as evidence
from app.video.formats import VIDEO_EXTENSIONS
from tests.formats import NAMES, make_variant


def test_every_variant_extension_is_offered():
    for name in NAMES:
        assert make_variant(name, frames=30).path.suffix.lstrip(".") in VIDEO_EXTENSIONS


@pytest.mark.parametrize("name", ["dav_h264", "imkh_h264", "mjpeg_raw", "mpg_mpeg2",
                                  "ts_joined_restart"])
def test_cctv_exports_are_accepted(paths, name):
    prepared = evidence.prepare_import(paths, make_variant(name, frames=30).path)
    assert prepared.info.frame_count == 30


def test_photo_named_mp4_is_refused_in_plain_words(paths, tmp_path):
    fake = tmp_path / "camera3.mp4"
    fake.write_bytes(cv2.imencode(".jpg", np.full((90, 120, 3), 80, np.uint8))[1].tobytes())
    with pytest.raises(ValidationError, match="JPEG"):
        evidence.prepare_import(paths, fake)


def test_truncated_mp4_is_imported_with_a_warning_naming_the_missing_part(paths, tmp_path):
    src = make_variant("mp4_h264_nob", frames=60).path
    whole = tmp_path / "whole.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(src), "-c", "copy", "-movflags",
                    "+faststart", str(whole)], check=True)
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(whole.read_bytes()[:whole.stat().st_size // 2])
    prepared = evidence.prepare_import(paths, cut)
    assert prepared.info.truncated
    assert any("mdat" in w for w in prepared.info.warnings)
