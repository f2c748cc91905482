"""Frame accuracy on every format a DVR exports: random access, stepping both ways, exact counts."""

from __future__ import annotations

import random

import av
import pytest

from app.video import open_video, probe
from tests.media import KINDS, frame_index_of, make_clip, vfr_slots

FRAMES = 120


def sequential_indices(path) -> list[int]:
    with av.open(str(path)) as c:
        return [frame_index_of(f.to_ndarray(format="bgr24")) for f in c.decode(video=0)]


@pytest.mark.parametrize("kind", KINDS)
def test_frame_count_is_exact(kind):
    path = make_clip(kind, frames=FRAMES)
    assert sequential_indices(path) == list(range(FRAMES))  # the reference decode agrees
    with open_video(path) as video:
        assert video.frame_count == FRAMES
        assert video.width == 320 and video.height == 240
        assert video.keyframes[0] == 0
    assert probe(path).frame_count == FRAMES


@pytest.mark.parametrize("kind", KINDS)
def test_random_access_reads_exact_frames(kind):
    path = make_clip(kind, frames=FRAMES)
    order = list(range(FRAMES))
    random.Random(kind).shuffle(order)
    with open_video(path, cache_bytes=1 << 20) as video:  # tiny cache: every read really seeks
        for i in order[:60]:
            frame = video.read(i)
            assert frame.shape == (240, 320, 3) and frame.dtype.name == "uint8"
            assert frame_index_of(frame) == i


@pytest.mark.parametrize("kind", KINDS)
def test_stepping_forward_and_backward(kind):
    path = make_clip(kind, frames=FRAMES)
    with open_video(path) as video:
        video.read(FRAMES - 1)
        for expected in range(FRAMES - 2, -1, -1):
            assert frame_index_of(video.step(-1)) == expected
        assert video.position == 0
        for expected in range(1, FRAMES):
            assert frame_index_of(video.step(1)) == expected
        assert frame_index_of(video.step(5)) == FRAMES - 1  # clamped at the end


def test_long_gop_with_b_frames():
    path = make_clip("h264_mp4", frames=400, gop=300, size=(160, 120))
    with open_video(path, cache_bytes=2 << 20) as video:
        assert video.keyframes == [0, 300]
        for i in (299, 298, 150, 301, 0, 399, 300, 297):
            assert frame_index_of(video.read(i)) == i


def test_vfr_timestamps_follow_the_file():
    path = make_clip("vfr_mp4", frames=FRAMES)
    slots = vfr_slots(FRAMES)
    with open_video(path) as video:
        for i in (0, 1, 7, 40, 119):
            assert video.pts(i) == pytest.approx(slots[i] / 25, abs=1e-6)
            assert video.index_at(video.pts(i)) == i
            assert video.index_at(video.pts(i) + 0.001) == i
        assert video.duration == pytest.approx(slots[-1] / 25 + 1 / video.fps, abs=1e-3)


def test_raw_stream_derives_its_timebase():
    path = make_clip("h264_raw", frames=FRAMES)
    with open_video(path) as video:
        assert video.info.timestamps == "derived"
        assert video.fps == pytest.approx(25)
        assert video.pts(50) == pytest.approx(2.0)
    with open_video(path, fps_hint=12.5) as video:
        assert video.pts(50) == pytest.approx(4.0)
        assert frame_index_of(video.read(77)) == 77


def test_out_of_range_index_is_a_plain_error():
    from app.video import VideoError

    with open_video(make_clip("h264_mp4", frames=FRAMES)) as video:
        with pytest.raises(VideoError, match="120"):
            video.read(FRAMES)
        with pytest.raises(VideoError):
            video.read(-1)


@pytest.mark.parametrize("kind", ["h264_mp4", "h264_mkv"])
def test_start_time_and_wall_time(kind):
    from datetime import UTC, datetime

    path = make_clip(kind, frames=60, creation_time="2023-11-28T06:00:00Z")
    with open_video(path) as video:
        assert video.start_time == datetime(2023, 11, 28, 6, 0, tzinfo=UTC)
        assert video.wall_time(50) == datetime(2023, 11, 28, 6, 0, 2, tzinfo=UTC)
        assert video.wall_time(50, clock_offset=-90.0) == datetime(2023, 11, 28, 5, 58, 32,
                                                                    tzinfo=UTC)
    with open_video(make_clip("h264_raw", frames=30)) as raw:
        assert raw.start_time is None and raw.wall_time(3) is None
