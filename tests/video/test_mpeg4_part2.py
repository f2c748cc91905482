"""MPEG-4 Part 2 (DivX/Xvid-era cameras) with B-frames: raw streams read from byte ranges, AVI
with one picture per packet, the picture types and packed-stream mark (packed files:
test_real_footage.py), and packets built from file bytes padded as FFmpeg requires."""

from __future__ import annotations

import hashlib
import random
import subprocess

import av
import numpy as np

from app.video import open_video
from app.video.decoder import FrameDecoder
from app.video.index import build_index
from app.video.packed import is_packed
from app.video.packet import padded_packet
from app.video.pixels import to_bgr
from app.video.vop import B_VOP, I_VOP, P_VOP, vop_type
from tests.formats import make_variant


def _cli_md5(path) -> list[str]:
    """Every frame as the FFmpeg CLI decodes it (yuv420p MD5s, in its output order)."""
    out = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:v",
                          "-pix_fmt", "yuv420p", "-f", "framemd5", "-"],
                         capture_output=True, text=True, check=True).stdout
    return [line.rsplit(",", 1)[1].strip() for line in out.splitlines()
            if line and not line.startswith("#")]


def _md5(frame: av.VideoFrame) -> str:
    return hashlib.md5(frame.to_ndarray(format="yuv420p").tobytes()).hexdigest()


def _every_frame(path, index, threads: int) -> list[str | None]:
    decoder = FrameDecoder(path, index, threads=threads)
    got: dict[int, str] = {}
    try:
        decoder.decode(0, index.frame_count - 1, lambda i, f: got.setdefault(i, _md5(f)))
    finally:
        decoder.close()
    return [got.get(i) for i in range(index.frame_count)]


def test_a_raw_stream_decodes_from_byte_ranges_as_the_cli_does():
    """Fed from byte ranges, the decoder reads past each packet's end: unless the padding is
    zero the B-pictures came out differently from process to process."""
    path = make_variant("m4v_raw_bframes", frames=150, size=(320, 240), gop=24).path
    index = build_index(path)
    assert index.mode == "bytes"
    assert len(index.key_index) > 1 and index.key_lead[1:].min() > 0, "open GOPs"
    cli = _cli_md5(path)
    for threads in (1, 2):
        assert _every_frame(path, index, threads) == cli
    with open_video(path) as video:       # from every open GOP's keyframe, and stepping back
        for i in random.Random(4).sample(range(video.frame_count), 30):
            video.read(i)
        assert not video.damaged


def test_padded_packets_hold_the_data():
    packet = padded_packet(b"\x00\x00\x01\xb6\x10abc")
    assert packet.size == 8 and bytes(packet) == b"\x00\x00\x01\xb6\x10abc"
    assert padded_packet(b"").size == 0


def test_vop_types_and_the_packed_mark():
    assert vop_type(b"\x00\x00\x01\xb6\x10") == I_VOP
    assert vop_type(b"junk\x00\x00\x01\xb6\x51\x00") == P_VOP
    assert vop_type(b"\x00\x00\x01\xb6\x90") == B_VOP
    assert vop_type(b"\x00\x00\x01\xb6") is None
    assert vop_type(b"\x00\x00\x01\xb3\x00") is None
    assert is_packed("mpeg4", b"\x00\x00\x01\xb2DivX503b1393p\x00")
    assert is_packed("mpeg4", None, b"\x00\x00\x01\xb2DivX999Build1234p")
    assert not is_packed("mpeg4", b"\x00\x00\x01\xb2DivX503b1393\x00")   # not packed
    assert not is_packed("h264", b"DivX503b1393p")
    assert not is_packed("mpeg4", None, None)


def test_unpacked_b_frames_in_avi_keep_their_timestamps():
    """FFmpeg's own MPEG-4 B-frames (one picture per packet) are not packed: the AVI's guessed
    timestamps are right and stay in use."""
    variant = make_variant("avi_mpeg4_bframes", frames=80, size=(320, 240), gop=24)
    index = build_index(variant.path)
    assert not index.unpack and index.mode == "pts"
    cli = _cli_md5(variant.path)
    with open_video(variant.path) as video:
        assert video.frame_count == len(cli) == 80
        with av.open(str(variant.path)) as container:
            frames = list(container.decode(video=0))
        assert [_md5(f) for f in frames] == cli
        for i in random.Random(2).sample(range(80), 20):
            assert np.array_equal(video.read(i), to_bgr(frames[i], index.matrix,
                                                          index.full_range))
