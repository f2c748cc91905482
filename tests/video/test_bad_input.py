"""Bad input: every broken file gives a plain VideoError (in Chinese) or opens honestly."""

from __future__ import annotations

import random
import shutil
import subprocess

import av
import pytest

from app.i18n import set_language
from app.video import VideoError, open_video, probe
from tests.media import frame_index_of, make_clip


def _expect_error(path, *words):
    with pytest.raises(VideoError) as info:
        open_video(path)
    message = str(info.value)
    assert path.name in message
    for word in words:
        assert word in message
    return message


def test_missing_file(tmp_path):
    _expect_error(tmp_path / "nothing.mp4", "不存在")


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.mp4"
    path.touch()
    _expect_error(path, "0 字节")


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.mp4"
    path.write_bytes(random.Random(7).randbytes(200_000))
    _expect_error(path, "不是视频文件")


def test_text_renamed_avi(tmp_path):
    path = tmp_path / "notes.avi"
    path.write_text("这是一份笔记，不是视频。\n" * 500, encoding="utf-8")
    _expect_error(path, "不是视频文件")


def test_directory_is_not_a_file(tmp_path):
    folder = tmp_path / "folder.mp4"
    folder.mkdir()
    _expect_error(folder)


def test_english_messages_follow_the_language(tmp_path):
    path = tmp_path / "empty.avi"
    path.touch()
    set_language("en")
    with pytest.raises(VideoError, match="empty"):
        probe(path)


def test_unsupported_codec(tmp_path):
    data = make_clip("h264_mkv", frames=30).read_bytes()
    assert data.count(b"V_MPEG4/ISO/AVC") == 1
    path = tmp_path / "odd_codec.mkv"
    path.write_bytes(data.replace(b"V_MPEG4/ISO/AVC", b"V_QQQQQ/ISO/QQQ"))
    _expect_error(path, "编码")


def test_mp4_truncated_before_its_index(tmp_path):
    data = make_clip("h264_mp4", frames=120).read_bytes()
    path = tmp_path / "cut.mp4"
    path.write_bytes(data[: len(data) * 6 // 10])
    _expect_error(path, "不完整")


def _truncate(src, dest, share=0.6):
    data = src.read_bytes()
    dest.write_bytes(data[: int(len(data) * share)])
    return dest


def _reference(path) -> list[int]:
    """Markers of a plain sequential decode (what ffmpeg itself shows)."""
    out = []
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        for packet in c.demux(stream):
            try:
                out += [frame_index_of(f.to_ndarray(format="bgr24")) for f in packet.decode()]
            except av.error.FFmpegError:
                pass
    return out


@pytest.mark.parametrize("kind", ["h264_mkv", "mjpeg_avi", "mpeg4_avi", "h264_raw"])
def test_truncated_file_opens_with_its_decodable_frames(kind, tmp_path):
    src = make_clip(kind, frames=120)
    path = _truncate(src, tmp_path / f"cut{src.suffix}")
    reference = _reference(path)
    with open_video(path) as video:
        if kind != "h264_raw":  # a raw stream cut at a packet boundary looks complete
            assert video.truncated
            assert video.warnings and "帧" in video.warnings[0]
        assert 30 < video.frame_count < 120
        assert video.frame_count == len(reference)
        for i in range(video.frame_count - 1, -1, -1):
            assert frame_index_of(video.read(i)) == reference[i]


def test_faststart_mp4_truncated_says_so(tmp_path):
    src = make_clip("h264_mp4", frames=120)
    fast = tmp_path / "fast.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(src), "-c", "copy", "-movflags",
                    "+faststart", str(fast)], check=True)
    path = _truncate(fast, tmp_path / "fast_cut.mp4")
    reference = _reference(path)
    with open_video(path) as video:
        assert video.truncated and video.frame_count == len(reference) < 120
        for i in range(video.frame_count):   # the picture cut off is not a frame; all others are
            assert frame_index_of(video.read(i)) == reference[i]


def _corrupt_packet_in_middle(src, dest) -> int:
    """Overwrite the middle of the biggest non-key packet shown between frames 60 and 80 with
    noise; returns the first frame of the GOP that holds it."""
    with av.open(str(src)) as c:
        packets = [(p.pos, p.size, p.is_keyframe) for p in c.demux(video=0) if p.size]
    keys = [n for n, (_, _, key) in enumerate(packets) if key]
    pos, size, _ = max((p for n, p in enumerate(packets) if 60 <= n <= 80 and not p[2]),
                       key=lambda p: p[1])
    data = bytearray(src.read_bytes())
    start = pos + size // 3
    data[start:start + max(8, size // 3)] = random.Random(3).randbytes(max(8, size // 3))
    dest.write_bytes(bytes(data))
    return max(k for k in keys if k <= 70)


@pytest.mark.parametrize("kind", ["h264_mp4", "h264_mkv", "h264_raw", "mpeg4_avi", "hevc_mp4",
                                  "hevc_raw", "h264_avi"])
def test_corrupt_packet_is_confined_to_its_gop(kind, tmp_path):
    """A damaged packet mid-stream: no crash or hang, every other GOP stays exact, and inside
    the damaged GOP a read either works or says the frame cannot be decoded. (Damage that the
    decoder conceals without any error cannot be told from a clean frame — it shows up as
    garbage pixels of the right frame, never as another frame's index.)"""
    src = make_clip(kind, frames=120)
    path = tmp_path / f"corrupt{src.suffix}"
    gop = _corrupt_packet_in_middle(src, path)
    shown: list[tuple[int, int]] = []
    order = list(range(120))
    random.Random(kind).shuffle(order)
    with open_video(path, cache_bytes=4 << 20) as video:
        assert video.frame_count == 120
        for i in order:
            try:
                got = frame_index_of(video.read(i))
            except VideoError as exc:
                assert "无法解码" in str(exc)
                assert gop <= i < gop + 50      # only the damaged GOP may fail
                continue
            if not video.is_damaged(i):
                shown.append((i, got))
    exact = {i for i, got in shown if i == got}
    assert set(range(gop)) | set(range(gop + 50, 120)) <= exact  # other GOPs untouched


def test_chinese_path(tmp_path):
    folder = tmp_path / "天桥街" / "监控录像"
    folder.mkdir(parents=True)
    path = folder / "报亭路涵洞 摄像头3.mkv"
    shutil.copy(make_clip("h264_mkv", frames=60), path)
    with open_video(path) as video:
        assert video.frame_count == 60
        assert frame_index_of(video.read(33)) == 33
    assert probe(path).path == str(path)


def _avi(tmp_path, name, args):
    from tests.format_encoders import ffmpeg_encode

    path = tmp_path / name
    ffmpeg_encode(path, 30, (160, 120), 25, args)
    return path


def test_compressed_data_under_an_empty_codec_marker_is_refused_at_import(tmp_path):
    """FFmpeg's own AVI muxer writes H.265 with no FourCC, which says "uncompressed pictures":
    FFmpeg reads it back as raw pictures. It opened, then refused every frame."""
    path = _avi(tmp_path, "h265.avi", ["-c:v", "libx265", "-x265-params", "log-level=error"])
    with av.open(str(path)) as container:
        assert container.streams.video[0].codec_context.name == "rawvideo"   # shaped as claimed
    message = _expect_error(path, "未注明视频编码")
    with pytest.raises(VideoError):
        probe(path)
    assert "压缩" in message


@pytest.mark.parametrize("pix", ["bgr24", "pal8", "gray"])
def test_really_uncompressed_avi_still_opens(tmp_path, pix):
    path = _avi(tmp_path, f"raw_{pix}.avi", ["-c:v", "rawvideo", "-pix_fmt", pix])
    with open_video(path) as video:
        assert video.frame_count == 30
        if pix != "pal8":                   # (a palette keeps too few colours for the code)
            assert [frame_index_of(video.read(i)) for i in (29, 3, 17)] == [29, 3, 17]
