"""Squads and officers: validation, conflicts, admin-only changes, audit."""

from __future__ import annotations

import pytest

from app.models.enums import Role
from app.services.common.errors import ConflictError, PermissionDenied, ValidationError
from app.services.org import officers
from app.services.org.dto import OfficerInput, SquadInput
from tests.helpers.cases import audit_count, make_squad, make_user, run


def test_squads_and_officers_are_listed_with_counts(session_factory):
    squad_id, officer_id = make_squad(session_factory)
    run(session_factory, officers.create_officer, OfficerInput("石峰-002", "陈志强", squad_id))
    run(session_factory, officers.create_officer,
        OfficerInput("石峰-003", "已调离民警", squad_id, active=False))
    squads = run(session_factory, officers.list_squads)
    assert [(s.code, s.name, s.officer_count) for s in squads] == [("石峰", "石峰大队事故中队", 3)]
    names = [o.name for o in run(session_factory, officers.list_officers, squad_id=squad_id)]
    assert names == ["刘建国", "陈志强"]                       # inactive hidden by default
    everyone = run(session_factory, officers.list_officers, active_only=False)
    assert len(everyone) == 3 and everyone[0].squad_name == "石峰大队事故中队"
    assert audit_count(session_factory, "officer.create") == 3


def test_validation_and_duplicates(session_factory):
    squad_id, _ = make_squad(session_factory)
    with pytest.raises(ValidationError) as err:
        run(session_factory, officers.create_squad, SquadInput("石峰", ""))
    assert set(err.value.errors) == {"code", "name"} and "已被使用" in err.value.errors["code"]
    with pytest.raises(ValidationError) as err:
        run(session_factory, officers.create_squad, SquadInput("石 峰!", "x"))
    assert "汉字" in err.value.errors["code"]
    with pytest.raises(ValidationError) as err:
        run(session_factory, officers.create_officer, OfficerInput("石峰-001", " ", 999))
    assert set(err.value.errors) == {"badge_no", "name", "squad_id"}


def test_updates_check_versions_and_need_admin(session_factory):
    squad_id, officer_id = make_squad(session_factory)
    officer = run(session_factory, officers.list_officers)[0]
    changed = run(session_factory, officers.update_officer, officer_id,
                  OfficerInput(officer.badge_no, officer.name, squad_id, "三级警长"),
                  expected_version=officer.version)
    assert changed.rank == "三级警长" and changed.version == officer.version + 1
    with pytest.raises(ConflictError):
        run(session_factory, officers.update_officer, officer_id,
            OfficerInput(officer.badge_no, "改名", squad_id), expected_version=officer.version)
    squad = run(session_factory, officers.list_squads)[0]
    run(session_factory, officers.update_squad, squad_id, SquadInput("石峰", "石峰大队事故一中队"),
        expected_version=squad.version)
    plain = make_user(session_factory, Role.OFFICER, squad_id)
    with pytest.raises(PermissionDenied):
        run(session_factory, officers.create_officer, OfficerInput("石峰-009", "新人", squad_id),
            actor=plain)
    assert run(session_factory, officers.list_squads)[0].name == "石峰大队事故一中队"
