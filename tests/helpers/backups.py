"""Backup test helpers: compare data dirs, edit a backup's manifest the way a forger would."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.config import resolve_paths
from app.services.admin import backup, backup_manifest
from app.services.common.context import SYSTEM
from app.services.common.signing import workstation_key


def dump_tables(db_path) -> dict[str, list]:
    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        con.close()


def stored_files(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".incoming" not in p.parts}


def manifest_json(out) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def write_manifest_json(out, manifest: dict) -> None:
    path = out / "manifest.json"
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_text(json.dumps(manifest), encoding="utf-8")


def unsigned_edit(out, change) -> None:
    m = manifest_json(out)
    change(m)
    write_manifest_json(out, m)


def resigned_edit(out, change) -> None:
    """An attacker with their own key re-signs the edited manifest."""
    m = manifest_json(out)
    change(m)
    body = {k: v for k, v in m.items() if k != "signature"}
    rogue = Ed25519PrivateKey.generate()
    pub = rogue.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    m["signature"] = {"public_key": pub,
                      "signature": rogue.sign(backup_manifest._message(body)).hex()}
    write_manifest_json(out, m)


def trusted_edit(out, change) -> None:
    """Edit the manifest and re-sign it with this workstation's own key (the strongest forger:
    only the backup's contents can give the edit away)."""
    m = manifest_json(out)
    change(m)
    body = {k: v for k, v in m.items() if k != "signature"}
    m["signature"]["signature"] = workstation_key().sign(backup_manifest._message(body))
    write_manifest_json(out, m)


def sql_edit(db_path, statement: str) -> str:
    """Run ``statement`` on a backed-up database file; returns the file's new SHA-256."""
    os.chmod(db_path, stat.S_IRUSR | stat.S_IWUSR)
    con = sqlite3.connect(db_path)
    con.execute(statement)
    con.commit()
    con.close()
    return hashlib.sha256(db_path.read_bytes()).hexdigest()


def restore_fails(out, tmp_path, match: str) -> None:
    """Restoring ``out`` raises BackupError matching ``match`` and leaves the target empty."""
    target = resolve_paths(tmp_path / "restored")
    with pytest.raises(backup_manifest.BackupError, match=match):
        backup.restore_backup(out, target, SYSTEM)
    assert not target.db_path.exists()
    assert not [p for p in target.evidence_dir.rglob("*") if p.is_file()]


def forge_chain(db_path, change, *, truncate: int = 0, resign: bool = True) -> str:
    """Rewrite a backed-up audit chain the way a forger *with the signing key* would: apply
    ``change(rows)`` (the AuditEntry rows in id order), drop the last ``truncate`` rows, then
    re-hash (and with ``resign`` re-sign) every row and fix ``audit_head``. Returns the file's
    new SHA-256."""
    from sqlalchemy import create_engine, select

    from app.models import AuditEntry, AuditHead
    from app.models.db import make_session_factory
    from app.services.common.audit import GENESIS, entry_hash, row_message

    os.chmod(db_path, stat.S_IRUSR | stat.S_IWUSR)
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with make_session_factory(engine)() as s, s.begin():
            rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
            for gone in rows[len(rows) - truncate:] if truncate else []:
                s.delete(gone)
            rows = rows[:len(rows) - truncate]
            change(rows)
            prev, key = GENESIS, workstation_key()
            for e in rows:
                e.prev_hash = prev
                e.row_hash = prev = entry_hash(e.at, e.user_id, e.username, e.action,
                                               e.entity_type, e.entity_id, e.case_id,
                                               e.payload, prev)
                if resign and e.signature is not None:
                    e.signature = key.sign(row_message(e.row_hash))
            head = s.get(AuditHead, 1)
            head.last_hash, head.length = prev, len(rows)
    finally:
        engine.dispose()
    return hashlib.sha256(db_path.read_bytes()).hexdigest()
