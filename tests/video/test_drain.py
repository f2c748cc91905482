"""A read that ends just before a closed GOP's keyframe drains the decoder instead of feeding
it that keyframe (and the frames its reordering would wait for); open GOPs never do."""

from __future__ import annotations

import av
import numpy as np
import pytest

from app.video.decoder import FrameDecoder
from app.video.frame_index import FrameIndex, leading_frames
from app.video.persisted import load_or_build
from app.video.pixels import to_bgr
from tests.formats import make_variant
from tests.media import make_clip


class Recording:
    """A decoder context that notes the pts of every packet it is given (None: a drain)."""

    def __init__(self, codec: av.CodecContext) -> None:
        object.__setattr__(self, "codec", codec)
        object.__setattr__(self, "sent", [])

    def decode(self, packet: av.Packet | None = None) -> list:
        self.sent.append(None if packet is None or not packet.size else int(packet.pts))
        return self.codec.decode(packet)

    def __getattr__(self, name: str) -> object:
        return getattr(self.codec, name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self.codec, name, value)


def _recorded(path, index: FrameIndex, threads: int) -> tuple[FrameDecoder, Recording]:
    decoder = FrameDecoder(path, index, threads=threads)
    decoder.prepare()
    recording = Recording(decoder._codec)
    decoder._codec = recording   # type: ignore[assignment]
    return decoder, recording


def _sequential(path, index: FrameIndex) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [to_bgr(f, index.matrix, index.full_range) for f in container.decode(video=0)]


def _exact(got: dict[int, av.VideoFrame], index: FrameIndex, reference) -> bool:
    return all(np.array_equal(to_bgr(f, index.matrix, index.full_range), reference[i])
               for i, f in got.items())


def test_leading_frames_counts_what_a_keyframe_shows_late():
    # decode order: a stray frame before any keyframe, a closed GOP, an open one (three B-frames
    # shown before its keyframe), then a keyframe with one leading frame
    pts = np.array([5, 10, 40, 20, 30, 80, 50, 60, 70, 110, 90, 120, 115])
    keys = np.zeros(pts.size, dtype=bool)
    keys[[1, 5, 11]] = True
    assert leading_frames(pts, keys).tolist() == [0, 3, 1]
    assert leading_frames(pts[:0], keys[:0]).tolist() == []


@pytest.mark.parametrize("kind", ["h264_mp4", "hevc_mp4"])
@pytest.mark.parametrize("threads", [1, 2])
def test_the_last_frames_of_a_gop_come_without_the_next_keyframe(kind, threads):
    path = make_clip(kind, frames=100, gop=50, size=(320, 240))
    index = load_or_build(path, None, None)
    assert index.key_lead.tolist() == [0, 0]
    reference = _sequential(path, index)
    key = int(index.ticks[50])
    decoder, recording = _recorded(path, index, threads)
    try:
        got: dict[int, av.VideoFrame] = {}
        decoder.decode(45, 49, lambda i, f: got.setdefault(i, f))
        assert sorted(got) == list(range(45, 50)) and _exact(got, index, reference)
        assert recording.sent[-1] is None, "the decoder is drained"
        assert max(p for p in recording.sent if p is not None) < key
        got.clear()
        decoder.decode(50, 53, lambda i, f: got.setdefault(i, f))   # reading on: from the key
        assert sorted(got) == list(range(50, 54)) and _exact(got, index, reference)
        assert key in recording.sent
        got.clear()
        recording.sent.clear()
        decoder.decode(20, 30, lambda i, f: got.setdefault(i, f))   # not a GOP's end
        assert None not in recording.sent and _exact(got, index, reference)
    finally:
        decoder.close()


@pytest.mark.parametrize("name", ["mkv_h264_opengop", "ts_hevc_opengop"])
def test_an_open_gop_is_never_drained_before_its_keyframe(name):
    """Frames shown just before an open GOP's keyframe are decoded after it: a drain there
    would lose them."""
    variant = make_variant(name, frames=120)
    index = load_or_build(variant.path, None, None)
    slots = [s for s in range(1, index.key_index.size) if index.key_lead[s] > 0]
    assert slots, "the variant has keyframes with leading frames"
    key = int(index.key_index[slots[0]])
    reference = _sequential(variant.path, index)
    decoder, recording = _recorded(variant.path, index, 2)
    try:
        got: dict[int, av.VideoFrame] = {}
        decoder.decode(key - 3, key - 1, lambda i, f: got.setdefault(i, f))
        assert sorted(got) == [key - 3, key - 2, key - 1] and _exact(got, index, reference)
        assert None not in recording.sent
    finally:
        decoder.close()
