"""Anonymization is a permission: a trainer gets no identity from any service, whatever the
arguments; the shared scrubber catches identities typed only into free text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.models import CallOut, Case
from app.models.db import unit_of_work
from app.models.enums import Role
from app.reports.anonymize import anonymize
from app.reports.case_data import collect_case_report
from app.services.casefile import callout_view, cases, scrubber
from app.services.casefile.search_text import refresh_search_text
from app.services.org import callouts
from app.services.training import replay
from tests.conftest import make_actor
from tests.helpers.case_a import (
    PLATE,
    SUSPECT_NAME,
    SUSPECT_PHONE,
    VICTIM_ID,
    VICTIM_NAME,
    build_closed_case_a,
)
from tests.helpers.cases import squad_row

TRAINER = make_actor(Role.TRAINER)
FREE_TEXT = ("证人王建华（电话0731-22881234）住天元区长江北路88号3栋2单元501室，"
             "外号黑皮，另一辆车湘B·D1234。")
SECRETS = ("王建华", "0731-22881234", "长江北路88号", "黑皮")


@pytest.fixture
def case_a(session_factory):
    case_id = build_closed_case_a(session_factory, squad_row(session_factory))
    with unit_of_work(session_factory) as s:
        case = s.get(Case, case_id)
        case.narrative = (case.narrative or "") + FREE_TEXT
        refresh_search_text(s, case_id)     # as the services keep it: names, plate, ID
    return case_id


def _strings(obj) -> str:
    return repr(obj)


def test_trainer_cannot_turn_anonymization_off(session_factory, case_a):
    with session_factory() as s:
        d = cases.get_case(s, TRAINER, case_a, anonymize=False)
        r = replay.build_replay(s, TRAINER, case_a, anonymize=False)
    for view in (_strings(d), _strings(r)):
        for secret in (VICTIM_NAME, SUSPECT_NAME, PLATE, VICTIM_ID, SUSPECT_PHONE, *SECRETS):
            assert secret not in view, secret


def test_others_still_see_the_file(session_factory, case_a):
    with session_factory() as s:
        d = cases.get_case(s, make_actor(Role.REVIEWER), case_a)
    assert VICTIM_NAME in _strings(d) and "王建华" in d.narrative


def test_anonymized_pdf_data_scrubs_free_text(session_factory, case_a):
    with session_factory() as s:
        data = collect_case_report(s, make_actor(Role.ADMIN), case_a)
    text = _strings(anonymize(data))
    for secret in (VICTIM_NAME, SUSPECT_NAME, VICTIM_ID, SUSPECT_PHONE, *SECRETS):
        assert secret not in text, secret


def test_scrubber_finds_what_patterns_can_find():
    kinds = {k for k, _v in scrubber.find(FREE_TEXT)}
    assert kinds == {"name", "phone", "address", "plate"}
    assert scrubber.find("人员A 身份证号01 湘·训01 天桥街 司机逃逸 车主李某") == []
    assert scrubber.find("430203195601021234") == [("id", "430203195601021234")]


def test_trainer_sees_only_callouts_of_closed_cases(session_factory, case_a):
    with unit_of_work(session_factory) as s:
        open_case = Case(case_no="石峰-2024-0002", title="未结案", status="investigating")
        s.add(open_case)
        s.flush()
        s.add(CallOut(occurred_at=datetime(2024, 1, 2, tzinfo=UTC), kind="hit_and_run",
                      address="天元区长江北路88号", case_id=open_case.id))
    with session_factory() as s:
        assert s.scalar(select(CallOut.id)) is not None
        seen = callout_view.list_callouts(s, TRAINER)
        assert all(c.case_no != "石峰-2024-0002" for c in seen)
        assert callouts.count_callouts(s, TRAINER) == len(seen)
        assert any(c.case_no == "石峰-2024-0002"
                   for c in callouts.list_callouts(s, make_actor(Role.ADMIN)))


def test_scrubbing_is_idempotent_and_family_words_are_not_nicknames():
    from app.services.casefile.pseudonyms import Pseudonymizer

    p = Pseudonymizer()
    p.add("周某", "name")
    once = p.scrub("养猪场主周某不在场，其家人称周某早上出门，外号黑皮。")
    assert once == "养猪场主人员A不在场，其家人称人员A早上出门，外号人员B。"
    assert p.scrub(once) == once and scrubber.find(once) == []


def test_a_trainers_search_matches_and_shows_the_anonymized_text(session_factory, case_a):
    """Searching raw text would tell a trainer which closed case a named person is in."""
    from app.models import SearchTask
    from app.services.casefile.record_search import search_all, search_case
    with unit_of_work(session_factory) as s:
        s.add(SearchTask(case_id=case_a, kind="canvass", title="走访养猪场", status="done",
                         result=f"找到{SUSPECT_NAME}（{SUSPECT_PHONE}）的养猪场，车牌{PLATE}。"
                                + FREE_TEXT))
    officer = make_actor(Role.REVIEWER)
    with session_factory() as s:
        for secret in (SUSPECT_NAME, SUSPECT_PHONE, PLATE, "王建华", "0731-22881234", VICTIM_ID):
            assert search_all(s, officer, secret) or search_case(s, officer, case_a, secret)
            assert search_all(s, TRAINER, secret) == [], secret
            assert search_case(s, TRAINER, case_a, secret) == [], secret
        shown = search_all(s, TRAINER, "养猪场") + search_case(s, TRAINER, case_a, "养猪场")
    assert "task" in {h.source for h in shown}                      # still found, anonymized
    for hit in shown:
        for secret in (SUSPECT_NAME, SUSPECT_PHONE, PLATE, *SECRETS):
            assert secret not in hit.text, (secret, hit.text)


def test_a_trainers_case_list_filter_matches_the_anonymized_text(session_factory, case_a):
    """Filtering the case list by a real name must not tell a trainer which case holds it."""
    from app.models import SearchTask
    from app.services.casefile import search
    from app.services.casefile.dto import CaseFilter
    with unit_of_work(session_factory) as s:
        s.add(SearchTask(case_id=case_a, kind="canvass", title="走访养猪场", status="done",
                         result=f"找到{SUSPECT_NAME}（{SUSPECT_PHONE}）的养猪场。"))
    officer = make_actor(Role.REVIEWER)
    with session_factory() as s:
        for secret in (SUSPECT_NAME, VICTIM_NAME, SUSPECT_PHONE, PLATE, VICTIM_ID, "王建华",
                       "0731-22881234", f"养猪场 {SUSPECT_NAME}"):
            assert case_a in search.case_ids(s, officer, CaseFilter(text=secret)), secret
            assert case_a not in search.case_ids(s, TRAINER, CaseFilter(text=secret)), secret
            page = search.list_cases(s, TRAINER, CaseFilter(text=secret, limit=5))
            assert case_a not in {c.id for c in page.items} and page.total == 0, secret
        for word in ("养猪场", "三轮", "养猪场 三轮"):    # a record, the case file, both
            assert case_a in search.case_ids(s, TRAINER, CaseFilter(text=word)), word
            page = search.list_cases(s, TRAINER, CaseFilter(text=word, limit=1))
            assert [c.id for c in page.items] == [case_a] and page.total == 1, word


def test_a_trainers_filter_follows_a_name_added_after_a_search(session_factory, case_a):
    """The scrubbers kept between searches are rebuilt when the case changes: a witness named
    after the first search is withheld from the next one too."""
    from app.models import SearchTask
    from app.services.casefile import persons, search
    from app.services.casefile.dto import CaseFilter, PersonInput
    with session_factory() as s:
        assert case_a in search.case_ids(s, TRAINER, CaseFilter(text="三轮"))   # scrubbers made
    with unit_of_work(session_factory) as s:
        persons.add_person(s, make_actor(Role.ADMIN), case_a,
                           PersonInput(role="witness", name="钱多多"))
        s.add(SearchTask(case_id=case_a, kind="canvass", title="走访", status="done",
                         result="钱多多看见一辆三轮车往南开。"))
    with session_factory() as s:
        assert case_a in search.case_ids(s, make_actor(Role.REVIEWER), CaseFilter(text="钱多多"))
        assert case_a not in search.case_ids(s, TRAINER, CaseFilter(text="钱多多"))
        assert case_a in search.case_ids(s, TRAINER, CaseFilter(text="往南开"))


def test_a_trainers_filter_follows_a_call_out_linked_after_a_search(session_factory, case_a):
    """A call-out's officers are withheld too; linking one changes no search text, only the
    case's audit trail, and that is enough to rebuild the kept scrubber."""
    from app.models import Officer, SearchTask
    from app.services.casefile import search
    from app.services.casefile.dto import CaseFilter
    with session_factory() as s:
        assert case_a in search.case_ids(s, TRAINER, CaseFilter(text="三轮"))   # scrubbers made
    with unit_of_work(session_factory) as s:
        before = s.get(Case, case_a).search_text
        officer = Officer(badge_no="990001", name="欧阳晓峰", squad_id=s.get(Case, case_a).squad_id)
        s.add(officer)
        s.add(SearchTask(case_id=case_a, kind="canvass", title="复核", status="done",
                         result="欧阳晓峰复核了三轮车的去向。"))
        s.flush()
        callouts.create_callout(s, make_actor(Role.ADMIN), callouts.CallOutInput(
            occurred_at=datetime(2023, 11, 28, tzinfo=UTC), kind="hit_and_run",
            officer_ids=(officer.id,), case_id=case_a))
    with session_factory() as s:
        assert s.get(Case, case_a).search_text == before
        assert case_a in search.case_ids(s, make_actor(Role.REVIEWER),
                                         CaseFilter(text="欧阳晓峰"))
        assert case_a not in search.case_ids(s, TRAINER, CaseFilter(text="欧阳晓峰"))


def test_scrubbers_made_ahead_serve_the_first_filter(session_factory, case_a, monkeypatch):
    """A trainer's list makes every readable case's scrubber when the trainer signs in (off the
    GUI thread); the first text filter then only reads them."""
    from app.services.casefile import record_search, search
    from app.services.casefile.dto import CaseFilter
    with session_factory() as s:
        assert record_search.keep_scrubbers(s, make_actor(Role.REVIEWER)) == 0
        assert record_search.keep_scrubbers(s, TRAINER) == 1

    def made_again(*_args, **_kwargs):
        raise AssertionError("a scrubber was made again")
    monkeypatch.setattr(record_search, "case_with_scrubber", made_again)
    with session_factory() as s:
        assert case_a in search.case_ids(s, TRAINER, CaseFilter(text="三轮"))
        assert case_a not in search.case_ids(s, TRAINER, CaseFilter(text=SUSPECT_NAME))
