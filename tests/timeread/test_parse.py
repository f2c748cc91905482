"""The OSD line parser: DVR layouts, 12/24 h, weekdays, OCR slips; nothing invented."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.timeread.parse import parse_clock

T = datetime(2023, 11, 28, 5, 51, 7)
PM = datetime(2023, 11, 28, 17, 51, 7)


@pytest.mark.parametrize(("text", "clock", "layout"), [
    ("2023-11-28 05:51:07", T, "YMD 24h"),
    ("2023-11-2805:51:07", T, "YMD 24h"),              # the detector dropped the space
    ("2023年11月28日 星期二 05:51:07", T, "YMD 24h"),
    ("11-28-2023 05:51:07 AM", T, "MDY 12h"),
    ("11/28/2023 Tue 05:51:07 PM", PM, "MDY 12h"),
    ("28/11/2023 Tue 17:51:07", PM, "DMY 24h"),
    ("下午 2023/11/28 05:51:07", PM, "YMD 12h"),
    ("CH01 2023.11.28 05:51:07", T, "YMD 24h"),
    ("2O23-1l-28 O5:51:07", T, "YMD 24h"),              # O for 0, l for 1
    ("23-11-28 05:51:07", T, "YY-MD 24h"),
])
def test_layouts(text, clock, layout):
    parsed = parse_clock(text, 0.95)
    assert parsed is not None
    assert (parsed.clock, parsed.layout) == (clock, layout)
    assert 0.5 < parsed.confidence <= 0.95


def test_confidence_drops_for_guesses():
    clean = parse_clock("2023-11-28 星期二 05:51:07").confidence
    assert parse_clock("2023-11-28 星期三 05:51:07").confidence < clean  # weekday disagrees
    assert parse_clock("03-04-2023 05:51:07").confidence < clean         # 3 April or 4 March?
    assert parse_clock("03-04-2023 05:51:07", year_last="DMY").clock == datetime(2023, 4, 3, 5, 51, 7)


@pytest.mark.parametrize("text", ["", "CH01 天桥街", "05:51:07", "2023-13-40 05:51:07",
                                  "1875-11-28 05:51:07", "2023-11-28 25:61:07"])
def test_nothing_invented(text):
    assert parse_clock(text) is None

