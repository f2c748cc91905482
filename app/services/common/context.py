"""Who is acting: the actor every service takes, and the role → permission rules.

Permissions are enforced here, in the services layer (the UI only mirrors them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.i18n import _
from app.models.enums import CaseStatus, Role
from app.services.common.errors import PermissionDenied


class Perm(StrEnum):
    CASE_READ = "case.read"
    CASE_CREATE = "case.create"
    CASE_EDIT = "case.edit"
    CASE_DELETE = "case.delete"
    EVIDENCE_IMPORT = "evidence.import"
    EVIDENCE_VIEW = "evidence.view"
    EVIDENCE_EXPORT = "evidence.export"
    CAMERA_EDIT = "camera.edit"
    CALLOUT_EDIT = "callout.edit"
    REVIEW_COMMENT = "review.comment"
    APPROVE_CLOSE = "review.approve_close"
    EXPORT_PDF = "report.export_pdf"
    STATS_VIEW = "report.stats"
    TRAINING_BUILD = "training.build"
    TRAINING_REPLAY = "training.replay"
    AUDIT_VIEW = "audit.view"
    USERS_MANAGE = "admin.users"
    BACKUP = "admin.backup"
    SETTINGS = "admin.settings"
    VERIFY = "admin.verify"


_ALL = frozenset(Perm)
ROLE_PERMS: dict[Role, frozenset[Perm]] = {
    Role.OFFICER: frozenset({
        Perm.CASE_READ, Perm.CASE_CREATE, Perm.CASE_EDIT, Perm.EVIDENCE_IMPORT, Perm.EVIDENCE_VIEW,
        Perm.EVIDENCE_EXPORT, Perm.CAMERA_EDIT, Perm.CALLOUT_EDIT, Perm.STATS_VIEW, Perm.EXPORT_PDF,
    }),
    Role.REVIEWER: frozenset({
        Perm.CASE_READ, Perm.EVIDENCE_VIEW, Perm.EVIDENCE_EXPORT, Perm.REVIEW_COMMENT,
        Perm.APPROVE_CLOSE, Perm.EXPORT_PDF, Perm.STATS_VIEW, Perm.AUDIT_VIEW,
    }),
    Role.TRAINER: frozenset({
        Perm.CASE_READ, Perm.EVIDENCE_VIEW, Perm.TRAINING_BUILD, Perm.TRAINING_REPLAY,
        Perm.STATS_VIEW,
    }),
    Role.ADMIN: _ALL,
}
# Permissions that change a case file: refused on training (read-only) cases for everyone.
_CASE_WRITES = frozenset({Perm.CASE_EDIT, Perm.CASE_DELETE, Perm.EVIDENCE_IMPORT})


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service runs."""

    user_id: int | None
    username: str
    role: Role
    squad_id: int | None = None
    officer_id: int | None = None
    display_name: str = ""

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMS[self.role]


# The actor used by the CLI's maintenance commands and the demo seeder.
SYSTEM = Actor(user_id=None, username="system", role=Role.ADMIN, display_name="系统")


def require(actor: Actor, perm: Perm, case: object | None = None) -> None:
    """Raise PermissionDenied unless ``actor`` may do ``perm`` (on ``case`` when given).

    ``case`` is anything with ``squad_id``, ``status`` and ``is_training`` (ORM Case or DTO).
    Rules beyond the role matrix: officers change only their own squad's cases; trainers read
    only closed cases; training cases are read-only for everyone.
    """
    if not actor.can(perm):
        raise PermissionDenied(_("Your role ({role}) may not do this: {perm}.",
                                 role=actor.role.value, perm=perm.value))
    if case is None:
        return
    if getattr(case, "is_training", False) and perm in _CASE_WRITES:
        raise PermissionDenied(_("Training cases are read-only."))
    if (actor.role is Role.OFFICER and perm in _CASE_WRITES | {Perm.EVIDENCE_EXPORT}
            and actor.squad_id is not None and getattr(case, "squad_id", None) != actor.squad_id):
        raise PermissionDenied(_("Officers may only change cases of their own squad."))
    if actor.role is Role.TRAINER and not getattr(case, "is_training", False) \
            and getattr(case, "status", None) != CaseStatus.CLOSED.value:
        raise PermissionDenied(_("Trainers may only open closed cases."))
