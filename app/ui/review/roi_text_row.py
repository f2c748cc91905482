"""Text on the marked area (plate, sign, lettering) read as a suggestion: the officer edits or
copies it; nothing is written into the case by itself."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.timeread import read_region_text
from app.ui.review.clip_view import ClipView
from app.ui.review.player import ClipPlayer
from app.ui.workers import TaskHandle, run_task


class RoiHost(Protocol):
    """What the row needs from the review panel: the open clip and its marked area."""

    clip_view: ClipView

    @property
    def player(self) -> ClipPlayer | None: ...
    def show_status(self, text: str) -> None: ...


def _read(_ctx, source, index: int, roi: tuple[int, int, int, int]):
    return read_region_text(source.read(index), roi)


class RoiTextRow(QWidget):
    def __init__(self, panel: RoiHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.handle: TaskHandle | None = None
        self.button = QPushButton(self.tr("Read text in the marked area"), self)
        self.button.setToolTip(self.tr("Draw an area first (R). The text read is only a "
                                       "suggestion: check it against the picture."))
        self.button.clicked.connect(self.read)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("suggested text (edit before use)"))
        self.confidence = QLabel("", self)
        copy = QPushButton(self.tr("Copy"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.text()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.button, self.text, self.confidence, copy):
            row.addWidget(w)

    def read(self) -> None:
        player = self.panel.player
        rect = self.panel.clip_view.frame_view.pending_roi()
        if player is None or rect is None:
            self.panel.show_status(self.tr("Mark an area on the picture first (R)."))
            return
        roi = (rect.x(), rect.y(), rect.width(), rect.height())
        self.button.setEnabled(False)
        self.handle = handle = run_task(_read, player.source, player.index, roi, parent=self)
        handle.succeeded.connect(self._on_read)
        handle.finished.connect(lambda: self.button.setEnabled(True))
        handle.failed.connect(lambda exc, _tb: self.panel.show_status(str(exc)))

    def _on_read(self, found: list) -> None:
        if not found:
            self.text.clear()
            self.confidence.setText(self.tr("nothing legible"))
            return
        self.text.setText(" ".join(s.text for s in found))
        self.confidence.setText(f"{min(s.confidence for s in found):.0%}")
