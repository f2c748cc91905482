"""Keep the resident size honest while big frame buffers come and go, without paying for it on
every frame.

Frames *kept* (the frame cache) live each in an anonymous mapping of its own
(:func:`mapped_array`): evicting one returns its memory to the system at once. Frames in
flight (decoder output, the BGR picture handed to the caller) come from the malloc heap, whose
freed blocks are reused as they are: a fresh mmap per frame costs a page fault for every 4 KiB
touched, several milliseconds per HD frame on a busy machine (more than the colour conversion).
So the mmap threshold is pinned high (and trimming of the heap top with it, so one freed frame
is not given back only to be faulted in again for the next one). Only glibc (Linux) needs and
gets the malloc settings.
"""

from __future__ import annotations

import ctypes
import mmap
import sys

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
            and bool(libc.mallopt(M_TRIM_THRESHOLD, 2 * threshold))
    except (OSError, AttributeError):
        _done = False
    return _done


def mapped_array(shape: tuple[int, ...]) -> np.ndarray:
    """A uint8 array in an anonymous mapping of its own, unmapped when the array is freed."""
    size = 1
    for n in shape:
        size *= int(n)
    return np.frombuffer(mmap.mmap(-1, max(1, size)), dtype=np.uint8, count=size).reshape(shape)
