"""Backup → restore round-trip, refusal of non-empty targets, damaged backups leave nothing."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from app.cli import main as cli
from app.config import resolve_paths
from app.services.admin import backup
from app.services.common import audit
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from tests.services.admin_helpers import (
    add_evidence,
    make_case,
    make_squad,
    record_case_updates,
)


@pytest.fixture(autouse=True)
def _sqlite_only(db_backend):
    if db_backend != "sqlite":
        pytest.skip("backup/restore covers the SQLite workstation (PostgreSQL: pg_dump)")


@pytest.fixture
def source(paths, session_factory, tmp_path):
    case_id = make_case(session_factory, make_squad(session_factory))
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
    info = backup.create_backup(source, out, lambda f, label: steps.append(f))
    assert info.evidence_files == 3 and steps[-1] == 1.0
    target = resolve_paths(tmp_path / "restored")
    restored = backup.restore_backup(out, target)
    assert restored.db_sha256 == info.db_sha256
    assert _dump(target.db_path) == _dump(source.db_path)
    assert _files(target.evidence_dir) == _files(source.evidence_dir)
    assert all(not p.stat().st_mode & 0o222 for p in target.evidence_dir.rglob("*.mp4"))
    assert cli(["--data-dir", str(target.data_dir), "verify", "--strict"]) == 0


def test_backup_while_app_holds_an_open_write_transaction(source, db, tmp_path):
    engine, factory = db
    with factory() as s, s.begin():
        audit.record(s, SYSTEM, "case.update", entity_type="case", payload={"pending": 1})
        info = backup.create_backup(source, tmp_path / "bk")  # the app is mid-save
    con = sqlite3.connect(info.path / "casedesk.sqlite3")
    assert con.execute("SELECT count(*) FROM audit_entry").fetchone()[0] == 3
    con.close()


def test_restore_refuses_a_non_empty_data_dir(source, db, tmp_path):
    out = tmp_path / "bk"
    backup.create_backup(source, out)
    with pytest.raises(ValidationError, match="空的数据目录"):
        backup.restore_backup(out, source)


def test_damaged_backup_restores_nothing(source, db, tmp_path):
    out = tmp_path / "bk"
    backup.create_backup(source, out)
    victim = next(out.joinpath("evidence").rglob("*.mp4"))
    os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
    victim.write_bytes(victim.read_bytes()[:-1] + b"\0")
    target = resolve_paths(tmp_path / "restored")
    with pytest.raises(backup.BackupError, match="SHA-256"):
        backup.restore_backup(out, target)
    assert not target.db_path.exists()
    assert not [p for p in target.evidence_dir.rglob("*") if p.is_file()]


def test_not_a_backup(tmp_path):
    (tmp_path / "junk").mkdir()
    with pytest.raises(backup.BackupError, match="不是 CaseDesk 备份"):
        backup.restore_backup(tmp_path / "junk", resolve_paths(tmp_path / "t"))


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
