"""Back up now (admin) and the scheduled backup reminder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.models.db import unit_of_work
from app.services.admin import backup
from app.services.common.context import Perm
from app.ui.error_dialogs import report_error
from app.ui.workers import TaskContext, TaskHandle, run_with_progress_dialog

REMINDER_KEY = "admin/backup_reminder_days"
DEFAULT_DAYS = 7
_STEPS = 1000


def _run(ctx: TaskContext, paths, out: Path) -> backup.BackupInfo:
    def progress(fraction: float, label: str) -> None:
        ctx.report(int(fraction * _STEPS), _STEPS, label)

    return backup.create_backup(paths, out, progress, ctx.is_cancelled)


def backup_folder_name(now: datetime | None = None) -> str:
    return f"CaseDesk-backup-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}"


def start_backup(window, parent_dir: str | Path | None = None) -> TaskHandle | None:
    """Ask for a folder (unless given), then back up behind a progress dialog."""
    ctx = window.context
    texts = BackupTexts(window)
    if parent_dir is None:
        parent_dir = QFileDialog.getExistingDirectory(
            window, texts.choose(), ctx.settings.last_export_dir() or str(Path.home()))
        if not parent_dir:
            return None
    out = Path(parent_dir) / backup_folder_name()
    handle = run_with_progress_dialog(_run, ctx.paths, out, parent=window,
                                      title=texts.title(), label=texts.running())

    def done(info: backup.BackupInfo) -> None:
        with unit_of_work(ctx.sessions) as session:
            backup.record_backup(session, ctx.actor, info)
        ctx.settings.set_last_export_dir(str(parent_dir))
        window.show_message(texts.done(info), 10000)

    handle.succeeded.connect(done)
    handle.failed.connect(lambda exc, _tb: report_error(exc, window))
    return handle


def backup_is_due(window) -> bool:
    ctx = window.context
    if not ctx.actor.can(Perm.BACKUP) or ctx.paths.db_path is None:
        return False
    days = ctx.settings.value(REMINDER_KEY, DEFAULT_DAYS, int)
    if days <= 0:
        return False
    with ctx.sessions() as session:
        return backup.backup_due(session, days)


def remind_if_due(window) -> bool:
    """At start: an administrator whose last backup is too old is offered one now."""
    if not backup_is_due(window):
        return False
    texts = BackupTexts(window)
    box = QMessageBox(QMessageBox.Icon.Information, texts.title(), texts.reminder(), parent=window)
    now = box.addButton(texts.now(), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(texts.later(), QMessageBox.ButtonRole.RejectRole)
    box.setObjectName("backup_reminder")
    box.finished.connect(lambda _r: box.clickedButton() is now and start_backup(window))
    box.open()
    return True


class BackupTexts(QWidget):
    """Translatable texts (a QWidget gives ``tr`` its context)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hide()

    def title(self) -> str:
        return self.tr("Backup")

    def choose(self) -> str:
        return self.tr("Choose where to put the backup folder")

    def running(self) -> str:
        return self.tr("Backing up the database and the evidence files…")

    def done(self, info: backup.BackupInfo) -> str:
        return self.tr("Backup written to {path} ({n} evidence files).").format(
            path=info.path, n=info.evidence_files)

    def reminder(self) -> str:
        return self.tr("No backup was made recently. Back up the database and the evidence "
                       "files now? (Restore: casedesk-cli --data-dir EMPTY_DIR restore FOLDER)")

    def now(self) -> str:
        return self.tr("Back up now")

    def later(self) -> str:
        return self.tr("Later")
