"""Errors raised by services; messages are already translated (app.i18n) for the user."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class: ``str(exc)`` is a plain-words message fit for a dialog."""


class ValidationError(ServiceError):
    """Bad input. ``errors`` maps a field name to its message (for inline display)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class NotFoundError(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class WorkflowError(ServiceError):
    """An illegal status transition."""


class ConflictError(ServiceError):
    """Someone else saved the record first (optimistic locking). Carries both sides."""

    def __init__(self, message: str, entity: str, entity_id: int, mine: dict | None = None,
                 theirs: dict | None = None):
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.mine = mine or {}
        self.theirs = theirs or {}
