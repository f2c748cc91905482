"""Text on a marked region (a plate, a shop sign, a vehicle's lettering), read as a suggestion:
the officer accepts or edits it; nothing here writes to the case."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.timeread.ocr import OcrEngine, shared_engine
from app.timeread.region import Box, crop


@dataclass(frozen=True)
class TextSuggestion:
    text: str
    confidence: float
    box: Box  # in frame pixels


def read_region_text(frame: np.ndarray, roi: Box, engine: OcrEngine | None = None,
                     min_confidence: float = 0.5) -> list[TextSuggestion]:
    """Lines of text inside ``roi``, most confident first (empty when nothing is legible)."""
    engine = engine or shared_engine()
    x, y, w, h = (int(v) for v in roi)
    x, y = max(0, x), max(0, y)
    w, h = min(w, frame.shape[1] - x), min(h, frame.shape[0] - y)
    if w < 4 or h < 4:
        return []
    region = crop(frame, (x, y, w, h))
    lines = engine.lines(region)
    if not lines:  # a single tight line the detector misses: read the region as one line
        text, conf = engine.read_line(region)
        lines_out = [TextSuggestion(text, conf, (x, y, w, h))] if text.strip() else []
    else:
        lines_out = [TextSuggestion(line.text, line.confidence,
                                    (x + line.box[0], y + line.box[1], line.box[2], line.box[3]))
                     for line in lines]
    return sorted((s for s in lines_out if s.confidence >= min_confidence),
                  key=lambda s: -s.confidence)
