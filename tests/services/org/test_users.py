"""Accounts: scrypt hashes, generic login failures, lockout, password change, first admin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, Squad, User
from app.models.db import unit_of_work
from app.models.enums import Role
from app.models.types import utcnow
from app.services.common.errors import PermissionDenied, ValidationError, WorkflowError
from app.services.org import login, users
from tests.conftest import make_actor
from tests.helpers.cases import squad_row


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
    return found or squad_row(factory)


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
        bad_pw = login.authenticate(s, "zhang", "wrong-1234")
        no_user = login.authenticate(s, "nobody", "wrong-1234")
    assert bad_pw.actor is None and no_user.actor is None
    assert bad_pw.error == no_user.error == "用户名或密码错误。"
    with unit_of_work(session_factory) as s:
        assert s.scalar(select(User.failed_logins).where(User.username == "zhang")) == 1
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.action.like("auth.%"))))
    assert actions.count("auth.login_failed") == 2


def test_failures_slow_down_but_never_lock_and_every_refusal_reads_the_same(session_factory,
                                                                             admin):
    dto = _add(session_factory, admin)
    now = utcnow()
    for _ in range(login.FREE_ATTEMPTS):
        with unit_of_work(session_factory) as s:
            assert login.authenticate(s, "zhang", "wrong-1234", now=now).actor is None
    with unit_of_work(session_factory) as s:  # throttled: even the right password waits
        throttled = login.authenticate(s, "zhang", "Pass-1234", now=now)
        unknown = login.authenticate(s, "nobody-at-all", "x", now=now, workstation="other")
    assert throttled.actor is None and throttled.error == unknown.error == "用户名或密码错误。"
    later = now + login.delay_after(login.FREE_ATTEMPTS + 1) + timedelta(seconds=1)
    with unit_of_work(session_factory) as s:  # no lock: after the short delay it works
        assert login.authenticate(s, "zhang", "Pass-1234", now=later).actor is not None
    assert login.delay_after(4) == timedelta(0) < login.delay_after(6) < login.delay_after(8)
    assert login.delay_after(100) == login.MAX_DELAY
    with unit_of_work(session_factory) as s:  # an administrator can still lock
        users.lock_user(s, admin, dto.id)
    with unit_of_work(session_factory) as s:
        locked = login.authenticate(s, "zhang", "Pass-1234", workstation="third")
    assert locked.actor is None and locked.error == unknown.error
    with unit_of_work(session_factory) as s:
        users.unlock_user(s, admin, dto.id)
    outcome = login.login(session_factory, "ZHANG", "Pass-1234", workstation="fourth")
    assert outcome.actor.role is Role.OFFICER and outcome.must_change_password


def test_concurrent_logins_neither_crash_nor_lose_failures(session_factory, admin):
    import threading

    _add(session_factory, admin)
    errors: list[BaseException] = []

    def attempt(i: int) -> None:
        try:
            password = "Pass-1234" if i % 2 else "wrong-1234"
            with unit_of_work(session_factory) as s:
                login.authenticate(s, "zhang", password, workstation=f"ws{i}")
        except BaseException as exc:  # noqa: BLE001 - the test collects every crash
            errors.append(exc)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with session_factory() as s:
        failed = s.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "auth.login_failed"))
        ok = s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "auth.login"))
    assert failed == 4 and ok == 4


def test_login_failure_raises_generic_error(session_factory, admin):
    with pytest.raises(login.AuthenticationError, match="用户名或密码错误"):
        login.login(session_factory, "admin", "nope-nope-1")


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
    assert login.login(session_factory, "zhang", "NewPass-1").actor.user_id == dto.id


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
    with pytest.raises(login.AuthenticationError):
        login.login(session_factory, "zhang", "Pass-1234")
    with unit_of_work(session_factory) as s:
        dto = users.update_user(s, admin, dto.id, dto.version, active=True)
        users.reset_password(s, admin, dto.id, "Temp-5678")
    assert login.login(session_factory, "zhang", "Temp-5678").must_change_password


def test_cli_users_and_audit(paths, db_backend, session_factory, capsys, monkeypatch):
    import json

    from app.cli import main as cli

    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    base = ["--data-dir", str(paths.data_dir)]
    monkeypatch.delenv("CASEDESK_USER")  # the first administrator needs no sign-in
    assert cli([*base, "users", "add", "admin", "--role", "admin", "--name", "管理员",
                "--password", "Admin-2024", "--no-change"]) == 0
    monkeypatch.setenv("CASEDESK_USER", "admin")
    monkeypatch.setenv("CASEDESK_PASSWORD", "Admin-2024")
    squad = str(squad_row(session_factory))
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
    assert [r["username"] for r in rows] == ["system", "admin", "admin"]  # named, not 系统
    assert login.login(session_factory, "admin", "Admin-2024").actor.role is Role.ADMIN


def test_cli_without_credentials_or_terminal_is_a_plain_error(paths, db_backend, capsys,
                                                              monkeypatch, cli_admin):
    from app.cli import main as cli

    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    base = ["--data-dir", str(paths.data_dir)]
    monkeypatch.delenv("CASEDESK_USER")
    monkeypatch.delenv("CASEDESK_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli([*base, "users", "add", "mallory", "--role", "admin", "--password",
                "Mallory-1"]) == 1
    assert "CASEDESK_USER" in capsys.readouterr().err
    monkeypatch.setenv("CASEDESK_USER", "admin")
    monkeypatch.setenv("CASEDESK_PASSWORD", "wrong-password")
    assert cli([*base, "cases"]) == 1
    assert "用户名或密码错误" in capsys.readouterr().err


def test_cli_officer_cannot_manage_users_and_tokens_work(paths, db_backend, session_factory,
                                                         capsys, monkeypatch, cli_admin):
    import json

    from app.cli import main as cli

    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    base = ["--data-dir", str(paths.data_dir)]
    squad = str(squad_row(session_factory))
    assert cli([*base, "users", "add", "li", "--name", "李警官", "--password", "Pass-1234",
                "--squad", squad, "--no-change"]) == 0
    monkeypatch.setenv("CASEDESK_USER", "li")
    monkeypatch.setenv("CASEDESK_PASSWORD", "Pass-1234")
    assert cli([*base, "users", "add", "mallory", "--role", "admin", "--password",
                "Mallory-1"]) == 1
    assert "无权" in capsys.readouterr().err
    monkeypatch.setenv("CASEDESK_USER", "admin")
    monkeypatch.setenv("CASEDESK_PASSWORD", "demo1234")
    capsys.readouterr()
    assert cli([*base, "token", "issue", "li", "--days", "2"]) == 0
    token = json.loads(capsys.readouterr().out)["token"]
    monkeypatch.delenv("CASEDESK_USER")
    monkeypatch.setenv("CASEDESK_TOKEN", token)
    assert cli([*base, "cases", "--json"]) == 0
    monkeypatch.setenv("CASEDESK_TOKEN", token + "x")
    assert cli([*base, "cases"]) == 1
    with session_factory() as s:
        names = set(s.scalars(select(User.username)))
    assert "mallory" not in names
