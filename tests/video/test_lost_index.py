"""Rescuing MP4/MOV recordings whose index was never written (app.video.lost_index).

Each recording is encoded complete at run time, then cut where a power loss, a killed recorder
or a stopped copy cuts it (tests/killed_recordings.py); the truth is the complete file's own
index. The rescued stream must give exactly the frames whose data survived, in the order shown,
read at random and stepping back, and the original must be untouched.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from app.cli import main
from app.video import VideoError, open_video
from app.video.errors import VideoCancelled
from app.video.jpeg_walk import walk_jpeg
from app.video.lost_index import read_reference, rescue
from app.video.mdat_walk import walk
from app.video.mp4_boxes import likely_reference, needs_rescue, top_boxes
from tests.killed_recordings import killed_recording, mdat_payload
from tests.media import frame_index_of, make_clip
from tests.nal_writer import framed, h264_pps, h264_slice, h264_sps

SHAPES = {
    # FFmpeg's layout: audio between every few pictures; parameter sets before each keyframe
    "h264_aac": {},
    "h264_aac_bframes": {"bframes": 3},
    # near-silent PCM (length fields of zeros and small numbers); settings only in the index
    "h264_pcm_silence_reference": {"audio": "pcm", "inband": False, "bframes": 2, "ext": ".mov"},
    "hevc_aac": {"codec": "hevc"},
    "hevc_reference": {"codec": "hevc", "audio": None, "inband": False, "bframes": 2},
    # a copy that stopped early: the mdat's size is there, the data and the index are not
    "h264_copy_stopped": {"audio": None, "killed": False, "keep": 0.6},
    # dashcams and phones: a second of video, then its audio
    "h264_dashcam_chunks": {"chunk": 1.0, "bframes": 3, "audio": "pcm", "ext": ".mov"},
    "hevc_dashcam_reference": {"chunk": 0.5, "codec": "hevc", "inband": False, "audio": "pcm",
                               "bframes": 2, "ext": ".mov"},
    # settings before the first and third keyframes only: the others get the last given
    "h264_settings_some": {"chunk": 1.0, "inband": False, "sets_some": True, "bframes": 2,
                           "frames": 120},
    # a recorder that updates the mdat's size now and then: the data goes on past it
    "h264_stale_size": {"chunk": 1.0, "stale_size": True},
    # between the video chunks, bytes that pass for units but break a rule (tests/decoys.py)
    "h264_decoys": {"chunk": 0.4, "audio": "pcm", "bframes": 2, "frames": 150, "ext": ".mov"},
    "h264_decoys_reference": {"chunk": 0.4, "inband": False, "frames": 150},
    "hevc_decoys": {"chunk": 0.4, "codec": "hevc", "bframes": 2, "frames": 150},
    "hevc_decoys_reference": {"chunk": 0.4, "codec": "hevc", "inband": False, "audio": "pcm",
                              "ext": ".mov",
                              "frames": 150},
    # Motion JPEG (older dashcams): each sample one whole image, PCM between them
    "mjpeg_pcm": {"codec": "mjpeg", "audio": "pcm", "ext": ".mov"},
    "mjpeg_dashcam_decoys": {"codec": "mjpeg", "chunk": 0.4, "audio": "pcm", "ext": ".mov",
                             "frames": 120},
}
DECOYED = {name for name in SHAPES if "decoys" in name}


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _codes(path, *, backward: bool = False) -> list[int]:
    with open_video(path) as video:
        order = range(video.frame_count - 1, -1, -1) if backward else range(video.frame_count)
        codes = {}
        for i in order:
            if backward:
                video.cache.clear()
            codes[i] = frame_index_of(video.read(i))
        assert not video.damaged
        return [codes[i] for i in range(video.frame_count)]


def _kinds(codec: str, data: bytes, at: int) -> int:
    return data[at] & 0x1F if codec == "h264" else data[at] >> 1 & 0x3F


def _expected_stream(k, codec: str, data: bytes) -> bytes:
    """The copy as the units that survived give it: each in turn behind a start code, and
    before a keyframe's picture that has none, the parameter sets last given."""
    if codec == "mjpeg":
        return b"".join(data[at:at + size] for at, size, _first, _key in k.units)
    sets = {7, 8} if codec == "h264" else {32, 33, 34}
    out, given, run = [], [], False
    for n, (at, size, first, key) in enumerate(k.units):
        if first and key:
            picture = [k.units[n]]
            picture += [u for u in k.units[n + 1:n + 8] if not u[2]][:7]
            if not any(_kinds(codec, data, u[0]) in sets for u in picture):
                out += given
        unit = data[at:at + size]
        if _kinds(codec, data, at) in sets:
            given, run = ([*given, unit] if run else [unit]), True
        else:
            run = False
        out.append(unit)
    return b"".join(b"\0\0\0\x01" + u for u in out)


@pytest.mark.parametrize("shape", SHAPES)
def test_rescued_stream_is_frame_exact(shape, tmp_path):
    k = killed_recording(**{**SHAPES[shape], "decoyed": shape in DECOYED})
    codec = next((c for c in ("hevc", "mjpeg") if c in shape), "h264")
    data = k.path.read_bytes()
    given = read_reference(k.reference).parameter_sets if k.reference else []
    walked = walk_jpeg(data, k.mdat, len(data)).units if codec == "mjpeg" \
        else walk(codec, data, k.mdat, len(data), sets=given).units
    assert [(u[0], u[1], u[3]) for u in walked] == [u[:3] for u in k.units]   # no more, no less
    with pytest.raises(VideoError, match="moov"):
        open_video(k.path)
    assert needs_rescue(k.path)
    before = _sha(k.path)

    reference = None if SHAPES[shape].get("sets_some") else k.reference
    done = rescue(k.path, tmp_path, reference=reference)

    out = tmp_path / done.output
    assert out.suffix == "." + codec
    assert _codes(out) == list(k.codes)
    assert _codes(out, backward=True) == list(k.codes)
    assert _sha(k.path) == before                      # the original is only read
    report = json.loads((tmp_path / (done.output + ".json")).read_text(encoding="utf-8"))
    assert report["source_sha256"] == before and report["output_sha256"] == _sha(out)
    assert report["pictures"] == len(k.codes) and report["keyframes"] >= 1
    assert (report["reference_sha256"] == _sha(reference)) if reference \
        else report["settings_from"] == "recording"
    assert top_boxes(k.path).media == [(k.mdat, k.cut)]
    assert report["keyframes"] == sum(1 for u in k.units if u[2] and u[3])
    if not reference:
        assert out.read_bytes() == _expected_stream(k, codec, data)
    if SHAPES[shape].get("audio", "aac"):
        assert report["skipped_bytes"] > 0                # the audio, stepped over
    assert all(k.mdat <= at and at + n <= k.cut for at, n in report["skipped"])


def test_rescue_is_reproducible(tmp_path):
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    first, second = tmp_path / "a.h264", tmp_path / "b.h264"
    rescue(k.path, first, reference=k.reference)
    rescue(k.path, second, reference=k.reference)
    assert first.read_bytes() == second.read_bytes()


def test_damage_in_the_middle_is_stepped_over(tmp_path):
    k = killed_recording(frames=150, keep=0.95)
    damaged = tmp_path / "damaged.mp4"
    data = bytearray(k.path.read_bytes())
    middle = (k.mdat + k.cut) // 2
    data[middle:middle + 1500] = bytes((n * 73 + 11) % 251 for n in range(1500))
    damaged.write_bytes(bytes(data))

    done = rescue(damaged, tmp_path / "out.h264")

    assert any(at <= middle + 1500 and middle <= at + n for at, n in done.skipped)
    with open_video(tmp_path / "out.h264") as video:
        last_key = video.keyframes[-1]
        tail = [frame_index_of(video.read(i)) for i in range(last_key, video.frame_count)]
    assert tail == list(k.codes[-len(tail):])           # from the next keyframe on: exact


def test_what_is_not_a_lost_index_is_refused(tmp_path):
    whole = make_clip("h264_mp4", frames=30)
    assert not needs_rescue(whole)
    with pytest.raises(VideoError, match="nothing to rescue|无需抢救"):
        rescue(whole, tmp_path)
    other = make_clip("h264_raw", frames=30)
    assert top_boxes(other) is None and not needs_rescue(other)
    with pytest.raises(VideoError, match="MP4/MOV"):
        rescue(other, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_settings_kept_only_in_the_index_need_a_reference(tmp_path):
    k = killed_recording(codec="hevc", audio=None, inband=False, bframes=2)
    with pytest.raises(VideoError, match="SPS/PPS"):
        rescue(k.path, tmp_path)
    wrong = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov").reference
    with pytest.raises(VideoError, match="h264.*hevc"):
        rescue(k.path, tmp_path, reference=wrong)
    assert list(tmp_path.iterdir()) == []


def test_cancel_and_an_existing_output_leave_nothing(tmp_path):
    k = killed_recording()
    with pytest.raises(VideoCancelled):
        rescue(k.path, tmp_path, cancel=lambda: True)           # while walking
    assert list(tmp_path.iterdir()) == []
    asked = []
    with pytest.raises(VideoCancelled):                         # while writing
        rescue(k.path, tmp_path, cancel=lambda: asked.append(1) or len(asked) > 3)
    assert len(asked) == 4 and list(tmp_path.iterdir()) == []
    taken = tmp_path / "taken.h264"
    taken.write_bytes(b"mine")
    with pytest.raises(VideoError, match="taken.h264"):
        rescue(k.path, taken)
    assert taken.read_bytes() == b"mine"


def test_only_the_data_before_the_cut_is_used(tmp_path):
    """A file whose tail the filesystem left as zeros (power lost before the data was written)."""
    k = killed_recording(bframes=3)
    padded = tmp_path / "zeros.mp4"
    shutil.copyfile(k.path, padded)
    with open(padded, "ab") as f:
        f.write(bytes(64 << 10))
    done = rescue(padded, tmp_path / "out.h264")
    assert _codes(tmp_path / "out.h264") == list(k.codes)
    assert done.skipped[-1][1] >= 64 << 10


def test_cli_rescue(capsys, tmp_path):
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    assert main(["rescue", str(k.path), "--reference", str(k.reference), "-o", str(tmp_path),
                 "--quiet"]) == 0
    text = capsys.readouterr().out
    out = next(tmp_path.glob("*.rescued.h264"))
    assert str(len(k.codes)) in text and _sha(out) in text
    assert main(["rescue", str(k.path), "-o", str(tmp_path / "x.h264"), "--json"]) == 1
    assert "SPS/PPS" in capsys.readouterr().err
    assert main(["rescue", str(k.path), "--reference", str(k.reference), "-o",
                 str(tmp_path / "y.h264"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["output"] == "y.h264"


def test_an_index_cut_off_while_written_and_a_64_bit_size(tmp_path):
    """A recorder that died writing its index leaves part of a moov: no index either. A large
    recording's mdat has a 64-bit size (here 0: never written)."""
    k = killed_recording(audio=None, keep=1.0)
    whole = make_clip("h264_mp4", frames=60)
    data = whole.read_bytes()
    for cut in (data.index(b"moov") + 200, data.index(b"avcC") + 20):   # before / in them
        early = tmp_path / "early.mp4"
        early.write_bytes(data[:cut])
        with pytest.raises(VideoError, match="SPS/PPS"):
            rescue(early, tmp_path)
    half_moov = tmp_path / "half_moov.mp4"    # cut after them
    half_moov.write_bytes(data[:data.index(b"avcC") + 200])
    assert needs_rescue(half_moov)
    with pytest.raises(VideoError, match="moov"):
        open_video(half_moov)
    done = rescue(half_moov, tmp_path / "a.h264")
    assert done.settings_from == "partial index" and done.reference is None
    assert done.pictures == 60 and _codes(tmp_path / "a.h264") == list(range(60))

    data = k.path.read_bytes()
    large = tmp_path / "large.mp4"
    large.write_bytes(data[:k.mdat - 8] + b"\0\0\0\x01mdat" + bytes(8) + data[k.mdat:])
    assert top_boxes(large).media == [(k.mdat + 8, len(data) + 8)]
    rescue(large, tmp_path / "b.h264")
    assert _codes(tmp_path / "b.h264") == list(k.codes)


SAMPLES = Path("/usr/share/doc/opencv-doc/examples/data")


@pytest.mark.skipif(not (SAMPLES / "vtest.avi").exists(),
                    reason="opencv-doc is not installed (.ci/run installs it)")
def test_real_footage_recorded_as_a_dashcam_does_is_rescued_exactly(tmp_path):
    """vtest.avi (a real surveillance clip) recorded as a dashcam records (H.264 with B-frames,
    settings only in the index, AAC between the pictures), then cut off: every frame whose data
    survived comes back pixel-identical to the complete recording's."""
    whole, ref = tmp_path / "whole.mov", tmp_path / "before.mov"
    for out, start in ((whole, "0"), (ref, "30")):
        subprocess.run(["ffmpeg", "-v", "error", "-ss", start, "-t", "12", "-i",
                        str(SAMPLES / "vtest.avi"), "-f", "lavfi", "-i", "sine=frequency=200",
                        "-map", "0:v", "-map", "1:a", "-shortest", "-c:a", "aac",
                        "-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", "50",
                        "-pix_fmt", "yuv420p", str(out)], check=True)
    data = whole.read_bytes()
    start, end = mdat_payload(data)
    cut = start + (end - start) * 7 // 10
    killed = tmp_path / "killed.mov"
    killed.write_bytes(data[:start - 8] + b"\0\0\0\0mdat" + data[start:cut])
    with av.open(str(whole)) as c:
        packets = [(p.pts, p.pos + p.size <= cut) for p in c.demux(c.streams.video[0]) if p.size]
        c.seek(0)
        frames = {f.pts: f.to_ndarray(format="bgr24") for f in c.decode(video=0)}
    kept = [frames[pts] for pts in sorted(pts for pts, whole_sample in packets if whole_sample)]

    done = rescue(killed, tmp_path / "out.h264", reference=ref)

    assert done.pictures == len(kept) and done.skipped_bytes > 0
    with av.open(str(tmp_path / "out.h264")) as c:
        got = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
    assert len(got) == len(kept)
    assert all(np.array_equal(a, b) for a, b in zip(got, kept, strict=True))
    with open_video(tmp_path / "out.h264") as video:
        assert video.frame_count == len(kept)
        for i in random.Random(1).sample(range(len(kept)), 12):
            video.cache.clear()
            assert np.abs(video.read(i).astype(int) - kept[i]).max() <= 1, i


def test_a_recording_without_a_whole_keyframe_shows_nothing(tmp_path):
    """Parameter sets and pictures that need an earlier keyframe the file no longer has."""
    units = [h264_sps(), h264_pps(), *(h264_slice(n) for n in range(1, 9))]
    path = tmp_path / "no_key.mp4"
    path.write_bytes(b"\0\0\0\x14ftypisom\0\0\x02\0isom\0\0\0\0mdat" + framed(*units))
    with pytest.raises(VideoError, match="keyframe|关键帧"):
        rescue(path, tmp_path / "out.h264")
    assert not (tmp_path / "out.h264").exists()


def test_the_recording_before_is_suggested_as_reference(tmp_path):
    """A dashcam's SD card: numbered files, the crash one cut off; the one before it is the
    suggestion, a cut-off or foreign neighbour is passed over, the one after is the fallback."""
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    card = tmp_path / "DCIM"
    card.mkdir()
    for name, source in (("FILE0001.MOV", k.reference), ("FILE0002.MOV", k.reference),
                         ("FILE0003.MOV", k.path), ("FILE0004.MOV", k.path),
                         ("FILE0005.MP4", k.reference), ("FILE0006.MOV", k.reference)):
        shutil.copyfile(source, card / name)
    (card / "FILE0003.5.MOV").write_bytes(b"not a recording at all")  # sorts just before 3
    assert likely_reference(card / "FILE0004.MOV") == card / "FILE0002.MOV"
    (card / "FILE0001.MOV").unlink()
    (card / "FILE0002.MOV").unlink()
    assert likely_reference(card / "FILE0004.MOV") == card / "FILE0006.MOV"
    (card / "FILE0006.MOV").unlink()
    assert likely_reference(card / "FILE0004.MOV") is None
    assert likely_reference(tmp_path / "gone" / "X.MOV") is None
