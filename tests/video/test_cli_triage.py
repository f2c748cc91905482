"""casedesk-cli scan --triage: segments, frames decoded and wall time."""

from __future__ import annotations

import json

from app.cli import main
from tests.scenes import Event, found, make_scene

EVENTS = [Event("car", 40, 90), Event("pedestrian", 200, 330), Event("headlights", 420, 520)]


def test_scan_triage_json(capsys):
    path = make_scene(EVENTS, frames=600, size=(320, 180), noise=1.5, gop=100)  # = test_triage
    assert main(["scan", str(path), "--triage", "--roi", "0,0,320,180", "--json",
                 "--quiet", "--workers", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "triage" and data["roi"] == [0, 0, 320, 180]
    assert 0 < data["frames_decoded"] < 600 and data["wall_s"] > 0
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
