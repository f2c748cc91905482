"""casedesk-cli probe / frame / scan (no database)."""

from __future__ import annotations

import json

import cv2
import numpy as np

from app.cli import main
from tests.media import frame_index_of, make_clip


def test_probe_json(capsys):
    path = make_clip("h264_raw", frames=120)
    assert main(["probe", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["frame_count"] == 120 and data["codec"] == "h264"
    assert data["keyframes"] == [0, 50, 100] and data["timestamps"] == "derived"


def test_probe_text_and_bad_file(capsys, tmp_path):
    assert main(["probe", str(make_clip("mjpeg_avi", frames=30))]) == 0
    assert "mjpeg" in capsys.readouterr().out
    bad = tmp_path / "bad.avi"
    bad.write_text("hello")
    assert main(["probe", str(bad)]) == 1
    assert "错误" in capsys.readouterr().err


def test_frame_writes_exact_png(capsys, tmp_path):
    out = tmp_path / "f.png"
    assert main(["frame", str(make_clip("hevc_mp4", frames=120)), "63", str(out),
                 "--filters", '[{"type": "sharpen"}]']) == 0
    image = cv2.imdecode(np.frombuffer(out.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert frame_index_of(image) == 63
    assert json.loads((tmp_path / "f.png.json").read_text(encoding="utf-8"))["frame_index"] == 63
    assert main(["frame", str(make_clip("hevc_mp4", frames=120)), "500", str(out)]) == 1
    assert "500" in capsys.readouterr().err


def test_scan_json_with_progress(capsys, mover_clip):
    assert main(["scan", str(mover_clip), "--roi", "0,100,320,140", "--json",
                 "--workers", "1"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert len(data["segments"]) == 1 and data["segments"][0]["start_frame"] <= 100
    assert "per_frame" not in data
    assert "100.0%" in captured.err
    assert main(["scan", str(mover_clip), "--roi", "1,2,3"]) == 1
    assert "--roi" in capsys.readouterr().err
