"""Real-footage variants (issue 11): every class opens frame-exact, generated at run time."""

from __future__ import annotations

import random
import subprocess

import av
import numpy as np
import pytest

from app.video import VideoError, open_video, probe
from tests.formats import NAMES, make_variant
from tests.media import frame_index_of

FRAMES = 100


@pytest.mark.parametrize("name", NAMES)
def test_every_variant_counts_reads_and_steps_exactly(name):
    v = make_variant(name, frames=FRAMES)
    with open_video(v.path, cache_bytes=2 << 20) as video:   # small cache: reads really seek
        assert video.frame_count == v.frame_count
        assert not video.truncated
        assert len(video.keyframes) > 1, "every keyframe is known; no read decodes from frame 0"
        if 0 not in v.damaged:      # the first read of a fresh source enters the first GOP
            assert frame_index_of(video.read(0)) == v.codes[0], f"{name}: read(0) first"
        n = v.frame_count           # fewer than FRAMES where the file drops frames
        order = list(range(n))
        random.Random(name).shuffle(order)
        for i in order[:25]:
            frame = video.read(i)
            if i in v.damaged or video.is_damaged(i):
                continue
            assert frame_index_of(frame) == v.codes[i], f"{name}: read({i})"
        video.read(n - 1)
        for i in range(n - 2, n - 30, -1):                        # step backwards
            frame = video.step(-1)
            if not video.is_damaged(i):
                assert frame_index_of(frame) == v.codes[i], f"{name}: step back to {i}"


@pytest.mark.parametrize("name", ["mkv_h264_nob", "ts_h264_nob", "mp4_h264_nob", "dav_h264",
                                  "imkh_h264", "ts_h264"])
def test_containers_with_timestamps_are_never_counted(name):
    info = probe(make_variant(name, frames=FRAMES).path)
    assert info.timestamps == "container"


@pytest.mark.parametrize("name", ["ts_joined_restart", "ps_joined_restart", "ts_gap",
                                  "flv_h264_reconnect", "mkv_h264_clock_back"])
def test_joined_exports_are_segments_not_truncation(name):
    v = make_variant(name, frames=FRAMES)
    info = probe(v.path)
    assert not info.truncated and info.frame_count == FRAMES
    assert list(info.segments) == list(v.segments)
    with open_video(v.path) as video:
        assert video.segment_of(v.segments[1]) == 1 and video.segment_of(0) == 0
        assert all(b > a for a, b in zip(video.index.seconds, video.index.seconds[1:],
                                         strict=False))
    if name == "ts_gap":                                          # the pause keeps its length
        assert info.duration > FRAMES / 25 + 9


@pytest.mark.parametrize("name", ["ts_clock_wrap", "ps_clock_wrap"])
def test_a_wrapping_mpeg_clock_is_one_recording(name):
    """FFmpeg counts the timestamps before the wrap below zero; they were taken for missing
    ones: a segment boundary and frames that could not be decoded."""
    v = make_variant(name, frames=FRAMES)
    with av.open(str(v.path)) as container:
        dts = [p.dts for p in container.demux(video=0) if p.size]
    assert min(dts) < 0 < max(dts) or np.any(np.diff(dts) < 0)            # the clock wraps
    info = probe(v.path)
    assert info.frame_count == FRAMES and list(info.segments) == [0] and not info.warnings
    with open_video(v.path) as video:
        assert np.allclose(np.diff(video.index.seconds), 1 / 25, atol=1e-3)
        for i in range(FRAMES - 1, -1, -1):
            assert frame_index_of(video.read(i)) == i


@pytest.mark.parametrize("name", ["avi_h264_killed", "avi_mpeg4_killed"])
def test_an_avi_without_its_index_is_entered_by_position(name):
    """Without idx1 FFmpeg's AVI seek lands on any packet, not on a keyframe: a third of the
    frames were refused, and the others decoded from wherever it landed."""
    v = make_variant(name, frames=FRAMES)
    data = v.path.read_bytes()
    assert b"idx1" not in data and data[4:8] == bytes(4)     # the file is shaped as claimed
    with open_video(v.path) as video:
        assert video.index.seek_by == "pos" and len(video.keyframes) == FRAMES // 25
        assert not video.truncated and not video.warnings
        for i in range(FRAMES - 1, -1, -1):
            assert frame_index_of(video.read(i)) == i
        assert not video.damaged


def test_joined_dav_places_each_recording_by_its_date_field():
    """Each joined DAV recording starts at the camera clock its chunk headers write, not where
    the file's timeline puts it (the second recording's clock was set back)."""
    from datetime import datetime, timedelta, timezone

    v = make_variant("dav_joined", frames=FRAMES)
    info = probe(v.path)
    assert list(info.segments) == list(v.segments)
    starts = [datetime.fromisoformat(c) for c in v.clocks]
    assert [datetime.fromisoformat(c) for c in info.segment_clocks] == starts
    zone = timezone(timedelta(hours=8))
    with open_video(v.path) as video:
        assert video.segment_clocks(zone) == [s.replace(tzinfo=zone) for s in starts]
        second = v.segments[1]
        for i in (0, 10, second - 1, second, second + 13, FRAMES - 1):
            k = video.segment_of(i)
            expected = starts[k] + timedelta(seconds=(i - v.segments[k]) / 25)
            got = video.wall_time(i, zone=zone)
            assert abs((got - expected.replace(tzinfo=zone)).total_seconds()) < 1e-3, i
        assert video.wall_time(second, clock_offset=-2.5) == starts[1] - timedelta(seconds=2.5)
        given = [None, datetime(2023, 11, 28, 7, 0, tzinfo=zone)]       # a caller's own start
        assert video.wall_time(second, segment_starts=given) == given[1]


def test_rotated_phone_footage_is_upright_and_sidecar_keeps_raw(tmp_path):
    v = make_variant("mp4_rotated", frames=FRAMES)
    from app.video import export_snapshot
    with open_video(v.path) as video:
        assert video.rotation == 90 and (video.width, video.height) == (320, 240)
        frame = video.read(7)
        assert frame.shape == (240, 320, 3) and frame_index_of(frame) == 7
        export_snapshot(video, 7, tmp_path / "s.png", file_sha256="x")
    import json
    meta = json.loads((tmp_path / "s.png.json").read_text())
    assert meta["rotation"] == 90 and (meta["stored_width"], meta["stored_height"]) == (240, 320)
    assert (meta["image_width"], meta["image_height"]) == (320, 240)


def _ffmpeg_reference(path, w, h) -> np.ndarray:
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-frames:v", "1",
                          "-f", "rawvideo", "-pix_fmt", "bgr24", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8)[:w * h * 3].reshape(h, w, 3)


@pytest.mark.parametrize("name", ["mp4_bt709", "mp4_bt601", "mp4_yuv422", "mp4_yuv444",
                                  "mp4_fullrange"])
def test_colour_matches_ffmpeg_reference_within_one_level(name):
    v = make_variant(name, frames=30)
    with open_video(v.path) as video:
        ours = video.read(0).astype(int)
    ref = _ffmpeg_reference(v.path, 320, 240).astype(int)
    assert np.abs(ours - ref).max() <= 1


def test_photo_renamed_mp4_is_refused(tmp_path):
    import cv2
    fake = tmp_path / "cam.mp4"
    ok, jpg = cv2.imencode(".jpg", np.full((120, 160, 3), 90, np.uint8))
    fake.write_bytes(jpg.tobytes())
    with pytest.raises(VideoError, match="JPEG"):
        probe(fake)


def test_truncated_faststart_mp4_names_the_missing_part(tmp_path):
    src = make_variant("mp4_h264_nob", frames=FRAMES).path
    cut = tmp_path / "cut.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(src), "-c", "copy", "-movflags",
                    "+faststart", str(tmp_path / "fs.mp4")], check=True)
    data = (tmp_path / "fs.mp4").read_bytes()
    cut.write_bytes(data[:len(data) // 2])
    info = probe(cut)
    assert info.truncated and 0 < info.frame_count < FRAMES
    assert any("mdat" in w for w in info.warnings)


def test_frames_beyond_8k_are_refused_before_decoding(tmp_path):
    huge = tmp_path / "huge.y4m"
    huge.write_bytes(b"YUV4MPEG2 W16000 H16000 F25:1 Ip A1:1 C420jpeg\nFRAME\n" + bytes(4096))
    with pytest.raises(VideoError, match="8K"):
        probe(huge)


def test_wall_time_per_segment_and_export_records_damage(tmp_path):
    from datetime import UTC, datetime, timedelta

    from app.video import export_clip
    v = make_variant("ts_joined_restart", frames=FRAMES)
    t0, t1 = datetime(2023, 11, 28, 6, 0, tzinfo=UTC), datetime(2023, 11, 28, 7, 0, tzinfo=UTC)
    with open_video(v.path) as video:
        k = v.segments[1]
        assert video.wall_time(k, segment_starts=[t0, t1]) == t1
        assert video.wall_time(k + 5, 1.0, [t0, t1]) == t1 + timedelta(seconds=5 / 25 + 1.0)
        assert video.wall_time(3, segment_starts=[t0, t1]) == t0 + timedelta(seconds=3 / 25)
    d = make_variant("ts_damaged", frames=FRAMES)
    import json
    export_clip(d.path, 40, 60, tmp_path / "c.mp4")
    meta = json.loads((tmp_path / "c.mp4.json").read_text())
    assert set(d.damaged) <= set(meta["damaged_frames"])


def test_ten_bit_colour_matches_ffmpeg_reference():
    """10-bit → 8-bit: the CLI's libswscale (another FFmpeg release than PyAV's) upsamples chroma
    differently at sharp colour edges; everywhere else the frames agree within ±1."""
    v = make_variant("mkv_10bit", frames=30)
    with open_video(v.path) as video:
        ours = video.read(0).astype(int)
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(v.path), "-frames:v", "1",
                          "-sws_flags", "bilinear+accurate_rnd", "-f", "rawvideo", "-pix_fmt",
                          "bgr24", "-"], capture_output=True, check=True).stdout
    ref = np.frombuffer(raw, np.uint8)[:320 * 240 * 3].reshape(240, 320, 3).astype(int)
    close = np.abs(ours - ref) <= 1
    assert close.mean() > 0.98


def test_program_stream_with_large_packs_reads_exactly():
    """720p MPEG-2 PS: the splice needs more than a minimal probe to find the stream."""
    v = make_variant("ps_joined_restart", frames=30, size=(1280, 720), gop=10)
    with open_video(v.path, cache_bytes=1 << 20) as video:
        for i in (23, 5, 16, 29, 11):
            assert frame_index_of(video.read(i)) == v.codes[i]


def test_dav_date_field_that_is_no_date_gives_no_clock(tmp_path):
    from datetime import datetime

    from app.video.dav import decode_date, segment_clocks
    from tests.dvr_writers import dav_date

    assert decode_date(dav_date(datetime(2024, 2, 29, 23, 59, 58))) == datetime(2024, 2, 29,
                                                                                23, 59, 58)
    assert decode_date(0) is None                                   # month 0
    junk = tmp_path / "x.dav"
    junk.write_bytes(b"not a DHAV chunk header at all" * 2)
    assert segment_clocks(junk, [0, 40]) == ["", ""]


def test_frames_that_share_a_timestamp_are_shown_in_turn():
    """The second of two frames with one timestamp was never delivered ("cannot be decoded"):
    the decoder's output was placed by its timestamp, which found the first."""
    v = make_variant("mkv_h264_stalled_clock", frames=FRAMES)
    with open_video(v.path, cache_bytes=2 << 20) as video:
        ticks = video.index.ticks
        same = [i for i in range(1, FRAMES) if ticks[i] == ticks[i - 1]]
        assert video.frame_count == FRAMES and len(same) == 1 and len(video.warnings) == 1
        for i in (same[0], same[0] - 1, same[0] + 1):
            video.cache.clear()
            assert frame_index_of(video.read(i)) == i
        for i in range(FRAMES - 1, -1, -1):
            assert frame_index_of(video.read(i)) == i


@pytest.mark.parametrize("name", ["avi_h264_bframes_dropped", "avi_mpeg2_dropped"])
def test_frames_a_recorder_dropped_keep_their_time_in_an_avi(name):
    """AVI has a slot for every frame interval; a dropped frame leaves an empty chunk. With
    B-frames the engine counts frames (AVI holds no presentation times) and took each frame to
    follow the last by 1/fps: 14 frames dropped of 100 put the last frame 0.56 s early."""
    v = make_variant(name, frames=FRAMES)
    with open_video(v.path) as video:
        assert video.index.mode == "count" and video.frame_count == len(v.codes) < FRAMES
        times = np.array([video.pts(i) for i in range(video.frame_count)])
        late = times - np.array(v.codes) / 25            # true time: the frame's code / fps
        assert np.abs(late).max() <= 2 / 25 + 1e-9       # within the B-frames' reordering
        assert abs(video.duration - FRAMES / 25) <= 2 / 25 + 1e-9
        for i in range(video.frame_count - 1, -1, -7):
            assert frame_index_of(video.read(i)) == v.codes[i]


@pytest.mark.parametrize("name", ["mp4_h264_from_raw", "mp4_hevc_from_raw"])
def test_timestamps_that_are_only_decode_order_do_not_reorder_frames(name):
    """``ffmpeg -i x.264 -c copy x.mp4`` gives every packet pts = dts: frames were shown in
    decode order (a B-frame where the P-frame after it belongs, silently) and the two that the
    edit list built on those timestamps hides were refused. The stream's picture order says
    how to show them; every frame of the recording is shown."""
    v = make_variant(name, frames=FRAMES)
    with av.open(str(v.path)) as container:
        stamps = [(p.pts, p.dts) for p in container.demux(video=0) if p.size]
    assert all(pts == dts for pts, dts in stamps)                  # shaped as claimed
    with av.open(str(v.path)) as container:                        # FFmpeg's own view of it
        assert sum(1 for _ in container.decode(video=0)) == FRAMES - 2
    with open_video(v.path, cache_bytes=2 << 20) as video:
        assert video.index.mode == "count" and video.frame_count == FRAMES
        assert len(video.warnings) == 1 and "-c copy" in video.warnings[0]
        assert np.allclose(np.diff(video.index.seconds), 1 / 25)
        for i in (0, 3, FRAMES - 1, 50, 51, 52, 53):
            video.cache.clear()
            assert frame_index_of(video.read(i)) == i
        for i in range(FRAMES - 1, -1, -1):
            assert frame_index_of(video.read(i)) == i


def test_only_stamps_that_never_reorder_are_taken_for_decode_order():
    """The check reads the stream's picture order only while the container's timestamps are
    equal to the decode times and rise: stamps of their own are trusted."""
    from app.video.stamps import StampCheck

    v = make_variant("mp4_h264_from_raw", frames=FRAMES)
    with av.open(str(v.path)) as container:
        stream = container.streams.video[0]
        extradata = stream.codec_context.extradata
        packets = [(bytes(p), bool(p.is_keyframe)) for p in container.demux(stream) if p.size]

    def check(stamps):
        c = StampCheck("h264", extradata, True)
        for (data, key), (pts, dts) in zip(packets, stamps, strict=True):
            c.feed(pts, dts, memoryview(data), key)
        return c.decode_order

    n = len(packets)
    assert check([(t, t) for t in range(n)])                         # the remux: decode order
    assert not check([(t + 2, t) for t in range(n)])                 # pts of their own
    assert not check([(t if t != 7 else 3, t if t != 7 else 3) for t in range(n)])  # not rising
    assert not StampCheck("h264", extradata, False).decode_order     # no reordering declared
    # a stream that never reorders keeps its stamps, and is read no further than LOOK packets
    from app.video.stamps import LOOK

    plain = make_variant("mp4_h264_nob", frames=FRAMES)
    with av.open(str(plain.path)) as container:
        stream = container.streams.video[0]
        c = StampCheck("h264", stream.codec_context.extradata, True)
        for n, p in enumerate(p for p in container.demux(stream) if p.size):
            c.feed(n, n, memoryview(bytes(p)), bool(p.is_keyframe))
    assert c.tracker is not None and not c.decode_order
    for n in range(FRAMES, LOOK):
        c.feed(n, n, memoryview(b""), False)
    assert c.tracker is None and not c.decode_order


def test_slot_times_leave_out_the_slots_of_frames_not_shown():
    """The first keyframe's leading frames (not shown) hold the first decode-time slots; a
    dropped frame's empty slot (3) stays a gap."""
    from fractions import Fraction

    from app.video.counted import _slot_times

    dts = np.array([0, 1, 2, 4, 5, 6, 7])
    times = _slot_times(dts, np.ones(7, dtype=bool), 2, 5, Fraction(1, 25), 25.0)
    assert np.allclose(times * 25, [0, 2, 3, 4, 5])
    assert np.allclose(_slot_times(dts, np.ones(7, dtype=bool), 0, 7, None, 25.0) * 25,
                       range(7))                                # no clock: a frame every 1/fps
