"""Where the data and the audit log disagree, each finding names the record (its coded place and
its words): records made behind the program's back, records pointed at another file or another
origin than their signed import entry names; training cases and other entries do not count."""

from __future__ import annotations

import hashlib
import json

import pytest

from app.models import Case, EvidenceItem
from app.models.db import unit_of_work
from app.services.admin.consistency import (
    _LIMIT,
    altered_evidence_records,
    audit_disagreements,
    missing_creation_entries,
)
from app.services.common import audit, coded_text
from app.services.common.context import SYSTEM
from tests.helpers.cases import case_row, squad_row


def _item(factory, case_id: int, name: str, *, logged: dict | None = None,
          action: str = "evidence.import", entity_type: str = "evidence",
          **row) -> EvidenceItem:
    """An evidence row; with ``logged``, an audit entry (import by default) naming it."""
    sha = hashlib.sha256(name.encode()).hexdigest()
    with unit_of_work(factory) as s:
        ev = EvidenceItem(case_id=case_id, sha256=sha, ext="mp4", size=100,
                          original_name=name, **row)
        s.add(ev)
        s.flush()
        if logged is not None:
            audit.record(s, SYSTEM, action, entity_type=entity_type, entity_id=ev.id,
                         case_id=case_id, payload={"sha256": sha, "detail": {"size": 100},
                                                   **logged})
        s.expunge(ev)
        return ev


def _found(factory, fn) -> list[tuple[str, str]]:
    with factory() as s:
        return list(fn(s))


@pytest.fixture
def case_id(session_factory):
    return case_row(session_factory, squad_row(session_factory))


def test_records_without_their_creation_entry_are_named(session_factory, case_id):
    case_row(session_factory, case_no="石峰-2023-0999", audited=False)
    training = case_row(session_factory, case_no="培训-0001", audited=False)
    with unit_of_work(session_factory) as s:     # a trainer's copy of a closed case
        s.get(Case, training).is_training = True
        audit.record(s, SYSTEM, "training.import", entity_type="case", entity_id=training,
                     case_id=training)
    ok = _item(session_factory, case_id, "logged.mp4", logged={})
    viewed = _item(session_factory, case_id, "viewed.mp4", logged={}, action="evidence.view")
    elsewhere = _item(session_factory, case_id, "elsewhere.mp4", logged={}, entity_type="case")
    planted = _item(session_factory, case_id, "planted.mp4")
    _item(session_factory, training, "training.mp4")        # a training copy: no entry needed
    found = _found(session_factory, missing_creation_entries)
    assert found[0] == (coded_text.encode("at_case", no="石峰-2023-0999"), found[0][1])
    assert "石峰-2023-0999" in found[0][1] and "培训-0001" not in str(found)
    assert found[0][1].startswith("案件 石峰-2023-0999 存在") and "绕过程序写入" in found[0][1]
    assert all("审计日志中没有它的导入记录" in m for _p, m in found[1:])
    named = [place for place, _m in found[1:]]
    assert named == [coded_text.encode("at_evidence", id=e.id)
                     for e in (viewed, elsewhere, planted)]
    assert all(m.startswith(f"证据 {e.id}（{e.original_name}）存在")
               for e, (_p, m) in zip((viewed, elsewhere, planted), found[1:], strict=True))
    assert str(ok.id) not in " ".join(named)


def test_at_most_the_limit_is_named_in_order(session_factory, case_id):
    cases = [case_row(session_factory, case_no=f"石峰-2024-{i:04d}", audited=False)
             for i in range(_LIMIT + 2)]
    items = [_item(session_factory, case_id, f"p{i}.mp4") for i in range(_LIMIT + 2)]
    found = _found(session_factory, missing_creation_entries)
    assert len(found) == 2 * _LIMIT
    assert [p for p, _m in found[:_LIMIT]] == [
        coded_text.encode("at_case", no=f"石峰-2024-{i:04d}") for i in range(_LIMIT)]
    assert [p for p, _m in found[_LIMIT:]] == [
        coded_text.encode("at_evidence", id=e.id) for e in items[:_LIMIT]]
    assert len(cases) == _LIMIT + 2


def test_a_record_altered_after_its_entry_is_named(session_factory, db, case_id):
    sizes = _item(session_factory, case_id, "size.mp4", logged={})
    other = _item(session_factory, case_id, "other.mp4", logged={})
    intact = _item(session_factory, case_id, "intact.mp4", logged={})
    with unit_of_work(session_factory) as s:   # an import entry of something else, same number
        audit.record(s, SYSTEM, "evidence.import", entity_type="case", entity_id=intact.id,
                     case_id=case_id, payload={"sha256": "f" * 64})
    with db[0].begin() as conn:
        conn.exec_driver_sql(f"UPDATE evidence_item SET size=101 WHERE id={sizes.id}")
        conn.exec_driver_sql(f"UPDATE evidence_item SET sha256='{'0' * 64}' WHERE id={other.id}")
    found = _found(session_factory, altered_evidence_records)
    assert [p for p, _m in found] == [coded_text.encode("at_evidence", id=e.id)
                                      for e in (sizes, other)]
    assert "size.mp4" in found[0][1] and "101" in found[0][1] and "100" in found[0][1]
    assert "other.mp4" in found[1][1] and "0000000000000000" in found[1][1]
    assert "0" * 17 not in found[1][1] and other.sha256[:16] in found[1][1]
    assert other.sha256[:17] not in found[1][1] and "已被改为指向另一个文件" in found[1][1]
    assert found == _found(session_factory, audit_disagreements)


def test_an_origin_other_than_the_entry_names_is_named(session_factory, db, case_id):
    source = _item(session_factory, case_id, "FILE0003.MOV", logged={})
    report = json.dumps({"pictures": 3})
    origin = {"derived_from": source.sha256,
              "derivation_sha256": hashlib.sha256(report.encode()).hexdigest()}
    copy = _item(session_factory, case_id, "FILE0003.rescued.h264", logged=origin,
                 derived_from_id=source.id, derivation_json=report)
    with unit_of_work(session_factory) as s:   # later entries of the copy name no origin
        audit.record(s, SYSTEM, "evidence.view", entity_type="evidence", entity_id=copy.id,
                     case_id=case_id, payload={"sha256": copy.sha256, "detail": "viewed"})
    assert _found(session_factory, altered_evidence_records) == []
    with db[0].begin() as conn:
        conn.exec_driver_sql(f"UPDATE evidence_item SET derived_from_id=NULL WHERE id={copy.id}")
    ((place, message),) = _found(session_factory, altered_evidence_records)
    assert place == coded_text.encode("at_evidence", id=copy.id)
    assert message.startswith(f"证据 {copy.id}（FILE0003.rescued.h264）") and "已被改动" in message


def test_at_most_the_limit_of_altered_records_is_named(session_factory, db, case_id):
    items = [_item(session_factory, case_id, f"a{i}.mp4", logged={}) for i in range(_LIMIT + 1)]
    with db[0].begin() as conn:
        conn.exec_driver_sql("UPDATE evidence_item SET size=7")
    found = _found(session_factory, altered_evidence_records)
    assert [p for p, _m in found] == [coded_text.encode("at_evidence", id=e.id)
                                      for e in items[:_LIMIT]]
