"""A case by id or number, after the permission check: the one door every service goes through."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Case
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import NotFoundError


def load_case(session: Session, actor: Actor, ref: int | str, perm: Perm = Perm.CASE_READ) -> Case:
    """The Case by id or case number, after checking ``perm`` on it (NotFoundError if none)."""
    case = None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        case = session.get(Case, int(ref))
    if case is None and isinstance(ref, str):
        case = session.scalar(select(Case).where(Case.case_no == ref.strip()))
    if case is None:
        raise NotFoundError(_("Case {ref} does not exist.", ref=ref))
    require(actor, perm, case)
    return case
