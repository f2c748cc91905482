"""Text on a marked region: read as a suggestion, nothing when nothing is legible."""

from __future__ import annotations

import cv2
import numpy as np

from app.timeread.roi_text import read_region_text


def test_region_text_is_a_suggestion_from_the_marked_area():
    frame = np.full((120, 320, 3), 40, np.uint8)
    cv2.rectangle(frame, (100, 40), (230, 80), (230, 230, 230), -1)
    cv2.putText(frame, "HN A12345", (106, 70), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (20, 20, 20), 2)
    found = read_region_text(frame, (95, 35, 140, 50))
    assert found and found[0].text.replace(" ", "") == "HNA12345" and found[0].confidence > 0.7
    assert read_region_text(np.full((120, 320, 3), 40, np.uint8), (95, 35, 140, 50)) == []
