"""Case status workflow: every legal and illegal transition, who/when/why, solved/closed dates."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.models.enums import CASE_TRANSITIONS, CaseStatus, Role
from app.services.casefile import cases, comments
from app.services.casefile.dto import ChangeNote
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError, WorkflowError
from tests.helpers.cases import cst, make_squad, make_user, new_case, run, walk

# A path from "reported" to every status (each step legal).
PATH_TO = {
    CaseStatus.REPORTED: (),
    CaseStatus.INVESTIGATING: ("investigating",),
    CaseStatus.SUSPENDED: ("investigating", "suspended"),
    CaseStatus.SUSPECT_IDENTIFIED: ("investigating", "suspect_identified"),
    CaseStatus.SOLVED: ("investigating", "suspect_identified", "solved"),
    CaseStatus.CLOSED: ("investigating", "suspect_identified", "solved", "closed"),
}
LABEL = {"reported": "已报案", "investigating": "侦查中", "suspect_identified": "已锁定嫌疑人",
         "solved": "已破案", "closed": "已结案", "suspended": "挂起"}


def _case_in(factory, squad_id, status: CaseStatus, n: int, actor) -> int:
    case = new_case(factory, squad_id, case_no=f"石峰-2023-{n:04d}", actor=actor)
    walk(factory, case.id, PATH_TO[status], actor=actor, at=lambda i: cst(2023, 11, 28, 7 + i))
    return case.id


def test_every_transition_is_allowed_or_refused_per_the_table(session_factory):
    squad_id, _ = make_squad(session_factory)
    officer = make_user(session_factory, Role.OFFICER, squad_id, "王磊")
    n = 1
    for src in CaseStatus:
        for dst in CaseStatus:
            case_id = _case_in(session_factory, squad_id, src, n, officer)
            n += 1
            if dst in CASE_TRANSITIONS[src]:
                if dst is CaseStatus.CLOSED:
                    run(session_factory, comments.approve_closing, case_id)
                detail = run(session_factory, cases.change_status, case_id, dst.value,
                             reason="理由", at=cst(2023, 12, 1), actor=officer)
                assert detail.status == dst.value, (src, dst)
                assert detail.status_history[-1].from_status == src.value
            else:
                with pytest.raises(WorkflowError) as err:
                    run(session_factory, cases.change_status, case_id, dst.value, reason="理由",
                        at=cst(2023, 12, 1), actor=officer)
                msg = str(err.value)
                assert LABEL[src.value] in msg and LABEL[dst.value] in msg, msg
                assert run(session_factory, cases.get_case, case_id).status == src.value


def test_transition_records_who_when_why_and_dates(session_factory):
    squad_id, _ = make_squad(session_factory)
    officer = make_user(session_factory, Role.OFFICER, squad_id, "李娜")
    case = new_case(session_factory, squad_id, actor=officer)
    assert [s.to_status for s in case.status_history] == ["reported"]
    assert case.next_statuses == ("investigating",)
    steps = [("investigating", cst(2023, 11, 28, 6, 40), "立案侦查"),
             ("suspect_identified", cst(2023, 11, 28, 15), "锁定周某"),
             ("solved", cst(2023, 11, 28, 18, 30), "嫌疑人供述"),
             ("closed", cst(2024, 1, 10, 9), "移送起诉")]
    for status, at, why in steps:
        if status == "closed":
            run(session_factory, comments.approve_closing, case.id)
        detail = run(session_factory, cases.change_status, case.id, status, reason=why, at=at,
                     actor=officer)
    history = detail.status_history
    assert [(h.from_status, h.to_status) for h in history[1:]] == [
        ("reported", "investigating"), ("investigating", "suspect_identified"),
        ("suspect_identified", "solved"), ("solved", "closed")]
    assert [h.reason for h in history[1:]] == [s[2] for s in steps]
    assert all(h.changed_by_id == officer.user_id and h.changed_by_name == "李娜"
               for h in history)
    assert history[3].changed_at == cst(2023, 11, 28, 18, 30)
    assert detail.solved_at == cst(2023, 11, 28, 18, 30)
    assert detail.closed_at == cst(2024, 1, 10, 9)
    assert detail.next_statuses == ()


def test_suspend_and_resume_need_a_reason(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    run(session_factory, cases.change_status, case.id, "investigating")
    with pytest.raises(ValidationError) as err:
        run(session_factory, cases.change_status, case.id, "suspended", reason="  ")
    assert "挂起" in err.value.errors["reason"]
    run(session_factory, cases.change_status, case.id, "suspended", reason="线索中断")
    with pytest.raises(ValidationError):
        run(session_factory, cases.change_status, case.id, "investigating")
    detail = run(session_factory, cases.change_status, case.id, "investigating",
                 reason="发现新线索")
    assert detail.status == "investigating"
    assert [h.to_status for h in detail.status_history] == [
        "reported", "investigating", "suspended", "investigating"]


def test_status_change_cannot_predate_the_previous_one(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    run(session_factory, cases.change_status, case.id, "investigating", at=cst(2023, 11, 28, 8))
    with pytest.raises(ValidationError) as err:
        run(session_factory, cases.change_status, case.id, "suspect_identified",
            at=cst(2023, 11, 28, 7))
    assert "早于" in err.value.errors["at"]


def test_unknown_status_is_a_validation_error(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    with pytest.raises(ValidationError) as err:
        run(session_factory, cases.change_status, case.id, "archived")
    assert "archived" in err.value.errors["status"]


def test_closing_needs_a_reviewers_approval(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    walk(session_factory, case.id, ("investigating", "suspect_identified", "solved"))
    with pytest.raises(WorkflowError) as err:
        run(session_factory, cases.change_status, case.id, "closed", reason="结案")
    assert "审核" in str(err.value)
    assert run(session_factory, cases.get_case, case.id).status == "solved"
    reviewer = make_user(session_factory, Role.REVIEWER, None, "赵审核")
    run(session_factory, comments.approve_closing, case.id, actor=reviewer)
    assert run(session_factory, cases.change_status, case.id, "closed").status == "closed"


@pytest.mark.parametrize("status", [CaseStatus.SOLVED, CaseStatus.CLOSED])
def test_editing_a_settled_case_needs_a_reason(session_factory, status):
    """A solved or closed case is evidence before a court: the service refuses an edit without
    a reason (not only the GUI asks), and keeps the reason in the attribute history."""
    squad_id, _ = make_squad(session_factory)
    case_id = _case_in(session_factory, squad_id, CaseStatus.SOLVED, 1, SYSTEM)
    if status is CaseStatus.CLOSED:
        run(session_factory, comments.approve_closing, case_id)
        run(session_factory, cases.change_status, case_id, "closed", reason="结案",
            at=cst(2023, 12, 1))
    detail = run(session_factory, cases.get_case, case_id)
    edited = replace(cases.case_input(detail), title="改过的标题")
    for note in (None, ChangeNote(), ChangeNote(reason="  ")):
        with pytest.raises(ValidationError) as err:
            run(session_factory, cases.update_case, case_id, edited,
                expected_version=detail.version, note=note)
        assert "原因" in err.value.errors["reason"], err.value.errors
    assert run(session_factory, cases.get_case, case_id).title != "改过的标题"
    saved = run(session_factory, cases.update_case, case_id, edited,
                expected_version=detail.version, note=ChangeNote(reason="笔误更正"))
    assert saved.title == "改过的标题"
    assert [c.reason for c in saved.changes if c.field == "title"] == ["笔误更正"]


def test_editing_an_open_case_needs_no_reason(session_factory):
    squad_id, _ = make_squad(session_factory)
    case = new_case(session_factory, squad_id)
    saved = run(session_factory, cases.update_case, case.id,
                replace(cases.case_input(case), title="新标题"), expected_version=case.version)
    assert saved.title == "新标题"
