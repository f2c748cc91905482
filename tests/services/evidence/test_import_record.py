"""Which audit row names an evidence item's file (``import_record``), rule by rule: only the
item's own first ``evidence.import`` row counts, and a disagreement names both files exactly."""

from __future__ import annotations

import json
from itertools import count

from app.models import AuditEntry, EvidenceItem
from app.models.db import unit_of_work
from app.services.common import coded_text
from app.services.evidence.import_record import LoggedImport, altered_record, logged_import

A, B, C = "a" * 64, "b" * 64, "c" * 64
_row = count(1)


def _log(factory, action: str, entity_type: str, entity_id: int, sha: str, size: int) -> None:
    n = next(_row)
    with unit_of_work(factory) as s:
        s.add(AuditEntry(action=action, entity_type=entity_type, entity_id=entity_id,
                         payload=json.dumps({"sha256": sha, "detail": {"size": size}}),
                         prev_hash=f"{n:064x}", row_hash=f"{n + 10**6:064x}"))


def test_only_the_items_own_first_import_row_counts(session_factory):
    _log(session_factory, "evidence.import", "case", 7, C, 3)        # another kind of entity
    _log(session_factory, "evidence.view", "evidence", 7, C, 3)      # another action
    _log(session_factory, "evidence.import", "evidence", 8, C, 3)    # another item
    _log(session_factory, "evidence.import", "evidence", 7, A, 100)  # this one
    _log(session_factory, "evidence.import", "evidence", 7, B, 200)  # a later row
    with session_factory() as s:
        assert logged_import(s, 7) == LoggedImport(A, 100)
        assert logged_import(s, 8) == LoggedImport(C, 3)
        assert logged_import(s, 9) is None                          # no row: nothing logged


def _item(sha: str, size: int) -> EvidenceItem:
    return EvidenceItem(id=7, sha256=sha, size=size, original_name="东门卡口.mp4")


def test_a_disagreement_names_the_item_and_both_files(session_factory):
    _log(session_factory, "evidence.import", "evidence", 7, A, 100)
    with session_factory() as s:
        assert altered_record(s, _item(A, 100)) is None
        assert altered_record(s, EvidenceItem(id=9, sha256=B, size=1, original_name="x")) is None
        other_file = coded_text.decode(altered_record(s, _item(B, 100)))
        other_size = coded_text.decode(altered_record(s, _item(A, 99)))   # same hash, resized
    assert other_file == {"code": "record_altered", "name": "东门卡口.mp4",
                          "expected": A[:16], "actual": B[:16]}
    assert other_size == {"code": "record_altered", "name": "东门卡口.mp4",
                          "expected": A[:16], "actual": A[:16]}
