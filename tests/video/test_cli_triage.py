"""casedesk-cli scan --triage: segments, frames decoded and wall time."""

from __future__ import annotations

import json

from app.cli import main
from tests.scenes import Event, found, make_scene

EVENTS = [Event("car", 100, 150), Event("car", 700, 740)]    # the bitstream sees these


def test_scan_triage_json(capsys):
    path = make_scene(EVENTS, frames=1000, size=(480, 270), noise=1.5, gop=25)
    assert main(["scan", str(path), "--triage", "--roi", "0,60,480,210", "--json",
                 "--quiet", "--workers", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "triage" and data["roi"] == [0, 60, 480, 210]
    assert not data["fallback"]
    assert 0 < data["frames_decoded"] < 300 and data["wall_s"] > 0   # not the 1000 frames
    assert data["decoded"] and all(a <= b for a, b in data["decoded"])

    class Seg:
        def __init__(self, d):
            self.start_frame, self.end_frame = d["start_frame"], d["end_frame"]

    segments = [Seg(d) for d in data["segments"]]
    assert all(found(e, segments) for e in EVENTS)


def test_scan_triage_text_says_when_it_decoded_everything(capsys):
    path = make_scene([Event("car", 20, 60)], frames=100, size=(320, 180), codec="mjpeg")
    assert main(["scan", str(path), "--triage", "--quiet", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "100" in out and "注意" in out          # all 100 frames decoded, and why
    assert main(["scan", str(path), "--roi", "1,2,3", "--triage"]) == 1
