"""Rescuing, from the import dialog, a recording whose index was never written (a dashcam cut
off by the crash, a killed recorder, a copy stopped early): the import names it; a double-click
writes its video as a readable copy under the data folder (in the background, with progress and
cancel), with the report beside it (both hashes, what was skipped), and puts the copy in the
batch with a note naming the original. A recording that kept its settings only in the lost index
asks first for a complete recording of the same camera (:mod:`app.video.lost_index`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.config import AppPaths
from app.ui.workers import TaskContext, TaskHandle, run_with_progress_dialog
from app.video import VideoError
from app.video.lost_index import NeedsReference, Rescued, rescue


def rescue_file(ctx: TaskContext, src: str, folder: str, reference: str | None) -> Rescued:
    """Worker: rescue ``src`` into ``folder`` (made here), cancellable."""
    target, name = Path(folder), Path(src).name
    target.mkdir(parents=True, exist_ok=True)
    try:
        return rescue(src, target, reference=reference, cancel=ctx.is_cancelled,
                      progress=lambda done, total: ctx.report(done, total, name))
    except BaseException:
        if not any(target.iterdir()):      # a failed or cancelled rescue leaves nothing
            target.rmdir()
        raise


class RescueAssist(QObject):
    """Emits ``rescued(path, note)``: the readable copy to import and the note to record."""

    rescued = Signal(str, str)

    def __init__(self, parent: QWidget, paths: AppPaths, file_filter: str) -> None:
        super().__init__(parent)
        self._parent, self._paths, self._filter = parent, paths, file_filter
        self.handle: TaskHandle | None = None

    def start(self, src: str, reference: str | None = None) -> TaskHandle:
        folder = self._paths.data_dir / "rescued" / datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        self.handle = run_with_progress_dialog(
            rescue_file, src, str(folder), reference, parent=self._parent,
            title=self.tr("Rescue a recording"),
            label=self.tr("Rescuing the video of {name}…").format(name=Path(src).name))
        self.handle.succeeded.connect(lambda done: self._done(src, folder, done))
        self.handle.failed.connect(lambda exc, _tb: self._failed(src, exc))
        return self.handle

    def _done(self, src: str, folder: Path, done: Rescued) -> None:
        note = self.tr("rescued from {name} (SHA-256 {sha}); {n} pictures; {skipped} bytes "
                       "skipped; report {report}").format(
            name=Path(src).name, sha=done.source_sha256, n=done.pictures,
            skipped=done.skipped_bytes, report=folder / (done.output + ".json"))
        self.rescued.emit(str(folder / done.output), note)

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
            reference, _ = QFileDialog.getOpenFileName(
                self._parent, self.tr("Choose a complete recording of the same camera"),
                str(Path(src).parent), self._filter)
            if reference:
                self.start(src, reference)
            return
        text = exc.detail if isinstance(exc, VideoError) else str(exc)
        QMessageBox.warning(self._parent, self.tr("The recording cannot be rescued"), text)
