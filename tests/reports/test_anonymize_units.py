"""Unit checks of the report anonymizer (kills mutants the end-to-end PDF tests cannot see)."""

from __future__ import annotations

import dataclasses

from app.reports import anonymize as anon


def test_mask_plate_keeps_the_province_only():
    assert anon.mask_plate("湘B12345") == "湘******"
    assert anon.mask_plate(" 湘B1 ") == "湘**"
    assert anon.mask_plate("") == ""
    assert anon.mask_plate("湘") == "湘*"


def test_pseudonyms_are_letters_then_numbered():
    assert anon._pseudonym(0) == "人员A"
    assert anon._pseudonym(25) == "人员Z"
    assert anon._pseudonym(26) == "人员A1"
    assert anon._pseudonym(53) == "人员B2"


def test_scrubber_applies_mapping_then_patterns():
    scrub = anon._scrubber({"刘某某": "人员A", "刘某": "人员B"})
    assert scrub("刘某某和刘某") == "人员A和人员B"
    assert scrub("电话13807331234") == "电话（已隐去）"
    assert scrub("湘B12345") == "湘******"
    assert anon._scrubber({})("电话13807331234") == "电话（已隐去）"
    assert anon._pattern_replacement("plate", "湘B12345") == "湘******"
    assert anon._pattern_replacement("id", "x") == "（已隐去）"


@dataclasses.dataclass(frozen=True)
class _Ch:
    field: str
    old: str | None
    new: str | None


def test_mask_history_only_touches_identifying_fields():
    history = (_Ch("name", "刘某", "刘某某"), _Ch("age", "7", "8"))
    out = anon._mask_history(history, {"name"}, lambda v: v and "X")
    assert out[0] == _Ch("name", "X", "X") and out[1] is history[1]
