"""Attacks on the audit log with the tools anyone at a workstation has (sqlite3, hashlib):
every one is caught by signatures, anchors or the data/audit agreement check."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from app.config import resolve_paths
from app.models.db import open_database, unit_of_work
from app.services.admin import verify
from app.services.common import anchors, audit
from tests.helpers.cases import case_row, record_case_updates, squad_row


@pytest.fixture(autouse=True)
def _sqlite_file_attacks(db_backend):
    if db_backend != "sqlite":
        pytest.skip("these attacks edit the SQLite file; PostgreSQL refuses UPDATE/DELETE of audit "
                    "rows by trigger")


@pytest.fixture
def chain(paths, session_factory):
    case_id = case_row(session_factory, squad_row(session_factory))
    record_case_updates(session_factory, case_id, 5)
    return case_id


def _verify(paths, factory, *extra):
    with factory() as s:
        return verify.verify_data(s, paths.evidence_dir, paths=paths, anchor_files=extra)


def _sql(paths, *statements):
    con = sqlite3.connect(paths.db_path)
    with con:
        for st in statements:
            con.execute(st)
    con.close()


def _rehash_from(paths, first_id):
    """What an attacker does after an edit: recompute every hash from ``first_id`` on."""
    con = sqlite3.connect(paths.db_path)
    rows = con.execute("SELECT id, at, user_id, username, action, entity_type, entity_id, "
                       "case_id, payload FROM audit_entry ORDER BY id").fetchall()
    prev = audit.GENESIS
    for r in rows:
        if r[0] >= first_id:
            at = datetime.fromisoformat(r[1]).replace(tzinfo=UTC)
            h = audit.entry_hash(at, *r[2:], prev)
            con.execute("UPDATE audit_entry SET prev_hash=?, row_hash=? WHERE id=?", (prev, h, r[0]))
        prev = con.execute("SELECT row_hash FROM audit_entry WHERE id=?", (r[0],)).fetchone()[0]
    con.execute("UPDATE audit_head SET last_hash=?, length=?", (prev, len(rows)))
    con.commit()
    con.close()


def test_known_answer_hash():
    at = datetime(2023, 11, 28, 6, 2, 0, 123000, tzinfo=UTC)
    body = audit.canonical_json({"名": "张三", "n": 1})
    assert body == '{"n":1,"名":"张三"}'
    got = audit.entry_hash(at, 7, "liu", "case.update", "case", 3, 3, body, audit.GENESIS)
    # computed independently: printf '["2023-11-28T06:02:00.123000+00:00",7,"liu",…]' | sha256sum
    assert got == "ed9efb7b36fed8f8a2f35892ac7d5c6257ebb823684d1d56300be1c04c8a63d4"
    assert audit.entry_hash(at, 7, "liu", "case.update", "case", 3, 3, body, got) != got


def test_clean_chain_verifies_and_rows_are_signed(paths, session_factory, chain):
    report = _verify(paths, session_factory)
    assert report.ok(strict=True), report.problems
    con = sqlite3.connect(paths.db_path)
    assert con.execute("SELECT count(*) FROM audit_entry WHERE signature IS NULL").fetchone() == (0,)
    con.close()


def test_editing_the_newest_row_and_rehashing_is_caught(paths, session_factory, chain):
    _sql(paths, "UPDATE audit_entry SET payload='{\"n\":99}' "
                "WHERE id=(SELECT max(id) FROM audit_entry)")
    _rehash_from(paths, 1)
    report = _verify(paths, session_factory)
    assert not report.ok()
    assert "signature" in report.first_error.message


def test_deleting_a_middle_row_with_head_fixed_is_caught(paths, session_factory, chain):
    con = sqlite3.connect(paths.db_path)
    n = con.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    last = con.execute("SELECT row_hash FROM audit_entry ORDER BY id DESC").fetchone()[0]
    con.close()
    _sql(paths, "DELETE FROM audit_entry WHERE id=3",
         f"UPDATE audit_head SET length={n - 1}, last_hash='{last}'")
    report = _verify(paths, session_factory)
    assert not report.ok() and "4" in report.first_error.where


def test_splice_by_rewriting_prev_hash_is_caught(paths, session_factory, chain):
    _sql(paths, "DELETE FROM audit_entry WHERE id=3",
         "UPDATE audit_entry SET prev_hash=(SELECT row_hash FROM audit_entry WHERE id=2) "
         "WHERE id=4")
    _rehash_from(paths, 4)
    report = _verify(paths, session_factory)
    assert not report.ok()
    assert any("signature" in p.message for p in report.errors)


def test_rehashed_forged_tail_is_caught(paths, session_factory, chain):
    con = sqlite3.connect(paths.db_path)
    con.execute("INSERT INTO audit_entry (at, user_id, username, action, entity_type, entity_id, "
                "case_id, payload, prev_hash, row_hash) VALUES ('2023-11-28 00:00:00', NULL, "
                "'system', 'case.delete', 'case', 1, 1, '{}', '', 'x')")
    con.commit()
    con.close()
    _rehash_from(paths, 1)
    report = _verify(paths, session_factory)
    assert not report.ok()
    assert "not signed" in report.first_error.message


def test_forged_tail_copying_a_signature_is_caught(paths, session_factory, chain):
    con = sqlite3.connect(paths.db_path)
    key, sig = con.execute("SELECT key_id, signature FROM audit_entry WHERE id=2").fetchone()
    con.execute("INSERT INTO audit_entry (at, user_id, username, action, entity_type, entity_id, "
                "case_id, payload, prev_hash, row_hash, key_id, signature) VALUES "
                "('2023-11-28 00:00:00', NULL, 'system', 'x', '', NULL, NULL, '{}', '', 'y', ?, ?)",
                (key, sig))
    con.commit()
    con.close()
    _rehash_from(paths, 1)
    assert "signature" in _verify(paths, session_factory).first_error.message


def test_deleting_everything_is_caught(paths, session_factory, chain):
    with unit_of_work(session_factory) as s:
        anchors.anchor_now(s)  # e.g. taken by an earlier backup or report
    _sql(paths, "DELETE FROM audit_entry", "DELETE FROM audit_head", "DELETE FROM audit_signer")
    report = _verify(paths, session_factory)
    assert not report.ok()
    kinds = {p.kind for p in report.errors}
    assert {"audit_data", "anchor"} <= kinds
    assert "0 audit rows" not in verify.summary(report)


def test_truncating_after_an_anchor_names_the_first_unanchored_row(paths, session_factory,
                                                                   chain):
    with unit_of_work(session_factory) as s:
        anchor = anchors.anchor_now(s)
    record_case_updates(session_factory, chain, 3)
    report = _verify(paths, session_factory)
    assert report.ok(), report.problems
    assert report.anchored_rows == anchor.length
    assert report.first_unanchored_id == anchor.length + 1
    assert str(anchor.length + 1) in verify.anchor_line(report)
    _sql(paths, f"DELETE FROM audit_entry WHERE id > {anchor.length - 2}")
    _rehash_from(paths, 1)
    report = _verify(paths, session_factory)
    assert any(p.kind == "anchor" and "deleted" in p.message or "删除" in p.message
               for p in report.errors)


def test_anchor_with_a_forged_signature_is_ignored(paths, session_factory, chain, tmp_path):
    with session_factory() as s:
        a = anchors.sign_head(s)
    forged = dict(a.as_dict(), length=1)
    side = tmp_path / "x.anchor.json"
    side.write_text(json.dumps({"audit_anchor": forged}))
    report = _verify(paths, session_factory, side)
    assert report.ok() and any(p.kind == "anchor" and p.severity == "warning"
                               for p in report.problems)


def test_verify_cli_strict_message_matches_exit_code(paths, session_factory, chain, capsys,
                                                     monkeypatch):
    (paths.evidence_dir / ".incoming").mkdir(parents=True, exist_ok=True)
    (paths.evidence_dir / "ab").mkdir(exist_ok=True)
    (paths.evidence_dir / "ab" / "x.part").write_bytes(b"half")
    with session_factory() as s:
        report = verify.verify_data(s, paths.evidence_dir, paths=paths)
    assert report.ok() and not report.ok(strict=True)
    assert "未通过" in verify.summary(report, strict=True)
    assert "校验通过" in verify.summary(report)


def test_a_copy_that_went_its_own_way_is_named_as_a_copy(paths, session_factory, chain,
                                                         tmp_path):
    """A restored or copied database shares the chain id; once both copies record different
    rows, verify on the copy still fails, but says the anchor came from the other copy."""
    copy_paths = resolve_paths(tmp_path / "copy").ensure()
    with sqlite3.connect(paths.db_path) as src, sqlite3.connect(copy_paths.db_path) as dst:
        src.backup(dst)  # what a copy of the data dir holds (the WAL included)
    record_case_updates(session_factory, chain, 2)
    with unit_of_work(session_factory) as s:
        anchors.anchor_now(s)  # the journal names the original database
    engine, copy_factory = open_database(copy_paths.db_url)
    try:
        record_case_updates(copy_factory, chain, 3)
        with copy_factory() as s:
            report = verify.verify_data(s, copy_paths.evidence_dir, paths=copy_paths)
    finally:
        engine.dispose()
    found = [p.message for p in report.errors if p.kind == "anchor"]
    assert found and all(str(paths.db_path) in m for m in found), report.problems
    assert all("another copy of this database" in m or "另一份副本" in m for m in found)
    assert _verify(paths, session_factory).ok()  # the original agrees with its own anchor
