"""Signing in: one message for every failure, throttling instead of lockouts, race-free counters.

Every refusal (unknown name, wrong password, disabled, locked by an administrator, throttled)
returns the same message, so nothing tells whether an account exists. Failed attempts are
counted per account name and per workstation (``login_throttle``, updated with atomic SQL so
concurrent sign-ins neither crash nor lose counts); after ``FREE_ATTEMPTS`` failures each further
attempt must wait a growing delay (1 s, 2 s, 4 s … at most ``MAX_DELAY``). Nobody can lock an
account by guessing: only an administrator locks (:func:`users.lock_user`).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.i18n import _
from app.models import LoginThrottle, User
from app.models.db import unit_of_work
from app.models.enums import Role
from app.models.types import utcnow
from app.services.common import audit
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.org.users import DUMMY_HASH, actor_of, check_password

FREE_ATTEMPTS = 5
MAX_DELAY = timedelta(minutes=5)


class AuthenticationError(ServiceError):
    """Login refused; the message is the same for every reason on purpose."""


@dataclass(frozen=True)
class LoginOutcome:
    """Result of :func:`authenticate`: ``actor`` on success, else the one generic ``error``."""

    actor: Actor | None
    error: str = ""
    must_change_password: bool = False


def refusal() -> str:
    return _("Wrong user name or password.")


def workstation_name() -> str:
    return socket.gethostname()[:100] or "?"


def delay_after(failures: int) -> timedelta:
    """How long to wait after ``failures`` failed attempts (0 for the first few)."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - FREE_ATTEMPTS, 20)), MAX_DELAY)


def _throttled(session: Session, keys: list[str], now: datetime) -> bool:
    until = session.scalar(select(func.max(LoginThrottle.next_allowed_at))
                           .where(LoginThrottle.key.in_(keys)))
    return until is not None and until > now


def _count_failure(session: Session, key: str, now: datetime) -> int:
    """failures += 1 atomically (no read-modify-write), then set the next allowed time."""
    bump = update(LoginThrottle).where(LoginThrottle.key == key).values(
        failures=LoginThrottle.failures + 1)
    if cast("CursorResult[Any]", session.execute(bump)).rowcount == 0:
        try:
            with session.begin_nested():
                session.add(LoginThrottle(key=key, failures=1, next_allowed_at=None))
        except IntegrityError:  # a concurrent attempt created it first
            session.execute(bump)
    failures = session.scalar(select(LoginThrottle.failures).where(LoginThrottle.key == key))
    wait = delay_after(failures or 0)
    if wait:
        session.execute(update(LoginThrottle).where(LoginThrottle.key == key)
                        .values(next_allowed_at=now + wait))
    return failures or 0


def _fail(session: Session, keys: list[str], user: User | None, name: str, reason: str,
          now: datetime) -> LoginOutcome:
    counts = {k.split(":", 1)[0]: _count_failure(session, k, now) for k in keys}
    if user is not None:
        session.execute(update(User).where(User.id == user.id).values(
            failed_logins=User.failed_logins + 1))  # no version bump: no StaleDataError
    who = actor_of(user) if user is not None else Actor(None, name[:64], Role.OFFICER)
    audit.record(session, who, "auth.login_failed", entity_type="user",
                 entity_id=user.id if user else None, payload={"reason": reason, **counts})
    return LoginOutcome(None, refusal())


def authenticate(session: Session, username: str, password: str, now: datetime | None = None,
                 workstation: str | None = None) -> LoginOutcome:
    """Check credentials, count failures and audit; never raises for bad credentials.

    The caller must commit (the counters are part of the outcome).
    """
    now = now or utcnow()
    name = username.strip()
    keys = [f"user:{name.lower()[:150]}", f"ws:{(workstation or workstation_name())[:150]}"]
    user = session.scalar(select(User).where(func.lower(User.username) == name.lower()))
    if _throttled(session, keys, now):
        check_password(password, DUMMY_HASH)  # same work, same time, same answer
        return _fail(session, keys, user, name, "throttled", now)
    if user is None or not user.active:
        check_password(password, DUMMY_HASH)
        return _fail(session, keys, user, name, "inactive" if user else "unknown", now)
    if user.locked_until is not None and user.locked_until > now:
        check_password(password, DUMMY_HASH)
        return _fail(session, keys, user, name, "locked", now)
    if not check_password(password, user.password_hash):
        return _fail(session, keys, user, name, "password", now)
    session.execute(update(LoginThrottle).where(LoginThrottle.key.in_(keys))
                    .values(failures=0, next_allowed_at=None))
    session.execute(update(User).where(User.id == user.id).values(
        failed_logins=0, last_login_at=now))
    actor = actor_of(user)
    audit.record(session, actor, "auth.login", entity_type="user", entity_id=user.id)
    return LoginOutcome(actor, "", bool(user.must_change_password))


def login(factory: sessionmaker[Session], username: str, password: str,
          workstation: str | None = None) -> LoginOutcome:
    """Authenticate in its own transaction; raises AuthenticationError on refusal."""
    with unit_of_work(factory) as session:
        outcome = authenticate(session, username, password, workstation=workstation)
    if outcome.actor is None:
        raise AuthenticationError(outcome.error)
    return outcome
