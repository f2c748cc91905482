"""Import never loses time silently: after an import, clips without a start time are flagged in
the dialog, which offers to read the clock from the picture and shows what it read before
anything is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget

from app.models.db import unit_of_work
from app.services.evidence import items, osd
from app.ui.workers import TaskContext, TaskHandle, run_task


def read_clocks(ctx: TaskContext, paths, items: list) -> list:
    """Worker: the clock profile of each evidence item (nothing saved)."""
    out = []
    for k, ev in enumerate(items):
        ctx.check_cancelled()
        def progress(done: int, total: int, k: int = k) -> None:
            ctx.report(k * 100 + done * 100 // max(1, total), len(items) * 100)

        prof = osd.read_profile(paths, ev, cancel=ctx.is_cancelled, progress=progress)
        out.append((ev, prof))
    return out


class ImportClockAssist(QWidget):
    """The "no start time" row of the import dialog."""

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.missing: list = []
        self.results: list = []
        self.handle: TaskHandle | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #c0392b")
        self.read_button = QPushButton(self.tr("Read the clock from the picture"), self)
        self.read_button.clicked.connect(self.read)
        self.save_button = QPushButton(self.tr("Use these start times"), self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.read_button)
        row.addWidget(self.save_button)
        self.setVisible(False)

    def check(self, ids: list[int], files: QListWidget) -> None:
        """Flag the newly imported clips that have no start time."""
        with unit_of_work(self.dialog._factory) as s:
            clips = [items.get_evidence(s, self.dialog._actor, i) for i in ids]
        self.missing = [e for e in clips if e.start_time is None]
        for r in range(files.count()):
            item = files.item(r)
            if item.data(Qt.ItemDataRole.UserRole + 1) in {e.id for e in self.missing}:
                item.setText(item.text() + " — ⚠ " + self.tr("no start time"))
                item.setForeground(QBrush(QColor("#c0392b")))
        if self.missing:
            self.label.setText(self.tr(
                "{n} clip(s) have no start time: their frames get no corrected time and they "
                "drop out of the route until the clock is read or a time is entered.").format(
                n=len(self.missing)))
        self.setVisible(bool(self.missing))

    def read(self) -> None:
        self.read_button.setEnabled(False)
        self.label.setText(self.tr("Reading the clock from the picture…"))
        self.handle = handle = run_task(read_clocks, self.dialog._paths, self.missing, parent=self)
        handle.succeeded.connect(self._on_read)
        handle.failed.connect(lambda exc, _tb: self._read_failed(str(exc)))
        handle.cancelled.connect(lambda: self.read_button.setEnabled(True))

    def _read_failed(self, text: str) -> None:
        self.label.setText(text)
        self.read_button.setEnabled(True)

    def _on_read(self, results: list) -> None:
        self.results = results
        lines = []
        for ev, prof in results:
            if prof.found:
                lines.append(self.tr("{name}: camera clock at the first frame {start} (±{unc} s)")
                             .format(name=ev.original_name,
                                     start=prof.start_clock.isoformat(sep=" ", timespec="seconds"),
                                     unc=prof.start_uncertainty_s))
            else:
                lines.append(self.tr("{name}: no clock found in the picture").format(
                    name=ev.original_name))
        self.label.setText("\n".join(lines))
        self.save_button.setVisible(any(p.found for _e, p in results))

    def save(self) -> list[int]:
        """Store the profiles read (start time filled with method "OSD reading")."""
        saved = []
        with unit_of_work(self.dialog._factory) as s:
            for ev, prof in self.results:
                osd.save_profile(s, self.dialog._actor, ev.id, prof)
                if prof.found:
                    saved.append(ev.id)
        self.save_button.setVisible(False)
        self.read_button.setVisible(False)
        self.label.setStyleSheet("")
        self.label.setText(self.tr("Start times saved from the clock in the picture."))
        if saved:
            self.dialog.imported.emit(saved)
        return saved
