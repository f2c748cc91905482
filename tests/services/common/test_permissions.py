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


# --- The rules of require() one by one, on plain objects (no database) -----------------------

_EXPECTED = {
    Role.OFFICER: {"case.read", "case.create", "case.edit", "evidence.import", "evidence.view",
                   "evidence.export", "camera.edit", "callout.edit", "report.stats",
                   "report.export_pdf"},
    Role.REVIEWER: {"case.read", "evidence.view", "evidence.export", "review.comment",
                    "review.approve_close", "report.export_pdf", "report.stats", "audit.view"},
    Role.TRAINER: {"case.read", "evidence.view", "training.build", "training.replay",
                   "report.stats"},
}
_ALL_PERMS = {"case.read", "case.create", "case.edit", "case.delete", "evidence.import",
              "evidence.view", "evidence.export", "camera.edit", "callout.edit",
              "review.comment", "review.approve_close", "report.export_pdf", "report.stats",
              "training.build", "training.replay", "audit.view", "admin.users", "admin.backup",
              "admin.settings", "admin.verify"}


def _case(**kw):
    from types import SimpleNamespace
    return SimpleNamespace(**kw)


def test_role_matrix_is_exactly_the_documented_one():
    from app.services.common.context import Perm
    assert {p.value for p in Perm} == _ALL_PERMS
    for role in Role:
        allowed = {p.value for p in Perm if make_actor(role).can(p)}
        assert allowed == _EXPECTED.get(role, _ALL_PERMS), role


def test_refusal_names_the_role_and_the_permission():
    from app.services.common.context import Perm, require
    with pytest.raises(PermissionDenied) as err:
        require(make_actor(Role.OFFICER), Perm.USERS_MANAGE)
    assert str(err.value) == "您的角色（officer）无权执行此操作：admin.users。"
    require(make_actor(Role.OFFICER), Perm.CASE_EDIT)  # no case: the role alone decides


def test_training_cases_refuse_writes_only():
    from app.services.common.context import Perm, require
    admin = make_actor(Role.ADMIN)
    for perm in (Perm.CASE_EDIT, Perm.CASE_DELETE, Perm.EVIDENCE_IMPORT):
        with pytest.raises(PermissionDenied) as err:
            require(admin, perm, _case(is_training=True, squad_id=1, status="open"))
        assert str(err.value) == "教学案例为只读，不能修改。"
    require(admin, Perm.CASE_READ, _case(is_training=True, squad_id=1, status="open"))
    require(admin, Perm.CASE_EDIT, _case(squad_id=1, status="open"))  # no flag: not training


def test_officer_squad_rule():
    from app.services.common.context import Perm, require
    officer = make_actor(Role.OFFICER, squad_id=1)
    for perm in (Perm.CASE_EDIT, Perm.EVIDENCE_IMPORT, Perm.EVIDENCE_EXPORT):
        require(officer, perm, _case(squad_id=1, status="open", is_training=False))
        with pytest.raises(PermissionDenied) as err:
            require(officer, perm, _case(squad_id=2, status="open", is_training=False))
        assert str(err.value) == "民警只能修改本中队的案件。"
    with pytest.raises(PermissionDenied):
        require(officer, Perm.CASE_EDIT, _case(status="open"))  # no squad: not theirs
    require(officer, Perm.CASE_READ, _case(squad_id=2, status="open", is_training=False))
    require(make_actor(Role.OFFICER), Perm.CASE_EDIT, _case(squad_id=2, status="open"))
    require(make_actor(Role.ADMIN, squad_id=1), Perm.CASE_EDIT, _case(squad_id=2, status="open"))


def test_trainer_status_rule():
    from app.services.common.context import Perm, require
    trainer = make_actor(Role.TRAINER, squad_id=1)
    require(trainer, Perm.CASE_READ, _case(squad_id=2, status="closed", is_training=False))
    require(trainer, Perm.CASE_READ, _case(squad_id=2, status="closed"))
    require(trainer, Perm.CASE_READ, _case(squad_id=2, status="open", is_training=True))
    for case in (_case(squad_id=1, status="solved", is_training=False), _case(squad_id=1)):
        with pytest.raises(PermissionDenied) as err:
            require(trainer, Perm.CASE_READ, case)
        assert str(err.value) == "教官只能查看已结案的案件。"
    require(make_actor(Role.REVIEWER), Perm.CASE_READ, _case(squad_id=2, status="open"))


def test_system_actor_and_actor_defaults():
    from app.services.common.context import SYSTEM, Actor
    assert (SYSTEM.user_id, SYSTEM.username, SYSTEM.role, SYSTEM.display_name) == (
        None, "system", Role.ADMIN, "系统")
    a = Actor(user_id=3, username="li", role=Role.OFFICER)
    assert (a.squad_id, a.officer_id, a.display_name) == (None, None, "")
