"""Consistent pseudonyms for a case: names, ID numbers, phones and plates → stable stand-ins.

One :class:`Pseudonymizer` per case: the same real value always gets the same stand-in, known
values are replaced wherever they occur in free text, and anything the shared scrubber
(:mod:`scrubber`) sees — ID numbers, mobile and landline numbers, plates, house-numbered
addresses, names after a telling word — is replaced as well (values typed only in a narrative).
Used by trainer replay (trainers see closed cases anonymized) and training packages.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from string import ascii_uppercase
from typing import TypeVar, cast

from app.i18n import _
from app.services.casefile import scrubber
from app.services.casefile.dto import CaseDetail

_PROVINCES = scrubber.PROVINCES
_PERSON_FIELDS = {"name": "name", "id_number": "id", "phone": "phone"}


def _plate_key(plate: str) -> str:
    return re.sub(r"[·・\s-]", "", plate).upper()


def _letter(i: int) -> str:
    return ascii_uppercase[i % 26] + (str(i // 26) if i >= 26 else "")


class Pseudonymizer:
    """Maps real identifying strings to stand-ins; ``scrub(text)`` applies the mapping."""

    def __init__(self) -> None:
        self.mapping: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._plates: dict[str, str] = {}  # normalised plate → stand-in
        self._pattern: re.Pattern[str] | None = None

    def _next(self, kind: str) -> int:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        return self._counts[kind]

    def add(self, value: str | None, kind: str) -> str | None:
        """Register a real value of ``kind`` (name/officer/id/phone/plate/address); returns its
        stand-in."""
        if value is None:
            return None
        value = value.strip()
        if len(value) < 2:
            return value or None
        if value in self.mapping:
            return self.mapping[value]
        if any(value in alias for alias in self.mapping.values()):
            return value  # part of a stand-in ("人员" of "人员A"): scrubbing stays idempotent
        if kind == "plate" and (known := self._plates.get(_plate_key(value))):
            self.mapping[value] = known  # 湘B·12345 and 湘B12345 are the same plate
            self._pattern = None
            return known
        n = self._next(kind)
        if kind == "name":
            alias = _("Person {letter}", letter=_letter(n - 1))
        elif kind == "officer":
            alias = _("Officer {letter}", letter=_letter(n - 1))
        elif kind == "id":
            alias = _("ID no. {n:02d}", n=n)
        elif kind == "phone":
            alias = _("Phone {n:02d}", n=n)
        elif kind == "address":
            alias = _("Address {n:02d}", n=n)
        else:  # plate: keep the province so the teaching point (local/out-of-town) survives
            alias = f"{value[0] if value[0] in _PROVINCES else ''}·训{n:02d}"
        self.mapping[value] = alias
        if kind == "plate":
            self._plates[_plate_key(value)] = alias
        self._pattern = None
        return alias

    def _compiled(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.mapping:
            keys = sorted(self.mapping, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(k) for k in keys))
        return self._pattern

    def scrub(self, text: str | None) -> str | None:
        """Replace every known value, then anything shaped like an ID, phone or plate."""
        if not text:
            return text
        pattern = self._compiled()
        if pattern is not None:
            text = pattern.sub(lambda m: self.mapping[m.group(0)], text)
        return scrubber.scrub(text, lambda kind, value: self.add(value, kind) or "")

    def scrub_all(self, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.scrub(v) or "" for v in values)


def _lines(text: str | Iterable[str]) -> list[str]:
    items = text.splitlines() if isinstance(text, str) else list(text)
    return [n.strip() for n in items if n and n.strip()]


def for_case(detail: CaseDetail) -> Pseudonymizer:
    """A pseudonymizer knowing every identifying value of ``detail`` (current and historic)."""
    p = Pseudonymizer()
    for person in detail.persons:
        p.add(person.name, "name")
        p.add(person.id_number, "id")
        p.add(person.phone, "phone")
        p.add(getattr(person, "address", None), "address")
    for vehicle in detail.vehicles:
        p.add(vehicle.plate, "plate")
    for ch in detail.changes:
        kind = (_PERSON_FIELDS.get(ch.field) if ch.entity_type == "person"
                else "plate" if ch.entity_type == "vehicle" and ch.field == "plate" else None)
        if kind:
            p.add(ch.old_value, kind)
            p.add(ch.new_value, kind)
    officers = [detail.lead_officer_name]
    for m in detail.meetings:
        officers += [m.chair, *m.attendees]
    for i in detail.inquiries:
        officers += list(i.members)
    for name in _lines(officers):
        if name not in p.mapping:
            p.add(name, "officer")
    return p


T = TypeVar("T")


def scrub_strings(value: T, scrub: Callable[[str], str | None]) -> T:
    """``value`` with ``scrub`` applied to every string in it, through tuples and (frozen)
    dataclasses, which are copied; other values stay as they are."""
    if isinstance(value, str):
        return cast(T, scrub(value))
    if isinstance(value, tuple):
        return cast(T, tuple(scrub_strings(v, scrub) for v in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{
            f.name: scrub_strings(getattr(value, f.name), scrub)
            for f in dataclasses.fields(value) if f.init})
    return value


def anonymize_detail(detail: CaseDetail) -> CaseDetail:
    """The whole case file with every identifying value replaced by its pseudonym."""
    scrub = for_case(detail).scrub
    return scrub_strings(detail, lambda text: scrub(text) if text else text)
