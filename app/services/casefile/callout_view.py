"""Call-outs as their reader may see them. The notes, address and attending officers of a call-out
name people, so a trainer reads every call-out through its case's scrubber (the one
:mod:`case_scrubber` the case view, replay, ``--anonymize`` PDFs and packages use); others read
them as written. ``org.callouts`` itself refuses trainers, so no path returns them raw."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sqlalchemy.orm import Session

from app.i18n import _
from app.models import CallOut
from app.models.enums import Role
from app.services.casefile.cases import case_with_scrubber
from app.services.common.context import Actor
from app.services.common.errors import NotFoundError
from app.services.org import callouts
from app.services.org.callouts import CallOutDTO, CallOutQuery

Scrub = Callable[[str | None], str | None]


def list_callouts(session: Session, actor: Actor, query: CallOutQuery | None = None, *,
                  limit: int = 200, offset: int = 0) -> list[CallOutDTO]:
    """Newest first, as :func:`callouts.list_callouts`; a trainer's scrubbed."""
    stmt = callouts.select_callouts(actor, query).limit(limit).offset(offset)
    return _for_reader(session, actor, callouts.callout_dtos(session, session.scalars(stmt).all()))


def get_callout(session: Session, actor: Actor, callout_id: int) -> CallOutDTO:
    """One call-out the actor may see (a trainer: of a closed case only, scrubbed)."""
    row = session.scalars(callouts.select_callouts(actor).where(CallOut.id == callout_id)).first()
    if row is None:
        raise NotFoundError(_("Call-out {id} does not exist.", id=callout_id))
    return _for_reader(session, actor, callouts.callout_dtos(session, [row]))[0]


def _for_reader(session: Session, actor: Actor, rows: list[CallOutDTO]) -> list[CallOutDTO]:
    if actor.role is not Role.TRAINER:
        return rows
    scrubbers: dict[int, Scrub] = {}
    out = []
    for c in rows:
        if c.case_id is None:  # out of a trainer's scope (closed cases only): never shown
            continue
        if c.case_id not in scrubbers:
            scrubbers[c.case_id] = case_with_scrubber(session, actor, c.case_id)[1]
        out.append(scrubbed(c, scrubbers[c.case_id]))
    return out


def scrubbed(c: CallOutDTO, scrub: Scrub) -> CallOutDTO:
    """``c`` with its free text and officers' names through ``scrub``."""
    return dataclasses.replace(
        c, address=scrub(c.address) or "", notes=scrub(c.notes) or "",
        officer_names=tuple(scrub(n) or "" for n in c.officer_names))

