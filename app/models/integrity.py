"""Integrity tables: audit signer keys, login throttling, CLI tokens (migration 0006)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UTCDateTime, utcnow


class AuditSigner(Base):
    """A public key that signs audit rows (one per workstation key file)."""

    __tablename__ = "audit_signer"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519 public key, hex
    label: Mapped[str] = mapped_column(String(120), default="")
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginThrottle(Base):
    """Failed sign-ins per account name or per workstation, and when the next try is allowed."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # user:<name> / ws:<host>
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_allowed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiToken(Base):
    """A token an administrator issued for scripted CLI use (only its SHA-256 is kept)."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"),
                                         index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
