"""Custody cannot be forged: verification hashes the file itself; verification reports,
backups and restores need their permission."""

from __future__ import annotations

import os

import pytest

from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.admin import backup, verify
from app.services.common.errors import PermissionDenied
from app.services.evidence import custody
from tests.conftest import make_actor
from tests.services.admin_helpers import add_evidence, make_case, make_squad


@pytest.fixture
def tampered(paths, session_factory, tmp_path):
    squad = make_squad(session_factory)
    case_id = make_case(session_factory, squad)
    ev_id, stored = add_evidence(session_factory, paths, case_id, tmp_path, os.urandom(4096))
    os.chmod(stored, 0o644)
    stored.write_bytes(b"tampered" + stored.read_bytes()[8:])
    return squad, ev_id


def test_an_officer_cannot_log_a_match_for_a_tampered_file(paths, session_factory, tampered):
    squad, ev_id = tampered
    officer = make_actor(Role.OFFICER, squad_id=squad)
    with unit_of_work(session_factory) as s:
        result = custody.record_verification(s, officer, paths, ev_id)
    assert not result.ok and "已被改动" in result.message
    with session_factory() as s:
        actions = [c.action for c in custody.custody_log(s, officer, ev_id)]
    assert actions[-1] == "verify_failed" and "verify" not in actions


@pytest.mark.parametrize("role", [Role.OFFICER, Role.REVIEWER, Role.TRAINER])
def test_verify_backup_and_restore_need_their_permission(paths, session_factory, tmp_path, role):
    actor = make_actor(role, squad_id=1)
    with session_factory() as s:
        report = verify.verify_data(s, paths.evidence_dir)
    with pytest.raises(PermissionDenied), unit_of_work(session_factory) as s:
        verify.record_verification(s, actor, report)
    with pytest.raises(PermissionDenied):
        backup.create_backup(paths, actor, tmp_path / "bk")
    with pytest.raises(PermissionDenied):
        backup.restore_backup(tmp_path / "bk", paths, actor)
    assert not (tmp_path / "bk").exists()
