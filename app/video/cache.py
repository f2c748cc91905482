"""Decoded-frame cache with a byte budget (least recently used frames leave first)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from app.video.memory import POOL
from app.video.pixels import Item, nbytes


class FrameCache:
    """Thread-safe LRU of decoded frames (compact private copies) by frame index; the memory of
    frames that leave is recycled for the next ones (:data:`app.video.memory.POOL`)."""

    def __init__(self, budget_bytes: int = 512 << 20) -> None:
        self.budget = max(0, int(budget_bytes))
        self._frames: OrderedDict[int, tuple[Item, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.used = 0
        self.hits = 0
        self.misses = 0
        self.frame_size = 0  # bytes of the last frame stored (for window planning)

    def __len__(self) -> int:
        return len(self._frames)

    def __contains__(self, index: int) -> bool:
        return index in self._frames

    def get(self, index: int) -> Item | None:
        with self._lock:
            item = self._frames.get(index)
            if item is None:
                self.misses += 1
                return None
            self._frames.move_to_end(index)
            self.hits += 1
            return item[0]

    def put(self, index: int, frame: Item) -> None:
        size = nbytes(frame)
        with self._lock:
            self.frame_size = size
            old = self._frames.pop(index, None)
            if old is not None:
                self.used -= old[1]
                if old[0][1] is not frame[1]:
                    POOL.give(old[0][1])
            if size > self.budget:
                return
            self._frames[index] = (frame, size)
            self.used += size
            while self.used > self.budget:
                _, (gone, freed) = self._frames.popitem(last=False)
                self.used -= freed
                POOL.give(gone[1])

    def capacity_frames(self, fallback_size: int) -> int:
        """How many frames of the current size fit in the budget."""
        return self.budget // max(1, self.frame_size or fallback_size)

    def run_start(self, index: int) -> int:
        """Lowest ``j`` such that every frame ``j..index`` is cached (``index + 1`` if none)."""
        with self._lock:
            j = index
            while j in self._frames:
                j -= 1
            return j + 1

    def clear(self) -> None:
        with self._lock:
            for item, _size in self._frames.values():
                POOL.give(item[1])
            self._frames.clear()
            self.used = 0
