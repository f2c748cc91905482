"""Anonymization of what is not a person record: a witness named only on an exhibit (a
statement's giver) is withheld field by field, and an exhibit without one stays blank."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from app.models.enums import Role
from app.reports import anonymize as anon
from app.reports.case_data import collect_case_report
from app.reports.investigation_data import ExhibitRow, InvestigationInfo
from tests.conftest import make_actor
from tests.helpers.case_a import build_closed_case_a
from tests.helpers.cases import squad_row

WITNESS = "钱晓梅"  # gave a statement; not a person record of the case


def _exhibit(n: int, person: str) -> ExhibitRow:
    return ExhibitRow(n, "statement", f"笔录{n}.pdf", "ab" * 32, 100,
                      datetime(2023, 11, 28, 9, tzinfo=UTC), None, None, "天桥街", person,
                      "刘警官", "目击者笔录", "看到一辆蓝色三轮车")


def test_exhibit_persons_are_withheld_and_blank_ones_stay_blank(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_id)
    inv = InvestigationInfo(None, None, exhibits=(_exhibit(1, WITNESS), _exhibit(2, "")))
    out = anon.anonymize(dataclasses.replace(data, investigation=inv))
    assert out.investigation is not None
    named, blank = out.investigation.exhibits
    assert named.person == "（已隐去）" and blank.person == ""
    assert WITNESS not in repr(out)
    assert data.investigation is None or WITNESS not in repr(data.investigation.exhibits)
    assert inv.exhibits[0].person == WITNESS  # the original is untouched


def test_a_report_without_investigation_stays_without(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_id)
    out = anon.anonymize(dataclasses.replace(data, investigation=None))
    assert out.investigation is None


def test_a_two_character_name_in_free_text_becomes_that_persons_pseudonym(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_id)
    victim, *rest = data.persons
    short = dataclasses.replace(victim, name="王五")
    case = dataclasses.replace(data.case, narrative="王五当晚步行回家。")
    out = anon.anonymize(dataclasses.replace(data, persons=(short, *rest), case=case))
    assert out.case.narrative == "人员A当晚步行回家。"
