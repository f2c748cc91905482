"""Files with more than one video stream: a dashcam's front and rear cameras in one file, a
thumbnail track before the video. The engine showed whichever came first (a one-frame thumbnail,
called a cut-off video) and never said that the file held more."""

from __future__ import annotations

import subprocess

import pytest

from app.video import open_video, probe
from tests.format_encoders import ffmpeg_encode, x264
from tests.media import frame_index_of

FRAMES = 50


@pytest.fixture(scope="module")
def cameras(tmp_path_factory):
    """Front camera 320×240 (codes 0…), rear camera 160×128 (codes 500…), one H.264 file each."""
    folder = tmp_path_factory.mktemp("dashcam")
    front, rear = folder / "front.mp4", folder / "rear.mp4"
    ffmpeg_encode(front, FRAMES, (320, 240), 25, x264(25))
    ffmpeg_encode(rear, FRAMES, (160, 128), 25, x264(25), start=500)
    return folder, front, rear


def _mux(out, *inputs, extra=()):
    cmd = ["ffmpeg", "-v", "error", "-y"]
    for path in inputs:
        cmd += ["-i", str(path)]
    cmd += [arg for n in range(len(inputs)) for arg in ("-map", str(n))]
    subprocess.run([*cmd, "-c", "copy", *extra, str(out)], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("ext", [".mp4", ".mkv", ".ts"])
@pytest.mark.parametrize("rear_first", [False, True])
def test_a_dashcam_file_shows_its_front_camera_and_names_the_rear(cameras, ext, rear_first):
    folder, front, rear = cameras
    order = (rear, front) if rear_first else (front, rear)
    path = _mux(folder / f"both{int(rear_first)}{ext}", *order)
    info = probe(path)
    assert (info.width, info.height, info.frame_count) == (320, 240, FRAMES)
    assert len(info.warnings) == 1 and "160×128" in info.warnings[0]
    assert "320×240" in info.warnings[0]
    with open_video(path, cache_bytes=1 << 20) as video:
        for i in (FRAMES - 1, 3, 27, 0):
            assert frame_index_of(video.read(i)) == i


def test_a_thumbnail_track_before_the_video_is_not_taken_for_it(cameras):
    folder, front, _rear = cameras
    thumb = folder / "thumb.jpg"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(front), "-frames:v", "1",
                    "-s", "160x120", str(thumb)], check=True, capture_output=True)
    path = _mux(folder / "with_thumb.mkv", thumb, front)
    info = probe(path)
    assert (info.width, info.frame_count, info.truncated) == (320, FRAMES, False)
    with open_video(path) as video:
        assert [frame_index_of(video.read(i)) for i in (41, 2)] == [41, 2]


def test_one_video_stream_gives_no_warning(cameras):
    assert probe(cameras[1]).warnings == ()


def test_a_program_stream_with_two_cameras_keeps_to_the_larger_one(cameras, tmp_path):
    """MPEG-PS streams are found as their packets come (entering mid-file may meet the other
    camera first): the index names the stream by its id (0xE0, 0xE1)."""
    folder, _front, _rear = cameras
    mpeg2 = ["-c:v", "mpeg2video", "-g", "12", "-bf", "2", "-q:v", "3"]
    small, large = tmp_path / "small.mpg", tmp_path / "large.mpg"
    ffmpeg_encode(small, FRAMES, (160, 128), 25, mpeg2, start=500)
    ffmpeg_encode(large, FRAMES, (320, 240), 25, mpeg2)
    path = _mux(tmp_path / "both.mpg", small, large, extra=("-f", "vob"))
    with open_video(path, cache_bytes=1 << 20) as video:
        assert (video.width, video.frame_count) == (320, FRAMES)
        assert video.index.stream_id == 0x1E1 and len(video.warnings) == 1
        for i in (FRAMES - 1, 30, 2, 17):
            assert frame_index_of(video.read(i)) == i


def test_a_cover_picture_is_never_the_video_nor_named(cameras, tmp_path):
    """An MP4's cover picture (attached_pic), larger than the video itself."""
    folder, _front, rear = cameras
    cover = tmp_path / "cover.png"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=640x480:rate=1", "-frames:v", "1", str(cover)], check=True)
    path = tmp_path / "with_cover.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(rear), "-i", str(cover), "-map", "0",
                    "-map", "1", "-c:v:0", "copy", "-c:v:1", "png", "-disposition:v:1",
                    "attached_pic", str(path)], check=True)
    info = probe(path)
    assert (info.width, info.height, info.frame_count, info.warnings) == (160, 128, FRAMES, ())


def _fake(*streams):
    from types import SimpleNamespace as S

    video = [S(index=n, id=i, disposition=d, codec_context=S(width=w, height=h))
             for n, (i, w, h, d) in enumerate(streams)]
    return S(streams=S(video=video))


def test_the_indexed_stream_is_found_again_by_number_and_id():
    from types import SimpleNamespace as S

    from app.video.tracks import has_video, main_video, streams_note

    both = _fake((0x1E0, 160, 128, 0), (0x1E1, 320, 240, 0))
    assert main_video(both).id == 0x1E1                     # the larger picture
    index = S(stream_id=0x1E1, stream_no=1)
    # a demuxer that met the other camera first: numbers swapped, the id still tells
    swapped = _fake((0x1E1, 0, 0, 0), (0x1E0, 160, 128, 0))
    assert main_video(swapped, index).id == 0x1E1
    assert not has_video(_fake((0x1E0, 160, 128, 0)), index)     # not found yet: probe on
    assert has_video(swapped, index) and has_video(_fake((7, 1, 1, 0)))
    # Matroska: every id 0, the number tells
    mkv = _fake((0, 160, 128, 0), (0, 320, 240, 0))
    assert main_video(mkv, S(stream_id=0, stream_no=0)).codec_context.width == 160
    # a stream table entry without pictures is not named as another camera
    table = _fake((256, 320, 240, 0), (257, 0, 0, 0))
    assert streams_note(table, table.streams.video[0]) == []
