"""Tokens an administrator issues for scripted CLI runs (``CASEDESK_TOKEN``).

Only the token's SHA-256 is stored; the token itself is shown once. A token acts as its user,
expires, and can be revoked; using one is audited like a sign-in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import ApiToken, User
from app.models.types import utcnow
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError
from app.services.common.rows import get_or_raise
from app.services.org.login import AuthenticationError, refusal
from app.services.org.users import actor_of

PREFIX = "cdt_"
MAX_DAYS = 366


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, actor: Actor, user_id: int, days: int = 30) -> str:
    """A new token for ``user_id`` valid ``days`` days; returned once, stored only hashed."""
    require(actor, Perm.USERS_MANAGE)
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": _("A token is valid for 1 to {n} days.", n=MAX_DAYS)})
    user = get_or_raise(session, User, user_id, _("User {id} does not exist.", id=user_id))
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, token_sha256=_digest(token),
                   expires_at=utcnow() + timedelta(days=days))
    session.add(row)
    session.flush()
    audit.record(session, actor, "user.token_issued", entity_type="user", entity_id=user.id,
                 payload={"token_id": row.id, "expires_at": row.expires_at.isoformat()})
    return token


def revoke_tokens(session: Session, actor: Actor, user_id: int) -> int:
    """Revoke every live token of ``user_id``; returns how many."""
    require(actor, Perm.USERS_MANAGE)
    result = session.execute(update(ApiToken).where(ApiToken.user_id == user_id,
                                                    ApiToken.revoked_at.is_(None))
                             .values(revoked_at=utcnow()))
    assert isinstance(result, CursorResult)  # a DML result: it counts the rows
    n = result.rowcount
    audit.record(session, actor, "user.tokens_revoked", entity_type="user", entity_id=user_id,
                 payload={"count": n})
    return n


def actor_for_token(session: Session, token: str) -> Actor:
    """The user a live token stands for; AuthenticationError (the generic message) otherwise."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_sha256 == _digest(token.strip())))
    user = session.get(User, row.user_id) if row is not None else None
    now = utcnow()
    if (row is None or user is None or row.revoked_at is not None or row.expires_at <= now
            or not user.active or (user.locked_until is not None and user.locked_until > now)):
        raise AuthenticationError(refusal())
    actor = actor_of(user)
    audit.record(session, actor, "auth.token", entity_type="user", entity_id=user.id,
                 payload={"token_id": row.id})
    return actor
