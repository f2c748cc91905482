"""Each role's allowed and refused operations, enforced by the services (not by the UI)."""

from __future__ import annotations

import pytest

from app.models import Case
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.casefile import cases, comments
from app.services.casefile.cases import case_input
from app.services.casefile.dto import CaseInput
from app.services.common import audit_log
from app.services.common.context import SYSTEM
from app.services.common.errors import PermissionDenied, WorkflowError
from app.services.org import users
from app.services.training import replay
from tests.conftest import make_actor
from tests.helpers.case_a import build_closed_case_a
from tests.helpers.cases import case_row, squad_row


@pytest.fixture
def world(session_factory):
    squad = squad_row(session_factory, "石峰")
    other = squad_row(session_factory, "荷塘")
    with unit_of_work(session_factory) as s:
        mine = cases.create_case(s, SYSTEM, CaseInput(case_no="石峰-2024-0001",
                                                      title="建设路逃逸", squad_id=squad)).id
        theirs = cases.create_case(s, SYSTEM, CaseInput(case_no="荷塘-2024-0001",
                                                        title="红旗路逃逸", squad_id=other)).id
    closed = build_closed_case_a(session_factory, squad)
    solved = case_row(session_factory, squad, status="solved", case_no="石峰-2024-0002")
    return {"squad": squad, "mine": mine, "theirs": theirs, "closed": closed, "solved": solved}


def _edit(s, actor, case_id, title="改过的标题"):
    detail = cases.get_case(s, SYSTEM, case_id)
    data = case_input(detail)
    data = CaseInput(**{f: getattr(data, f) for f in CaseInput.__slots__} | {"title": title})
    return cases.update_case(s, actor, case_id, data, expected_version=detail.version)


def test_officer_edits_own_squad_only(session_factory, world):
    officer = make_actor(Role.OFFICER, world["squad"])
    with unit_of_work(session_factory) as s:
        assert _edit(s, officer, world["mine"]).title == "改过的标题"
        with pytest.raises(PermissionDenied):
            _edit(s, officer, world["theirs"])
        assert cases.get_case(s, officer, world["theirs"]).id == world["theirs"]  # may read
        for refused in (lambda: comments.add_comment(s, officer, world["mine"], "好"),
                        lambda: comments.approve_closing(s, officer, world["solved"]),
                        lambda: users.list_users(s, officer),
                        lambda: audit_log.list_entries(s, officer),
                        lambda: replay.build_replay(s, officer, world["closed"])):
            with pytest.raises(PermissionDenied):
                refused()


def test_reviewer_reads_comments_approves_but_never_edits(session_factory, world):
    reviewer = make_actor(Role.REVIEWER, user_id=None)
    with unit_of_work(session_factory) as s:
        assert cases.get_case(s, reviewer, world["theirs"]).id == world["theirs"]
        with pytest.raises(PermissionDenied):
            _edit(s, reviewer, world["mine"])
        c = comments.add_comment(s, reviewer, world["mine"], "请补充视频调取记录")
        assert c.kind == "comment"
        with pytest.raises(WorkflowError):
            comments.approve_closing(s, reviewer, world["mine"])  # not solved yet
        approval = comments.approve_closing(s, reviewer, world["solved"], "证据链完整")
        assert comments.has_close_approval(s, world["solved"])
        rows = audit_log.list_entries(s, reviewer, audit_log.AuditFilter(case_id=world["solved"]))
        assert rows[0].action == "review.approve_close" and rows[0].entity_id == approval.id
        with pytest.raises(PermissionDenied):
            users.list_users(s, reviewer)


def test_trainer_reads_closed_cases_only_and_cannot_edit(session_factory, world):
    trainer = make_actor(Role.TRAINER)
    with unit_of_work(session_factory) as s:
        with pytest.raises(PermissionDenied):
            _edit(s, trainer, world["closed"])       # the case-update service refuses
        with pytest.raises(PermissionDenied):
            cases.get_case(s, trainer, world["mine"])  # open case: not for trainers
        assert cases.get_case(s, trainer, world["closed"]).status == "closed"
        assert replay.build_replay(s, trainer, world["closed"]).anonymized
        with pytest.raises(PermissionDenied):
            comments.add_comment(s, trainer, world["closed"], "x")
        with pytest.raises(PermissionDenied):
            audit_log.list_entries(s, trainer)


def test_training_cases_are_read_only_even_for_admins(session_factory, world):
    with unit_of_work(session_factory) as s:
        s.get(Case, world["closed"]).is_training = True
    with unit_of_work(session_factory) as s, pytest.raises(PermissionDenied):
        _edit(s, make_actor(Role.ADMIN), world["closed"])


def test_admin_may_do_everything_administrative(session_factory, world):
    admin = make_actor(Role.ADMIN)
    with unit_of_work(session_factory) as s:
        users.create_user(s, admin, "li", "李警官", "officer", "Pass-1234",
                          squad_id=world["squad"])
        assert [u.username for u in users.list_users(s, admin)] == ["li"]
        assert audit_log.count_entries(s, admin) > 0
        assert _edit(s, admin, world["theirs"]).title == "改过的标题"
