"""Background prefetch: a second decoder fills the cache with frames the user is about to need
(the frames just before the current position when stepping backward or after a jump)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import av

from app.video.decoder import FrameDecoder
from app.video.errors import VideoError
from app.video.index import FrameIndex


@dataclass
class Job:
    """Ranges decoded in order; ``done[n]`` is set when range ``n`` is in the cache."""

    parts: list[tuple[int, int]]
    future: Future | None = None
    cancelled: threading.Event = field(default_factory=threading.Event)
    done: list[threading.Event] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(a for a, _ in self.parts)

    @property
    def last(self) -> int:
        return max(b for _, b in self.parts)

    def part_of(self, i: int) -> int | None:
        if self.cancelled.is_set():
            return None
        return next((n for n, (a, b) in enumerate(self.parts) if a <= i <= b), None)

    def covers(self, i: int) -> bool:
        return self.part_of(i) is not None


class Prefetcher:
    """One background job at a time; a new request cancels a running one it does not cover."""

    def __init__(self, path: Path, index: FrameIndex,
                 store: Callable[[int, av.VideoFrame], object]) -> None:
        self._path, self._index, self._store = path, index, store
        self._pool = ThreadPoolExecutor(1, "video-prefetch")
        self._decoder: FrameDecoder | None = None
        self._lock = threading.Lock()
        self.job: Job | None = None
        self.closed = False
        self._opening = self._pool.submit(self._prepare)   # now, not when the user waits

    @property
    def damaged(self) -> set[int]:
        return set(self._decoder.damaged) if self._decoder else set()

    def request(self, first: int, last: int, urgent: int = 0) -> None:
        """Decode ``first..last`` in the background; with ``urgent`` > 0 the last ``urgent``
        frames come first (the frame the user most likely asks for next), then the rest."""
        parts = [(first, last)]
        if 0 < urgent < last - first + 1:
            parts = [(last - urgent + 1, last), (first, last - urgent)]
        with self._lock:
            job = self.job
            if job is not None and job.future is not None and not job.future.done():
                if job.covers(last):
                    return
                job.cancelled.set()
            job = Job(parts, done=[threading.Event() for _ in parts])
            job.future = self._pool.submit(self._run, job)
            self.job = job

    def cancel(self) -> None:
        """Stop the running job at its next frame (the reader is about to decode itself)."""
        job = self.job
        if job is not None:
            job.cancelled.set()

    def wait_for(self, i: int) -> bool:
        """Block until the running job's range holding frame ``i`` is cached; True if one did."""
        job = self.job
        part = job.part_of(i) if job is not None else None
        if job is None or part is None:
            return False
        while not job.done[part].wait(0.05):
            if job.future is None or job.future.done():
                break
        return job.done[part].is_set()

    def wait_idle(self, timeout: float | None = None) -> None:
        if not self._opening.cancelled():    # (closed before it ran)
            self._opening.result(timeout)
        job = self.job
        if job is not None and job.future is not None:
            try:
                job.future.result(timeout)
            except VideoError:
                pass

    def _prepare(self) -> FrameDecoder:
        if self._decoder is None:
            # both cores: the user is often waiting for this job's first part (the first step
            # back after a jump). It never crowds out a frame the reader decodes itself: the
            # reader cancels it first, and it stops within a frame (a lower thread priority
            # would not do: the thread would sit on the interpreter lock while passed over)
            # H.264: three frame threads. With stand-ins (:mod:`app.video.stand_in`) every
            # other picture of a chain costs almost nothing; with two threads each real picture
            # landed on the same thread as the one it is built on and waited for it whole
            threads = 3 if self._index.codec == "h264" else 2
            self._decoder = FrameDecoder(self._path, self._index, threads=threads)
            if not self.closed:
                try:
                    self._decoder.prepare()
                except (VideoError, OSError, av.error.FFmpegError):
                    pass   # the reader opens (and reports) the file itself
        return self._decoder

    def _run(self, job: Job) -> None:
        def stopped() -> bool:   # a newer request replaced it, or the source closed
            return job.cancelled.is_set() or self.closed

        if stopped():
            return
        decoder = self._prepare()
        with decoder.lock:
            try:
                for (first, last), done in zip(job.parts, job.done, strict=True):
                    decoder.decode(first, last, self._store, stop=stopped)
                    if stopped():
                        return
                    done.set()
            except VideoError:
                pass   # the reader decodes (and reports) the frame itself

    def close(self) -> None:
        self.closed = True
        job = self.job
        if job is not None:
            job.cancelled.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._decoder is not None:
            with self._decoder.lock:
                self._decoder.close()
