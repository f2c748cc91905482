"""Verify data (admin): DB integrity, audit chain, evidence hashes — off the GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.models.db import unit_of_work
from app.services.admin import verify
from app.services.admin.verify import VerifyReport
from app.services.common.context import Perm, require
from app.ui.workers import TaskContext, TaskHandle, run_task

_STEPS = 1000


def _run(ctx: TaskContext, sessions, evidence_dir) -> VerifyReport:
    def progress(fraction: float, label: str) -> None:
        ctx.report(int(fraction * _STEPS), _STEPS, label)

    with sessions() as session:
        return verify.verify_data(session, evidence_dir, progress, ctx.is_cancelled)


class VerifyDialog(QDialog):
    def __init__(self, window, *, start: bool = True):
        super().__init__(window)
        self._ctx = window.context
        require(self._ctx.actor, Perm.VERIFY)
        self.report: VerifyReport | None = None
        self.handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Verify data"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Checks the database file, the audit chain and the SHA-256 "
                                    "of every evidence file."))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setRange(0, _STEPS)
        layout.addWidget(self.bar)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Severity"), self.tr("Where"),
                                              self.tr("Problem")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("Verify again"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if start:
            self.start()

    def start(self) -> None:
        self.table.setRowCount(0)
        self.summary.clear()
        self.bar.setValue(0)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.handle = run_task(_run, self._ctx.sessions, self._ctx.paths.evidence_dir,
                               parent=self)
        self.handle.progressed.connect(self._on_progress)
        self.handle.succeeded.connect(self._on_done)
        self.handle.failed.connect(self._on_failed)
        self.handle.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()

    def reject(self) -> None:
        self.cancel()
        super().reject()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setValue(done)
        if text:
            self.label.setText(text)

    def _finish(self) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_done(self, report: VerifyReport) -> None:
        self.report = report
        self._finish()
        self.bar.setValue(_STEPS)
        with unit_of_work(self._ctx.sessions) as session:
            verify.record_verification(session, self._ctx.actor, report)
        self.table.setRowCount(len(report.problems))
        for row, p in enumerate(report.problems):
            severity = self.tr("Error") if p.severity == "error" else self.tr("Warning")
            for col, text in enumerate((severity, p.where, p.message)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if p.severity == "error":
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(verify.summary(report))
        colour = "#1b5e20" if report.ok() else "#b00020"
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _on_failed(self, exc: BaseException, _tb: str) -> None:
        self._finish()
        self.summary.setText(self.tr("Verification could not run: {error}").format(error=exc))
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;")

    def _on_cancelled(self) -> None:
        self._finish()
        self.summary.setText(self.tr("Verification cancelled; nothing was concluded."))
        self.summary.setStyleSheet("")
