"""The case's free-text scrubber for anything shown anonymized: the case view for trainers, the
trainer replay, ``--anonymize`` PDFs and training packages (via ``cases.case_with_scrubber``).

``Scrubber`` = the case's :class:`~app.services.casefile.pseudonyms.Pseudonymizer` (known names,
ID numbers, phones, plates → stand-ins; anything shaped like one as well) plus what a pseudonym
table alone misses:

- the short forms officers write for a person: 周建国 → "周某" / "周某某" (only when no other
  person of the case shares the surname, so the stand-in stays unambiguous);
- local file paths (``D:\\案件\\周建国\\cam.mp4``, ``/home/li/clip.mp4``): they name folders and
  people and mean nothing to a reader, so only the file name stays.

Patterns for values no table knows (ID numbers, phones, plates, addresses, introduced names) are
:mod:`scrubber`'s, applied by the pseudonymizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from app.services.casefile import pseudonyms
from app.services.casefile.dto import CaseDetail
from app.services.casefile.pseudonyms import Pseudonymizer

Scrub = Callable[[str | None], str | None]

_HEX = re.compile(r"[0-9a-f]{32,}")
_CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# A path: a drive letter or a leading slash / tilde, then at least one separator.
_PATH_RE = re.compile(
    r"(?:[A-Za-z]:[\\/]|\\\\|~?/)(?:[^\s\\/:*?\"<>|，。；、]+[\\/])+([^\s\\/:*?\"<>|，。；、（）()]+)")


def withhold_paths(text: str) -> str:
    """Every local file path in ``text`` reduced to its file name."""
    return _PATH_RE.sub(lambda m: m.group(1), text)


def add_aliases(p: Pseudonymizer, names: Iterable[str | None]) -> None:
    """Register 周某 / 周某某 for each person's Chinese name whose surname no other shares."""
    by_surname: dict[str, set[str]] = {}
    for name in names:
        name = (name or "").strip()
        if _CJK.match(name) and "某" not in name and name in p.mapping:
            by_surname.setdefault(name[0], set()).add(p.mapping[name])
    for surname, stand_ins in by_surname.items():
        if len(stand_ins) == 1:
            for short in (surname + "某某", surname + "某"):
                p.mapping.setdefault(short, next(iter(stand_ins)))
    p._pattern = None  # noqa: SLF001 - the mapping changed


class Scrubber:
    """Callable: ``scrub(text)`` → the text with identities and local paths withheld."""

    def __init__(self, pseudonymizer: Pseudonymizer | None = None,
                 person_names: Iterable[str | None] = (),
                 known: dict[str, str] | None = None) -> None:
        """``known``: replacements a caller chose already (real value → what it shows)."""
        self.pseudonyms = pseudonymizer or Pseudonymizer()
        self.pseudonyms.mapping.update(known or {})
        add_aliases(self.pseudonyms, person_names)

    def add_officers(self, names: Iterable[str]) -> Scrubber:
        """Officers' names (custody, history, meetings) become 民警A, 民警B…"""
        for name in names:
            if name and name.strip() and name.strip() not in self.pseudonyms.mapping:
                self.pseudonyms.add(name, "officer")
        return self

    def __call__(self, text: str | None) -> str | None:
        if not text or _HEX.fullmatch(text):
            return text  # a hash is not free text (and may hold a run of digits)
        return withhold_paths(self.pseudonyms.scrub(text) or "")


def for_case(detail: CaseDetail) -> Scrubber:
    """The scrubber of a case: every identifying value of ``detail``, current and historic."""
    names = [p.name for p in detail.persons] + [
        v for ch in detail.changes if ch.entity_type == "person" and ch.field == "name"
        for v in (ch.old_value, ch.new_value)]
    return Scrubber(pseudonyms.for_case(detail), names)
