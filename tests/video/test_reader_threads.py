"""A stream whose packets come in presentation order (no B-frames) is decoded with three frame
threads: its pictures form one chain, each built on the one before."""

from __future__ import annotations

import pytest

from app.video.decoder import FrameDecoder
from app.video.persisted import load_or_build
from tests.formats import make_variant


@pytest.mark.parametrize("name, in_order, threads", [
    ("mp4_h264_nob", True, 3), ("ts_h264_nob", True, 3), ("mp4_h264_intra", True, 3),
    ("ts_h264", False, 2), ("mp4_trimmed", False, 2), ("mkv_h264_opengop", False, 2),
    ("ts_hevc", False, 2)])
def test_a_chain_of_pictures_gets_three_frame_threads(name, in_order, threads):
    path = make_variant(name).path
    index = load_or_build(path, None, None)
    assert index.in_order is in_order
    decoder = FrameDecoder(path, index, threads=2)
    one = FrameDecoder(path, index, threads=1)          # (scans and thumbnails: one thread)
    try:
        decoder.prepare()
        one.prepare()
        assert decoder._cc.thread_count == threads and one._cc.thread_count == 1
    finally:
        decoder.close()
        one.close()
