"""Decoded-frame cache, background prefetch, persisted index, thread-safe reads."""

from __future__ import annotations

import random
import threading

import pytest

import app.video.persisted as index_module
from app.video import open_video, probe
from app.video.source import VideoSource
from tests.formats import make_variant
from tests.media import frame_index_of, make_clip

FRAME_BYTES = 320 * 240 * 3 // 2   # yuv420p as kept in the cache


def test_stepping_back_inside_a_gop_is_a_cache_hit():
    with open_video(make_clip("h264_mp4", frames=120)) as video:
        video.read(99)                       # seek: decodes 50..99 once
        video.wait_idle(30)                  # the frames below 99 are prefetched meanwhile
        misses = video.cache.misses
        for expected in range(98, 49, -1):
            assert frame_index_of(video.step(-1)) == expected
        assert video.cache.misses == misses   # every backward step inside the GOP was cached


def test_cache_respects_its_byte_budget():
    budget = 10 * FRAME_BYTES
    with open_video(make_clip("h264_mp4", frames=120), cache_bytes=budget) as video:
        for i in range(0, 120, 7):
            video.read(i)
        video.read(119)
        for _ in range(30):
            video.step(-1)
        assert 0 < video.cache.used <= budget
        assert len(video.cache) <= 10


def test_backward_steps_prefetch_the_previous_gop():
    with open_video(make_clip("h264_mp4", frames=120, gop=25), cache_bytes=60 * FRAME_BYTES) \
            as video:
        video.read(110)                      # a jump: the frames below are fetched behind it
        video.wait_idle(30)
        job = video._prefetch.job
        assert job is not None and job.last < 110 and job.first < 100   # into the GOP before
        for i in range(job.first, job.last + 1):
            assert i in video.cache
        misses = video.cache.misses
        for expected in range(109, job.first - 1, -1):
            assert frame_index_of(video.step(-1)) == expected
        video.wait_idle(30)
        assert video.cache.misses - misses <= 2   # prefetch stays ahead of the steps
        for _ in range(20):
            video.step(-1)
        assert frame_index_of(video.read(video.position)) == video.position


def test_a_jump_stops_decoding_ahead_before_it_decodes(monkeypatch):
    """The background job must not share the cores with the frame the user jumped to: the jump
    cancels it, and the job stops within a frame (it does not finish its range)."""
    clip = make_clip("h264_mp4", frames=300, gop=250, size=(1280, 720))
    with open_video(clip, cache_bytes=200 * 1280 * 720 * 3 // 2) as video:
        video.read(260)                      # a jump: the GOP before is decoded behind it
        job = video._prefetch.job
        assert job is not None and job.parts[1] == (160, 255)   # 10 into its GOP: 260 alone
        assert job.done[0].wait(30)          # 256..259 first; now on its way from 0 to 160
        monkeypatch.setattr(video._prefetch, "request", lambda *a, **k: None)  # no new job
        assert frame_index_of(video.read(40)) == 40   # another jump, not covered by the job
        assert job.cancelled.is_set()
        job.future.result(30)
        assert video._prefetch._decoder.last < 100    # it stopped, far short of its range
        video.wait_idle(30)
        for i in (39, 38, 259, 258):          # the new job fills in; every frame still exact
            assert frame_index_of(video.read(i)) == i


def test_a_jump_near_a_keyframe_starts_the_gop_before_first(monkeypatch):
    """The first step back after a jump onto a keyframe (or up to three frames after one)
    reaches the GOP before, which takes long: its job starts before the jump decodes its own
    few frames. A jump further in decodes its run first (the job would only slow it)."""
    clip = make_clip("h264_mp4", frames=300, gop=250)
    for target, first_part in ((250, (235, 249)), (253, (249, 252)), (254, None), (120, None)):
        with open_video(clip, cache_bytes=200 * FRAME_BYTES) as video:
            seen: list[tuple[int, int] | None] = []
            decode = video._main.decode

            def logged(*args, video=video, decode=decode, seen=seen, **kwargs):
                job = video._prefetch.job
                seen.append(job.parts[0] if job and not job.cancelled.is_set() else None)
                return decode(*args, **kwargs)

            monkeypatch.setattr(video._main, "decode", logged)
            assert frame_index_of(video.read(target)) == target
            assert seen == [first_part], target
            assert video._prefetch.job is not None      # after the decode in every case
            video.wait_idle(30)
            for i in range(target - 1, target - 6, -1):
                assert frame_index_of(video.read(i)) == i


def test_after_a_jump_the_first_part_covers_a_held_arrow_key():
    """The rest of the range decodes the GOP's references again: the first part holds enough
    frames (run/16, 4 to 16) that steps back at 25/s do not reach its end before the rest."""
    with open_video(make_clip("h264_mp4", frames=300, gop=250), cache_bytes=200 * FRAME_BYTES) \
            as video:
        video.read(250)                              # a keyframe: the whole GOP before it
        assert video._prefetch.job.parts[0] == (235, 249)
        assert frame_index_of(video.step(-1)) == 249
        misses = video.cache.misses
        for expected in range(248, 234, -1):
            assert frame_index_of(video.step(-1)) == expected
        assert video.cache.misses == misses         # all 14 from the first part
    with open_video(make_clip("h264_mp4", frames=120, gop=25), cache_bytes=60 * FRAME_BYTES) \
            as video:
        video.read(100)                              # a short GOP: the rest comes quickly
        assert video._prefetch.job.parts[0] == (96, 99)


def test_the_first_steps_back_after_a_jump_need_no_decoding():
    """A click on the timeline keeps the three frames before it in its GOP: an officer's first
    steps back are on screen at once, and the background job starts right below them."""
    with open_video(make_clip("h264_mp4", frames=300, gop=250), cache_bytes=200 * FRAME_BYTES) \
            as video:
        assert frame_index_of(video.read(180)) == 180
        assert video._prefetch.job.parts[0] == (166, 176)      # run 177 / 16 = 11 first
        misses = video.cache.misses
        for expected in (179, 178, 177):
            assert frame_index_of(video.step(-1)) == expected
        assert video.cache.misses == misses
        for expected in range(176, 165, -1):                     # then the job's first part
            assert frame_index_of(video.step(-1)) == expected


def test_a_jump_keeps_the_frames_before_it_only_where_that_pays():
    """Early in a GOP the background job redoes the few frames at once, and frames that are
    not 4:2:0 would each be converted to BGR: there a jump keeps only the frame asked for."""
    with VideoSource(make_clip("h264_mp4", frames=300, gop=250), prefetch=False) as video:
        video.read(180)
        assert [j for j in range(170, 185) if j in video.cache] == [177, 178, 179, 180]
        video.cache.clear()
        video.read(12)                       # 12 frames into its GOP
        assert [j for j in range(5, 20) if j in video.cache] == [12]
    variant = make_variant("mp4_yuv444", frames=150, size=(320, 240), gop=250)
    with VideoSource(variant.path, prefetch=False) as video:
        video.read(120)
        assert [j for j in range(110, 125) if j in video.cache] == [120]


def test_decoding_stops_when_asked():
    with VideoSource(make_clip("h264_mp4", frames=120, gop=25), prefetch=False) as video:
        got: list[int] = []
        video._main.decode(30, 60, lambda i, _f: got.append(i), stop=lambda: len(got) >= 3)
        assert got == [30, 31, 32]


def test_forward_steps_do_not_prefetch():
    with open_video(make_clip("h264_mp4", frames=120)) as video:
        for _ in range(30):
            video.step(1)
        assert video._prefetch.job is None


def test_index_is_persisted_and_reused(tmp_path, monkeypatch):
    path = make_clip("h264_raw", frames=120)
    store = tmp_path / "index"
    first = probe(path, index_dir=store)
    assert len(list(store.glob("*.npz"))) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("the index should have been loaded, not rebuilt")

    monkeypatch.setattr(index_module, "build_index", refuse)
    with open_video(path, index_dir=store) as video:
        assert video.frame_count == first.frame_count == 120
        assert video.keyframes == list(first.keyframes)
        assert frame_index_of(video.read(77)) == 77


def test_a_changed_file_gets_a_new_index(tmp_path):
    store = tmp_path / "index"
    path = tmp_path / "cam.mkv"
    path.write_bytes(make_clip("h264_mkv", frames=60).read_bytes())
    assert probe(path, index_dir=store).frame_count == 60
    path.write_bytes(make_clip("h264_mkv", frames=90).read_bytes())
    assert probe(path, index_dir=store).frame_count == 90


def test_corrupt_index_file_is_rebuilt(tmp_path):
    store = tmp_path / "index"
    path = make_clip("h264_mkv", frames=60)
    probe(path, index_dir=store)
    for saved in store.glob("*.npz"):
        saved.write_bytes(b"not an index")
    assert probe(path, index_dir=store).frame_count == 60


def test_reads_from_two_threads_are_exact():
    errors: list[str] = []
    with open_video(make_clip("h264_mp4", frames=120), cache_bytes=8 * FRAME_BYTES) as video:
        def worker(seed: int) -> None:
            rnd = random.Random(seed)
            for _ in range(40):
                i = rnd.randrange(120)
                got = frame_index_of(video.read(i))
                if got != i:
                    errors.append(f"{i}→{got}")

        threads = [threading.Thread(target=worker, args=(s,)) for s in (1, 2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_closed_source_refuses_reads():
    from app.video import VideoError

    video = open_video(make_clip("h264_mp4", frames=30))
    video.close()
    with pytest.raises(VideoError):
        video.read(0)


def test_default_index_dir(tmp_path, monkeypatch):
    from app.video import set_default_index_dir, thumbnails

    path = make_clip("h264_mkv", frames=60)
    set_default_index_dir(tmp_path / "idx")
    try:
        assert len(thumbnails(path, 2)) == 2          # any engine call persists the index
        assert len(list((tmp_path / "idx").glob("*.npz"))) == 1
        monkeypatch.setattr(index_module, "build_index", lambda *a, **k: 1 / 0)
        assert probe(path).frame_count == 60          # …and later calls reuse it
    finally:
        set_default_index_dir(None)
