"""verify: DB integrity, audit chain tampering, evidence byte changes, orphans, CLI exit code."""

from __future__ import annotations

import json
import os
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select

from app.cli import main as cli
from app.config import resolve_paths
from app.models import AuditEntry
from app.models.db import open_database, unit_of_work
from app.services.admin import backup, verify
from app.services.common import anchors, audit
from app.services.common.context import SYSTEM
from tests.helpers.backups import forge_chain, manifest_json, restore_fails, trusted_edit
from tests.helpers.cases import case_row, record_case_updates, squad_row
from tests.helpers.evidence import add_evidence


@pytest.fixture
def filled(paths, session_factory, tmp_path):
    case_id = case_row(session_factory, squad_row(session_factory))
    record_case_updates(session_factory, case_id, 5)
    ev_id, path = add_evidence(session_factory, paths, case_id, tmp_path, os.urandom(300_000))
    return case_id, ev_id, path


def _ids(session_factory) -> list[int]:
    with session_factory() as s:
        return list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def _verify(paths, session_factory):
    with session_factory() as s:
        return verify.verify_data(s, paths.evidence_dir)


def test_clean_data_dir_verifies_ok(paths, session_factory, filled):
    seen = []
    with session_factory() as s:
        report = verify.verify_data(s, paths.evidence_dir, lambda f, label: seen.append(f))
    assert report.ok(strict=True), report.problems
    assert report.audit_rows == 7 and report.evidence_files == 1
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert "校验通过" in verify.summary(report)


def _plain_sql(db, statement: str) -> None:
    """Tamper behind the services' back (what someone with a DB tool could do)."""
    with db[0].begin() as conn:
        conn.exec_driver_sql(statement)


def test_audit_row_edited_with_plain_sql_is_named(paths, db, session_factory, filled):
    if db[0].dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses the edit itself (append-only audit trigger)")
    third = _ids(session_factory)[2]
    _plain_sql(db, f"UPDATE audit_entry SET payload='{{\"n\":99}}' WHERE id={third}")
    report = _verify(paths, session_factory)
    assert not report.ok()
    assert report.first_error.kind == "audit"
    assert report.first_error.where == f"审计记录第 {third} 行"
    if db[0].dialect.name == "sqlite":
        assert cli(["--data-dir", str(paths.data_dir), "verify"]) != 0


def test_deleted_audit_tail_is_detected(paths, db, session_factory, filled):
    if db[0].dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses the edit itself (append-only audit trigger)")
    _plain_sql(db, f"DELETE FROM audit_entry WHERE id={_ids(session_factory)[-1]}")
    report = _verify(paths, session_factory)
    assert report.first_error is not None and report.first_error.where == "审计链头"


def test_one_altered_byte_in_evidence_is_named(cli_admin, paths, db, session_factory, filled, capsys):
    _, ev_id, path = filled
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[150_000] ^= 0x01
    path.write_bytes(bytes(data))
    report = _verify(paths, session_factory)
    assert report.first_error.kind == "evidence_hash"
    assert path.name in report.first_error.message and f"证据 {ev_id}" in report.first_error.message
    if db[0].dialect.name == "sqlite":
        assert cli(["--data-dir", str(paths.data_dir), "verify"]) == 3
        assert path.name in capsys.readouterr().out


def test_missing_file_and_orphans(paths, session_factory, filled):
    _, _, path = filled
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    moved = path.with_name("f" * 64 + ".mp4")  # foreign name: not the content's hash
    path.rename(moved)
    (paths.evidence_dir / ".incoming").mkdir(exist_ok=True)
    (paths.evidence_dir / ".incoming" / "abc.part").write_bytes(b"half")
    report = _verify(paths, session_factory)
    kinds = [(p.kind, p.severity) for p in report.problems]
    assert kinds[0] == ("evidence_missing", "error")
    assert ("orphan_file", "error") in kinds and ("leftover_temp", "warning") in kinds


def test_intact_unreferenced_file_is_a_warning_only(paths, session_factory, filled, tmp_path):
    from app.services.evidence.store import copy_into_store

    src = tmp_path / "extra.mp4"
    src.write_bytes(b"interrupted import")
    copy_into_store(src, paths.evidence_dir)
    report = _verify(paths, session_factory)
    assert report.ok() and not report.ok(strict=True)
    assert report.warnings[0].kind == "orphan_file"


def test_cancel_stops_early(paths, session_factory, filled):
    with session_factory() as s:
        report = verify.verify_data(s, paths.evidence_dir, cancelled=lambda: True)
    assert report.cancelled and not report.ok()
    assert "取消" in verify.summary(report)


def test_failed_verification_enters_the_chain_of_custody(paths, session_factory, filled):
    from app.models import CustodyEvent
    from app.services.common import coded_text

    _, ev_id, path = filled
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.unlink()
    report = _verify(paths, session_factory)
    with unit_of_work(session_factory) as s:
        verify.record_verification(s, SYSTEM, report)
    with session_factory() as s:
        events = s.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == ev_id)).all()
        actions = [a for a in s.scalars(select(AuditEntry.action).order_by(AuditEntry.id))]
    assert [e.action for e in events] == ["verify_failed"]
    assert "缺失" in coded_text.render(events[0].detail)
    assert actions[-2:] == ["evidence.verify_failed", "admin.verify"]


@pytest.mark.parametrize("damage", ["missing", "altered"])
def test_verify_failures_are_stored_as_codes_and_read_in_the_readers_language(
        paths, session_factory, filled, damage):
    from app.i18n import language, set_language
    from app.models import CustodyEvent
    from app.services.common import coded_text
    from app.services.evidence.custody import custody_log

    _, ev_id, path = filled
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    if damage == "missing":
        path.unlink()
    else:
        data = path.read_bytes()        # its last byte flipped (random content: a 0 written
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))   # over a 0 changed nothing)
    before = language()
    try:
        set_language("en")  # written while the program runs in English ...
        report = _verify(paths, session_factory)
        with unit_of_work(session_factory) as s:
            verify.record_verification(s, SYSTEM, report)
        with session_factory() as s:
            stored = s.scalars(select(CustodyEvent.detail)
                               .where(CustodyEvent.evidence_id == ev_id)).one()
            english = custody_log(s, SYSTEM, ev_id)[-1].detail
        set_language("zh_CN")  # ... read by a Chinese court
        with session_factory() as s:
            chinese = custody_log(s, SYSTEM, ev_id)[-1].detail
    finally:
        set_language(before)
    data = coded_text.decode(stored)
    assert data is not None and data["code"] == f"verify_{damage}", stored
    assert not any(w in stored for w in ("Missing evidence", "file altered", "缺失", "改动"))
    word_en, word_zh = (("Missing", "缺失") if damage == "missing" else ("altered", "改动"))
    assert word_en in english and f"evidence {ev_id} (" in english
    assert word_zh in chinese and f"证据 {ev_id}（" in chinese
    assert not any(w in chinese for w in ("Missing", "altered", "file evidence"))


def test_audit_summary_stores_where_as_codes_read_in_the_readers_language(
        paths, db, session_factory, filled):
    """The admin.verify row keeps the first failure's place as a code + parameters: written
    while the program runs in English, it reads in Chinese for a Chinese reader."""
    if db[0].dialect.name != "sqlite":
        pytest.skip("PostgreSQL refuses the edit itself (append-only audit trigger)")
    from app.i18n import language, set_language
    from app.services.common import audit_log, audit_text

    third = _ids(session_factory)[2]
    _plain_sql(db, f"UPDATE audit_entry SET payload='{{\"n\":99}}' WHERE id={third}")
    before = language()
    try:
        set_language("en")
        report = _verify(paths, session_factory)
        assert report.first_error.where == f"audit row {third}"
        with unit_of_work(session_factory) as s:
            verify.record_verification(s, SYSTEM, report)
        set_language("zh_CN")
        with session_factory() as s:
            row = audit_log.list_entries(s, SYSTEM, audit_log.AuditFilter(
                action_prefix="admin.verify"))[0]
            fields = dict(audit_text.describe(s, [row])[0].fields)
    finally:
        set_language(before)
    assert row.payload["first"] == {"code": "at_audit_row", "id": third}
    assert fields["首个问题"] == f"审计记录第 {third} 行"


@pytest.mark.parametrize("also_size", [False, True])
def test_record_pointed_at_another_file_is_an_error(paths, db, session_factory, filled,
                                                    also_size):
    """The adversary plants a doctored copy under its own hash and points the record at it
    with plain SQL (size too): the store and the record agree, the signed import row does not."""
    from app.services.evidence.store import copy_into_store

    _, ev_id, path = filled
    doctored = path.parent / "doctored.mp4"
    doctored.write_bytes(path.read_bytes() + b"\0")
    planted = copy_into_store(doctored, paths.evidence_dir)
    doctored.unlink()
    _plain_sql(db, f"UPDATE evidence_item SET sha256='{planted.sha256}'"
                   + (f", size={planted.size}" if also_size else "") + f" WHERE id={ev_id}")
    report = _verify(paths, session_factory)
    altered = [p for p in report.errors if p.kind == "audit_data"]
    assert altered and f"证据 {ev_id}" in altered[0].message, report.problems
    assert planted.sha256[:16] in altered[0].message and path.stem[:16] in altered[0].message


# ------------------------------------------- the audit chain of a backup, checked on restore


@pytest.fixture
def sqlite_only(db_backend):
    if db_backend != "sqlite":
        pytest.skip("backup/restore covers the SQLite workstation (PostgreSQL: pg_dump)")


def _payload(rows):
    rows[1].payload = '{"forged": 1}'


@pytest.mark.parametrize("forgery,match", [
    ("rewritten, manifest anchor re-signed", "第 \\d+ 条.*anchors.jsonl:1 中的锚点不一致"),
    ("tail cut, journal anchor newer", "记载了 \\d+ 条记录，现在只剩"),
    ("rewritten, not re-signed", "审计日志校验不通过：audit row 2: signature does not match")])
def test_audit_chain_forged_with_the_key_is_caught_by_an_anchor(sqlite_only, source, db, tmp_path,
                                                               forgery, match):
    """A forger holding the signing key re-hashes and re-signs the chain; only anchors kept
    outside the backup (the journal) or inside its signed manifest give the forgery away."""
    with unit_of_work(db[1]) as s:
        audit.record(s, SYSTEM, "case.update", entity_type="case")  # a row nothing else needs
    made = tmp_path / "bk"
    backup.create_backup(source, SYSTEM, made)
    snap = made / "casedesk.sqlite3"
    if forgery.startswith("rewritten, manifest"):
        sha = forge_chain(snap, _payload)
        engine, factory = backup._readonly_sessions(snap)
        with factory() as s:
            forged_anchor = anchors.sign_head(s).as_dict()
        engine.dispose()
        trusted_edit(made, lambda m: m.update(db_sha256=sha, audit_anchor=forged_anchor))
    elif forgery.startswith("tail"):
        sha = forge_chain(snap, lambda rows: None, truncate=1)
        trusted_edit(made, lambda m: m.update(db_sha256=sha))
    else:
        sha = forge_chain(snap, _payload, resign=False)
        trusted_edit(made, lambda m: m.update(db_sha256=sha))
    restore_fails(made, tmp_path, match)


def test_legacy_unsigned_rows_and_foreign_anchors_do_not_stop_a_restore(sqlite_only, made, source,
                                                                         tmp_path):
    """Warnings are not errors: rows from before signing, a journal anchor by another key, and
    journal anchors of the live database that grew after the backup."""
    def unsign_first(rows):
        rows[0].signature = rows[0].key_id = None
    rogue = Ed25519PrivateKey.generate()
    pub = rogue.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    entry = manifest_json(made)
    other = anchors.Anchor(**entry["audit_anchor"] | {"public_key": pub, "signature": ""})
    with anchors.journal_path().open("a", encoding="utf-8") as fh:  # known chain, unknown key
        fh.write(json.dumps(other.as_dict() | {"signature": rogue.sign(other.message()).hex()})
                 + "\n")
    sha = forge_chain(made / "casedesk.sqlite3", unsign_first)
    trusted_edit(made, lambda m: m.update(db_sha256=sha, audit_anchor=None))
    engine, factory = open_database(source.db_url)
    with unit_of_work(factory) as s:
        audit.record(s, SYSTEM, "case.update", entity_type="case")
        anchors.anchor_now(s)  # the live database is one row longer than the backup
    engine.dispose()
    target = resolve_paths(tmp_path / "restored")
    assert backup.restore_backup(made, target, SYSTEM).evidence_files == len(entry["evidence"])
