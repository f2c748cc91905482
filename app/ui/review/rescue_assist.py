"""Rescuing, from the import dialog, a recording whose index was never written (a dashcam cut
off by the crash, a killed recorder, a copy stopped early): the import names it; a double-click
tries the rescue (in the background, with progress and cancel; a recording that kept its
settings only in the lost index asks first for a complete recording of the same camera,
:mod:`app.video.lost_index`) and says what it gives. The import then keeps the recording as
received and the readable copy of its video, linked (:mod:`app.services.evidence.rescued`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.config import AppPaths
from app.services.evidence.rescued import scratch_root
from app.ui.workers import TaskContext, TaskHandle, run_with_progress_dialog
from app.video import VideoError
from app.video.lost_index import NeedsReference, Rescued, rescue
from app.video.mp4_boxes import likely_reference


def try_rescue(ctx: TaskContext, src: str, paths: AppPaths, reference: str | None) -> Rescued:
    """Worker: rescue ``src`` into a scratch folder and say what it gave; the folder goes
    either way (the import makes the copy again, into the store)."""
    with tempfile.TemporaryDirectory(dir=scratch_root(paths)) as work:
        return rescue(src, Path(work), reference=reference, cancel=ctx.is_cancelled,
                      progress=lambda done, total: ctx.report(done, total, Path(src).name))


class RescueAssist(QObject):
    """Emits ``rescued(source, reference, note)``: the recording to import by rescue, the
    reference recording its settings come from ("" for none) and the note to record."""

    rescued = Signal(str, str, str)

    def __init__(self, parent: QWidget, paths: AppPaths, file_filter: str) -> None:
        super().__init__(parent)
        self._parent, self._paths, self._filter = parent, paths, file_filter
        self.handle: TaskHandle | None = None

    def start(self, src: str, reference: str | None = None) -> TaskHandle:
        self.handle = run_with_progress_dialog(
            try_rescue, src, self._paths, reference,
            parent=self._parent, title=self.tr("Rescue a recording"),
            label=self.tr("Rescuing the video of {name}…").format(name=Path(src).name))
        self.handle.succeeded.connect(lambda done: self._done(src, reference, done))
        self.handle.failed.connect(lambda exc, _tb: self._failed(src, exc))
        return self.handle

    def _done(self, src: str, reference: str | None, done: Rescued) -> None:
        note = self.tr("rescued from {name} (SHA-256 {sha}); {n} pictures; {skipped} bytes "
                       "skipped").format(name=Path(src).name, sha=done.source_sha256,
                                         n=done.pictures, skipped=done.skipped_bytes)
        if reference:
            note += self.tr("; settings from {name} (SHA-256 {sha})").format(
                name=Path(reference).name, sha=done.reference_sha256)
        self.rescued.emit(src, reference or "", note)

    def _failed(self, src: str, exc: BaseException) -> None:
        if isinstance(exc, NeedsReference):
            answer = QMessageBox.question(
                self._parent, self.tr("A reference recording is needed"),
                self.tr("{name} kept its video settings only in its lost index. Choose a "
                        "complete recording from the same camera (for a dashcam: the file "
                        "recorded just before it) to take them from.").format(
                    name=Path(src).name),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Open:
                return
            start = likely_reference(src) or Path(src).parent   # the one before, chosen
            reference, _ = QFileDialog.getOpenFileName(
                self._parent, self.tr("Choose a complete recording of the same camera"),
                str(start), self._filter)
            if reference:
                self.start(src, reference)
            return
        text = exc.detail if isinstance(exc, VideoError) else str(exc)
        QMessageBox.warning(self._parent, self.tr("The recording cannot be rescued"), text)
