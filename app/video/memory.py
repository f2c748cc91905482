"""Keep the resident size honest while big frame buffers come and go, without paying for it on
every frame.

Frames *kept* (the frame cache) live each in an anonymous mapping of its own
(:func:`mapped_array`): evicting one returns its memory to the system at once. Frames in
flight (decoder output, the BGR picture handed to the caller) come from the malloc heap, whose
freed blocks are reused as they are: a fresh mmap per frame costs a page fault for every 4 KiB
touched, several milliseconds per HD frame on a busy machine (more than the colour conversion).
So the mmap threshold is pinned high, and the heap top is trimmed only beyond half of it (a
freed frame or two is kept for the next one instead of being faulted in again; more is given
back, so no thread's heap holds on to many frames). Only glibc (Linux) needs and gets the
malloc settings.
"""

from __future__ import annotations

import ctypes
import mmap
import sys
import threading

import numpy as np

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
_done = False


def pin_mmap_threshold(threshold: int = 32 << 20) -> bool:
    """Call once per process; returns True when the setting was applied. 32 MiB is glibc's
    largest threshold (a 4K BGR frame); larger blocks are mmaps whatever is set."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        libc = ctypes.CDLL("libc.so.6")
        _done = bool(libc.mallopt(M_MMAP_THRESHOLD, threshold)) \
            and bool(libc.mallopt(M_TRIM_THRESHOLD, threshold // 2))
    except (OSError, AttributeError):
        _done = False
    return _done


class MappedPool:
    """Mappings of frames that left the cache, handed out again for the next frame of the same
    size: a recycled buffer is already resident, so copying a frame into it faults no page. At
    most ``limit`` bytes wait here; a buffer still used elsewhere is never handed out."""

    def __init__(self, limit: int = 32 << 20) -> None:
        self.limit = limit
        self._free: list[np.ndarray] = []
        self._bytes = 0
        self._lock = threading.Lock()

    def give(self, array: np.ndarray) -> None:
        """``array`` (from :meth:`take`, or a view of it) is no longer kept by its owner."""
        root = array if isinstance(array.base, memoryview) else array.base
        if not isinstance(root, np.ndarray) or not isinstance(root.base, memoryview):
            return
        with self._lock:
            if self._bytes + root.nbytes <= self.limit:
                self._free.append(root)
                self._bytes += root.nbytes

    def take(self, size: int) -> np.ndarray:
        """A 1-D uint8 array of ``size`` bytes in a mapping of its own (recycled if one fits)."""
        with self._lock:
            for n in range(len(self._free) - 1, -1, -1):
                root = self._free[n]
                if root.nbytes != size:
                    continue
                del self._free[n]
                self._bytes -= root.nbytes
                # referenced only by this frame and getrefcount's argument: nobody else holds
                # a view of it; otherwise it is left to be freed by whoever still uses it
                if sys.getrefcount(root) == 2:
                    return root
        return np.frombuffer(_fresh(max(1, size)), dtype=np.uint8, count=size)

    def clear(self) -> None:
        with self._lock:
            self._free.clear()
            self._bytes = 0


def _fresh(size: int) -> mmap.mmap:
    """A new anonymous mapping, its pages faulted in by the kernel in one go where it can
    (Linux MAP_POPULATE: half the time of a fault per 4 KiB page as the copy touches them)."""
    populate = getattr(mmap, "MAP_POPULATE", 0)
    if populate:
        return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | populate)
    return mmap.mmap(-1, size)


POOL = MappedPool()


def mapped_array(shape: tuple[int, ...]) -> np.ndarray:
    """A uint8 array in an anonymous mapping of its own (recycled through :data:`POOL`); the
    mapping is unmapped when the array is freed and not given back to the pool."""
    size = 1
    for n in shape:
        size *= int(n)
    root = POOL.take(size)
    return root if len(shape) == 1 else root.reshape(shape)
