"""Frame memory: cached frames live in mappings of their own, recycled only when nobody else
holds them; byte-addressed streams are entered by byte seek, with the spliced demuxer as the
fallback, both frame-exact."""

from __future__ import annotations

import random

import numpy as np
import pytest

from app.video import open_video
from app.video.cache import FrameCache
from app.video.decoder import FrameDecoder
from app.video.memory import MappedPool
from app.video.pixels import I420
from tests.formats import make_variant
from tests.media import frame_index_of, make_clip


def test_pool_recycles_a_free_buffer_and_never_one_still_in_use():
    pool = MappedPool(limit=1 << 20)
    first = pool.take(4096)
    first[:] = 7
    view = first.reshape(64, 64)
    pool.give(view)
    held = view[:8]                       # someone still holds a view of the buffer
    del first, view
    second = pool.take(4096)
    assert not np.shares_memory(second, held)  # not handed out while in use
    assert held[0, 0] == 7
    pool.give(second)
    keep = second.__array_interface__["data"][0]
    del second
    assert pool.take(4096).__array_interface__["data"][0] == keep   # free: recycled
    assert pool.take(8192).nbytes == 8192                           # other sizes: fresh


def test_pool_keeps_no_more_than_its_limit():
    pool = MappedPool(limit=3 * 4096)
    for _ in range(5):
        pool.give(pool.take(4096))
    assert pool._bytes <= 3 * 4096


def test_evicted_frames_are_recycled_without_changing_cached_ones():
    cache = FrameCache(budget_bytes=3 * 4096)
    pool_frames = []
    from app.video.memory import mapped_array

    for n in range(6):
        data = mapped_array((4096,))
        data[:] = n
        pool_frames.append(data.__array_interface__["data"][0])
        cache.put(n, (I420, data))
        del data
    for n in (3, 4, 5):                   # the three kept frames are intact
        item = cache.get(n)
        assert item is not None and int(item[1][0]) == n and int(item[1][-1]) == n
    assert len(set(pool_frames)) < 6      # evicted buffers served later frames


@pytest.mark.parametrize("name", ["ts_h264", "mpg_mpeg2", "dav_h264", "ps_joined_restart"])
def test_spliced_fallback_reads_the_same_frames_as_byte_seeks(name):
    v = make_variant(name, frames=60, gop=12)
    with open_video(v.path, cache_bytes=1 << 20) as video:
        index = video.index
        assert index.seek_by == "pos"
    targets = list(range(60))
    random.Random(name).shuffle(targets)
    for byte_seek in (True, False):
        decoder = FrameDecoder(v.path, index)
        try:
            decoder._ensure_open()
            assert decoder._positioned is not None
            decoder._positioned._byte_seek = byte_seek     # False: refused, as some demuxers
            got: list = []
            for i in targets[:20]:
                got.clear()
                decoder.decode(i, i, lambda j, frame, out=got: out.append((j, frame)))
                assert got and got[-1][0] == i
                image = got[-1][1].to_ndarray(format="bgr24")
                assert frame_index_of(image) == v.codes[i], f"{name} byte_seek={byte_seek} {i}"
        finally:
            decoder.close()


def test_converted_frames_do_not_share_memory_with_the_cache():
    with open_video(make_clip("h264_mp4", frames=60), cache_bytes=8 << 20) as video:
        a = video.read(30)
        b = video.read(30)                 # a cache hit
        assert np.array_equal(a, b) and not np.shares_memory(a, b)
        a[:] = 0
        assert frame_index_of(video.read(30)) == 30
