"""A picture size that changes mid-file (a DVR export spanning a change of the camera's
settings; the recorder falling back to the sub-stream): every frame is shown at its own size,
the file says so, and a clip across the change is exported whole, unscaled and centred."""

from __future__ import annotations

import json
import subprocess
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from app.video import export_clip, export_snapshot, open_video, probe
from app.video.export import canvas, centred
from app.video.frame_index import FrameIndex
from app.video.nal import framing_of
from app.video.picture_size import SizeWatch, size_in
from app.video.sps import h264_sps
from app.video.vop import layer_header
from tests.formats import make_variant
from tests.media import frame_index_of

RESIZED = ["ts_h264_resized", "mkv_h264_resized", "h264_raw_resized", "ts_hevc_resized",
           "mpg_mpeg2_resized", "dav_h264_resized"]


def _run_of(sizes, i: int) -> tuple[int, int]:
    return next((w, h) for first, w, h in reversed(sizes) if first <= i)


@pytest.mark.parametrize("name", RESIZED)
def test_every_frame_has_its_own_size_and_the_file_says_so(name):
    v = make_variant(name, frames=60)
    info = probe(v.path)
    assert [list(r) for r in info.sizes] == [list(r) for r in v.sizes]
    assert any("画面尺寸" in w for w in info.warnings), info.warnings
    assert (info.width, info.height) == tuple(v.sizes[0][1:])
    with open_video(v.path, cache_bytes=2 << 20) as video:
        for i in [59, 31, 29, 30, 0, 45, 5]:        # both ways across the change
            video.cache.clear()
            frame = video.read(i)
            w, h = _run_of(v.sizes, i)
            assert frame.shape[:2] == (h, w), (name, i)
            assert video.frame_size(i) == (w, h)
            assert frame_index_of(frame) == v.codes[i], (name, i)


def test_a_file_of_one_size_has_no_runs():
    v = make_variant("ts_h264", frames=60)
    info = probe(v.path)
    assert info.sizes == ()
    with open_video(v.path) as video:
        assert video.frame_size(59) == (video.width, video.height)
        assert video.sizes_between(0, 59) == [(0, video.width, video.height)]


@pytest.mark.parametrize(("name", "first", "last"), [("ts_h264_resized", 20, 39),
                                                     ("mkv_h264_resized", 25, 54)])
def test_a_clip_across_the_change_is_whole_unscaled_and_centred(name, first, last, tmp_path):
    v = make_variant(name, frames=60)
    with open_video(v.path) as video:           # Matroska: whole GOPs, yet not copied
        assert (first in video.keyframes) == (name.startswith("mkv"))
    out = tmp_path / "clip.mp4"
    export_clip(v.path, first, last, out)
    meta = json.loads(out.with_name("clip.mp4.json").read_text())
    assert meta["method"] == "reencode_h264"    # a stream copy would keep one stream header
    assert [[s["first_frame"], s["width"], s["height"]] for s in meta["picture_sizes"]] == \
        [[first, *v.sizes[0][1:]], [30, *v.sizes[1][1:]]]
    big = (max(v.sizes[0][1], v.sizes[1][1]), max(v.sizes[0][2], v.sizes[1][2]))
    assert meta["padded_to"] == list(big)
    with av.open(str(out)) as c:
        frames = [f.to_ndarray(format="bgr24") for f in c.decode(video=0)]
    assert len(frames) == last - first + 1
    for n, frame in enumerate(frames):
        i = first + n
        w, h = _run_of(v.sizes, i)
        assert frame.shape[:2] == (big[1], big[0])
        y, x = (big[1] - h) // 2, (big[0] - w) // 2
        assert frame_index_of(frame[y:y + h, x:x + w]) == v.codes[i], i   # not scaled
        if (w, h) != big:                                  # the border is black, not picture
            assert frame[:max(1, y)].mean() < 20 and frame[:, :max(1, x)].mean() < 20


def test_a_clip_within_one_size_is_still_copied(tmp_path):
    v = make_variant("mkv_h264_resized", frames=100)
    with open_video(v.path) as video:
        keys = video.keyframes
        start = next(k for k in keys if k >= v.sizes[1][0])
        end = video.frame_count - 1
    out = tmp_path / "tail.mkv"
    export_clip(v.path, start, end, out)
    meta = json.loads(out.with_name("tail.mkv.json").read_text())
    assert meta["method"] == "stream_copy" and "picture_sizes" not in meta
    with av.open(str(out)) as c:
        s = c.streams.video[0]
        assert (s.codec_context.width, s.codec_context.height) == tuple(v.sizes[1][1:])


def test_a_snapshot_records_its_own_frame_size(tmp_path):
    v = make_variant("dav_h264_resized", frames=60)
    out = export_snapshot(v.path, 50, tmp_path / "f50.png")
    meta = json.loads(out.with_name("f50.png.json").read_text())
    assert (meta["width"], meta["height"]) == tuple(v.sizes[1][1:])
    assert (meta["stored_width"], meta["stored_height"]) == tuple(v.sizes[1][1:])
    assert (meta["image_width"], meta["image_height"]) == tuple(v.sizes[1][1:])


# --- the sizes the parameter sets state, against what FFmpeg decodes ---------------------------
ENCODINGS = {   # name: (codec, ffmpeg options, size): crops, chroma formats, fields
    "h264_crop": ("h264", ["-c:v", "libx264", "-pix_fmt", "yuv420p"], (200, 130)),
    "h264_422": ("h264", ["-c:v", "libx264", "-pix_fmt", "yuv422p"], (200, 130)),
    "h264_444": ("h264", ["-c:v", "libx264", "-pix_fmt", "yuv444p"], (200, 130)),
    "h264_gray": ("h264", ["-c:v", "libx264", "-pix_fmt", "gray"], (200, 130)),
    "h264_fields": ("h264", ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-x264-params",
                             "interlaced=1", "-flags", "+ildct+ilme"], (200, 132)),
    "h264_baseline": ("h264", ["-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt",
                               "yuv420p"], (200, 130)),
    "hevc_crop": ("hevc", ["-c:v", "libx265", "-pix_fmt", "yuv420p", "-x265-params",
                           "log-level=error"], (200, 130)),
    "hevc_422": ("hevc", ["-c:v", "libx265", "-pix_fmt", "yuv422p", "-x265-params",
                          "log-level=error"], (200, 130)),
    "mpeg2": ("mpeg2video", ["-c:v", "mpeg2video"], (200, 290)),     # height > 255: 12 bits
    "mpeg4": ("mpeg4", ["-c:v", "mpeg4"], (200, 130)),
    "mpeg4_qcif": ("mpeg4", ["-c:v", "mpeg4", "-vtag", "xvid"], (176, 144)),
}


def _elementary(codec: str, options: list[str], size: tuple[int, int], tmp_path) -> Path:
    fmt = {"h264": "h264", "hevc": "hevc", "mpeg2video": "mpeg2video", "mpeg4": "m4v"}[codec]
    out = tmp_path / f"es.{fmt}"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"testsrc2=size={size[0]}x{size[1]}:rate=25:duration=0.2", *options,
                    "-f", fmt, str(out)], check=True)
    return out


@pytest.mark.parametrize("name", ENCODINGS)
def test_the_size_read_from_the_stream_is_the_size_ffmpeg_decodes(name, tmp_path):
    codec, options, size = ENCODINGS[name]
    path = _elementary(codec, options, size, tmp_path)
    with av.open(str(path)) as c:
        frame = next(c.decode(video=0))
        decoded = (frame.width, frame.height)
    assert decoded == size
    assert size_in(codec, path.read_bytes()[:4096]) == decoded


def _sps_units(size: tuple[int, int] | None = None) -> list[bytes]:
    data = make_variant("h264_raw_resized", frames=60).path.read_bytes()
    units = [u for u in framing_of(data).units(data) if u[0] & 0x1F == 7]
    return [u for u in units if size is None or h264_sps(u[1:]).size == size]


def test_an_sps_cut_short_states_no_size():
    sps = _sps_units((160, 120))[0]           # cropped: the crop offsets come last
    assert h264_sps(sps[1:]).size == (160, 120)
    short = h264_sps(sps[1:8])                # read up to frame_mbs_only, then the bytes end
    assert short.frame_mbs_only and short.size is None
    assert size_in("h264", b"\x00\x00\x00\x01" + sps[:8]) is None


def test_sizes_that_disagree_in_one_packet_state_none():
    big, small = _sps_units((320, 240))[0], _sps_units((160, 120))[0]
    both = b"".join(b"\x00\x00\x00\x01" + u for u in (big, small))
    assert size_in("h264", both) is None
    assert size_in("h264", b"\x00\x00\x00\x01" + small) == (160, 120)
    assert size_in("mjpeg", both) is None               # no parameter sets to read
    assert size_in("mpeg2video", b"\x00\x00\x01\xb3\x00\x00\xf0") is None   # 0 × 240
    assert size_in("mpeg2video", b"\x00\x00\x01\xb3\x14\x00\xf0") == (320, 240)


def _index(frames: int, keys: list[int]) -> FrameIndex:
    ticks = np.arange(frames, dtype=np.int64) * 10
    return FrameIndex(mode="pts", container="mpegts", codec="h264", width=320, height=240,
                      pix_fmt="yuv420p", fps=25.0, time_base=Fraction(1, 250),
                      ticks=ticks, seconds=ticks / 250, key_index=np.array(keys),
                      key_seek=ticks[keys], pkt_pos=np.zeros(0, np.int64),
                      pkt_size=np.zeros(0, np.int64), pkt_dts=np.zeros(0, np.int64),
                      key_lead=np.zeros(len(keys), np.int64), file_size=1)


def test_the_watch_keeps_a_size_until_a_keyframe_states_another():
    big = b"\x00\x00\x00\x01" + _sps_units((320, 240))[0]
    small = b"\x00\x00\x00\x01" + _sps_units((160, 120))[0]
    watch = SizeWatch()
    watch.start("h264", None, 320, 240)
    watch.feed(0, big, 0, 0)
    watch.feed(10, b"\x00\x00\x00\x01\x65\x88", 100, 1000)    # no SPS: the size stays
    watch.feed(20, small, 200, 2000)
    watch.feed(30, small, 300, 3000)                          # the same again: no change
    watch.feed(40, big, 400, 4000)
    index = _index(50, [0, 10, 20, 30, 40])
    assert watch.runs(index).tolist() == [[0, 320, 240], [20, 160, 120], [40, 320, 240]]
    assert index.size_at(25) == (320, 240)                     # (runs not yet stored)
    index.size_runs = watch.runs(index)
    assert [index.size_at(i) for i in (0, 19, 20, 39, 40, 49)] == \
        [(320, 240), (320, 240), (160, 120), (160, 120), (320, 240), (320, 240)]
    assert index.runs_between(25, 45) == [(25, 160, 120), (40, 320, 240)]
    assert index.runs_between(41, 45) == [(41, 320, 240)]
    assert index.runs_between(25, 40) == [(25, 160, 120), (40, 320, 240)]    # the last frame
    unplaced = SizeWatch()                     # a change no frame can be found for: none
    unplaced.start("h264", None, 320, 240)
    unplaced.feed(10, small, None, 1000)
    unplaced.feed(20, big, 200, 2000)
    assert unplaced.runs(index).shape == (0, 3)
    none = SizeWatch()
    none.start("h264", None, 320, 240)
    none.feed(0, big, 0, 0)
    assert none.runs(index).shape == (0, 3)


def test_the_canvas_of_odd_sizes_is_even_and_holds_every_picture():
    assert canvas([(0, 321, 241), (9, 100, 300)]) == (322, 300)
    img = np.full((3, 5, 3), 200, np.uint8)
    out = centred(img, 9, 7)
    assert out.shape == (7, 9, 3) and out[2:5, 2:7].min() == 200 and out.sum() == img.sum()
    assert np.array_equal(centred(img, 5, 3), img)


def _vol(fixed_rate: bool, shape: int = 0, size: tuple[int, int] = (352, 288)) -> bytes:
    """An MPEG-4 layer header (ISO/IEC 14496-2 6.2.3), written field by field."""
    fields = [(0, 1), (1, 8), (0, 1), (1, 4), (0, 1), (shape, 2), (1, 1), (25, 16), (1, 1),
              (int(fixed_rate), 1)]
    if fixed_rate:
        fields.append((1, 5))                   # fixed_vop_time_increment: 5 bits for 25
    fields += [(1, 1), (size[0], 13), (1, 1), (size[1], 13), (1, 1)]
    bits = "".join(format(v, f"0{n}b") for v, n in fields)
    bits += "0" * (-len(bits) % 8)
    return b"\x00\x00\x01\x20" + int(bits, 2).to_bytes(len(bits) // 8, "big")


def test_the_layer_header_states_the_size_with_or_without_a_fixed_rate():
    assert layer_header(_vol(False)) == (5, (352, 288))
    assert layer_header(_vol(True, size=(704, 576))) == (5, (704, 576))
    assert layer_header(_vol(False, shape=1)) == (5, None)       # not rectangular: no size
    assert size_in("mpeg4", _vol(True)) == (352, 288)
    assert layer_header(_vol(False)[:9]) == (5, None)            # cut before the size
