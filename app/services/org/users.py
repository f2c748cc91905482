"""User accounts: scrypt password hashes, password changes, first admin, admin lock.

Signing in (one message for every failure, throttling with growing delays) is in :mod:`login`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Squad, User
from app.models.enums import Role
from app.models.types import utcnow
from app.services.common import audit
from app.services.common.context import SYSTEM, Actor, Perm, require
from app.services.common.errors import ConflictError, ValidationError, WorkflowError
from app.services.common.rows import get_or_raise

MIN_PASSWORD_LEN = 8
# scrypt cost: N=2**14, r=8 → 16 MiB of memory per attempt (memory-hard), ~50 ms.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int = _SCRYPT_N, r: int = _SCRYPT_R, p: int = _SCRYPT_P) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64 parts)."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                            maxmem=256 * 1024 * 1024)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def check_password(password: str, stored: str) -> bool:
    """Constant-time comparison against a stored ``hash_password`` value."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(want), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


DUMMY_HASH = hash_password("not-a-real-password")  # equalises timing for unknown user names


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: Role
    squad_id: int | None
    officer_id: int | None
    active: bool
    failed_logins: int
    locked_until: datetime | None
    last_login_at: datetime | None
    must_change_password: bool
    version: int

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


@dataclass(frozen=True)
class LoginOutcome:
    """Result of :func:`authenticate`: ``actor`` on success, else a generic ``error``."""

    actor: Actor | None
    error: str = ""
    must_change_password: bool = False


def _dto(u: User) -> UserDTO:
    return UserDTO(u.id, u.username, u.display_name, Role(u.role), u.squad_id, u.officer_id,
                   bool(u.active), u.failed_logins or 0, u.locked_until, u.last_login_at,
                   bool(u.must_change_password), u.version)


def actor_of(user: User | UserDTO) -> Actor:
    return Actor(user_id=user.id, username=user.username, role=Role(user.role),
                 squad_id=user.squad_id, officer_id=user.officer_id,
                 display_name=user.display_name)


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` is too weak, or None."""
    if len(password) < MIN_PASSWORD_LEN:
        return _("The password must have at least {n} characters.", n=MIN_PASSWORD_LEN)
    classes = sum((any(c.isalpha() for c in password), any(c.isdigit() for c in password),
                   any(not c.isalnum() for c in password)))
    if classes < 2:
        return _("The password must mix letters with digits or symbols.")
    if username and password.lower() == username.lower():
        return _("The password must not equal the user name.")
    return None


def _get(session: Session, user_id: int) -> User:
    return get_or_raise(session, User, user_id, _("User {id} does not exist.", id=user_id))


def _validate(session: Session, username: str, display_name: str, role: str,
              squad_id: int | None, password: str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        errors["username"] = _("Enter a user name of 1-64 characters without spaces.")
    elif session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        errors["username"] = _("The user name {name} is taken.", name=username)
    if not display_name.strip():
        errors["display_name"] = _("Enter the person's name.")
    if role not in {r.value for r in Role}:
        errors["role"] = _("Unknown role: {role}.", role=role)
    if squad_id is not None and session.get(Squad, squad_id) is None:
        errors["squad_id"] = _("Squad {id} does not exist.", id=squad_id)
    elif squad_id is None and role == Role.OFFICER.value:
        errors["squad_id"] = _("An officer account needs a squad (officers edit their squad's "
                               "cases only).")
    if password is not None and (problem := password_problem(password, username)):
        errors["password"] = problem
    return errors


def _create(session: Session, actor: Actor, username: str, display_name: str, role: str,
            password: str, squad_id: int | None, officer_id: int | None,
            must_change_password: bool) -> UserDTO:
    username = username.strip()
    if errors := _validate(session, username, display_name, role, squad_id, password):
        raise ValidationError(errors)
    user = User(username=username, display_name=display_name.strip(), role=role,
                squad_id=squad_id, officer_id=officer_id, password_hash=hash_password(password),
                must_change_password=must_change_password, active=True, failed_logins=0)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", entity_type="user", entity_id=user.id,
                 payload={"username": username, "role": role, "squad_id": squad_id})
    return _dto(user)


def needs_first_admin(session: Session) -> bool:
    """True on first run: no active administrator account exists yet."""
    return not session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN.value, User.active.is_(True)))


def create_first_admin(session: Session, username: str, display_name: str,
                       password: str) -> UserDTO:
    """First run only: create the administrator (refused once any admin exists)."""
    if not needs_first_admin(session):
        raise WorkflowError(_("An administrator already exists; sign in as that user."))
    return _create(session, SYSTEM, username, display_name, Role.ADMIN.value, password,
                   None, None, False)


def create_user(session: Session, actor: Actor, username: str, display_name: str, role: str,
                password: str, *, squad_id: int | None = None, officer_id: int | None = None,
                must_change_password: bool = True) -> UserDTO:
    require(actor, Perm.USERS_MANAGE)
    return _create(session, actor, username, display_name, role, password, squad_id,
                   officer_id, must_change_password)


def list_users(session: Session, actor: Actor) -> list[UserDTO]:
    require(actor, Perm.USERS_MANAGE)
    return [_dto(u) for u in session.scalars(select(User).order_by(User.username))]


def get_user(session: Session, actor: Actor, user_id: int) -> UserDTO:
    if actor.user_id != user_id:
        require(actor, Perm.USERS_MANAGE)
    return _dto(_get(session, user_id))


def _is_last_admin(session: Session, user: User) -> bool:
    if user.role != Role.ADMIN.value or not user.active:
        return False
    others = session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id))
    return not others


_UNSET = object()


def update_user(session: Session, actor: Actor, user_id: int, version: int, *,
                display_name: str | None = None, role: str | None = None,
                squad_id: int | None | object = _UNSET, active: bool | None = None) -> UserDTO:
    """Change an account's name, role, squad or active flag (optimistic lock on ``version``)."""
    require(actor, Perm.USERS_MANAGE)
    user = _get(session, user_id)
    if user.version != version:
        raise ConflictError(_("Someone else changed this account; reload it."), "user", user_id,
                            theirs={"version": user.version})
    demoting = (role is not None and role != Role.ADMIN.value) or active is False
    if demoting and _is_last_admin(session, user):
        raise WorkflowError(_("The last active administrator cannot be demoted or disabled."))
    errors: dict[str, str] = {}
    if display_name is not None and not display_name.strip():
        errors["display_name"] = _("Enter the person's name.")
    if role is not None and role not in {r.value for r in Role}:
        errors["role"] = _("Unknown role: {role}.", role=role)
    if squad_id is not _UNSET and squad_id is not None and session.get(Squad, squad_id) is None:
        errors["squad_id"] = _("Squad {id} does not exist.", id=squad_id)
    new_role = role if role is not None else user.role
    new_squad = user.squad_id if squad_id is _UNSET else squad_id
    if new_role == Role.OFFICER.value and new_squad is None:
        errors["squad_id"] = _("An officer account needs a squad (officers edit their squad's "
                               "cases only).")
    if errors:
        raise ValidationError(errors)
    changes: dict[str, object] = {}
    for field, value in (("display_name", display_name), ("role", role), ("active", active)):
        if value is not None and getattr(user, field) != value:
            changes[field] = [getattr(user, field), value]
            setattr(user, field, value.strip() if isinstance(value, str) else value)
    if squad_id is not _UNSET and user.squad_id != squad_id:
        assert squad_id is None or isinstance(squad_id, int)  # the signature's int | None
        changes["squad_id"] = [user.squad_id, squad_id]
        user.squad_id = squad_id
    session.flush()
    if changes:
        audit.record(session, actor, "user.update", entity_type="user", entity_id=user.id,
                     payload={"changes": changes})
    return _dto(user)


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> UserDTO:
    """Admin sets a temporary password; the user must change it at next login. Also unlocks."""
    require(actor, Perm.USERS_MANAGE)
    user = _get(session, user_id)
    if problem := password_problem(new_password, user.username):
        raise ValidationError({"password": problem})
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    audit.record(session, actor, "user.reset_password", entity_type="user", entity_id=user.id)
    return _dto(user)


def lock_user(session: Session, actor: Actor, user_id: int,
              until: datetime | None = None) -> UserDTO:
    """An administrator locks an account (until ``until``, or until unlocked). Only an admin can
    lock: failed sign-ins only slow further attempts down."""
    require(actor, Perm.USERS_MANAGE)
    user = _get(session, user_id)
    user.locked_until = until or utcnow() + timedelta(days=36500)
    session.flush()
    audit.record(session, actor, "user.lock", entity_type="user", entity_id=user.id,
                 payload={"until": user.locked_until.isoformat()})
    return _dto(user)


def unlock_user(session: Session, actor: Actor, user_id: int) -> UserDTO:
    require(actor, Perm.USERS_MANAGE)
    user = _get(session, user_id)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    audit.record(session, actor, "user.unlock", entity_type="user", entity_id=user.id)
    return _dto(user)


def change_password(session: Session, actor: Actor, old_password: str,
                    new_password: str) -> UserDTO:
    """The signed-in user changes their own password (the old one is checked)."""
    if actor.user_id is None:
        raise WorkflowError(_("Only a signed-in user can change a password."))
    user = _get(session, actor.user_id)
    if not check_password(old_password, user.password_hash):
        raise ValidationError({"old_password": _("The current password is wrong.")})
    if problem := password_problem(new_password, user.username):
        raise ValidationError({"new_password": problem})
    if new_password == old_password:
        raise ValidationError({"new_password": _("Choose a password different from the old one.")})
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    session.flush()
    audit.record(session, actor, "user.change_password", entity_type="user", entity_id=user.id)
    return _dto(user)


def record_logout(session: Session, actor: Actor, reason: str = "logout") -> None:
    """Audit a sign-out or an idle lock (``reason``: logout / idle_lock)."""
    audit.record(session, actor, f"auth.{reason}", entity_type="user", entity_id=actor.user_id)
