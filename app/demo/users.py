"""Demo step: one user per role with known demo passwords (listed by ``casedesk-cli demo``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import DemoReport
from app.demo.helpers import ensure_org
from app.i18n import _
from app.models import User
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.org import users

# user name, display name, role, officer (by name) — demo only: never use these passwords live
DEMO_PASSWORD = "demo1234"
DEMO_USERS = (
    ("admin", "系统管理员", "admin", None),
    ("liujianguo", "刘建国", "officer", "刘建国"),
    ("reviewer", "法制审核员", "reviewer", None),
    ("trainer", "教官", "trainer", None),
)


def seed(paths: AppPaths, session_factory: sessionmaker[Session], report: DemoReport) -> None:
    with unit_of_work(session_factory) as session:
        org, _created = ensure_org(session)
        for username, name, role, officer in DEMO_USERS:
            exists = session.scalar(select(User.id).where(func.lower(User.username) == username))
            if exists is None:
                users.create_user(session, SYSTEM, username, name, role, DEMO_PASSWORD,
                                  squad_id=org.squad_id if role == "officer" else None,
                                  officer_id=org.officer(officer) if officer else None,
                                  must_change_password=False)
                report.add("users")
    report.notes.append(_("Demo sign-ins (password {pw} for all): {names}", pw=DEMO_PASSWORD,
                          names=", ".join(f"{u} ({r})" for u, _n, r, _o in DEMO_USERS)))
