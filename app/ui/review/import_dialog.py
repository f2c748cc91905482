"""Evidence import dialog: many files (button or drag-and-drop), camera, how obtained, note;
runs in the background with progress and cancel; a cancelled or failed file leaves nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import AppPaths
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.evidence import clips as evidence
from app.services.evidence import rescued
from app.services.evidence.cameras import CameraDTO
from app.ui.review.import_clock import ImportClockAssist
from app.ui.review.media_tasks import background_pool, lower_priority
from app.ui.review.rescue_assist import RescueAssist
from app.ui.review.shown_zone import ShownZone
from app.ui.widgets.enum_labels import choices
from app.ui.workers import TaskContext, TaskHandle, run_task
from app.video.formats import dialog_patterns
from app.video.mp4_boxes import needs_rescue

VIDEO_FILTER = dialog_patterns()


@dataclass(frozen=True)
class FileOutcome:
    path: str
    status: str            # imported / duplicate / failed / rescuable / cancelled
    message: str
    evidence_id: int | None


def _import_one(factory, paths: AppPaths, actor: Actor, case_id: int, f: str, fields: dict,
                reference: str | None, rescue: bool, cancel, progress) -> FileOutcome:
    """Copy, hash and record one file; ``rescue``: the recording as received and the readable
    copy of its video (settings from ``reference`` when given), linked."""
    if rescue:
        res = rescued.import_rescue(factory, paths, actor, case_id, f, reference=reference,
                                    cancel=cancel, progress=progress, **fields)
        notes = ""
    else:
        prepared = evidence.prepare_import(paths, f, cancel=cancel, progress=progress)
        res = evidence.record_or_discard(factory, [prepared.stored], lambda s: (
            evidence.register_import(s, actor, case_id, prepared, **fields)))
        notes = "；".join(getattr(prepared.info, "warnings", ()) or ())
    return FileOutcome(f, "duplicate" if res.duplicate else "imported", notes, res.evidence.id)


def import_files(ctx: TaskContext, factory, paths: AppPaths, actor: Actor, case_id: int,
                 files: list[str], fields: dict,
                 rescues: dict[str, str | None] | None = None) -> list[FileOutcome]:
    """Worker: import each file in turn; one bad file does not stop the others. ``rescues``:
    the recordings to import by rescue, with the reference each takes its settings from."""
    lower_priority()
    rescues = rescues or {}
    sizes = [Path(f).stat().st_size if Path(f).is_file() else 0 for f in files]
    total, base = max(1, sum(sizes)), 0
    out: list[FileOutcome] = []
    for f, size in zip(files, sizes, strict=True):
        if ctx.is_cancelled():
            out.append(FileOutcome(f, "cancelled", "", None))
            continue
        name = Path(f).name
        def progress(done: int, of: int, b: int = base, n: str = name, s: int = size) -> None:
            ctx.report(b + s * done // max(1, of), total, n)

        try:
            out.append(_import_one(factory, paths, actor, case_id, f, fields, rescues.get(f),
                                   f in rescues, ctx.is_cancelled, progress))
        except ServiceError as exc:
            status = "cancelled" if ctx.is_cancelled() else "failed"
            if status == "failed" and f not in rescues and Path(f).is_file() and needs_rescue(f):
                status = "rescuable"          # its index was never written: offer the rescue
            out.append(FileOutcome(f, status, str(exc), None))
        base += size
    return out


class ImportDialog(QDialog):
    """Emits ``imported(list[int])`` with new evidence ids and ``open_requested(id)``."""

    imported = Signal(list)
    open_requested = Signal(int)

    def __init__(self, *, factory, paths: AppPaths, actor: Actor, case_id: int, case_no: str,
                 cameras: list[CameraDTO], start_dir: str = "", parent: QWidget | None = None,
                 shown: ShownZone | None = None):
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.shown = shown or ShownZone()  # the case's zone: a start typed by hand is on it
        self.setWindowTitle(self.tr("Import evidence into {case}").format(case=case_no))
        self.setAcceptDrops(True)
        self.resize(720, 520)
        self._factory, self._paths, self._actor, self._case_id = factory, paths, actor, case_id
        self._start_dir = start_dir
        self.handle: TaskHandle | None = None
        self.outcomes: list[FileOutcome] = []
        self.rescues: dict[str, str | None] = {}  # file → reference: import by rescue
        self.files = QListWidget(self)
        self.files.setToolTip(self.tr("Drop video files here"))
        self.files.itemDoubleClicked.connect(self._on_double_click)
        add = QPushButton(self.tr("Add files…"), self)
        add.clicked.connect(self._choose)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(lambda: [self.files.takeItem(self.files.row(i))
                                        for i in self.files.selectedItems()])
        self.camera = QComboBox(self)
        self.camera.addItem(self.tr("(not set)"), None)
        for c in cameras:
            self.camera.addItem(c.label, c.id)
        self.acquisition = QComboBox(self)
        for code, label in choices("acquisitions"):
            self.acquisition.addItem(label, code)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("e.g. copied from DVR channel 3 to USB stick by officer Li"))
        self.start_check = QCheckBox(self.tr("Set the start time (camera clock) by hand"), self)
        self.start_edit = QDateTimeEdit(self.shown.now(), self)
        self.start_edit.setTimeZone(self.shown.qtz)
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.start_edit.setEnabled(False)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self.tr("Add files with the button or drop them here."), self)
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        form = QFormLayout()
        form.addRow(self.tr("Camera"), self.camera)
        form.addRow(self.tr("How obtained"), self.acquisition)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.start_check, self.start_edit)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.files, 1)
        lay.addLayout(row)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        self.clock = ImportClockAssist(self)  # clips without a start time: flag, offer the OSD
        self.rescue = RescueAssist(self, paths, self.file_filter())  # index never written
        self.rescue.rescued.connect(self._on_rescued)
        lay.addWidget(self.clock)
        lay.addLayout(buttons)

    # -- files ---------------------------------------------------------------------------
    def add_files(self, paths: list[str]) -> None:
        """Add files to the batch; after a finished batch the next files start a new one."""
        if self.outcomes and paths:
            self._new_batch()
        known = {self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())}
        for p in paths:
            if p and p not in known:
                item = QListWidgetItem(p)
                item.setData(Qt.ItemDataRole.UserRole, p)
                self.files.addItem(item)

    def _new_batch(self) -> None:
        """Forget the finished batch's results: the dialog takes the next files."""
        self.outcomes = []
        self.rescues = {}
        self.files.clear()
        self.progress.setVisible(False)
        self.status.setText(self.tr("Add files with the button or drop them here."))

    def file_paths(self) -> list[str]:
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose video files"), self._start_dir, self.file_filter())
        self.add_files(names)

    def file_filter(self) -> str:
        """The file dialogs' filter: the video files the engine reads, then all files."""
        return self.tr("Video files ({patterns});;All files (*)").format(patterns=VIDEO_FILTER)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.add_files([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # -- run -----------------------------------------------------------------------------
    def fields(self) -> dict:
        start = None
        if self.start_check.isChecked():
            start = self.shown.from_edit(self.start_edit.dateTime())
        return {"camera_id": self.camera.currentData(), "acquisition": self.acquisition.currentData(),
                "acquisition_note": self.note.text().strip(), "start_time": start}

    def start(self) -> TaskHandle | None:
        files = [] if self.outcomes else self.file_paths()  # a finished batch is not redone
        if not files:
            self.status.setText(self.tr("No files chosen."))
            return None
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status.setText(self.tr("Copying and hashing…"))
        self.handle = run_task(import_files, self._factory, self._paths, self._actor,
                               self._case_id, files, self.fields(),
                               {f: r for f, r in self.rescues.items() if f in files},
                               parent=self, pool=background_pool())
        self.handle.progressed.connect(self._on_progress)
        self.handle.succeeded.connect(self._on_done)
        self.handle.failed.connect(lambda exc, _tb: self._finish_error(str(exc)))
        self.handle.cancelled.connect(lambda: self._finish_error(self.tr("Import cancelled.")))
        return self.handle

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.progress.setValue(int(done * 1000 / total))
        if text:
            self.status.setText(self.tr("Copying and hashing {name}…").format(name=text))

    def _finish_error(self, text: str) -> None:
        self.status.setText(text)
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)

    def _on_done(self, outcomes: list[FileOutcome]) -> None:
        self.outcomes = outcomes
        self.progress.setValue(1000)
        labels = {"imported": self.tr("imported"), "duplicate": self.tr("already imported — "
                  "double-click to open the existing item"), "failed": self.tr("not imported"),
                  "rescuable": self.tr("not imported — double-click to rescue its video into "
                                       "a readable copy"),
                  "cancelled": self.tr("cancelled, nothing imported")}
        colours = {"imported": QColor(0, 130, 0), "duplicate": QColor(0, 90, 200),
                   "failed": QColor(200, 0, 0), "rescuable": QColor(190, 100, 0),
                   "cancelled": QColor(130, 130, 130)}
        self.files.clear()
        for o in outcomes:
            text = f"{Path(o.path).name}: {labels[o.status]}"
            if o.message:
                text += f" — {o.message}"
            item = QListWidgetItem(text)
            item.setToolTip(text)             # the whole reason, however long
            item.setData(Qt.ItemDataRole.UserRole, o.path)
            item.setData(Qt.ItemDataRole.UserRole + 1, o.evidence_id)
            item.setData(Qt.ItemDataRole.UserRole + 2, o.status)
            item.setForeground(QBrush(colours[o.status]))
            self.files.addItem(item)
        counts = {s: sum(1 for o in outcomes if o.status == s) for s in labels}
        self.status.setText(self.tr("{i} imported, {d} already there, {f} not imported, "
                                    "{c} cancelled.").format(i=counts["imported"],
                                                              d=counts["duplicate"],
                                                              f=counts["failed"]
                                                              + counts["rescuable"],
                                                              c=counts["cancelled"]))
        self.cancel_button.setText(self.tr("Close"))
        self.import_button.setEnabled(True)  # the next batch: add files, import again
        new = [o.evidence_id for o in outcomes
               if o.status == "imported" and o.evidence_id is not None]
        self.clock.check(new, self.files)
        if new:
            self.imported.emit(new)

    def _on_double_click(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole + 2) == "rescuable":
            self.rescue.start(item.data(Qt.ItemDataRole.UserRole))
            return
        ident = item.data(Qt.ItemDataRole.UserRole + 1)
        if ident:
            self.open_requested.emit(int(ident))
            self.accept()

    def _on_rescued(self, path: str, reference: str, note: str) -> None:
        """The rescued recording is the next batch: it imports as received, with the readable
        copy of its video (and the reference recording, when one was needed); the note says so."""
        self.add_files([path])
        self.rescues = {path: reference or None}    # the reference comes with the rescue
        item = self.files.item(0)
        item.setText(self.tr("{name} — to import as received, with the readable copy of its "
                             "video").format(name=Path(path).name))
        item.setToolTip(path)
        mine = self.note.text().strip()
        self.note.setText(f"{mine}；{note}" if mine and note not in mine else mine or note)
        self.note.setCursorPosition(0)        # its start shows: what was rescued from where
        self.status.setText(self.tr("{name} can be rescued. Check the note, then press Import.")
                            .format(name=Path(path).name))

    def _cancel_or_close(self) -> None:
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()
            self.handle.wait(10000)
        super().reject()
