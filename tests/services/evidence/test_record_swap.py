"""An evidence record pointed at another file with a database tool (the file planted under its
own hash, so store and record agree): the signed import entry still names the original, and
opening, verifying and exporting the item refuse it."""

from __future__ import annotations

import hashlib
import os

import pytest

from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.evidence import custody
from app.services.evidence.import_record import LoggedImport, parse
from app.services.evidence.integrity_gate import EvidenceAltered
from app.services.evidence.store import copy_into_store
from tests.conftest import make_actor
from tests.helpers.cases import case_row, squad_row
from tests.helpers.evidence import add_evidence


@pytest.fixture
def swapped(paths, db, session_factory, tmp_path):
    squad = squad_row(session_factory)
    case_id = case_row(session_factory, squad)
    ev_id, stored = add_evidence(session_factory, paths, case_id, tmp_path, os.urandom(4096))
    doctored = tmp_path / "doctored.mp4"
    data = stored.read_bytes()                 # same size, another last byte (the content is
    doctored.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))   # random: "!" was it 1 time in 256)
    planted = copy_into_store(doctored, paths.evidence_dir)
    with db[0].begin() as conn:
        conn.exec_driver_sql(f"UPDATE evidence_item SET sha256='{planted.sha256}' "
                             f"WHERE id={ev_id}")
    return make_actor(Role.OFFICER, squad_id=squad), ev_id, stored.stem, planted.sha256


def test_verification_refuses_a_record_pointed_at_another_file(paths, session_factory, swapped):
    officer, ev_id, original, planted = swapped
    with unit_of_work(session_factory) as s:
        result = custody.record_verification(s, officer, paths, ev_id)
    assert not result.ok
    assert original[:16] in result.message and planted[:16] in result.message
    assert "记录已被改动" in result.message
    with session_factory() as s:
        assert custody.custody_log(s, officer, ev_id)[-1].action == "verify_failed"


def test_export_is_refused_before_anything_is_written(session_factory, swapped):
    officer, ev_id, original, _planted = swapped
    with session_factory() as s, pytest.raises(EvidenceAltered, match=original[:16]):
        custody.check_can_export(s, officer, ev_id)


def test_an_intact_record_verifies_and_exports(paths, session_factory, tmp_path):
    squad = squad_row(session_factory)
    ev_id, _ = add_evidence(session_factory, paths, case_row(session_factory, squad), tmp_path,
                            os.urandom(2048))
    officer = make_actor(Role.OFFICER, squad_id=squad)
    with unit_of_work(session_factory) as s:
        assert custody.record_verification(s, officer, paths, ev_id).ok
        custody.check_can_export(s, officer, ev_id)


@pytest.mark.parametrize(("payload", "expected"), [
    ('{"sha256": "ab", "detail": {"size": 5}}', LoggedImport("ab", 5)),
    ('{"sha256": "ab", "detail": "imported"}', LoggedImport("ab", None)),
    ('{"sha256": 7, "detail": {"size": "5"}}', LoggedImport(None, None)),
    ("[1, 2]", LoggedImport(None, None)),
    ("not json", LoggedImport(None, None)),
    ('{"sha256": "ab", "detail": {"size": 5}, "derived_from": "cd", "derivation_sha256": "ef"}',
     LoggedImport("ab", 5, "cd", "ef")),
    ('{"sha256": "ab", "derived_from": 7, "derivation_sha256": ["ef"]}',
     LoggedImport("ab", None, None, None)),
])
def test_import_payloads_are_read_defensively(payload, expected):
    assert parse(payload) == expected


def test_agreement_rules():
    assert LoggedImport(None, None).agrees("x", 1)  # an old entry without a hash names nothing
    assert LoggedImport("x", None).agrees("x", 9)
    assert LoggedImport("x", 9).agrees("x", 9) and LoggedImport("x", 9).agrees("x")
    assert not LoggedImport("x", 9).agrees("x", 8)
    assert not LoggedImport("x", 9).agrees("y", 9)


def test_origin_rules():
    """A copy's record must name what its signed entry names it was made from, and a record
    the entry names nothing for must name nothing."""
    report = '{"pictures": 3}'
    logged = LoggedImport("x", 9, "s", hashlib.sha256(report.encode()).hexdigest())
    assert logged.same_origin("s", report)
    assert not logged.same_origin("t", report)                 # pointed at another source
    assert not logged.same_origin("s", report + " ")           # the report rewritten
    assert not logged.same_origin(None, "") and not logged.same_origin("s", "")   # dropped
    plain = LoggedImport("x", 9)
    assert plain.same_origin(None, "")
    assert not plain.same_origin("s", report) and not plain.same_origin(None, report)  # invented
    assert not plain.same_origin("", "")                       # a link to a vanished item
