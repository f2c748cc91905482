"""Accounts: scrypt hashes, generic login failures, lockout, password change, first admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEntry, Squad, User
from app.models.db import unit_of_work
from app.models.enums import Role
from app.models.types import utcnow
from app.services.common.errors import PermissionDenied, ValidationError, WorkflowError
from app.services.org import users
from tests.conftest import make_actor
from tests.services.admin_helpers import make_squad


@pytest.fixture
def admin(session_factory):
    with unit_of_work(session_factory) as s:
        dto = users.create_first_admin(s, "admin", "管理员", "Admin-2024")
    return users.actor_of(dto)


def _add(factory, admin, name="zhang", role="officer", pw="Pass-1234", **kw):
    if role == "officer" and "squad_id" not in kw:
        kw["squad_id"] = _squad(factory)
    with unit_of_work(factory) as s:
        return users.create_user(s, admin, name, "张警官", role, pw, **kw)


def _squad(factory) -> int:
    with unit_of_work(factory) as s:
        found = s.scalar(select(Squad.id).where(Squad.code == "石峰"))
    return found or make_squad(factory)


def test_officer_accounts_need_a_squad(session_factory, admin):
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError) as e:
        users.create_user(s, admin, "wang", "王警官", "officer", "Pass-1234")
    assert "中队" in e.value.errors["squad_id"]
    dto = _add(session_factory, admin, "wang")
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError):
        users.update_user(s, admin, dto.id, dto.version, squad_id=None)


def test_password_hash_is_scrypt_salted_and_checked():
    a, b = users.hash_password("Secret-99"), users.hash_password("Secret-99")
    assert a.startswith("scrypt$") and a != b
    assert users.check_password("Secret-99", a)
    assert not users.check_password("Secret-98", a)
    assert not users.check_password("Secret-99", "garbage")


def test_first_admin_only_once(session_factory, admin):
    with unit_of_work(session_factory) as s:
        assert not users.needs_first_admin(s)
        with pytest.raises(WorkflowError):
            users.create_first_admin(s, "admin2", "又一个", "Admin-2025")


def test_wrong_password_and_unknown_user_get_the_same_message(session_factory, admin):
    _add(session_factory, admin)
    with unit_of_work(session_factory) as s:
        bad_pw = users.authenticate(s, "zhang", "wrong-1234")
        no_user = users.authenticate(s, "nobody", "wrong-1234")
    assert bad_pw.actor is None and no_user.actor is None
    assert bad_pw.error == no_user.error == "用户名或密码错误。"
    with unit_of_work(session_factory) as s:
        assert s.scalar(select(User.failed_logins).where(User.username == "zhang")) == 1
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.action.like("auth.%"))))
    assert actions.count("auth.login_failed") == 2


def test_lockout_after_repeated_failures_then_unlock(session_factory, admin):
    dto = _add(session_factory, admin)
    for _ in range(users.MAX_FAILED):
        with unit_of_work(session_factory) as s:
            assert users.authenticate(s, "zhang", "wrong-1234").actor is None
    with unit_of_work(session_factory) as s:
        locked = users.authenticate(s, "zhang", "Pass-1234")
    assert locked.actor is None and "锁定" in locked.error
    later = utcnow() + users.LOCKOUT + timedelta(seconds=1)
    with unit_of_work(session_factory) as s:
        assert users.authenticate(s, "zhang", "Pass-1234", now=later).actor is not None
    for _ in range(users.MAX_FAILED):
        with unit_of_work(session_factory) as s:
            users.authenticate(s, "zhang", "wrong-1234")
    with unit_of_work(session_factory) as s:
        users.unlock_user(s, admin, dto.id)
    outcome = users.login(session_factory, "ZHANG", "Pass-1234")
    assert outcome.actor.role is Role.OFFICER and outcome.must_change_password


def test_login_failure_raises_generic_error(session_factory, admin):
    with pytest.raises(users.AuthenticationError, match="用户名或密码错误"):
        users.login(session_factory, "admin", "nope-nope-1")


def test_change_password_checks_old_and_strength(session_factory, admin):
    dto = _add(session_factory, admin)
    me = users.actor_of(dto)
    with unit_of_work(session_factory) as s:
        with pytest.raises(ValidationError) as e:
            users.change_password(s, me, "bad-old-1", "NewPass-1")
        assert "old_password" in e.value.errors
        with pytest.raises(ValidationError) as e:
            users.change_password(s, me, "Pass-1234", "short")
        assert "new_password" in e.value.errors
        after = users.change_password(s, me, "Pass-1234", "NewPass-1")
    assert not after.must_change_password
    assert users.login(session_factory, "zhang", "NewPass-1").actor.user_id == dto.id


def test_user_management_is_admin_only(session_factory, admin):
    for role in (Role.OFFICER, Role.REVIEWER, Role.TRAINER):
        with unit_of_work(session_factory) as s, pytest.raises(PermissionDenied):
            users.create_user(s, make_actor(role), "x1", "某", "officer", "Pass-1234")
        with unit_of_work(session_factory) as s, pytest.raises(PermissionDenied):
            users.list_users(s, make_actor(role))


def test_bad_input_names_fields(session_factory, admin):
    _add(session_factory, admin)
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError) as e:
        users.create_user(s, admin, "Zhang", "", "boss", "abc")
    assert set(e.value.errors) == {"username", "display_name", "role", "password"}


def test_last_admin_cannot_be_demoted(session_factory, admin):
    with unit_of_work(session_factory) as s:
        me = users.get_user(s, admin, admin.user_id)
        with pytest.raises(WorkflowError):
            users.update_user(s, admin, me.id, me.version, role="officer")
        with pytest.raises(WorkflowError):
            users.update_user(s, admin, me.id, me.version, active=False)


def test_disabled_user_cannot_log_in_and_reset_forces_change(session_factory, admin):
    dto = _add(session_factory, admin)
    with unit_of_work(session_factory) as s:
        dto = users.update_user(s, admin, dto.id, dto.version, active=False)
    with pytest.raises(users.AuthenticationError):
        users.login(session_factory, "zhang", "Pass-1234")
    with unit_of_work(session_factory) as s:
        dto = users.update_user(s, admin, dto.id, dto.version, active=True)
        users.reset_password(s, admin, dto.id, "Temp-5678")
    assert users.login(session_factory, "zhang", "Temp-5678").must_change_password


def test_cli_users_and_audit(paths, db_backend, session_factory, capsys):
    import json

    from app.cli import main as cli

    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    base = ["--data-dir", str(paths.data_dir)]
    assert cli([*base, "users", "add", "admin", "--role", "admin", "--name", "管理员",
                "--password", "Admin-2024", "--no-change"]) == 0
    squad = str(make_squad(session_factory))
    assert cli([*base, "users", "add", "li", "--name", "李警官", "--password", "Pass-1234",
                "--squad", squad]) == 0
    assert cli([*base, "users", "add", "li", "--password", "short"]) == 1
    assert "已被使用" in capsys.readouterr().err
    assert cli([*base, "users", "disable", "li"]) == 0
    capsys.readouterr()
    assert cli([*base, "users", "list"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {u["username"]: u["active"] for u in listed} == {"admin": True, "li": False}
    assert cli([*base, "audit", "--json", "--action", "user."]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["user.create", "user.create", "user.update"]
    assert users.login(session_factory, "admin", "Admin-2024").actor.role is Role.ADMIN
