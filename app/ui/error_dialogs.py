"""Dialogs for errors: database problems at start, service errors, uncaught exceptions.

Every text is plain words for an officer; tracebacks go to the log file, never on screen
(a "Details" section shows the log path only).
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.models.db import DatabaseError
from app.services.common.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ServiceError,
    ValidationError,
    WorkflowError,
)

log = logging.getLogger("casedesk.ui")


class ErrorTexts(QObject):
    """Translatable titles and advice (a QObject so ``tr`` has a context)."""

    def database_title(self) -> str:
        return self.tr("Cannot open the database")

    def database_advice(self, code: str) -> str:
        advice = {
            "locked": self.tr("Another program (perhaps a second CaseDesk window) is using the "
                              "database. Close it and start CaseDesk again."),
            "corrupt": self.tr("The database file is damaged or is not a CaseDesk database. "
                               "Restore it from a backup, or start with another data directory "
                               "(--data-dir)."),
            "newer_schema": self.tr("The database was written by a newer version of CaseDesk. "
                                    "Install the newer version to open it; nothing was changed."),
            "unknown_revision": self.tr("The database has a schema version this program does "
                                        "not know. Nothing was changed."),
            "unreachable": self.tr("The database server or file cannot be reached. Check the "
                                   "path or the network and try again."),
        }
        return advice.get(code, self.tr("Nothing was changed."))

    def service_title(self, exc: BaseException) -> str:
        if isinstance(exc, ValidationError):
            return self.tr("Please correct the input")
        if isinstance(exc, PermissionDenied):
            return self.tr("Not allowed")
        if isinstance(exc, WorkflowError):
            return self.tr("Status change refused")
        if isinstance(exc, NotFoundError):
            return self.tr("Not found")
        if isinstance(exc, ConflictError):
            return self.tr("Changed by someone else")
        return self.tr("Operation failed")

    def unexpected_title(self) -> str:
        return self.tr("Unexpected error")

    def unexpected_text(self) -> str:
        return self.tr("Something went wrong that CaseDesk did not expect. Your saved data is "
                       "safe; unsaved input in the current form may need to be entered again.")

    def log_hint(self, path: str) -> str:
        return self.tr("Technical details were written to the log file:\n{path}").format(path=path)


def show_database_error(exc: DatabaseError, parent: QWidget | None = None) -> None:
    """The start-up dialog for a database that cannot be opened (locked/corrupt/newer)."""
    texts = ErrorTexts()
    box = QMessageBox(QMessageBox.Icon.Critical, texts.database_title(), str(exc),
                      QMessageBox.StandardButton.Close, parent)
    box.setInformativeText(texts.database_advice(exc.code))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def show_service_error(exc: ServiceError, parent: QWidget | None = None) -> None:
    """A refused operation (permission, workflow, not found...). The message is translated."""
    texts = ErrorTexts()
    QMessageBox.warning(parent, texts.service_title(exc), str(exc))


def _log_file_hint() -> str:
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return ErrorTexts().log_hint(name)
    return ""


def show_unexpected_error(exc: BaseException, parent: QWidget | None = None) -> None:
    texts = ErrorTexts()
    box = QMessageBox(QMessageBox.Icon.Critical, texts.unexpected_title(),
                      texts.unexpected_text(), QMessageBox.StandardButton.Ok, parent)
    hint = _log_file_hint()
    box.setInformativeText(f"{type(exc).__name__}: {exc}\n\n{hint}".strip())
    box.exec()


def report_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show any error the right way: service errors plainly, the rest as unexpected (logged)."""
    if isinstance(exc, ServiceError):
        show_service_error(exc, parent)
    elif isinstance(exc, DatabaseError):
        show_database_error(exc, parent)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        show_unexpected_error(exc, parent)


_in_hook = {"busy": False}


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    log.critical("uncaught exception:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if _in_hook["busy"] or QApplication.instance() is None:
        return
    _in_hook["busy"] = True
    try:
        if isinstance(exc, (ServiceError, DatabaseError)):
            report_error(exc, QApplication.activeWindow())
        else:
            show_unexpected_error(exc, QApplication.activeWindow())
    finally:
        _in_hook["busy"] = False


def install_excepthook() -> None:
    """Route uncaught exceptions (e.g. in slots) to the log and a dialog instead of a crash."""
    sys.excepthook = _excepthook
