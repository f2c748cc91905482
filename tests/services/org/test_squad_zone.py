"""A squad's time zone: validated, edited with the squad, the zone of its users and new cases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.models.enums import CallOutKind, Role
from app.services.common.clock import DEFAULT_TZ
from app.services.common.errors import ValidationError
from app.services.org import callouts, officers
from app.services.org.dto import SquadInput
from tests.helpers.cases import audit_count, make_squad, make_user, new_case, run

URUMQI = "Asia/Urumqi"


def test_a_new_squad_has_the_default_zone_and_an_edit_changes_it(session_factory):
    squad_id, _ = make_squad(session_factory)
    squad = run(session_factory, officers.list_squads)[0]
    assert squad.tz == DEFAULT_TZ
    changed = run(session_factory, officers.update_squad, squad_id,
                  SquadInput(squad.code, squad.name, URUMQI), expected_version=squad.version)
    assert changed.tz == URUMQI and run(session_factory, officers.list_squads)[0].tz == URUMQI
    assert audit_count(session_factory, "squad.update") == 1


@pytest.mark.parametrize("bad", ["Mars/Olympus", "", "../etc/passwd"])
def test_an_unknown_zone_is_refused_in_plain_chinese(session_factory, bad):
    with pytest.raises(ValidationError) as err:
        run(session_factory, officers.create_squad, SquadInput("荷塘", "荷塘大队事故中队", bad))
    assert set(err.value.errors) == {"tz"}
    assert "时区" in err.value.errors["tz"] and "Asia/Shanghai" in err.value.errors["tz"]
    assert run(session_factory, officers.list_squads) == []


def test_squad_zone_is_the_users_squad_else_the_only_squad_else_the_default(session_factory):
    assert run(session_factory, officers.squad_zone) == DEFAULT_TZ       # no squad at all
    west = run(session_factory, officers.create_squad, SquadInput("喀什", "喀什大队", URUMQI))
    assert run(session_factory, officers.squad_zone) == URUMQI           # the only squad
    east = run(session_factory, officers.create_squad, SquadInput("石峰", "石峰大队"))
    assert run(session_factory, officers.squad_zone) == DEFAULT_TZ       # several, none mine
    assert run(session_factory, officers.squad_zone,
               actor=make_user(session_factory, Role.OFFICER, west.id)) == URUMQI
    assert run(session_factory, officers.squad_zone,
               actor=make_user(session_factory, Role.OFFICER, east.id, "东")) == DEFAULT_TZ


def test_a_new_case_takes_its_squads_zone_unless_it_names_one(session_factory):
    west = run(session_factory, officers.create_squad, SquadInput("喀什", "喀什大队", URUMQI)).id
    officer = make_user(session_factory, Role.OFFICER, west)
    mine = new_case(session_factory, None, actor=officer, case_no="喀什-2024-0001")
    assert mine.squad_id == west and mine.tz == URUMQI
    named = new_case(session_factory, west, case_no="喀什-2024-0002", tz="Europe/Berlin")
    assert named.tz == "Europe/Berlin"
    squad_id, _ = make_squad(session_factory)
    assert new_case(session_factory, squad_id).tz == DEFAULT_TZ


def test_the_call_out_date_filter_counts_days_in_the_given_zone(session_factory):
    squad_id, officer_id = make_squad(session_factory)
    # 2024-03-01 17:30 UTC: 3月2日 01:30 in Shanghai, still 3月1日 23:30 in Urumqi
    at = datetime(2024, 3, 1, 17, 30, tzinfo=UTC)
    run(session_factory, callouts.create_callout,
        callouts.CallOutInput(at, CallOutKind.INJURY.value, (officer_id,)))

    def days(tz: str) -> int:
        q = callouts.CallOutQuery(date_from=date(2024, 3, 1), date_to=date(2024, 3, 1), tz=tz)
        return run(session_factory, callouts.count_callouts, q)

    assert days(URUMQI) == 1 and days(DEFAULT_TZ) == 0 and days("") == 0
