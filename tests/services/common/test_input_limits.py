"""Dates and clock offsets in sane ranges: NaN, infinity, −50 years and 9999-12-31 are refused
in plain words (nothing stored)."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from app.services.common.limits import check_instant, check_offset, search_terms
from app.services.evidence import clips
from app.services.evidence.items import load_item
from tests.helpers.evidence import case_with_vehicles, make_evidence_row


@pytest.mark.parametrize("offset", [math.nan, math.inf, -50 * 365.25 * 86400, "abc"])
def test_impossible_evidence_offsets_are_refused(session_factory, offset):
    case = case_with_vehicles(session_factory)
    ev_id = make_evidence_row(session_factory, case["case"], None, sha="ab" * 32)
    with pytest.raises(ValidationError, match="偏差"), unit_of_work(session_factory) as s:
        clips.update_evidence(s, SYSTEM, ev_id, 1, offset_override_s=offset)
    with session_factory() as s:
        assert load_item(s, ev_id).offset_override_s is None


@pytest.mark.parametrize("when", [datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
                                  datetime(1, 1, 1, tzinfo=UTC), datetime(1960, 1, 1, tzinfo=UTC)])
def test_impossible_start_times_are_refused(session_factory, when):
    case = case_with_vehicles(session_factory)
    ev_id = make_evidence_row(session_factory, case["case"], None, sha="cd" * 32)
    with pytest.raises(ValidationError, match="1970"), unit_of_work(session_factory) as s:
        clips.update_evidence(s, SYSTEM, ev_id, 1, start_time=when)


def test_limits_helpers():
    assert check_offset(2.5, "x") == 2.5 and check_offset(None, "x") is None
    now = datetime(2023, 11, 28, tzinfo=UTC)
    assert check_instant(now, "x") is now
    with pytest.raises(ValidationError):
        check_instant(datetime(2023, 11, 28), "x")
    assert len(search_terms("天" * 120_000)) == 1 and len(search_terms("a " * 500)) == 12


def test_case_text_fields_are_bounded(session_factory):
    from app.services.casefile import cases
    from tests.helpers.cases import case_input, make_squad, run

    squad, officer = make_squad(session_factory)
    with pytest.raises(ValidationError, match="最多 200 个字"):
        run(session_factory, cases.create_case, case_input(squad, officer, title="案" * 201))
    with pytest.raises(ValidationError, match="最多"):
        run(session_factory, cases.create_case,
            case_input(squad, officer, narrative="x" * 1_000_001))
