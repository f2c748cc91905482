"""Audio evidence plays from the verified store copy: a generated WAV and M4A load, report their
length, play and pause; without a sound device the player says so; an altered copy is refused."""

from __future__ import annotations

import os
import subprocess

import pytest

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import custody
from app.services.evidence.attachments import attach_file
from app.services.evidence.items import evidence_path


@pytest.fixture(scope="module")
def recordings(tmp_path_factory):
    """A 3 s WAV and a 2.5 s AAC-in-M4A tone (a few KB each)."""
    d = tmp_path_factory.mktemp("audio")
    made = []
    for name, seconds, codec in (("110报警录音.wav", 3, ["-ac", "1", "-ar", "8000"]),
                                 ("现场询问录音.m4a", 2.5, ["-c:a", "aac", "-b:a", "32k"])):
        out = d / name
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                        f"sine=frequency=440:duration={seconds}", *codec, str(out)], check=True)
        made.append((out, int(seconds * 1000)))
    return made


def _attached(view, path, reload: bool = True):
    res = attach_file(view.context.sessions, view.context.paths, SYSTEM, view.case_id, path,
                      "audio")
    if reload:
        view.reload()
    return res.evidence


def _select(view, evidence_id: int) -> None:
    row = [a.evidence.id for a in view.evidence.items].index(evidence_id)
    view.evidence.table.selectRow(row)


def test_audio_plays_the_verified_store_copy(view, qtbot, recordings):
    player = view.evidence.player
    view.tabs.setCurrentWidget(view.evidence)
    for path, ms in recordings:
        ev = _attached(view, path)
        _select(view, ev.id)
        qtbot.waitUntil(lambda ev=ev: player.path == evidence_path(view.context.paths, ev),
                        timeout=10000)
        assert ev.sha256 in player.source.text()                     # traceable to its hash
        qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=10000)
        assert abs(player.player.duration() - ms) <= 150
        assert player.slider.maximum() == player.player.duration()
        assert player.time.text().endswith(f"/ 0:0{ms // 1000}")
        if not player.has_output():                                   # CI: no sound card
            assert "没有音频输出设备" in player.notice.text()
        else:
            assert player.notice.text() == ""
        player.toggle()
        if player.has_output():
            qtbot.waitUntil(lambda: player.play_button.text() == "暂停", timeout=5000)
            player.toggle()
        else:  # nothing to play into: the button stays, the notice says why
            assert "没有音频输出设备" in player.notice.text()
        qtbot.waitUntil(lambda: player.play_button.text() == "播放", timeout=5000)
        player.player.setPosition(1000)
        qtbot.waitUntil(lambda: player.slider.value() >= 1000, timeout=5000)
        with unit_of_work(view.context.sessions) as s:
            events = custody.custody_log(s, SYSTEM, ev.id)
        assert [e.action for e in events][-1] == "verify"              # the check is on record


def test_an_altered_store_copy_is_not_played(view, qtbot, recordings):
    path, _ms = recordings[0]
    ev = _attached(view, path, reload=False)
    stored = evidence_path(view.context.paths, ev)
    os.chmod(stored, 0o644)
    with open(stored, "ab") as f:                   # damage the store copy (a test store)
        f.write(b"\0" * 64)
    view.reload()     # the list selects its first row and checks it: damaged before, not during
    view.tabs.setCurrentWidget(view.evidence)
    _select(view, ev.id)
    qtbot.waitUntil(lambda: "已被改动" in view.evidence.player.notice.text(), timeout=10000)
    assert view.evidence.player.path is None and not view.evidence.player.play_button.isEnabled()
