"""Anonymize a case report for circulation: persons become pseudonyms, plates are masked.

Identifying values (names, ID numbers, phones, addresses of persons, plates) are replaced
everywhere they occur in the report's text — narrative, timeline, findings, attribute history —
then the case's free-text scrubber (:mod:`app.services.casefile.case_scrubber`, the one the
trainer replay and training packages use) withholds officers' names, short forms (周某), local
file paths and whatever :mod:`app.services.casefile.scrubber`'s patterns see.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from string import ascii_uppercase

from app.i18n import _
from app.reports.case_data import CaseReportData, Change
from app.services.casefile import scrubber
from app.services.casefile.case_scrubber import Scrubber
from app.services.casefile.pseudonyms import scrub_strings

_PERSON_FIELDS = {"name", "id_number", "phone", "address"}
_VEHICLE_FIELDS = {"plate"}


def mask_plate(plate: str) -> str:
    """Keep the province character, mask the rest: 湘B12345 → 湘******."""
    plate = plate.strip()
    return plate[:1] + "*" * max(len(plate) - 1, 1) if plate else plate


def _pseudonym(index: int) -> str:
    letters = ascii_uppercase[index % 26] + (str(index // 26) if index >= 26 else "")
    return _("Person {letter}", letter=letters)


def _secrets(data: CaseReportData) -> dict[str, str]:
    """Every identifying string of the report → what replaces it."""
    withheld = _("(withheld)")
    mapping: dict[str, str] = {}
    for i, p in enumerate(data.persons):
        alias = _pseudonym(i)
        for value, repl in ((p.name, alias), (p.id_number, withheld), (p.phone, withheld),
                            (p.address, withheld)):
            if value and len(value.strip()) >= 2:
                mapping[value.strip()] = repl
        for ch in p.history:
            if ch.field in _PERSON_FIELDS:
                for value in (ch.old, ch.new):
                    if value and len(value.strip()) >= 2:
                        mapping.setdefault(value.strip(), alias if ch.field == "name" else withheld)
    for v in data.vehicles:
        values = [v.plate] + [x for ch in v.history if ch.field in _VEHICLE_FIELDS
                              for x in (ch.old, ch.new)]
        for value in values:
            if value and len(value.strip()) >= 2:
                mapping[value.strip()] = mask_plate(value)
    return mapping


def _pattern_replacement(kind: str, value: str) -> str:
    """What the shared scrubber's finds become in a circulated report."""
    return mask_plate(value) if kind == "plate" else _("(withheld)")


def _scrubber(mapping: dict[str, str]) -> Callable[[str], str | None]:
    """Known values first (consistent pseudonyms), then whatever the shared scrubber finds
    (ID numbers, phones, plates, addresses, names typed only into free text)."""
    if not mapping:
        return lambda text: scrubber.scrub(text, _pattern_replacement)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
    return lambda text: scrubber.scrub(pattern.sub(lambda m: mapping[m.group(0)], text),
                                       _pattern_replacement)


def _mask_history(history: tuple[Change, ...], fields: set[str],
                  masker: Callable[[str | None], str | None]) -> tuple[Change, ...]:
    return tuple(dataclasses.replace(ch, old=masker(ch.old), new=masker(ch.new))
                 if ch.field in fields else ch for ch in history)


def anonymize(data: CaseReportData) -> CaseReportData:
    """A copy of ``data`` safe for circulation (the original is untouched)."""
    mapping = _secrets(data)
    scrub = _scrubber(mapping)
    withheld = _("(withheld)")

    def hide(value: str | None) -> str | None:
        return (mapping.get(value.strip(), withheld) if value else value)

    persons = tuple(dataclasses.replace(
        p, name=_pseudonym(i), id_number=withheld if p.id_number else None,
        phone=withheld if p.phone else None, address=withheld if p.address else "",
        history=_mask_history(p.history, _PERSON_FIELDS, hide))
        for i, p in enumerate(data.persons))
    vehicles = tuple(dataclasses.replace(
        v, plate=mask_plate(v.plate) if v.plate else v.plate,
        history=_mask_history(v.history, _VEHICLE_FIELDS,
                              lambda x: mask_plate(x) if x else x))
        for v in data.vehicles)
    inv = data.investigation
    if inv is not None:  # witnesses who gave statements are persons too
        inv = dataclasses.replace(inv, exhibits=tuple(
            dataclasses.replace(x, person=withheld if x.person else "") for x in inv.exhibits))
    masked = dataclasses.replace(data, persons=persons, vehicles=vehicles, investigation=inv)
    # Free text next: persons/vehicles are already masked, the scrubs catch the rest.
    shared = _shared_scrubber(data, mapping)
    out = scrub_strings(masked, lambda text: shared(scrub(text)))
    assert isinstance(out, CaseReportData)
    return out



def _officers(data: CaseReportData) -> list[str]:
    """Every officer's name the report shows (lead, meetings, teams, history, custody)."""
    names = [data.case.lead_officer, data.generated_by]
    for m in data.meetings:
        names += [m.chair, *m.attendees.splitlines()]
    for i in data.inquiries:
        names += i.members.splitlines()
    histories = [data.case_history, *(p.history for p in data.persons),
                 *(v.history for v in data.vehicles)]
    names += [ch.by for h in histories for ch in h]
    names += [s.by for s in data.status_changes]
    names += [c.by for e in data.evidence for c in e.custody]
    names += [a.by for a in data.approvals]
    system = _("system")
    return [n.strip() for n in names if n and n.strip() and n.strip() != system]


def _shared_scrubber(data: CaseReportData, mapping: dict[str, str]) -> Scrubber:
    """The shared scrubber, knowing the persons' aliases (周某 → their pseudonym)."""
    names = [p.name for p in data.persons] + [
        v for p in data.persons for ch in p.history if ch.field == "name" for v in (ch.old, ch.new)]
    return Scrubber(person_names=names, known=mapping).add_officers(_officers(data))
