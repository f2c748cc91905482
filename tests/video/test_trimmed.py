"""Clips trimmed without re-encoding (a witness cuts a video on the phone, or ``ffmpeg -ss … -c
copy``): the file keeps the cut GOP's start and an edit list hides the frames before the cut.
The engine listed those hidden frames too: a third of a GOP refused as undecodable, every other
frame numbered off from what players show, and the clock shifted by the hidden frames' time."""

from __future__ import annotations

import json

import av
import pytest

from app.video import export_clip, open_video, probe
from tests.formats import make_variant
from tests.media import frame_index_of

FPS = 25


@pytest.mark.parametrize("name", ["mp4_trimmed", "mov_trimmed"])
def test_frames_hidden_by_the_edit_list_are_no_frames(name):
    v = make_variant(name, frames=100)
    with av.open(str(v.path)) as container:
        hidden = sum(p.is_discard for p in container.demux(video=0) if p.size)
    with av.open(str(v.path)) as container:
        shown = sum(1 for _ in container.decode(video=0))
    assert hidden > 0 and shown == len(v.codes)          # the file is shaped as claimed
    info = probe(v.path)
    assert info.frame_count == len(v.codes) and not info.truncated
    assert not info.warnings
    with open_video(v.path) as video:
        assert video.keyframes[0] == 0                   # the cut GOP is entered at its start
        assert video.pts(0) == pytest.approx(0.0, abs=1e-3)   # the first frame shown is time 0
        for i in (1, 10, len(v.codes) - 1):
            assert video.pts(i) == pytest.approx(i / FPS, abs=1e-3)
        for i in range(video.frame_count - 1, -1, -1):  # every frame, stepping back
            assert frame_index_of(video.read(i)) == v.codes[i], i
        assert not video.damaged


def test_the_cut_gop_is_exported_by_re_encoding_not_by_copying_its_packets(tmp_path):
    """Copying the packets from the first frame shown on would drop the keyframe they need."""
    v = make_variant("mp4_trimmed", frames=100)
    with open_video(v.path) as video:
        second_key = video.keyframes[1]
    out = tmp_path / "cut.mp4"
    export_clip(v.path, 0, second_key - 1, out)
    meta = json.loads((tmp_path / "cut.mp4.json").read_text(encoding="utf-8"))
    assert meta["method"] == "reencode_h264"
    with open_video(out) as clip:
        assert [frame_index_of(clip.read(i)) for i in range(clip.frame_count)] \
            == list(v.codes[:second_key])
    whole = tmp_path / "whole-gop.mp4"                  # a GOP of its own is still copied
    export_clip(v.path, second_key, len(v.codes) - 1, whole)
    meta = json.loads((tmp_path / "whole-gop.mp4.json").read_text(encoding="utf-8"))
    assert meta["method"] == "stream_copy"
    with open_video(whole) as clip:
        assert frame_index_of(clip.read(0)) == v.codes[second_key]
