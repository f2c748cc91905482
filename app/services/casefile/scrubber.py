"""The shared free-text scrubber: finds identifying values typed into free text.

Used by the anonymized case view, the trainer replay, anonymized PDF reports and training
packages (export scrubs, import refuses what is still there). It finds what a pattern can find:
ID numbers, mobile and landline numbers, Chinese plates, house-numbered addresses, and names
introduced by a telling word (名叫 / 证人 / 车主 / 外号 …). Known values (the case's persons,
vehicles, officers) are replaced by :mod:`pseudonyms` before these patterns run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
             "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
             "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧易")
_HAN = "\u4e00-\u9fff"

PATTERNS: dict[str, re.Pattern[str]] = {
    "id": re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])"),
    "phone": re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|(?<=电话)\d{7,8}|"
                        r"(?<=座机)\d{7,8}|(?<=电话：)\d{7,8}|(?<=电话:)\d{7,8})(?!\d)"),
    "plate": re.compile(rf"[{PROVINCES}][A-HJ-NP-Z][·・\s-]?[A-HJ-NP-Z0-9]{{4,5}}"
                        rf"[A-HJ-NP-Z0-9挂学警]"),
    "address": re.compile(rf"[{_HAN}]{{1,12}}(?:路|街|道|巷|弄|胡同|村|组)\d{{1,5}}(?:号|弄)"
                          rf"(?:[{_HAN}\d-]{{0,12}}?(?:栋|幢|单元|室|楼|号房))*|"
                          rf"[{_HAN}]{{2,10}}(?:小区|花园|公寓|新村|家属区|宿舍)\d{{1,4}}(?:栋|幢)"
                          rf"(?:\d{{1,2}}单元)?(?:\d{{1,5}}室?)?"),
    # a surname plus one or two characters right after a word that introduces a person
    "name": re.compile(r"(?<=名叫)|(?<=叫做)|(?<=姓名)|(?<=证人)"
                       r"|(?<=车主)|(?<=司机)|(?<=驾驶人)|(?<=报警人)|(?<=目击者)|(?<=户主)"
                       r"|(?<=邻居)|(?<=老板)|(?<=家属)"),
}
_NAME_AFTER = re.compile(rf"[:：\s]?([{_SURNAMES}][{_HAN}]{{1,2}})")
_NICKNAME = re.compile(rf"(?:外号|绰号|小名|诨名)(?:叫)?[:：\s]?[\u201c\"\u300c\u300e]?"
                       rf"([{_HAN}]{{1,3}})")
_STAND_IN = re.compile(r"(?:人员|民警|地址|电话|身份证号)[A-Z0-9]")  # already a pseudonym
_NOT_NAMES = frozenset({"某", "某某", "不详", "未知", "逃逸", "驾车", "驾驶", "称", "说", "表示"})


def _names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in PATTERNS["name"].finditer(text):
        after = _NAME_AFTER.match(text, m.end())
        if after and after.group(1)[1:] not in _NOT_NAMES and "某" not in after.group(1):
            spans.append(after.span(1))
    spans += [m.span(1) for m in _NICKNAME.finditer(text)]
    return sorted({(a, b) for a, b in spans if not _STAND_IN.match(text, a)})


def find(text: str | None) -> list[tuple[str, str]]:
    """(kind, value) of every identifying value the patterns see in ``text``."""
    if not text:
        return []
    found = [(kind, m.group(0)) for kind, rx in PATTERNS.items() if kind != "name"
             for m in rx.finditer(text)]
    return found + [("name", text[a:b]) for a, b in _names(text)]


def _replace_match(replace: Callable[[str, str], str], kind: str, m: re.Match[str]) -> str:
    return replace(kind, m.group(0))


def scrub(text: str | None, replace: Callable[[str, str], str]) -> str | None:
    """``text`` with every value :func:`find` sees replaced by ``replace(kind, value)``."""
    if not text:
        return text
    for kind in ("id", "phone", "plate", "address"):
        text = PATTERNS[kind].sub(partial(_replace_match, replace, kind), text)
    for a, b in reversed(_names(text)):
        text = text[:a] + replace("name", text[a:b]) + text[b:]
    return text
