"""Training packages: export a closed case anonymized, import a package as a training case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from app.models.db import unit_of_work
from app.services.common.clock import format_local
from app.services.evidence.observations import list_observations
from app.services.training import package_export as training_package
from app.services.training import package_import, replay
from app.services.training.package_format import PackageInfo
from app.ui.error_dialogs import report_error
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons
from app.ui.workers import TaskContext, TaskHandle, run_with_progress_dialog

_STEPS = 1000


def _export(ctx: TaskContext, sessions, actor, paths, case_id, out, ids, blur_all):
    def progress(fraction: float, label: str) -> None:
        ctx.check_cancelled()
        ctx.report(int(fraction * _STEPS), _STEPS, label)

    with unit_of_work(sessions) as s:
        return training_package.export_package(s, actor, paths, case_id, out,
                                               observation_ids=ids, blur_all_rois=blur_all,
                                               progress=progress)


def _import(ctx: TaskContext, sessions, actor, paths, path):
    with unit_of_work(sessions) as s:
        return package_import.import_package(s, actor, paths, path)


class ExportPackageDialog(QDialog):
    """Pick a closed case and the frames to include; names, IDs, phones, plates pseudonymized."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._ctx = window.context
        self.handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Export training package"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Names, ID numbers, phone numbers and plates are replaced by "
                              "consistent pseudonyms; marked regions (faces, plates) are blurred "
                              "on the exported frames."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.case = QComboBox()
        with self._ctx.sessions() as s:
            for cid, no, title in replay.replayable_cases(s, self._ctx.actor):
                self.case.addItem(f"{no}  {title}", cid)
        self.case.currentIndexChanged.connect(self._load_observations)
        layout.addWidget(self.case)
        layout.addWidget(QLabel(self.tr("Frames to include:")))
        self.observations = QListWidget()
        layout.addWidget(self.observations)
        self.blur_all = QCheckBox(self.tr("Blur every marked region (not only faces and plates)"))
        self.blur_all.setChecked(True)
        layout.addWidget(self.blur_all)
        buttons = accept_cancel_buttons(self, self.export, Button.Save)
        layout.addWidget(buttons)
        self._load_observations()

    def _load_observations(self) -> None:
        self.observations.clear()
        case_id = self.case.currentData()
        if case_id is None:
            return
        with unit_of_work(self._ctx.sessions) as s:
            rows = list_observations(s, self._ctx.actor, case_id)
        for o in rows:
            when = format_local(o.wall_time, self._ctx.tz, "%m-%d %H:%M:%S") or "—"
            item = QListWidgetItem(f"{when}  #{o.frame_index}  {o.note[:60]}")
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.observations.addItem(item)

    def chosen_ids(self) -> list[int]:
        return [self.observations.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.observations.count())
                if self.observations.item(i).checkState() == Qt.CheckState.Checked]

    def export(self, out: str | None = None) -> TaskHandle | None:
        case_id = self.case.currentData()
        if case_id is None:
            return None
        if out is None:
            out, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save training package"),
                str(Path(self._ctx.settings.last_export_dir() or Path.home()) / "training.zip"),
                self.tr("Training package (*.zip)"))
            if not out:
                return None
        self.handle = run_with_progress_dialog(
            _export, self._ctx.sessions, self._ctx.actor, self._ctx.paths, case_id, Path(out),
            self.chosen_ids(), self.blur_all.isChecked(), parent=self,
            title=self.tr("Export training package"), label=self.tr("Exporting…"))
        self.handle.succeeded.connect(self._done)
        self.handle.failed.connect(lambda exc, _tb: report_error(exc, self))
        return self.handle

    def _done(self, info: PackageInfo) -> None:
        self._window.show_message(self.tr("Training package saved: {path}").format(path=info.path))
        self.accept()


class ImportTexts(QObject):
    """Translatable texts of the import (a QObject gives ``tr`` its context)."""

    def title(self) -> str:
        return self.tr("Import training package")

    def filter(self) -> str:
        return self.tr("Training package (*.zip)")

    def running(self) -> str:
        return self.tr("Checking and importing the package…")

    def done(self, info: PackageInfo) -> str:
        return self.tr("Imported as a read-only training case: {title} ({frames} frames, "
                       "{events} steps).").format(title=info.title, frames=info.frames,
                                                  events=info.events)


def import_package(window, path: str | None = None) -> TaskHandle | None:
    """Ask for a package and import it as a read-only training case."""
    ctx = window.context
    texts = ImportTexts(window)
    if path is None:
        path, _filter = QFileDialog.getOpenFileName(window, texts.title(), str(Path.home()),
                                                    texts.filter())
        if not path:
            return None
    handle = run_with_progress_dialog(_import, ctx.sessions, ctx.actor, ctx.paths, Path(path),
                                      parent=window, title=texts.title(), label=texts.running(),
                                      cancellable=False)

    def done(info: PackageInfo) -> None:
        window.show_message(texts.done(info), 10000)
        box = QMessageBox(QMessageBox.Icon.Information, texts.title(), texts.done(info),
                          parent=window)
        box.open()
        replay_view = window.view("replay")
        if replay_view is not None:
            replay_view.reload_cases()

    handle.succeeded.connect(done)
    handle.failed.connect(lambda exc, _tb: report_error(exc, window))
    return handle
