"""Call-out log, audit chain, reviewer comments and trainer questions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, Versioned
from app.models.types import UTCDateTime, utcnow

callout_officer = Table(
    "callout_officer", Base.metadata,
    Column("callout_id", ForeignKey("callout.id", ondelete="CASCADE"), primary_key=True),
    Column("officer_id", ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True),
)


class CallOut(Versioned, Timestamped, Base):
    """出警记录: one accident scene attended."""

    __tablename__ = "callout"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    road: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(24))  # enums.CallOutKind
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id", ondelete="SET NULL"), index=True)
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squad.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    officers = relationship("Officer", secondary=callout_officer)


class AuditEntry(Base):
    """Append-only, hash-chained audit log (see services.audit)."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the log outlives accounts
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(40))      # case.create, evidence.view, ...
    entity_type: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    payload: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_id: Mapped[str | None] = mapped_column(String(16))      # signer (see audit_signer)
    signature: Mapped[str | None] = mapped_column(String(128))  # Ed25519 over row_hash, hex


class ReviewComment(Base):
    """A reviewer's comment or approval on a case (also written to the audit chain)."""

    __tablename__ = "review_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(24), default="comment")  # comment / approve_close
    text: Mapped[str] = mapped_column(Text, default="")


class TrainingQuestion(Versioned, Timestamped, Base):
    """A trainer's question shown before a timeline step; hides the step until revealed."""

    __tablename__ = "training_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    before_event_id: Mapped[int] = mapped_column(ForeignKey("timeline_event.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class AuditHead(Base):
    """One row (id=1) holding the chain's last hash and length.

    Appending updates this row first, which serialises appenders on every engine (row lock on
    PostgreSQL, write lock on SQLite) and lets ``verify`` detect a truncated tail.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))
    length: Mapped[int] = mapped_column(Integer, default=0)
    chain_id: Mapped[str | None] = mapped_column(String(36))  # names the chain in anchors
