"""Keep the resident size honest while big frame buffers come and go.

glibc raises its mmap threshold after large blocks are freed, after which multi-MiB frame
buffers come from the heap and freed ones are not returned to the system (RSS roughly doubled
while stepping through 1080p). Pinning the threshold makes every frame-sized block an mmap
that is unmapped when freed. Only glibc (Linux) needs and gets this.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3
_done = False


def pin_mmap_threshold(threshold: int = 256 << 10) -> bool:
    """Call once per process; returns True when the setting was applied."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        libc = ctypes.CDLL("libc.so.6")
        _done = bool(libc.mallopt(M_MMAP_THRESHOLD, threshold))
    except (OSError, AttributeError):
        _done = False
    return _done
