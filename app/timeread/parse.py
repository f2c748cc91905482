"""Parse an OSD clock line as a DVR burns it into the picture.

Handles Chinese and Western dates (``2023-11-28``, ``2023年11月28日``, ``11-28-2023``,
``28/11/2023``, ``23-11-28``), 12/24-hour times (``AM``/``PM``, ``上午``/``下午``), weekday names
(``星期二``, ``周二``, ``Tue``) and the usual OCR slips (``O``→0, ``l``→1, a lost space between the
day and the hour). The result carries a confidence: the OCR's own score lowered for every guess
the parser had to make.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

_CN_WEEK = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEK = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY = re.compile(r"(?:星期|周|礼拜)([一二三四五六日天])|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?",
                      re.IGNORECASE)
_MERIDIEM = re.compile(r"(上午|凌晨|早上|中午|下午|晚上|\b[AaPp]\.?\s?[Mm]\b\.?)")
_CONFUSABLE = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1",
                             "i": "1", "!": "1", "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8",
                             "g": "9", "q": "9", "b": "6", "G": "6"})
_CJK_SEP = str.maketrans({"年": "-", "月": "-", "日": " ", "时": ":", "時": ":", "分": ":",
                          "秒": " ", "号": " "})
_SEP = r"[^\d]{1,3}"
_TIME = r"(\d{1,2})[^\d]{0,2}(\d{2})[^\d]{0,2}(\d{2})"
_YMD = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})[^\d]{{0,6}}{_TIME}")
_XXY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})[^\d]{{0,6}}{_TIME}")
_YY = re.compile(rf"(?<!\d)(\d{{2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})[^\d]{{1,6}}{_TIME}")


@dataclass(frozen=True)
class ParsedClock:
    """A clock reading: what the DVR displays (naive, its own clock), how sure we are."""

    clock: datetime
    confidence: float
    layout: str          # "YMD", "MDY", "DMY", "YY-MD" + " 12h"/" 24h"
    weekday_ok: bool | None  # None: no weekday shown
    text: str


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_CJK_SEP)


def _weekday(text: str) -> tuple[int | None, str]:
    m = _WEEKDAY.search(text)
    if not m:
        return None, text
    day = _CN_WEEK[m.group(1)] if m.group(1) else _EN_WEEK[m.group(2).lower()[:3]]
    return day, text[:m.start()] + " " + text[m.end():]


def _meridiem(text: str) -> tuple[str | None, str]:
    m = _MERIDIEM.search(text)
    if not m:
        return None, text
    word = m.group(1).replace(".", "").replace(" ", "").lower()
    pm = word in {"下午", "晚上", "中午", "pm"}
    return ("pm" if pm else "am"), text[:m.start()] + " " + text[m.end():]


def _digits(text: str) -> tuple[str, int]:
    """Replace letters OCR confuses with digits; count how many were replaced."""
    fixed = text.translate(_CONFUSABLE)
    changed = sum(1 for a, b in zip(text, fixed, strict=True) if a != b)
    return fixed, changed


def _order(a: int, b: int, year_last_hint: str) -> tuple[int, int, str, float]:
    """(month, day, layout, factor) for a date written ``a-b-YYYY``."""
    if a > 12 >= b:
        return b, a, "DMY", 1.0
    if b > 12 >= a:
        return a, b, "MDY", 1.0
    if a == b:
        return a, b, year_last_hint, 1.0
    if year_last_hint == "DMY":
        return b, a, "DMY", 0.85
    return a, b, "MDY", 0.85


def parse_clock(text: str, ocr_confidence: float = 1.0, *, year_last: str = "MDY",
                ) -> ParsedClock | None:
    """The clock shown by ``text`` or None when it holds no full date and time.

    ``year_last`` says how to read an ambiguous ``a-b-YYYY`` date ("MDY" or "DMY"); a profile
    passes the order the unambiguous readings of the same camera showed.
    """
    if not text or not text.strip():
        return None
    norm = _normalise(text)
    weekday, norm = _weekday(norm)
    meridiem, norm = _meridiem(norm)
    norm, slips = _digits(norm)
    factor = 0.97 ** slips
    parts: tuple[int, ...] | None = None
    for pattern, kind in ((_YMD, "YMD"), (_XXY, "XXY"), (_YY, "YY-MD")):
        m = pattern.search(norm)
        if not m:
            continue
        g = [int(x) for x in m.groups()]
        if kind == "YMD":
            parts, layout = (g[0], g[1], g[2], g[3], g[4], g[5]), "YMD"
        elif kind == "XXY":
            month, day, layout, f = _order(g[0], g[1], year_last)
            factor *= f
            parts = (g[2], month, day, g[3], g[4], g[5])
        else:
            parts, layout = (2000 + g[0], g[1], g[2], g[3], g[4], g[5]), "YY-MD"
            factor *= 0.9
        break
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts
    if meridiem is not None:
        if not 1 <= hour <= 12:
            factor *= 0.6
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
        layout += " 12h"
    else:
        layout += " 24h"
    if not 1990 <= year <= 2099:
        return None
    try:
        clock = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    weekday_ok = None if weekday is None else clock.weekday() == weekday
    if weekday_ok is False:
        factor *= 0.7
    confidence = max(0.0, min(1.0, float(ocr_confidence) * factor))
    return ParsedClock(clock, confidence, layout, weekday_ok, text)
