"""Signing in for ``restore``: the target data dir is empty, so the user is checked against the
backed-up database (read-only, nothing written there)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.commands.auth import credentials, no_credentials
from app.config import DB_FILENAME
from app.i18n import _
from app.models import User
from app.models.types import utcnow
from app.services.admin.backup import read_manifest
from app.services.admin.backup_manifest import BackupError
from app.services.common.context import Actor
from app.services.org.login import AuthenticationError, refusal
from app.services.org.users import DUMMY_HASH, actor_of, check_password


def backup_sign_in(src: Path) -> Actor:
    creds = credentials()
    if creds is None:
        raise no_credentials()
    name, password = creds
    db = Path(src) / DB_FILENAME
    if not db.is_file():
        read_manifest(Path(src))  # says plainly what is wrong with the folder
        raise BackupError(_("The database file in the backup is missing or damaged."))
    engine = create_engine(f"sqlite:///file:{db}?mode=ro&uri=true")
    try:
        with Session(engine) as session:
            user = session.scalar(select(User).where(func.lower(User.username) == name.lower()))
            ok = user is not None and user.active and check_password(password, user.password_hash)
            if user is None:
                check_password(password, DUMMY_HASH)
            locked = user is not None and user.locked_until is not None \
                and user.locked_until > utcnow()
            if user is None or not ok or locked:
                raise AuthenticationError(refusal())
            return actor_of(user)
    finally:
        engine.dispose()
