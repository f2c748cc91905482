"""PAFF (field-picture) H.264: two packets per frame, counted once, every read exact."""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from app.video import open_video, probe
from app.video.fields import FieldPairs
from app.video.pixels import to_bgr
from tests.formats import make_variant
from tests.paff import with_reordering_vui

FRAMES = 60


def _field_flags(path) -> list[str]:
    """``field_pic_flag`` of every slice, as FFmpeg's header tracer reads them."""
    log = subprocess.run(["ffmpeg", "-v", "trace", "-i", str(path), "-c", "copy", "-bsf:v",
                          "trace_headers", "-f", "null", "-"], capture_output=True,
                         text=True).stderr
    return [line.split()[-1] for line in log.splitlines() if " field_pic_flag " in line]


def _sequential(path, matrix: str, full_range: bool) -> list[np.ndarray]:
    """Every frame decoded in one pass from the start, converted as the engine converts."""
    with av.open(str(path)) as container:
        return [to_bgr(f, matrix, full_range) for f in container.decode(video=0)]


def test_generator_really_writes_field_pictures():
    v = make_variant("h264_raw_paff", frames=FRAMES)
    flags = _field_flags(v.path)
    assert len(flags) == 2 * FRAMES and set(flags) == {"1"}      # two fields per frame
    pairs, seconds = FieldPairs(), []
    with av.open(str(v.path)) as container:
        seconds = [pairs.second_field(bytes(p)) for p in container.demux(video=0) if p.size]
    assert pairs.found and seconds == [False, True] * FRAMES


def test_progressive_and_mbaff_streams_have_no_field_pairs():
    for name in ("ts_h264_nob", "ts_h264_mbaff"):
        pairs = FieldPairs()
        with av.open(str(make_variant(name, frames=30).path)) as container:
            assert not any(pairs.second_field(bytes(p)) for p in container.demux(video=0)
                           if p.size)
        assert not pairs.found


def _avi_paff(reordering: bool) -> Path:
    """The raw PAFF variant stream-copied into AVI at the field rate (one chunk per field), as
    a DVR writes it; with ``reordering`` its SPS states frame reordering (a VUI with
    ``max_num_reorder_frames``), so AVI's decode-order timestamps send it to counted mode."""
    raw = make_variant("h264_raw_paff", frames=FRAMES, gop=20).path
    out = raw.with_name(f"{raw.stem}{'-reorder' if reordering else ''}.avi")
    if not out.exists():
        src = raw
        if reordering:
            src = out.with_name(f".{out.stem}.{os.getpid()}.264")
            src.write_bytes(with_reordering_vui(raw.read_bytes()))
        part = out.with_name(f".{out.name}.{os.getpid()}.part")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-r", "50", "-f", "h264", "-i", str(src),
                        "-c", "copy", "-f", "avi", str(part)], check=True, capture_output=True)
        os.replace(part, out)
        if src != raw:
            src.unlink()
    return out


@pytest.mark.parametrize("name", ["ts_h264_paff", "mkv_h264_paff", "mp4_h264_paff",
                                  "h264_raw_paff", "avi_h264_paff", "avi_h264_paff_reordering"])
def test_paff_counts_frames_and_reads_them_exactly(name):
    path = _avi_paff(name.endswith("reordering")) if name.startswith("avi") \
        else make_variant(name, frames=FRAMES, gop=20).path
    info = probe(path)
    assert info.frame_count == FRAMES and abs(info.fps - 25) < 1e-3 and not info.truncated
    assert list(info.keyframes) == [0, 20, 40]
    with open_video(path, cache_bytes=2 << 20) as video:            # small cache: real seeks
        if name == "avi_h264_paff_reordering":
            assert video.index.mode == "count"          # decode-order timestamps: counted
        reference = _sequential(path, video.index.matrix, video.index.full_range)
        assert len(reference) == FRAMES
        order = list(range(FRAMES))
        random.Random(name).shuffle(order)
        for i in order:
            assert np.array_equal(video.read(i), reference[i]), f"{name}: read({i})"
        video.read(FRAMES - 1)
        for i in range(FRAMES - 2, -1, -1):
            assert np.array_equal(video.step(-1), reference[i]), f"{name}: step back to {i}"
        for i in range(1, 25):
            assert np.array_equal(video.step(1), reference[i]), f"{name}: step on to {i}"
        assert not video.damaged


def test_length_prefixed_units_whose_size_looks_like_a_start_code():
    """MP4/Matroska packets: a 4-byte NAL length of 256..511 starts 00 00 01 — still lengths."""
    from tests.paff import nal_units

    units = nal_units(make_variant("h264_raw_paff", frames=FRAMES).path.read_bytes())
    sps, pps = (next(u for u in units if u[0] & 0x1F == kind) for kind in (7, 8))
    slices = [u for u in units if u[0] & 0x1F in (1, 5)]
    avcc = bytes([1, sps[1], sps[2], sps[3], 0xFF, 0xE1]) + len(sps).to_bytes(2, "big") + sps \
        + bytes([1]) + len(pps).to_bytes(2, "big") + pps
    filler = b"\x0c" + b"\xff" * 299                     # NAL type 12: 300 bytes
    pairs = FieldPairs(avcc)
    flags = [pairs.second_field(b"".join(len(u).to_bytes(4, "big") + u for u in (filler, s)))
             for s in slices[:20]]
    assert flags == [False, True] * 10
