"""VideoSource: frame-accurate random access and stepping both ways over one video file."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from pathlib import Path

import av
import numpy as np

from app.i18n import _
from app.video.cache import FrameCache
from app.video.decoder import FrameDecoder
from app.video.errors import VideoError
from app.video.frame_index import FrameIndex
from app.video.info import VideoInfo, duration_of
from app.video.memory import pin_mmap_threshold
from app.video.persisted import load_or_build
from app.video.pixels import (
    Item,
    compact,
    kept_as_i420,
    kept_bgr,
    planar420,
    to_bgr,
    turned,
)
from app.video.prefetch import Prefetcher

JUMP_KEEP = 4   # frames a jump keeps: the one asked for and the three before it (same GOP)...
JUMP_RUN = 16   # ...when at least this many frames of its GOP come before it


class VideoSource:
    """An open video: ``read(i)`` returns exactly frame ``i`` (presentation order) as BGR.

    Thread-safe: reads are serialised by a lock, so a prefetch thread may share the source.
    Stepping back into a GOP that is not cached decodes it once, keeps a window of it in the
    cache and prefetches the frames before that window in a background decoder.
    """

    def __init__(self, path: str | Path, *, cache_bytes: int = 512 << 20,
                 index_dir: Path | None = None, fps_hint: float | None = None,
                 prefetch: bool = True) -> None:
        pin_mmap_threshold()
        self.path = Path(path)
        self.index: FrameIndex = load_or_build(self.path, index_dir, fps_hint)
        self.info = VideoInfo.from_index(self.path, self.index)
        self.cache = FrameCache(cache_bytes)
        self._main = FrameDecoder(self.path, self.index)
        self._prefetch = Prefetcher(self.path, self.index, self._store) if prefetch else None
        self._closed = False
        self.position = 0
        self.sha256: str | None = None     # the file's SHA-256 once computed (export)

    # --- description ---------------------------------------------------------------------------
    @property
    def frame_count(self) -> int:
        return self.index.frame_count

    @property
    def fps(self) -> float:
        return float(self.index.fps)

    @property
    def duration(self) -> float:
        return duration_of(self.index)

    @property
    def rotation(self) -> int:
        """Counter-clockwise degrees the stored frames are turned to show them upright."""
        return self.index.rotation

    @property
    def width(self) -> int:
        """Width of the frames as shown (upright)."""
        return self.index.height if self.index.rotation in (90, 270) else self.index.width

    @property
    def height(self) -> int:
        return self.index.width if self.index.rotation in (90, 270) else self.index.height

    def frame_size(self, i: int) -> tuple[int, int]:
        """(width, height) of frame ``i`` as shown: pictures may change size mid-file."""
        w, h = self.index.size_at(self._check(i))
        return (h, w) if self.index.rotation in (90, 270) else (w, h)

    def sizes_between(self, first: int, last: int) -> list[tuple[int, int, int]]:
        """``(first frame, width, height)`` as shown, per picture size within first..last."""
        return [(n, *self.frame_size(n)) for n, _w, _h in self.index.runs_between(first, last)]

    @property
    def segments(self) -> list[int]:
        """First frame of each recording in the file (DVR exports join several)."""
        return self.index.segment_starts

    def segment_of(self, i: int) -> int:
        """Number of the recording frame ``i`` belongs to (0 for the first)."""
        return int(np.searchsorted(self.segments, self._check(i), side="right")) - 1

    @property
    def codec(self) -> str:
        return self.index.codec

    @property
    def pixel_aspect(self) -> float:
        """Sample aspect ratio (pixel width / height) for correct display; 1.0 = square."""
        return self.index.sample_aspect

    @property
    def start_time(self) -> datetime | None:
        return self.info.start_time

    @property
    def keyframes(self) -> list[int]:
        return [int(k) for k in self.index.key_index]

    @property
    def truncated(self) -> bool:
        return self.index.truncated

    @property
    def warnings(self) -> list[str]:
        return list(self.index.warnings)

    @property
    def damaged(self) -> set[int]:
        """Frames the decoder reported as damaged (shown with concealment) or skipped."""
        return set(self._main.damaged) | (self._prefetch.damaged if self._prefetch else set())

    def pts(self, i: int) -> float:
        """Presentation time of frame ``i`` in seconds from the first frame."""
        return float(self.index.seconds[self._check(i)])

    def segment_clocks(self, zone: tzinfo | None = None) -> list[datetime | None]:
        """Camera clock at the first frame of each recording, as the file itself writes it
        (Dahua DAV: the date field of every chunk), else None. The recorder states no zone:
        the times are given ``zone`` (naive when None)."""
        clocks = [datetime.fromisoformat(c) if c else None for c in self.index.segment_clock]
        clocks += [None] * (len(self.segments) - len(clocks))
        return [c.replace(tzinfo=zone) if c is not None and zone is not None else c
                for c in clocks]

    def wall_time(self, i: int, clock_offset: float = 0.0,
                  segment_starts: list[datetime | None] | None = None,
                  zone: tzinfo | None = None) -> datetime | None:
        """Camera wall time of frame ``i`` + the camera's clock offset in seconds: counted from
        the start of its own recording — ``segment_starts[k]`` when given (the true start of
        each joined recording), else the clock the file writes per recording
        (:meth:`segment_clocks`, in ``zone``) — else file start time + pts; None when
        nothing states a start."""
        k = self.segment_of(i)
        starts = segment_starts if segment_starts is not None else self.segment_clocks(zone)
        start = starts[k] if k < len(starts) else None
        if start is not None:
            since = self.pts(i) - self.pts(self.segments[k])
            return start + timedelta(seconds=since + clock_offset)
        if self.start_time is None:
            return None
        return self.start_time + timedelta(seconds=self.pts(i) + clock_offset)

    def is_damaged(self, i: int) -> bool:
        """True when frame ``i`` was decoded from damaged data (shown with concealment)."""
        return i in self.damaged

    def index_at(self, seconds: float) -> int:
        """The frame on screen at ``seconds`` (last frame whose pts is not later)."""
        j = int(np.searchsorted(self.index.seconds, seconds + 1e-9, side="right")) - 1
        return min(max(j, 0), self.frame_count - 1)

    def _check(self, i: int) -> int:
        i = int(i)
        if not 0 <= i < self.frame_count:
            raise VideoError(_("frame {i} does not exist (the video has {n} frames, 0 to {last})",
                               i=i, n=self.frame_count, last=self.frame_count - 1), self.path)
        return i

    # --- reading -------------------------------------------------------------------------------
    def read(self, i: int) -> np.ndarray:
        """Exactly frame ``i`` as an H×W×3 uint8 BGR array (a fresh array each call)."""
        if self._closed:
            raise VideoError(_("the video has been closed"), self.path)
        i = self._check(i)
        prev = self.position
        item: Item | av.VideoFrame | np.ndarray | None = self.cache.get(i)
        if item is None and self._prefetch is not None and self._prefetch.wait_for(i):
            item = self.cache.get(i)
        if item is None:
            if self._prefetch is not None and i != prev + 1:
                self._prefetch.cancel()     # a jump: decoding ahead must not share the cores...
                if not _stepping_back(prev, i) and self._jump_run(i) < JUMP_KEEP:
                    self._plan_prefetch(i)   # ...unless it decodes only a few frames itself
            item = self._decode(i, prev)
        self.position = i
        image = self.upright(item if isinstance(item, np.ndarray)
                             else to_bgr(item, self.index.matrix, self.index.full_range))
        if self._prefetch is not None and i != prev + 1:   # stepped back or jumped
            self._plan_prefetch(i)      # after the conversion: the prefetch competes for CPU
        return image

    def upright(self, image: np.ndarray) -> np.ndarray:
        """A decoded frame turned as the file says it is to be shown (phone footage)."""
        return turned(image, self.index.rotation)

    def step(self, delta: int = 1) -> np.ndarray:
        """Read the frame ``delta`` frames away from :attr:`position` (clamped to the clip)."""
        return self.read(min(max(self.position + int(delta), 0), self.frame_count - 1))

    def wait_idle(self, timeout: float | None = None) -> None:
        """Wait until background prefetching is done (tests and benchmarks)."""
        if self._prefetch is not None:
            self._prefetch.wait_idle(timeout)

    def _store(self, i: int, frame: av.VideoFrame) -> Item:
        item = compact(frame, self.index.matrix, self.index.full_range)
        self.cache.put(i, item)
        return item

    def _capacity(self) -> int:
        return max(8, self.cache.capacity_frames(self.width * self.height * 3 // 2))

    def _decode(self, i: int, prev: int) -> Item | av.VideoFrame | np.ndarray:
        # stepping back: keep a quarter of the cache below i; a jump keeps the few frames just
        # before i in its GOP (the first step back after a click shows at once: the only extra
        # work is their non-reference frames), the prefetch brings the rest
        keep = self._capacity() // 4 if _stepping_back(prev, i) else self._jump_keep(i)
        wanted: list[av.VideoFrame | np.ndarray] = []

        def sink(j: int, frame: av.VideoFrame) -> None:
            if j != i or planar420(frame):   # 4:2:0 converts straight from the decoder's frame
                self._store(j, frame)
                if j == i:
                    wanted.append(frame)
                return
            shown = to_bgr(frame, self.index.matrix, self.index.full_range)   # other formats
            self.cache.put(j, kept_bgr(shown))      # convert once; the cache keeps a copy
            wanted.append(shown)

        with self._main.lock:
            item: Item | av.VideoFrame | np.ndarray | None = self.cache.get(i)
            if item is not None:
                return item
            self._main.decode(i, i, sink, keep_from=max(0, i - keep + 1))
            item = wanted[-1] if wanted else self.cache.get(i)
        if item is None:
            raise VideoError(_("frame {i} cannot be decoded (the data is damaged)", i=i),
                             self.path)
        return item

    def _jump_keep(self, i: int) -> int:
        """Frames a jump to ``i`` keeps. The three before it cost a copy each (and the
        B-frames among them a decode): worth it only where they are kept as they come (4:2:0;
        other formats are converted to BGR) and the background job would otherwise decode a
        long run of the GOP again for the first step back (a short run it redoes at once)."""
        idx = self.index
        cheap = kept_as_i420(idx.pix_fmt, idx.width, idx.height)
        return JUMP_KEEP if cheap and self._jump_run(i) >= JUMP_RUN else 1

    def _jump_run(self, i: int) -> int:
        """Frames of its GOP before ``i``: what a jump to ``i`` decodes besides ``i``."""
        return i - int(self.index.key_index[self.index.key_slot(i)])

    def _plan_prefetch(self, i: int) -> None:
        """Keep half the cache's worth of frames below the position decoded in advance. A jump
        onto a keyframe, or up to three frames after one, plans before it decodes ``i``: the
        first steps back reach the GOP before, which takes long, while the jump itself decodes
        a few frames (a jump further in would be slowed by the job: it plans after)."""
        capacity = self._capacity()
        low = self.cache.run_start(i - 1)   # the run cached just below i (i itself or not)
        if self._prefetch is not None and low > 0 and i - low <= capacity // 3:
            # little cached below (a jump): the next frames back come first, then the rest.
            # The rest decodes the same references again (from the GOP's keyframe): about
            # 2 ms a frame of that run at 1080p, while a held arrow key takes a frame per 40 ms,
            # so the first part holds run/16 frames (4 to 16) and the rest is ready in time
            run = low - int(self.index.key_index[self.index.key_slot(low - 1)])
            urgent = max(4, min(16, run // 16)) if i - low < JUMP_KEEP else 0
            self._prefetch.request(max(0, low - capacity // 2), low - 1, urgent=urgent)

    # --- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._prefetch is not None:
            self._prefetch.close()
        with self._main.lock:
            self._main.close()
        self.cache.clear()

    def __enter__(self) -> VideoSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"VideoSource({self.path.name!r}, {self.codec} {self.width}x{self.height}, "
                f"{self.frame_count} frames @ {self.fps:g} fps)")


def _stepping_back(prev: int, i: int) -> bool:
    """From ``prev`` to ``i`` is a step back (one frame, or two), not a jump."""
    return 0 < prev - i <= 2


def open_video(path: str | Path, *, cache_bytes: int = 512 << 20, index_dir: Path | None = None,
               fps_hint: float | None = None) -> VideoSource:
    """Open ``path`` for frame-accurate reading (use as a context manager)."""
    return VideoSource(path, cache_bytes=cache_bytes, index_dir=index_dir, fps_hint=fps_hint)


def probe(path: str | Path, *, index_dir: Path | None = None,
          fps_hint: float | None = None) -> VideoInfo:
    """Describe ``path`` (demux only; uses/stores the persisted index when ``index_dir`` given)."""
    path = Path(path)
    return VideoInfo.from_index(path, load_or_build(path, index_dir, fps_hint))
