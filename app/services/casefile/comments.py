"""Reviewers' comments and closing approvals on a case (each one an audit event too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Case, ReviewComment, User
from app.models.enums import CaseStatus
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError, WorkflowError
from app.services.common.rows import get_or_raise

COMMENT = "comment"
APPROVE_CLOSE = "approve_close"
MAX_LEN = 4000


@dataclass(frozen=True)
class CommentDTO:
    id: int
    case_id: int
    user_id: int | None
    user_name: str
    at: datetime
    kind: str  # comment / approve_close
    text: str


def _case(session: Session, case_id: int) -> Case:
    return get_or_raise(session, Case, case_id, _("Case {id} does not exist.", id=case_id))


def _dto(session: Session, c: ReviewComment) -> CommentDTO:
    name = session.scalar(select(User.display_name).where(User.id == c.user_id)) \
        if c.user_id is not None else None
    return CommentDTO(c.id, c.case_id, c.user_id, name or _("system"), c.at, c.kind, c.text)


def _add(session: Session, actor: Actor, case: Case, kind: str, text: str) -> CommentDTO:
    row = ReviewComment(case_id=case.id, user_id=actor.user_id, kind=kind, text=text.strip())
    session.add(row)
    session.flush()
    audit.record(session, actor, f"review.{kind}", entity_type="review_comment",
                 entity_id=row.id, case_id=case.id, payload={"text": row.text})
    return _dto(session, row)


def add_comment(session: Session, actor: Actor, case_id: int, text: str) -> CommentDTO:
    """A reviewer's remark on a case file."""
    case = _case(session, case_id)
    require(actor, Perm.REVIEW_COMMENT, case)
    if not text.strip():
        raise ValidationError({"text": _("Write the comment first.")})
    if len(text) > MAX_LEN:
        raise ValidationError({"text": _("A comment holds at most {n} characters.", n=MAX_LEN)})
    return _add(session, actor, case, COMMENT, text)


def approve_closing(session: Session, actor: Actor, case_id: int, text: str = "") -> CommentDTO:
    """Approve that a solved case may be closed (the case service checks for it on closing)."""
    case = _case(session, case_id)
    require(actor, Perm.APPROVE_CLOSE, case)
    if case.is_training:
        raise WorkflowError(_("Training cases are read-only."))
    if case.status != CaseStatus.SOLVED.value:
        raise WorkflowError(_("Only a solved case can be approved for closing."))
    if has_close_approval(session, case_id):
        raise WorkflowError(_("Closing of this case is already approved."))
    return _add(session, actor, case, APPROVE_CLOSE, text or _("Approved for closing."))


def has_close_approval(session: Session, case_id: int) -> bool:
    """Whether a reviewer has approved closing this case."""
    return session.scalar(select(ReviewComment.id).where(
        ReviewComment.case_id == case_id, ReviewComment.kind == APPROVE_CLOSE).limit(1)) is not None


def list_comments(session: Session, actor: Actor, case_id: int) -> list[CommentDTO]:
    case = _case(session, case_id)
    require(actor, Perm.CASE_READ, case)
    rows = session.scalars(select(ReviewComment).where(ReviewComment.case_id == case_id)
                           .order_by(ReviewComment.at, ReviewComment.id))
    return [_dto(session, r) for r in rows]
