"""Dialog: export a case summary PDF (sections, anonymize, output) with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports.case_data import CaseHeading
from app.reports.pdf_export import PdfOptions, PdfResult, export_case_pdf
from app.reports.pdf_sections import SECTIONS, section_titles
from app.services.common.errors import ServiceError
from app.ui.error_dialogs import report_error
from app.ui.workers import TaskContext, TaskHandle, run_task


def _export(ctx: TaskContext, context, case_id: int, out: Path, options: PdfOptions) -> PdfResult:
    return export_case_pdf(context.sessions, context.actor, case_id, out,
                           context.paths.evidence_dir, options, progress=ctx.report,
                           cancel=ctx.is_cancelled, index_dir=context.paths.cache_dir)


class PdfExportDialog(QDialog):
    """Choose sections and options, then render in the background."""

    exported = Signal(object)  # PdfResult

    def __init__(self, context, case: CaseHeading, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PdfExportDialog")
        self.context = context
        self.case = case
        self.pdf: PdfResult | None = None
        self._handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Export case summary (PDF)"))
        self.setMinimumWidth(560)

        heading = QLabel(f"<b>{case.case_no}</b>　{case.title}", self)
        box = QGroupBox(self.tr("Sections"), self)
        grid = QGridLayout(box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for i, (key, title) in enumerate((k, section_titles()[k]) for k in SECTIONS):
            cb = QCheckBox(title, box)
            cb.setChecked(True)
            cb.setObjectName(f"section_{key}")
            grid.addWidget(cb, i // 2, i % 2)
            self.section_boxes[key] = cb
        self.anonymize = QCheckBox(
            self.tr("Anonymize persons and plates (copy for circulation)"), self)

        out_row = QHBoxLayout()
        folder = context.paths.exports_dir
        self.output = QLineEdit(str(folder / f"{case.case_no}.pdf"), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        out_row.addWidget(QLabel(self.tr("Save as"), self))
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.warnings = QPlainTextEdit(self)
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(90)
        self.warnings.hide()

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open PDF"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self._close_or_cancel)

        layout = QVBoxLayout(self)
        for w in (heading, box, self.anonymize):
            layout.addWidget(w)
        layout.addLayout(out_row)
        for part in (self.progress, self.status, self.warnings, self.buttons):
            layout.addWidget(part)

    def options(self) -> PdfOptions:
        return PdfOptions(sections=tuple(k for k, cb in self.section_boxes.items()
                                         if cb.isChecked()),
                          anonymize=self.anonymize.isChecked())

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save PDF as"), self.output.text(),
                                               self.tr("PDF (*.pdf)"))
        if path:
            self.output.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        for w in (*self.section_boxes.values(), self.anonymize, self.output):
            w.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def start(self):
        """Begin the export (returns the task handle)."""
        out = Path(self.output.text().strip())
        if out.parent == self.context.paths.exports_dir:
            out.parent.mkdir(parents=True, exist_ok=True)
        self.pdf = None
        self.open_button.hide()
        self.warnings.hide()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing…"))
        self._set_running(True)
        handle = run_task(_export, self.context, self.case.id, out, self.options(), parent=self)
        handle.progressed.connect(self._on_progress)
        handle.succeeded.connect(self._on_done)
        handle.failed.connect(self._on_failed)
        handle.cancelled.connect(lambda: self.status.setText(self.tr("Export cancelled.")))
        handle.finished.connect(lambda: self._set_running(False))
        handle.finished.connect(lambda: setattr(self, "_handle", None))
        self._handle = handle
        return handle

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if text:
            self.status.setText(text)

    def _on_done(self, result: PdfResult) -> None:
        self.pdf = result
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("Saved {path}: {pages} pages. Report digest {digest}.")
                            .replace("{path}", str(result.path))
                            .replace("{pages}", str(result.pages))
                            .replace("{digest}", result.digest[:16] + "…"))
        if result.warnings:
            self.warnings.setPlainText("\n".join(result.warnings))
            self.warnings.setStyleSheet("color: #b00020;")
            self.warnings.show()
        self.open_button.show()
        self.exported.emit(result)

    def _on_failed(self, exc: BaseException, _tb: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(str(exc))
        if not isinstance(exc, ServiceError):
            report_error(exc, self)

    def _open(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf.path)))

    def _close_or_cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self._handle is not None:  # Esc while running cancels first
            self._handle.cancel()
            return
        super().reject()
