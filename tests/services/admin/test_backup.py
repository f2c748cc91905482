"""Backup → restore round-trip, refusal of non-empty targets, damaged backups leave nothing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.cli import main as cli
from app.config import AppPaths, resolve_paths
from app.i18n import _
from app.models.db import head_revision, unit_of_work
from app.models.enums import Role
from app.services.admin import backup, backup_manifest
from app.services.common import audit
from app.services.common.context import SYSTEM
from app.services.common.errors import PermissionDenied, ValidationError
from app.services.common.signing import key_id_of
from tests.conftest import make_actor
from tests.helpers.backups import (
    dump_tables,
    manifest_json,
    resigned_edit,
    restore_fails,
    sql_edit,
    stored_files,
    trusted_edit,
    unsigned_edit,
)
from tests.helpers.cases import case_row, squad_row
from tests.helpers.evidence import add_evidence

pytestmark = pytest.mark.usefixtures("sqlite_workstation")


def test_round_trip_equals_the_original(source, db, tmp_path):
    out = tmp_path / "bk"
    steps = []
    info = backup.create_backup(source, SYSTEM, out, lambda f, label: steps.append(f))
    assert info.evidence_files == 3 and steps[-1] == 1.0
    target = resolve_paths(tmp_path / "restored")
    restored = backup.restore_backup(out, target, SYSTEM)
    assert restored.db_sha256 == info.db_sha256
    assert dump_tables(target.db_path) == dump_tables(source.db_path)
    assert stored_files(target.evidence_dir) == stored_files(source.evidence_dir)
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


def test_manifest_is_signed_and_anchored(made):
    m = manifest_json(made)
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
    unsigned_edit(made, swap)
    restore_fails(made, tmp_path, "签名")
    resigned_edit(made, swap)
    restore_fails(made, tmp_path, "密钥|SHA-256")


def test_dropped_or_swapped_entries_are_refused(made, tmp_path):
    resigned_edit(made, lambda m: m["evidence"].pop())
    restore_fails(made, tmp_path, "密钥|遗漏")


def test_database_from_outside_the_backup_is_refused(made, tmp_path):
    unsigned_edit(made, lambda m: m.update(db_file="../outside.sqlite3"))
    restore_fails(made, tmp_path, "签名|备份之外")


def test_manifest_without_created_at_is_refused_before_writing(made, tmp_path):
    unsigned_edit(made, lambda m: m.pop("created_at"))
    restore_fails(made, tmp_path, "清单")


def test_evidence_path_outside_the_store_is_refused(made, tmp_path):
    def escape(m):
        m["evidence"][0]["path"] = "../../etc/passwd"
    resigned_edit(made, escape)
    restore_fails(made, tmp_path, "证据库以外")


def test_rewritten_audit_log_in_the_backup_db_is_refused(made, tmp_path):
    new_sha = sql_edit(made / "casedesk.sqlite3", "UPDATE audit_entry SET payload='{}' WHERE id=2")
    resigned_edit(made, lambda m: m.update(db_sha256=new_sha))
    restore_fails(made, tmp_path, "密钥|审计")


# ------------------------------------------------------------------ rule by rule (mutation tests)


def test_backup_progress_info_and_snapshot(source, db, tmp_path):
    steps: list[tuple[float, str]] = []
    out = tmp_path / "bk"
    out.mkdir()  # an existing empty folder is fine
    info = backup.create_backup(source, SYSTEM, out, lambda f, label: steps.append((f, label)))
    fractions = [f for f, _l in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert steps[0] == (0.3, _("Copying the database"))  # a small database: one step
    assert steps[-2] == (0.95, _("Copying evidence files")) and steps[-1][1] == _("Done")
    assert [f for f, label in steps if label == _("Copying evidence files")] == sorted(
        {f for f, label in steps if label == _("Copying evidence files")})
    sizes = sorted(p.stat().st_size for p in source.evidence_dir.rglob("*.mp4"))
    assert (info.path, info.evidence_files, info.evidence_bytes) == (out, 3, sum(sizes))
    snap = out / "casedesk.sqlite3"
    assert info.db_sha256 == hashlib.sha256(snap.read_bytes()).hexdigest()
    assert info.schema_revision == head_revision()
    m = backup.read_manifest(out)
    assert (m.created_at, m.schema_revision, m.db_sha256) == (
        info.created_at, info.schema_revision, info.db_sha256)
    assert sorted(e.size for e in m.entries) == sizes
    assert stat.S_IMODE(snap.stat().st_mode) == 0o444 and not (out / "casedesk.sqlite3-wal").exists()
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*.mp4")} == {0o444}
    con = sqlite3.connect(f"file:{snap}?mode=ro", uri=True)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    restored_steps: list[tuple[float, str]] = []
    target = resolve_paths(tmp_path / "restored").ensure()  # empty dirs are still empty
    again = backup.restore_backup(out, target, SYSTEM, lambda f, lb: restored_steps.append((f, lb)))
    assert (again.path, again.created_at, again.schema_revision, again.evidence_files,
            again.evidence_bytes) == (out, info.created_at, info.schema_revision, 3, sum(sizes))
    assert [f for f, _l in restored_steps] == sorted(f for f, _l in restored_steps)
    assert restored_steps[-2] == (0.9, _("Restoring evidence files"))
    assert restored_steps[-1] == (1.0, _("Done"))
    assert stat.S_IMODE(target.db_path.stat().st_mode) == 0o600


def test_backup_refusals(source, db, tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("x")
    with pytest.raises(ValidationError, match="不是空的"):
        backup.create_backup(source, SYSTEM, full)
    server = AppPaths(tmp_path, "postgresql://h/db")
    with pytest.raises(backup_manifest.BackupError, match="服务器数据库"):
        backup.create_backup(server, SYSTEM, tmp_path / "a")
    with pytest.raises(backup_manifest.BackupError, match="没有数据库"):
        backup.create_backup(resolve_paths(tmp_path / "none"), SYSTEM, tmp_path / "b")
    with pytest.raises(PermissionDenied):
        backup.create_backup(source, make_actor(Role.OFFICER), tmp_path / "c")
    assert not (tmp_path / "a").exists() and not (tmp_path / "c").exists()


@pytest.mark.parametrize("damage", ["missing", "altered"])
def test_a_bad_store_file_stops_the_backup_and_removes_it(source, db, tmp_path, damage):
    victim = sorted(source.evidence_dir.rglob("*.mp4"))[-1]
    os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
    if damage == "missing":
        victim.unlink()
    else:
        data = victim.read_bytes()       # (random content: its first byte may already be "x")
        victim.write_bytes(bytes([data[0] ^ 0xFF]) + data[1:])
    why = "缺少证据文件：{}；" if damage == "missing" else "证据文件 {} 与其 SHA-256 不符"
    with pytest.raises(backup_manifest.BackupError, match=why.format(re.escape(str(victim)))):
        backup.create_backup(source, SYSTEM, tmp_path / "bk")
    assert not (tmp_path / "bk").exists()


def test_files_sharing_a_store_folder_round_trip(paths, db, tmp_path):
    case_id = case_row(db[1], squad_row(db[1]))
    first = b"clip-0"
    prefix = hashlib.sha256(first).hexdigest()[:2]
    second = next(c for n in range(1, 100_000) if hashlib.sha256(
        c := f"clip-{n}".encode()).hexdigest()[:2] == prefix)
    for n, content in enumerate((first, second)):
        add_evidence(db[1], paths, case_id, tmp_path, content, name=f"c{n}.mp4")
    backup.create_backup(paths, SYSTEM, tmp_path / "bk")
    target = resolve_paths(tmp_path / "restored")
    assert backup.restore_backup(tmp_path / "bk", target, SYSTEM).evidence_files == 2
    assert stored_files(target.evidence_dir) == stored_files(paths.evidence_dir)


def test_a_large_database_is_copied_in_steps_and_can_be_cancelled(paths, db, tmp_path):
    with unit_of_work(db[1]) as s:
        audit.record(s, SYSTEM, "case.update", entity_type="case", payload={"x": "x" * 3_000_000})
    with pytest.raises(backup.BackupCancelled):  # no evidence: only the copy itself can stop
        backup.create_backup(paths, SYSTEM, tmp_path / "stopped", cancelled=lambda: True)
    assert not (tmp_path / "stopped").exists()
    steps: list[tuple[float, str]] = []
    backup.create_backup(paths, SYSTEM, tmp_path / "bk", lambda f, label: steps.append((f, label)))
    copy = [f for f, label in steps if label == _("Copying the database")]
    assert len(copy) >= 3 and 0 < copy[0] < copy[1] < copy[-1] == 0.3
    assert [f for f, _l in steps] == sorted(f for f, _l in steps)


@pytest.mark.parametrize("after", [0, 2, 5])
def test_cancelled_backup_leaves_nothing(source, db, tmp_path, after):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > after
    with pytest.raises(backup.BackupCancelled, match="已取消"):
        backup.create_backup(source, SYSTEM, tmp_path / "bk", cancelled=cancelled)
    assert not (tmp_path / "bk").exists()


@pytest.mark.parametrize("after", [0, 3, 9])
def test_cancelled_restore_leaves_nothing(made, tmp_path, after):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > after
    target = resolve_paths(tmp_path / "restored")
    with pytest.raises(backup.BackupCancelled):
        backup.restore_backup(made, target, SYSTEM, cancelled=cancelled)
    assert not target.db_path.exists()
    assert not [p for p in target.evidence_dir.rglob("*") if p.is_file()]
    assert backup.restore_backup(made, target, SYSTEM, cancelled=lambda: False).evidence_files == 3


def test_restore_refusals_before_anything_is_read(made, tmp_path):
    with pytest.raises(backup_manifest.BackupError, match="服务器数据库"):
        backup.restore_backup(made, AppPaths(tmp_path / "s", "postgresql://h/db"), SYSTEM)
    busy = resolve_paths(tmp_path / "busy")
    (busy.evidence_dir / "ab").mkdir(parents=True)
    (busy.evidence_dir / "ab" / "x.mp4").write_bytes(b"x")  # evidence but no database yet
    with pytest.raises(ValidationError, match="空的数据目录") as err:
        backup.restore_backup(made, busy, SYSTEM)
    assert list(err.value.errors) == ["data_dir"] and str(busy.data_dir) in str(err.value)
    only_db = resolve_paths(tmp_path / "only_db")
    only_db.data_dir.mkdir()
    only_db.db_path.write_bytes(b"")  # a database but no evidence yet
    with pytest.raises(ValidationError, match="空的数据目录"):
        backup.restore_backup(made, only_db, SYSTEM)
    with pytest.raises(PermissionDenied):
        backup.restore_backup(made, resolve_paths(tmp_path / "t"), make_actor(Role.OFFICER))
    nested = resolve_paths(tmp_path / "new" / "data")  # parents made as needed
    assert backup.restore_backup(made, nested, SYSTEM).evidence_files == 3


def test_refusals_name_the_schema_and_the_foreign_key(made, tmp_path):
    trusted_edit(made, lambda m: m.update(schema_revision="0001"))
    restore_fails(made, tmp_path, f"（0001）.*（{head_revision()}）")
    resigned_edit(made, lambda m: m.update(schema_revision=head_revision()))
    restore_fails(made, tmp_path, key_id_of(manifest_json(made)["signature"]["public_key"]))


_EV = r"evidence/[0-9a-f]{2}/[0-9a-f]{64}\.mp4"


def _first_evidence(out):
    return sorted(out.joinpath("evidence").rglob("*.mp4"))[0]


@pytest.mark.parametrize("attack,match", [
    ("other schema", "架构|版本"), ("db revision", "清单与其中的数据库不符"),
    ("drop entry", f"遗漏.*{_EV}"), ("extra entry", f"从未登记.*{_EV}"),
    ("delete file", f"备份中缺少证据文件：{_EV}"), ("symlinked file", f"备份中缺少证据文件：{_EV}"),
    ("symlinked db", "缺失或已损坏"), ("altered file", f"证据文件 {_EV} 与其 SHA-256 不符"),
    ("db not as listed", "缺失或已损坏"),
    ("audit rewritten", "审计日志校验不通过：audit row 2: content does not match its hash"),
    ("unreadable db", "无法读取")])
def test_trusted_signature_does_not_save_a_forged_backup(made, tmp_path, attack, match):
    snap = made / "casedesk.sqlite3"
    victim = _first_evidence(made)
    if attack == "other schema":
        trusted_edit(made, lambda m: m.update(schema_revision="0001"))
    elif attack == "db revision":
        sha = sql_edit(snap, "UPDATE alembic_version SET version_num='0001'")
        trusted_edit(made, lambda m: m.update(db_sha256=sha))
    elif attack == "drop entry":
        trusted_edit(made, lambda m: m["evidence"].pop(0))
    elif attack == "extra entry":
        sha = hashlib.sha256(b"planted").hexdigest()
        trusted_edit(made, lambda m: m["evidence"].append(
            {"path": f"evidence/{sha[:2]}/{sha}.mp4", "sha256": sha, "size": 7}))
    elif attack in ("delete file", "symlinked file", "altered file"):
        os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
        content = victim.read_bytes()
        victim.unlink()
        if attack == "symlinked file":  # the right bytes, but from outside the backup
            (tmp_path / "outside.mp4").write_bytes(content)
            victim.symlink_to(tmp_path / "outside.mp4")
        elif attack == "altered file":
            victim.write_bytes(content[:-1] + bytes([content[-1] ^ 1]))
    elif attack == "symlinked db":
        os.replace(snap, tmp_path / "outside.sqlite3")
        snap.symlink_to(tmp_path / "outside.sqlite3")
    elif attack == "audit rewritten":
        sha = sql_edit(snap, "UPDATE audit_entry SET payload='{\"x\": 1}' WHERE id=2")
        trusted_edit(made, lambda m: m.update(db_sha256=sha))
    elif attack == "db not as listed":
        sql_edit(snap, "UPDATE case_file SET title='改过'")
    else:
        os.chmod(snap, stat.S_IRUSR | stat.S_IWUSR)
        snap.write_bytes(b"not a database" * 100)
        sha = hashlib.sha256(snap.read_bytes()).hexdigest()
        trusted_edit(made, lambda m: m.update(db_sha256=sha))
    restore_fails(made, tmp_path, match)


def test_an_empty_database_round_trips(paths, db, tmp_path):
    info = backup.create_backup(paths, SYSTEM, tmp_path / "bk")
    assert (info.evidence_files, info.evidence_bytes) == (0, 0)
    target = resolve_paths(tmp_path / "restored")
    assert backup.restore_backup(tmp_path / "bk", target, SYSTEM).evidence_files == 0
    assert dump_tables(target.db_path) == dump_tables(paths.db_path)


def test_backup_is_audited_and_due_again_after_the_interval(source, db, tmp_path, monkeypatch):
    _, factory = db
    first = backup.create_backup(source, SYSTEM, tmp_path / "bk1")
    second = backup.create_backup(source, SYSTEM, tmp_path / "bk2")
    days = iter(range(1, 9))
    monkeypatch.setattr(audit, "utcnow", lambda: datetime(2026, 1, next(days), tzinfo=UTC))
    with factory() as s, s.begin():
        backup.record_backup(s, SYSTEM, first)
        backup.record_backup(s, SYSTEM, second, "restore")
        assert backup.last_backup_at(s) == datetime(2026, 1, 1, tzinfo=UTC)
        with pytest.raises(PermissionDenied):
            backup.record_backup(s, make_actor(Role.OFFICER), first)
        row = s.execute(text("SELECT action, entity_type, payload FROM audit_entry "
                             "ORDER BY id DESC LIMIT 1")).one()
        assert row[:2] == ("admin.restore", "data_dir")
        assert json.loads(row[2]) == {"path": str(second.path), "evidence_files": 3,
                                      "created_at": second.created_at.isoformat(),
                                      "db_sha256": second.db_sha256}
        backup.record_backup(s, SYSTEM, second)  # 3 January
        backup.record_backup(s, SYSTEM, first, "restore")
        last = datetime(2026, 1, 3, tzinfo=UTC)
        assert backup.last_backup_at(s) == last
        assert not backup.backup_due(s, 7, last + timedelta(days=6, hours=23))
        assert backup.backup_due(s, 7, last + timedelta(days=7))
        assert backup.backup_due(s, 7)  # now is long after January 2026
