"""Call-out log service: CRUD, validation, permissions, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.models import AuditEntry, Case
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common.context import SYSTEM
from app.services.common.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from app.services.org import callouts as co
from tests.conftest import make_actor
from tests.helpers.squads import add_squads

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def org(session_factory) -> dict:
    with unit_of_work(session_factory) as s:
        sq, other, a, b = add_squads(s)
        case = Case(case_no="石峰-2023-0117", title="天桥街", squad_id=sq.id)
        s.add(case)
        s.flush()
        return {"squad": sq.id, "other": other.id, "a": a.id, "b": b.id, "case": case.id}


def _input(org, **kw) -> co.CallOutInput:
    base = dict(occurred_at=datetime(2023, 11, 28, 6, 10, tzinfo=TZ), kind="hit_and_run",
                officer_ids=(org["a"], org["b"]), address="天桥街北段", district="石峰区",
                road="天桥街", case_id=org["case"])
    return co.CallOutInput(**(base | kw))


def test_create_list_update_delete_with_audit(org, session_factory):
    with unit_of_work(session_factory) as s:
        dto = co.create_callout(s, SYSTEM, _input(org))
    assert dto.case_no == "石峰-2023-0117" and dto.squad_id == org["squad"]
    assert dto.officer_names == ("白警官", "李警官")
    with unit_of_work(session_factory) as s:
        co.create_callout(s, SYSTEM, _input(org, kind="injury", case_id=None,
                                            officer_ids=(org["b"],),
                                            occurred_at=datetime(2023, 12, 1, 9, tzinfo=TZ)))
        q = co.CallOutQuery(officer_id=org["a"])
        assert [c.id for c in co.list_callouts(s, SYSTEM, q)] == [dto.id]
        assert co.count_callouts(s, SYSTEM, co.CallOutQuery(date_from=date(2023, 12, 1))) == 1
        assert co.count_callouts(s, SYSTEM, co.CallOutQuery(date_to=date(2023, 11, 28))) == 1
        assert [c.kind for c in co.list_callouts(s, SYSTEM)] == ["injury", "hit_and_run"]
    with unit_of_work(session_factory) as s:
        upd = co.update_callout(s, SYSTEM, dto.id, _input(org, road="建设路"),
                                expected_version=dto.version)
    assert upd.road == "建设路" and upd.version == dto.version + 1
    with pytest.raises(ConflictError), unit_of_work(session_factory) as s:
        co.update_callout(s, SYSTEM, dto.id, _input(org), expected_version=dto.version)
    with unit_of_work(session_factory) as s:
        co.delete_callout(s, SYSTEM, dto.id)
    with pytest.raises(NotFoundError), unit_of_work(session_factory) as s:
        co.get_callout(s, SYSTEM, dto.id)
    with unit_of_work(session_factory) as s:
        actions = s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_type == "callout")).all()
    assert actions == ["callout.create", "callout.create", "callout.update", "callout.delete"]


@pytest.mark.parametrize("change, field", [
    ({"occurred_at": datetime(2023, 11, 28, 6, 10)}, "occurred_at"),        # naive
    ({"occurred_at": datetime(2099, 1, 1, tzinfo=TZ)}, "occurred_at"),      # future
    ({"kind": "parking"}, "kind"),
    ({"officer_ids": ()}, "officer_ids"),
    ({"officer_ids": (999,)}, "officer_ids"),
    ({"case_id": 999}, "case_id"),
    ({"kind": "injury"}, "case_id"),   # only hit-and-runs link to a case
])
def test_bad_input_is_refused_in_plain_words(org, session_factory, change, field):
    with pytest.raises(ValidationError) as err, unit_of_work(session_factory) as s:
        co.create_callout(s, SYSTEM, _input(org, **change))
    assert field in err.value.errors and err.value.errors[field]
    with unit_of_work(session_factory) as s:
        assert co.count_callouts(s, SYSTEM) == 0   # nothing half-saved


def test_officers_write_only_their_own_squads_log(org, session_factory):
    mine = make_actor(Role.OFFICER, squad_id=org["squad"])
    stranger = make_actor(Role.OFFICER, squad_id=org["other"])
    reviewer = make_actor(Role.REVIEWER, squad_id=org["squad"])
    with unit_of_work(session_factory) as s:
        dto = co.create_callout(s, mine, _input(org))
    with pytest.raises(PermissionDenied), unit_of_work(session_factory) as s:
        co.update_callout(s, stranger, dto.id, replace(_input(org), notes="x"))
    with pytest.raises(PermissionDenied), unit_of_work(session_factory) as s:
        co.create_callout(s, reviewer, _input(org))
    with unit_of_work(session_factory) as s:
        assert co.get_callout(s, reviewer, dto.id).notes == ""
