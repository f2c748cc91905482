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
from tests.helpers.cases import case_row, squad_row
from tests.helpers.evidence import add_evidence


@pytest.fixture
def tampered(paths, session_factory, tmp_path):
    squad = squad_row(session_factory)
    case_id = case_row(session_factory, squad)
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


def test_intact_and_missing_files_are_logged_as_such(paths, session_factory, tmp_path):
    from app.models import AuditEntry

    case_id = case_row(session_factory, squad_row(session_factory))
    ev_id, stored = add_evidence(session_factory, paths, case_id, tmp_path, b"clip" * 1000)
    admin = make_actor(Role.ADMIN)
    with unit_of_work(session_factory) as s:
        ok = custody.record_verification(s, admin, paths, ev_id)
    assert ok.ok and ok.actual == ok.expected and ok.path == stored
    assert ok.message == "证据文件校验通过：SHA-256 一致。"
    os.chmod(stored, 0o644)
    stored.unlink()
    with unit_of_work(session_factory) as s:
        gone = custody.record_verification(s, admin, paths, ev_id)
    assert not gone.ok and gone.actual is None and "cam.mp4" in gone.message
    with session_factory() as s:
        log = custody.custody_log(s, admin, ev_id)
        audit_rows = s.query(AuditEntry).filter(AuditEntry.entity_id == ev_id,
                                               AuditEntry.entity_type == "evidence").all()
    assert [c.action for c in log] == ["verify", "verify_failed"]
    assert all(c.evidence_id == ev_id and c.user_id is None for c in log)
    assert log[0].detail == ok.message and log[1].detail == gone.message
    assert "缺失" in gone.message and str(stored) in gone.message
    actions = [r.action for r in audit_rows]
    assert "evidence.verify" in actions and "evidence.verify_failed" in actions


def test_a_failed_verification_is_logged_in_full(paths, session_factory, tampered):
    """The custody row, its audit row and the custody list, field by field."""
    import json

    from sqlalchemy import select

    from app.models import AuditEntry, CustodyEvent, EvidenceItem
    from app.services.common import coded_text
    from app.services.common.context import SYSTEM
    from app.services.org import users

    squad, ev_id = tampered
    with unit_of_work(session_factory) as s:
        dto = users._create(s, SYSTEM, "li", "李警官", "officer", "Pass-1234", squad, None, False)
    officer = make_actor(Role.OFFICER, squad_id=squad, user_id=dto.id)
    with unit_of_work(session_factory) as s:
        custody.record_view(s, officer, ev_id)
        result = custody.record_verification(s, officer, paths, ev_id)
    with session_factory() as s:
        ev = s.get(EvidenceItem, ev_id)
        rows = s.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == ev_id)
                         .order_by(CustodyEvent.id)).all()
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        listed = custody.custody_log(s, officer, ev_id)
    viewed, failed = rows[-2:]
    assert (viewed.action, viewed.detail, viewed.user_id) == ("view", "", dto.id)
    code = coded_text.encode("altered", name=ev.original_name, actual=result.actual[:16],
                             expected=ev.sha256[:16])
    assert (failed.action, failed.detail, failed.user_id) == ("verify_failed", code, dto.id)
    assert (entry.action, entry.entity_type, entry.entity_id, entry.case_id) == (
        "evidence.verify_failed", "evidence", ev_id, ev.case_id)
    assert json.loads(entry.payload) == {"sha256": ev.sha256, "detail": json.loads(code),
                                         "actual": result.actual}
    last = listed[-1]
    assert (last.id, last.evidence_id, last.at, last.user_id, last.action) == (
        failed.id, ev_id, failed.at, dto.id, "verify_failed")
    assert last.detail == coded_text.render(code) and "已被改动" in last.detail
    assert [c.id for c in listed] == sorted(c.id for c in listed)
    with pytest.raises(PermissionDenied), session_factory() as s:
        custody.custody_log(s, make_actor(Role.TRAINER), ev_id)  # an open case


def test_exports_are_refused_across_squads_and_logged_in_full(paths, session_factory, tmp_path):
    """check_can_export / record_export / record_view: the permission first, then one custody
    row with the coded path and an audit row with the frames and the output's hash."""
    import json

    from sqlalchemy import select

    from app.models import AuditEntry
    from app.services.common import coded_text

    squad, other = squad_row(session_factory), squad_row(session_factory, "荷塘")
    ev_id, _ = add_evidence(session_factory, paths, case_row(session_factory, squad), tmp_path,
                            b"clip" * 100)
    stranger = make_actor(Role.OFFICER, squad_id=other)
    with session_factory() as s:
        for refused in (lambda: custody.check_can_export(s, stranger, ev_id),
                        lambda: custody.record_export(s, stranger, ev_id, tmp_path / "x.png"),
                        lambda: custody.record_view(s, make_actor(Role.TRAINER), ev_id)):
            with pytest.raises(PermissionDenied):
                refused()
    officer = make_actor(Role.OFFICER, squad_id=squad)
    with unit_of_work(session_factory) as s:
        custody.check_can_export(s, officer, ev_id)
        custody.record_export(s, officer, ev_id, tmp_path / "x.png", frame_index=12,
                              end_frame=30, out_sha256="ab" * 32)
    with session_factory() as s:
        (last,) = custody.custody_log(s, officer, ev_id)[-1:]
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert last.action == "export"
    assert last.detail == coded_text.render(coded_text.encode("exported",
                                                              path=str(tmp_path / "x.png")))
    assert str(tmp_path / "x.png") in last.detail
    assert entry.action == "evidence.export"
    payload = json.loads(entry.payload)
    assert (payload["frame_index"], payload["end_frame"], payload["out_sha256"]) == (
        12, 30, "ab" * 32)


def test_verify_evidence_hashes_with_progress_and_logs(paths, session_factory, tmp_path):
    case_id = case_row(session_factory, squad_row(session_factory))
    ev_id, stored = add_evidence(session_factory, paths, case_id, tmp_path, b"x" * 5000)
    seen: list[tuple[int, int]] = []
    admin = make_actor(Role.ADMIN)
    result = custody.verify_evidence(session_factory, paths, admin, ev_id,
                                     progress=lambda done, total: seen.append((done, total)),
                                     cancel=lambda: False)
    assert result.ok and result.path == stored and seen and seen[-1] == (5000, 5000)
    assert result.evidence_id == ev_id
    with session_factory() as s:
        assert custody.custody_log(s, admin, ev_id)[-1].action == "verify"


def test_view_detail_export_defaults_and_cancelled_verification(paths, session_factory, tmp_path):
    import json

    from sqlalchemy import select

    from app.models import AuditEntry
    from app.services.evidence.store import ImportCancelled

    squad = squad_row(session_factory)
    ev_id, _ = add_evidence(session_factory, paths, case_row(session_factory, squad), tmp_path,
                            b"y" * 3000)
    officer = make_actor(Role.OFFICER, squad_id=squad)
    with unit_of_work(session_factory) as s:
        custody.record_view(s, officer, ev_id, detail="逐帧查看")
        custody.record_export(s, officer, ev_id, tmp_path / "y.png")
    with session_factory() as s:
        assert custody.custody_log(s, officer, ev_id)[-2].detail == "逐帧查看"
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    payload = json.loads(entry.payload)
    assert (payload["frame_index"], payload["end_frame"], payload["out_sha256"]) == (
        None, None, "")
    with pytest.raises(PermissionDenied), session_factory() as s:
        custody.verification(s, make_actor(Role.TRAINER), paths, ev_id)  # an open case
    with pytest.raises(ImportCancelled):
        custody.verify_evidence(session_factory, paths, make_actor(Role.ADMIN), ev_id,
                                cancel=lambda: True)
    with session_factory() as s:
        assert [c.action for c in custody.custody_log(s, officer, ev_id)][-1] == "export"


def test_log_custody_detail_defaults_to_empty(paths, session_factory, tmp_path):
    from app.models import EvidenceItem
    from app.models.enums import CustodyAction

    ev_id, _ = add_evidence(session_factory, paths, case_row(session_factory, squad_row(
        session_factory)), tmp_path, b"z" * 100)
    with unit_of_work(session_factory) as s:
        row = custody.log_custody(s, make_actor(Role.ADMIN), s.get(EvidenceItem, ev_id),
                                  CustodyAction.VIEW)
        assert (row.detail, row.action, row.evidence_id) == ("", "view", ev_id)
