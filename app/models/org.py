"""Squads, officers and user accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, Versioned
from app.models.types import UTCDateTime


class Squad(Versioned, Timestamped, Base):
    __tablename__ = "squad"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # case-number prefix, e.g. 石峰
    name: Mapped[str] = mapped_column(String(100))               # 石峰大队事故中队
    # IANA zone of the squad's wall clocks: the default zone of its new cases and of its
    # multi-case views (case-list dates, the call-out log, case-number years). The default is
    # clock.DEFAULT_TZ (models sit below services: a test keeps the two equal).
    tz: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai",
                                    server_default="Asia/Shanghai")

    officers: Mapped[list[Officer]] = relationship(back_populates="squad")


class Officer(Versioned, Timestamped, Base):
    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squad.id"))
    rank: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    squad: Mapped[Squad | None] = relationship(back_populates="officers")


class User(Versioned, Timestamped, Base):
    """A login. Officers normally have one; ``role`` decides what services allow."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # enums.Role
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squad.id"))
    password_hash: Mapped[str] = mapped_column(Text, default="")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
