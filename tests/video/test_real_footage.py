"""Real footage no one here made: the sample clips Debian ships in ``opencv-doc`` (installed by
.ci/run). vtest.avi is a surveillance clip (DivX 3, PAL D1), Megamind.avi an Xvid/DivX AVI
with packed B-frames, tree.avi a Cinepak AVI with dropped-frame gaps. Every frame a sequential
decode gives must be read exactly, at random and stepping back."""

from __future__ import annotations

import hashlib
import random
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from app.video import open_video
from app.video.bitstream import read_signal
from app.video.index import build_index
from app.video.packed import is_packed
from app.video.pixels import to_bgr

SAMPLES = Path("/usr/share/doc/opencv-doc/examples/data")
REAL = ["vtest.avi", "Megamind.avi", "Megamind_bugy.avi", "tree.avi"]

needs_samples = pytest.mark.skipif(not (SAMPLES / "vtest.avi").exists(),
                                   reason="opencv-doc is not installed (.ci/run installs it)")


def _digest(image: np.ndarray) -> str:
    return hashlib.sha1(image.tobytes()).hexdigest()


def _sequential(path: Path, matrix: str, full_range: bool) -> list[str]:
    with av.open(str(path)) as container:
        return [_digest(to_bgr(f, matrix, full_range)) for f in container.decode(video=0)]


@needs_samples
@pytest.mark.parametrize("name", REAL)
def test_real_clips_read_exactly_at_random_and_stepping_back(name):
    path = SAMPLES / name
    with open_video(path) as video:
        reference = _sequential(path, video.index.matrix, video.index.full_range)
        assert video.frame_count == len(reference)
        assert len(video.keyframes) > 1, "no read decodes from frame 0"
        rnd = random.Random(name)
        for i in rnd.sample(range(video.frame_count), 25):
            assert _digest(video.read(i)) == reference[i], i
        start = rnd.randrange(video.frame_count // 2, video.frame_count)
        video.read(start)
        for k in range(1, 31):
            assert _digest(video.step(-1)) == reference[start - k], start - k
        assert not video.damaged


@needs_samples
def test_packed_b_frames_are_read_in_the_decoders_order_not_the_guessed_timestamps():
    """In a packed stream the AVI demuxer's timestamps put B- and P-pictures in the wrong
    order (a third of the frames); the FFmpeg CLI shows them in decoder output order, and so
    do we."""
    path = SAMPLES / "Megamind.avi"
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert is_packed("mpeg4", stream.codec_context.extradata)
        labels = [int(f.pts) for f in container.decode(stream)]
    assert labels != sorted(labels), "the guessed timestamps disagree with the output order"
    index = build_index(path)
    assert index.unpack and index.mode == "count"
    cli = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:v",
                          "-pix_fmt", "yuv420p", "-f", "framemd5", "-"],
                         capture_output=True, text=True, check=True).stdout
    md5 = [line.rsplit(",", 1)[1].strip() for line in cli.splitlines()
           if line and not line.startswith("#")]
    with open_video(path) as video:
        assert video.frame_count == len(md5)
        for i in random.Random(1).sample(range(video.frame_count), 12):
            picture = video.read(i)
            assert picture.shape[:2] == (528, 720)
        with av.open(str(path)) as container:
            yuv = [hashlib.md5(f.to_ndarray(format="yuv420p").tobytes()).hexdigest()
                   for f in container.decode(video=0)]
        assert yuv == md5     # decoder output order is the CLI's
    signal = read_signal(path, index)        # triage: one picture's size per frame, never
    assert np.isfinite(signal.sizes).all() and signal.sizes.size == len(md5)   # two or none
    assert signal.sizes.min() > 100, "a 7-byte placeholder is no picture"
