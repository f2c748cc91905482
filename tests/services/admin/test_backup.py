"""Backup → restore round-trip, refusal of non-empty targets, damaged backups leave nothing."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import text

from app.cli import main as cli
from app.config import resolve_paths
from app.services.admin import backup, backup_manifest
from app.services.common import audit
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from tests.helpers.cases import case_row, record_case_updates, squad_row
from tests.helpers.evidence import add_evidence


@pytest.fixture(autouse=True)
def _sqlite_only(db_backend):
    if db_backend != "sqlite":
        pytest.skip("backup/restore covers the SQLite workstation (PostgreSQL: pg_dump)")


@pytest.fixture
def source(paths, session_factory, tmp_path, cli_admin):
    case_id = case_row(session_factory, squad_row(session_factory))
    record_case_updates(session_factory, case_id, 3, note="天桥街")
    for i in range(3):
        add_evidence(session_factory, paths, case_id, tmp_path, os.urandom(50_000 + i),
                     name=f"cam{i}.mp4")
    return paths


def _dump(db_path) -> dict[str, list]:
    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def _files(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".incoming" not in p.parts}


def test_round_trip_equals_the_original(source, db, tmp_path):
    out = tmp_path / "bk"
    steps = []
    info = backup.create_backup(source, SYSTEM, out, lambda f, label: steps.append(f))
    assert info.evidence_files == 3 and steps[-1] == 1.0
    target = resolve_paths(tmp_path / "restored")
    restored = backup.restore_backup(out, target, SYSTEM)
    assert restored.db_sha256 == info.db_sha256
    assert _dump(target.db_path) == _dump(source.db_path)
    assert _files(target.evidence_dir) == _files(source.evidence_dir)
    assert all(not p.stat().st_mode & 0o222 for p in target.evidence_dir.rglob("*.mp4"))
    assert cli(["--data-dir", str(target.data_dir), "verify", "--strict"]) == 0


def test_backup_while_app_holds_an_open_write_transaction(source, db, tmp_path):
    engine, factory = db
    with factory() as s:
        before = s.scalar(text("SELECT count(*) FROM audit_entry"))
    with factory() as s, s.begin():
        audit.record(s, SYSTEM, "case.update", entity_type="case", payload={"pending": 1})
        info = backup.create_backup(source, SYSTEM, tmp_path / "bk")  # the app is mid-save
    con = sqlite3.connect(info.path / "casedesk.sqlite3")
    assert con.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == before
    con.close()


def test_restore_refuses_a_non_empty_data_dir(source, db, tmp_path):
    out = tmp_path / "bk"
    backup.create_backup(source, SYSTEM, out)
    with pytest.raises(ValidationError, match="空的数据目录"):
        backup.restore_backup(out, source, SYSTEM)


def test_damaged_backup_restores_nothing(source, db, tmp_path):
    out = tmp_path / "bk"
    backup.create_backup(source, SYSTEM, out)
    victim = next(out.joinpath("evidence").rglob("*.mp4"))
    os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
    victim.write_bytes(victim.read_bytes()[:-1] + b"\0")
    target = resolve_paths(tmp_path / "restored")
    with pytest.raises(backup_manifest.BackupError, match="SHA-256"):
        backup.restore_backup(out, target, SYSTEM)
    assert not target.db_path.exists()
    assert not [p for p in target.evidence_dir.rglob("*") if p.is_file()]


def test_not_a_backup(tmp_path):
    (tmp_path / "junk").mkdir()
    with pytest.raises(backup_manifest.BackupError, match="不是 CaseDesk 备份"):
        backup.restore_backup(tmp_path / "junk", resolve_paths(tmp_path / "t"), SYSTEM)


def test_cli_backup_restore_and_reminder(source, db, tmp_path, capsys):
    _, factory = db
    with factory() as s:
        assert backup.backup_due(s, 7)
    assert cli(["--data-dir", str(source.data_dir), "backup", str(tmp_path / "bk")]) == 0
    with factory() as s:
        assert not backup.backup_due(s, 7)
    assert cli(["--data-dir", str(tmp_path / "new"), "restore", str(tmp_path / "bk")]) == 0
    assert cli(["--data-dir", str(tmp_path / "new"), "verify"]) == 0
    assert "校验通过" in capsys.readouterr().out


# ------------------------------------------------------------------ attacks on a backup


def _manifest(out):
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _write(out, manifest):
    path = out / "manifest.json"
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def _unsigned_edit(out, change):
    m = _manifest(out)
    change(m)
    _write(out, m)


def _resigned_edit(out, change):
    """An attacker with their own key re-signs the edited manifest."""
    m = _manifest(out)
    change(m)
    body = {k: v for k, v in m.items() if k != "signature"}
    rogue = Ed25519PrivateKey.generate()
    pub = rogue.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    m["signature"] = {"public_key": pub,
                      "signature": rogue.sign(backup_manifest._message(body)).hex()}
    _write(out, m)


def _restore_fails(out, tmp_path, match):
    target = resolve_paths(tmp_path / "restored")
    with pytest.raises(backup_manifest.BackupError, match=match):
        backup.restore_backup(out, target, SYSTEM)
    assert not target.db_path.exists()
    assert not [p for p in target.evidence_dir.rglob("*") if p.is_file()]


@pytest.fixture
def made(source, db, tmp_path):
    out = tmp_path / "bk"
    backup.create_backup(source, SYSTEM, out)
    return out


def test_manifest_is_signed_and_anchored(made):
    m = _manifest(made)
    assert m["signature"]["signature"] and m["audit_anchor"]["length"] > 0


def test_altered_evidence_with_its_new_hash_in_the_manifest_is_refused(made, tmp_path):
    victim = next(made.joinpath("evidence").rglob("*.mp4"))
    os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
    victim.write_bytes(b"forged clip")
    new_sha = hashlib.sha256(b"forged clip").hexdigest()

    def swap(m):
        for e in m["evidence"]:
            if e["path"].endswith(victim.name):
                e["sha256"], e["size"] = new_sha, 11
    _unsigned_edit(made, swap)
    _restore_fails(made, tmp_path, "签名")
    _resigned_edit(made, swap)
    _restore_fails(made, tmp_path, "密钥|SHA-256")


def test_dropped_or_swapped_entries_are_refused(made, tmp_path):
    _resigned_edit(made, lambda m: m["evidence"].pop())
    _restore_fails(made, tmp_path, "密钥|遗漏")


def test_database_from_outside_the_backup_is_refused(made, tmp_path):
    _unsigned_edit(made, lambda m: m.update(db_file="../outside.sqlite3"))
    _restore_fails(made, tmp_path, "签名|备份之外")


def test_manifest_without_created_at_is_refused_before_writing(made, tmp_path):
    _unsigned_edit(made, lambda m: m.pop("created_at"))
    _restore_fails(made, tmp_path, "清单")


def test_evidence_path_outside_the_store_is_refused(made, tmp_path):
    def escape(m):
        m["evidence"][0]["path"] = "../../etc/passwd"
    _resigned_edit(made, escape)
    _restore_fails(made, tmp_path, "证据库以外")


def test_rewritten_audit_log_in_the_backup_db_is_refused(made, tmp_path):
    snap = made / "casedesk.sqlite3"
    os.chmod(snap, stat.S_IRUSR | stat.S_IWUSR)
    con = sqlite3.connect(snap)
    con.execute("UPDATE audit_entry SET payload='{}' WHERE id=2")
    con.commit()
    con.close()
    new_sha = hashlib.sha256(snap.read_bytes()).hexdigest()
    _resigned_edit(made, lambda m: m.update(db_sha256=new_sha))
    _restore_fails(made, tmp_path, "密钥|审计")
