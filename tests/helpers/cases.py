"""Case builders shared by every suite: a squad with officers and cases through the services,
bare squad/case rows (no service, for admin and integrity tests), one-call units of work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.models import AuditEntry, Case, Squad, User
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.casefile import cases, comments
from app.services.casefile.dto import CaseDetail, CaseInput
from app.services.common import audit
from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import SYSTEM, Actor
from app.services.org import officers
from app.services.org.dto import OfficerInput, SquadInput

TZ = ZoneInfo(DEFAULT_TZ)


def cst(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=TZ)


def run(factory, fn: Callable[..., Any], *args: Any, actor: Actor = SYSTEM, **kw: Any) -> Any:
    """``fn(session, actor, *args, **kw)`` in its own committed transaction."""
    with unit_of_work(factory) as session:
        return fn(session, actor, *args, **kw)


def walk(factory, case_id: int, steps, *, actor: Actor = SYSTEM, at=None, reason: str = "测试"):
    """Move a case along ``steps``; a reviewer (SYSTEM) approves before any closing step."""
    detail = None
    for i, step in enumerate(steps):
        if step == "closed":
            run(factory, comments.approve_closing, case_id)
        kw = {"at": at(i)} if at else {}
        detail = run(factory, cases.change_status, case_id, step, reason=reason, actor=actor, **kw)
    return detail


def make_squad(factory, code: str = "石峰", name: str = "石峰大队事故中队") -> tuple[int, int]:
    """A squad with one officer; returns (squad_id, officer_id)."""
    squad = run(factory, officers.create_squad, SquadInput(code, name))
    officer = run(factory, officers.create_officer,
                  OfficerInput(f"{code}-001", "刘建国", squad.id, "一级警长"))
    return squad.id, officer.id


def case_input(squad_id: int | None, officer_id: int | None = None, **over: Any) -> CaseInput:
    values = dict(case_no="石峰-2023-0117", title="天桥街无牌三轮摩托车肇事逃逸案",
                  occurred_at=cst(2023, 11, 28, 6, 2), reported_at=cst(2023, 11, 28, 6, 11),
                  address="株洲市石峰区天桥街", district="石峰区", road="天桥街",
                  narrative="一辆无牌蓝色三轮摩托车由北向南行驶，撞倒路边老人后逃逸。",
                  lead_officer_id=officer_id, squad_id=squad_id)
    values.update(over)
    return CaseInput(**values)


def new_case(factory, squad_id: int | None, officer_id: int | None = None,
             actor: Actor = SYSTEM, **over: Any) -> CaseDetail:
    return run(factory, cases.create_case, case_input(squad_id, officer_id, **over), actor=actor)


def audit_count(factory, action: str | None = None) -> int:
    with unit_of_work(factory) as session:
        stmt = select(func.count()).select_from(AuditEntry)
        if action:
            stmt = stmt.where(AuditEntry.action == action)
        return session.scalar(stmt)


def make_user(factory, role: Role, squad_id: int | None = None, name: str = "") -> Actor:
    """A real user account (so history rows can name who did it) and its Actor."""
    with unit_of_work(factory) as session:
        user = User(username=f"{role.value}-{squad_id}-{name or 'u'}", role=role.value,
                    display_name=name or f"{role.value}用户", squad_id=squad_id)
        session.add(user)
        session.flush()
        return Actor(user_id=user.id, username=user.username, role=role, squad_id=squad_id,
                     display_name=user.display_name)


# ------------------------------------------------- raw rows (no service, no officer, no history)


def squad_row(factory, code: str = "石峰") -> int:
    """A bare squad row (no officer, not audited)."""
    with unit_of_work(factory) as s:
        squad = Squad(code=code, name=f"{code}大队事故中队")
        s.add(squad)
        s.flush()
        return squad.id


def case_row(factory, squad_id: int | None = None, status: str = "investigating",
             case_no: str = "石峰-2023-0117", *,
             occurred_at: datetime = datetime(2023, 11, 27, 22, 5, tzinfo=UTC),
             audited: bool = True) -> int:
    """A bare case row "天桥街肇事逃逸" (its creation audited unless told otherwise)."""
    with unit_of_work(factory) as s:
        case = Case(case_no=case_no, title="天桥街肇事逃逸", status=status, squad_id=squad_id,
                    occurred_at=occurred_at)
        s.add(case)
        s.flush()
        if audited:
            audit.record(s, SYSTEM, "case.create", entity_type="case", entity_id=case.id,
                         case_id=case.id)
        return case.id


def record_case_updates(factory, case_id: int, count: int, **payload: Any) -> None:
    """``count`` audited "case.update" rows of ``case_id``, one transaction each (payload n=i)."""
    for i in range(count):
        with unit_of_work(factory) as s:
            audit.record(s, SYSTEM, "case.update", entity_type="case", entity_id=case_id,
                         case_id=case_id, payload={"n": i, **payload})
