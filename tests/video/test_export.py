"""Snapshot + sidecar provenance, clip export (stream copy / re-encode) with SHA-256."""

from __future__ import annotations

import hashlib
import json

import cv2
import numpy as np
import pytest

from app.video import (
    FilterChain,
    VideoCancelled,
    VideoError,
    export_clip,
    export_snapshot,
    open_video,
    sha256_file,
)
from tests.media import frame_index_of, make_clip


def test_sha256_file_matches_hashlib(tmp_path):
    path = make_clip("h264_mp4", frames=60)
    seen = []
    digest = sha256_file(path, progress=lambda done, total: seen.append((done, total)))
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert seen[-1] == (path.stat().st_size, path.stat().st_size)
    with pytest.raises(VideoCancelled):
        sha256_file(path, cancel=lambda: True)


def test_snapshot_png_and_sidecar(tmp_path):
    path = make_clip("h264_mkv", frames=120)
    out = tmp_path / "快照" / "frame77.png"
    with open_video(path) as video:
        written = export_snapshot(video, 77, out, extra={"case": "2023-石峰-001", "camera": 3})
        original = video.read(77)
    assert written == out
    image = cv2.imdecode(np.frombuffer(out.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert (image == original).all()                       # lossless PNG of the exact frame
    meta = json.loads((tmp_path / "快照" / "frame77.png.json").read_text(encoding="utf-8"))
    assert meta["file_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta["frame_index"] == 77 and meta["pts"] == pytest.approx(77 / 25)
    assert meta["codec"] == "h264" and meta["filters"] == []
    assert meta["png_sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert meta["case"] == "2023-石峰-001" and meta["camera"] == 3


def test_snapshot_with_filters_records_them(tmp_path):
    path = make_clip("h264_mp4", frames=60)
    chain = FilterChain().add("crop_zoom", x=0, y=0, w=80, h=16, scale=4).add("grayscale")
    out = export_snapshot(path, 12, tmp_path / "zoom.png", filters=chain, file_sha256="ab" * 32)
    image = cv2.imdecode(np.frombuffer(out.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (64, 320, 3)
    meta = json.loads((tmp_path / "zoom.png.json").read_text(encoding="utf-8"))
    assert meta["filters"] == chain.to_json() and meta["file_sha256"] == "ab" * 32
    assert "灰度" in meta["filters_text"]


def _markers(path) -> list[int]:
    with open_video(path) as video:
        return [frame_index_of(video.read(i)) for i in range(video.frame_count)]


def test_clip_on_keyframes_is_a_stream_copy(tmp_path):
    src = make_clip("h264_mp4", frames=150)
    out = tmp_path / "gop.mp4"
    digest = export_clip(src, 50, 99, out)
    assert digest == hashlib.sha256(out.read_bytes()).hexdigest()
    assert _markers(out) == list(range(50, 100))
    meta = json.loads((tmp_path / "gop.mp4.json").read_text(encoding="utf-8"))
    assert meta["method"] == "stream_copy" and meta["sha256"] == digest
    assert meta["start_frame"] == 50 and meta["end_frame"] == 99


def test_clip_between_any_frames_is_re_encoded(tmp_path):
    src = make_clip("h264_raw", frames=120)
    out = tmp_path / "片段.mp4"
    seen = []
    digest = export_clip(src, 37, 61, out, progress=lambda d, t: seen.append(d))
    assert digest == sha256_file(out)
    assert _markers(out) == list(range(37, 62))
    assert seen[-1] == 25
    meta = json.loads((tmp_path / "片段.mp4.json").read_text(encoding="utf-8"))
    assert meta["method"] == "reencode_h264"


def test_clip_to_the_end_and_vfr_timing(tmp_path):
    src = make_clip("vfr_mp4", frames=120)
    out = tmp_path / "tail.mkv"
    export_clip(src, 100, 119, out)
    with open_video(src) as a, open_video(out) as b:
        assert b.frame_count == 20
        for j in range(20):
            assert b.pts(j) == pytest.approx(a.pts(100 + j) - a.pts(100), abs=2e-3)


def test_bad_clip_range(tmp_path):
    src = make_clip("h264_mp4", frames=60)
    with pytest.raises(VideoError, match="超出"):
        export_clip(src, 50, 70, tmp_path / "x.mp4")
    with pytest.raises(VideoError):
        export_clip(src, 30, 20, tmp_path / "x.mp4")
    assert not (tmp_path / "x.mp4").exists()
