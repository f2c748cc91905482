"""Picture sizes of an evidence file as shown (upright): one size, or runs of sizes when the
camera's settings changed mid-export (``EvidenceItem.sizes_json``; see
:mod:`app.video.picture_size`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

Run = tuple[int, int, int]          # first frame, width, height


def shown_runs(info: object) -> tuple[tuple[int, int], tuple[Run, ...]]:
    """``((width, height), runs)`` of a probed file as shown upright; runs () for one size."""
    turned = getattr(info, "rotation", 0) in (90, 270)
    w, h = getattr(info, "width", 0) or 0, getattr(info, "height", 0) or 0
    runs = tuple((int(n), int(b), int(a)) if turned else (int(n), int(a), int(b))
                 for n, a, b in getattr(info, "sizes", ()))
    return ((h, w) if turned else (w, h)), runs


def encode(runs: Sequence[Run]) -> str:
    """JSON for ``EvidenceItem.sizes_json`` ("" for one size)."""
    if len(runs) < 2:
        return ""
    return json.dumps([{"frame": n, "width": w, "height": h} for n, w, h in runs])


def decode(text: str | None) -> tuple[Run, ...]:
    """The runs stored in ``sizes_json``; () for one size (or unreadable)."""
    if not text:
        return ()
    try:
        return tuple((int(r["frame"]), int(r["width"]), int(r["height"]))
                     for r in json.loads(text))
    except (ValueError, TypeError, KeyError):
        return ()


def size_at(runs: Sequence[Run], frame: int, width: int | None, height: int | None
            ) -> tuple[int | None, int | None]:
    """(width, height) of ``frame``: its run's, else the file's one size."""
    current = None
    for run in runs:
        if run[0] > frame:
            break
        current = run
    return (current[1], current[2]) if current is not None else (width, height)
